//! The figures of a subtree summed from the pre-aggregated tallies of its cells
//! (`dangvu_domain::summary::cells`): one row per cell of the subtree instead of one per
//! member, so a district's figures cost its few hundred cells, not its thousands of
//! members, and "as of any date" still holds — the tallies are dated like the records.
//!
//! [`refresh`] keeps them: every write that touches what they are derived from rewrites
//! the tallies of the cells concerned in its own transaction. The differential tests
//! (`tests/figures_agree.rs`, `tests/tallies_follow_imports.rs`) hold the sums equal to
//! the domain's member-by-member reference on both engines.

pub(crate) mod refresh;

use crate::StoreError;
use crate::db::conn::DbConnection;
use crate::db::count;
use crate::db::dating::{in_subtree_on, valid_on};
use crate::db::schema::{cell_admissions, cell_counts, cell_ratings, org_paths};
use crate::reports::figures::MemberCounts;
use crate::tree::sql::Place;
use dangvu_domain::Date;
use diesel::dsl::sum;
use diesel::prelude::*;

/// The member counts of every cell of the subtree of `place` on `day`, by the cell's path
/// (cells without members then are left out).
pub(crate) fn counts_by_cell(
    conn: &mut DbConnection,
    place: &Place,
    day: Date,
) -> Result<Vec<(String, MemberCounts)>, StoreError> {
    let rows: Vec<(String, i32, i32, i32)> = org_paths::table
        .inner_join(cell_counts::table.on(cell_counts::org_id.eq(org_paths::org_id)))
        .filter(in_subtree_on(place, day))
        .filter(valid_on(
            cell_counts::valid_from,
            cell_counts::valid_to,
            day,
        ))
        .select((
            org_paths::path,
            cell_counts::members,
            cell_counts::probationary,
            cell_counts::exempted,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(path, members, probationary, exempted)| {
            let counts = MemberCounts {
                members: members.into(),
                probationary: probationary.into(),
                exempted: exempted.into(),
            };
            (path, counts)
        })
        .collect())
}

/// Admissions on days in `[lo, hi)` into the subtree of `place` as it stood on each
/// admission day.
pub(crate) fn admitted_under(
    conn: &mut DbConnection,
    place: &Place,
    lo: Date,
    hi: Date,
) -> Result<u64, StoreError> {
    let n: Option<i64> = cell_admissions::table
        .inner_join(org_paths::table.on(org_paths::org_id.eq(cell_admissions::org_id)))
        .filter(cell_admissions::admitted_on.ge(lo))
        .filter(cell_admissions::admitted_on.lt(hi))
        .filter(in_subtree_on(place, cell_admissions::admitted_on))
        .select(sum(cell_admissions::admitted))
        .get_result(conn)?;
    count(n.unwrap_or(0))
}

/// For each year of `years` whose 31 December falls in the period of `place`: the members
/// registered then in the subtree of `place` rated for the year, and how many of them
/// completed their tasks or better. One statement for all the years.
pub(crate) fn member_ratings_by_year(
    conn: &mut DbConnection,
    place: &Place,
    years: &std::ops::RangeInclusive<i32>,
) -> Result<Vec<(i32, u64, u64)>, StoreError> {
    let rows: Vec<(i32, Option<i64>, Option<i64>)> = cell_ratings::table
        .inner_join(org_paths::table.on(org_paths::org_id.eq(cell_ratings::org_id)))
        .filter(cell_ratings::year.between(*years.start(), *years.end()))
        .filter(cell_ratings::rated_on.ge(place.valid_from))
        .filter(cell_ratings::rated_on.lt(place.valid_to))
        .filter(in_subtree_on(place, cell_ratings::rated_on))
        .group_by(cell_ratings::year)
        .select((
            cell_ratings::year,
            sum(cell_ratings::rated),
            sum(cell_ratings::completed),
        ))
        .load(conn)?;
    rows.into_iter()
        .map(|(year, rated, completed)| {
            // SUM over no rows is NULL: none of them.
            Ok((
                year,
                count(rated.unwrap_or(0))?,
                count(completed.unwrap_or(0))?,
            ))
        })
        .collect()
}
