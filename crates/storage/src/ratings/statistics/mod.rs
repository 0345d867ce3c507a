//! Rating statistics in SQL: each year's levels among the grassroots organizations, the
//! cells and the members of a subtree on 31 December (the populations of the term report's
//! `rating_levels`), the results sheet a committee sends upward, and the findings an import
//! of historical ratings reports. `dangvu_domain::ratings::statistics::compute` is the
//! reference the counts are tested against.
//!
//! Members are counted from their ratings and registrations (the cells' pre-summed tallies
//! keep only "rated" and "completed", not each level): one grouped query per year, which
//! starts from the year's ratings (`member_ratings_year`) and reaches the registration by
//! `registrations_member` and the place by `org_paths_org`.

pub(crate) mod findings;
mod sheet;

use crate::db::conn::DbConnection;
use crate::db::count;
use crate::db::dating::{in_subtree_on, valid_on};
use crate::db::schema::{member_ratings, org_paths, org_ratings, organizations, registrations};
use crate::tree::access::visible_org;
use crate::tree::refs::enum_code;
use crate::tree::sql::{Place, place_on};
use crate::{Scope, Store, StoreError};
use dangvu_domain::dates::year_end;
use dangvu_domain::enums::{Enumeration, OrgType, Rating};
use dangvu_domain::ratings::statistics::YearStatistics;
use dangvu_domain::ratings::statistics::sheet::ResultsSheet;
use dangvu_domain::summary::term::LevelCounts;
use dangvu_domain::{Date, OrgCode};
use diesel::dsl::count_star;
use diesel::prelude::*;
use std::ops::RangeInclusive;

// The grouped counts below group by a column of two tables.
diesel::allow_columns_to_appear_in_same_group_by_clause!(
    organizations::org_type,
    org_ratings::rating,
);
diesel::allow_columns_to_appear_in_same_group_by_clause!(org_paths::path, member_ratings::rating,);

impl Store {
    /// Each year of `years` for the subtree of `code`: organizations and members by level.
    #[tracing::instrument(skip_all, fields(org = %code), err)]
    pub fn rating_statistics(
        &self,
        scope: &Scope,
        code: &OrgCode,
        years: RangeInclusive<i32>,
    ) -> Result<Vec<YearStatistics>, StoreError> {
        self.read(|c| {
            let org_id = visible_org(c, scope, code.as_str())?;
            years.map(|year| year_of(c, org_id, year)).collect()
        })
    }

    /// The results sheet of `code` for `year`: one row per organization directly under it
    /// on 31 December.
    #[tracing::instrument(skip_all, fields(org = %code, year), err)]
    pub fn results_sheet(
        &self,
        scope: &Scope,
        code: &OrgCode,
        year: i32,
    ) -> Result<ResultsSheet, StoreError> {
        self.read(|c| {
            let org_id = visible_org(c, scope, code.as_str())?;
            sheet::sheet(c, org_id, year)
        })
    }
}

/// One year's statistics of the subtree of `root_id`.
fn year_of(conn: &mut DbConnection, root_id: i64, year: i32) -> Result<YearStatistics, StoreError> {
    let mut entry = YearStatistics::empty(year);
    let Some(day) = year_end(year) else {
        return Ok(entry);
    };
    let Some(root) = place_on(conn, root_id, day)? else {
        return Ok(entry);
    };
    let kinds = [
        OrgType::DangBoCoSo.code(),
        OrgType::ChiBoCoSo.code(),
        OrgType::ChiBoTrucThuoc.code(),
    ];
    let orgs: Vec<(String, String, i64)> = org_ratings::table
        .inner_join(organizations::table.on(organizations::id.eq(org_ratings::org_id)))
        .inner_join(org_paths::table.on(org_paths::org_id.eq(org_ratings::org_id)))
        .filter(org_ratings::year.eq(year))
        .filter(organizations::org_type.eq_any(kinds))
        .filter(in_subtree_on(&root, day))
        .group_by((organizations::org_type, org_ratings::rating))
        .select((organizations::org_type, org_ratings::rating, count_star()))
        .load(conn)?;
    for (kind, rating, n) in orgs {
        let kind: OrgType = enum_code(&kind)?;
        let into = if kind.is_grassroots() {
            &mut entry.grassroots
        } else {
            &mut entry.cells
        };
        into.add(enum_code(&rating)?, count(n)?);
    }
    for (rating, n) in member_levels(conn, &root, day, year)? {
        entry.members.add(rating, n);
    }
    Ok(entry)
}

/// The levels of the members registered in the subtree of `root` on `day`, rated `year`.
pub(crate) fn member_levels(
    conn: &mut DbConnection,
    root: &Place,
    day: Date,
    year: i32,
) -> Result<Vec<(Rating, u64)>, StoreError> {
    let rows: Vec<(String, i64)> = member_ratings::table
        .inner_join(registrations::table.on(registrations::member_id.eq(member_ratings::member_id)))
        .inner_join(org_paths::table.on(org_paths::org_id.eq(registrations::org_id)))
        .filter(member_ratings::year.eq(year))
        .filter(valid_on(
            registrations::valid_from,
            registrations::valid_to,
            day,
        ))
        .filter(in_subtree_on(root, day))
        .group_by(member_ratings::rating)
        .select((member_ratings::rating, count_star()))
        .load(conn)?;
    rows.into_iter()
        .map(|(code, n)| Ok((enum_code(&code)?, count(n)?)))
        .collect()
}

/// `counts` as the list of levels the domain's checks take.
pub(crate) fn spelled_out(counts: &[(Rating, u64)]) -> Vec<Rating> {
    counts
        .iter()
        .flat_map(|(level, n)| std::iter::repeat_n(*level, *n as usize))
        .collect()
}

/// Adds `counts` to `into`.
fn add_all(into: &mut LevelCounts, counts: &[(Rating, u64)]) {
    for (level, n) in counts {
        into.add(*level, *n);
    }
}

/// An organization code as stored.
fn parse_code(code: &str) -> Result<OrgCode, StoreError> {
    OrgCode::parse(code).map_err(|_| StoreError::Corrupt(format!("organization code {code:?}")))
}
