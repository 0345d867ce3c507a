//! The summary report of `docs/summary-report.md`, counted in SQL.
//!
//! Each figure takes the tree as it stood on its own reference date: `as_of` for the stock
//! figures, each member's admission date for `admitted`, 31 December for a year's ratings.
//! The members' figures are summed from the cells' tallies ([`tallies`]). The domain
//! assembles the document and computes the percentages.

use crate::StoreError;
use crate::db::conn::DbConnection;
use crate::db::count;
use crate::db::dating::in_subtree_on;
use crate::db::schema::{org_paths, org_ratings, organizations};
use crate::reports::figures::figures_of;
use crate::reports::tallies;
use crate::tree::sql::{Place, place_on, places};
use dangvu_domain::dates::year_end;
use dangvu_domain::enums::Enumeration;
use dangvu_domain::summary::{RatingCounts, SummaryParams, SummaryReport};
use dangvu_domain::{Date, OrgType, Rating};
use diesel::dsl::{case_when, count_star, sum};
use diesel::prelude::*;
use diesel::sql_types::Integer;
use std::collections::HashMap;

/// The report on the subtree of `org_id`.
pub(crate) fn report(
    conn: &mut DbConnection,
    org_id: i64,
    params: &SummaryParams,
) -> Result<SummaryReport, StoreError> {
    let figures = figures_of(conn, org_id, params.as_of)?;
    let admitted = admitted(conn, org_id, params.from, params.to)?;
    let members_rated = members_rated(conn, org_id, params.years())?;
    let mut ratings = Vec::new();
    for year in params.years() {
        let Some(day) = year_end(year) else { continue };
        let counts = match place_on(conn, org_id, day)? {
            Some(place) => {
                let members = members_rated.get(&year).copied().unwrap_or_default();
                rating_counts(conn, &place, year, day, members)?
            }
            None => RatingCounts::default(),
        };
        ratings.extend(counts.into_year(year));
    }
    Ok(SummaryReport::new(params, figures, admitted, ratings))
}

/// Members admitted in `[from, to]` while registered in the subtree as it stood on their
/// admission day: one count per place the root had during the period.
fn admitted(conn: &mut DbConnection, org_id: i64, from: Date, to: Date) -> Result<u64, StoreError> {
    let end = to.succ_opt().unwrap_or(to);
    let mut total = 0;
    for place in places(conn, org_id)? {
        let (lo, hi) = (from.max(place.valid_from), end.min(place.valid_to));
        if lo < hi {
            total += tallies::admitted_under(conn, &place, lo, hi)?;
        }
    }
    Ok(total)
}

/// Rated members and of them completed or better, by year of `years`, registered on 31
/// December in the subtree as it stood then: one count per place the root had.
fn members_rated(
    conn: &mut DbConnection,
    org_id: i64,
    years: std::ops::RangeInclusive<i32>,
) -> Result<HashMap<i32, (u64, u64)>, StoreError> {
    let mut by_year: HashMap<i32, (u64, u64)> = HashMap::new();
    for place in places(conn, org_id)? {
        for (year, rated, completed) in tallies::member_ratings_by_year(conn, &place, &years)? {
            let entry = by_year.entry(year).or_default();
            entry.0 += rated;
            entry.1 += completed;
        }
    }
    Ok(by_year)
}

fn codes_where(keep: impl Fn(Rating) -> bool) -> Vec<&'static str> {
    Rating::ALL
        .iter()
        .filter(|r| keep(**r))
        .map(|r| r.code())
        .collect()
}

/// Ratings of `year` in the subtree of `place` (the root's place on 31 December), with the
/// members' counted beforehand for every year ([`members_rated`]).
fn rating_counts(
    conn: &mut DbConnection,
    place: &Place,
    year: i32,
    day: Date,
    (members_rated, members_completed): (u64, u64),
) -> Result<RatingCounts, StoreError> {
    let one = || 1.into_sql::<Integer>();
    let zero = || 0.into_sql::<Integer>();
    let grassroots: Vec<&str> = OrgType::ALL
        .iter()
        .filter(|t| t.is_grassroots())
        .map(|t| t.code())
        .collect();
    let good = org_ratings::rating.eq_any(codes_where(Rating::is_good_or_better));
    let (orgs_rated, orgs_good): (i64, Option<i64>) = org_ratings::table
        .inner_join(org_paths::table.on(org_paths::org_id.eq(org_ratings::org_id)))
        .inner_join(organizations::table.on(organizations::id.eq(org_ratings::org_id)))
        .filter(org_ratings::year.eq(year))
        .filter(organizations::org_type.eq_any(grassroots))
        .filter(in_subtree_on(place, day))
        .select((count_star(), sum(case_when(good, one()).otherwise(zero()))))
        .get_result(conn)?;
    // SUM over no rows is NULL: none of them.
    Ok(RatingCounts {
        orgs_rated: count(orgs_rated)?,
        orgs_good: count(orgs_good.unwrap_or(0))?,
        members_rated,
        members_completed,
    })
}
