//! What the checks of a decision read (the levels already decided in the round), and the
//! yearly ratings a decision writes or a reopening removes, with the figures kept from them.

use super::access::RoundAccess;
use crate::StoreError;
use crate::db::conn::DbConnection;
use crate::db::schema::{
    member_ratings as mr, org_ratings as or, round_members as rm, round_orgs as ro,
};
use crate::reports::subtree::{self, Parts};
use crate::reports::tallies::refresh as tallies;
use crate::tree::refs::enum_code;
use dangvu_domain::Rating;
use diesel::prelude::*;

/// The levels decided in the round for the members of grassroots organization `unit`,
/// except `member`'s.
pub(crate) fn unit_levels(
    conn: &mut DbConnection,
    round: i64,
    unit: i64,
    member: i64,
) -> Result<Vec<Rating>, StoreError> {
    let codes: Vec<Option<String>> = rm::table
        .filter(rm::round_id.eq(round).and(rm::unit_id.eq(unit)))
        .filter(rm::member_id.ne(member))
        .filter(rm::decided_level.is_not_null())
        .select(rm::decided_level)
        .load(conn)?;
    codes.into_iter().flatten().map(|c| enum_code(&c)).collect()
}

/// The levels decided in the round for the parts of an organization: its members (a cell)
/// or its subordinate organizations (a committee).
pub(crate) fn part_levels(
    conn: &mut DbConnection,
    round: i64,
    org: i64,
    cell: bool,
) -> Result<(Vec<Rating>, usize), StoreError> {
    let codes: Vec<Option<String>> = if cell {
        rm::table
            .filter(rm::round_id.eq(round).and(rm::cell_id.eq(org)))
            .select(rm::decided_level)
            .load(conn)?
    } else {
        ro::table
            .filter(ro::round_id.eq(round).and(ro::parent_id.eq(org)))
            .select(ro::decided_level)
            .load(conn)?
    };
    let total = codes.len();
    let levels = codes
        .into_iter()
        .flatten()
        .map(|c| enum_code(&c))
        .collect::<Result<_, _>>()?;
    Ok((levels, total))
}

/// Writes (or with `None`, removes) member `member`'s yearly rating and refreshes the
/// tallies of the cells they were ever in. Quarterly and term rounds write nothing here.
pub(crate) fn member_rating(
    conn: &mut DbConnection,
    access: &RoundAccess,
    member: i64,
    rating: Option<(Rating, Option<u8>)>,
) -> Result<(), StoreError> {
    if !access.kind.is_yearly() {
        return Ok(());
    }
    let year = access.row.year;
    diesel::delete(mr::table.filter(mr::member_id.eq(member).and(mr::year.eq(year))))
        .execute(conn)?;
    if let Some((level, points)) = rating {
        diesel::insert_into(mr::table)
            .values((
                mr::member_id.eq(member),
                mr::year.eq(year),
                mr::rating.eq(level.to_string()),
                mr::score.eq(points.map(i32::from)),
            ))
            .execute(conn)?;
    }
    let cells = tallies::cells_of(conn, &[member])?;
    tallies::refresh(conn, cells)
}

/// Writes (or removes) organization `org`'s yearly rating, with the subtree figures.
pub(crate) fn org_rating(
    conn: &mut DbConnection,
    access: &RoundAccess,
    org: i64,
    rating: Option<(Rating, Option<u8>)>,
) -> Result<(), StoreError> {
    if !access.kind.is_yearly() {
        return Ok(());
    }
    let year = access.row.year;
    subtree::tracked(conn, &[org], Parts::ORG_RATINGS, |c| {
        diesel::delete(or::table.filter(or::org_id.eq(org).and(or::year.eq(year)))).execute(c)?;
        if let Some((level, points)) = rating {
            diesel::insert_into(or::table)
                .values((
                    or::org_id.eq(org),
                    or::year.eq(year),
                    or::rating.eq(level.to_string()),
                    or::score.eq(points.map(i32::from)),
                ))
                .execute(c)?;
        }
        Ok(())
    })
}
