//! The summary report of `docs/summary-report.md`, counted in SQL.
//!
//! Each figure takes the tree as it stood on its own reference date: `as_of` for the stock
//! figures, each member's admission date for `admitted`, 31 December for a year's ratings.
//! All of them are read from the root's pre-summed figures ([`subtree`]), which keep the
//! tree's history: a few rows of the root's own, whatever the size of its subtree. The
//! domain assembles the document and computes the percentages.

use crate::StoreError;
use crate::db::conn::DbConnection;
use crate::db::count;
use crate::reports::figures::figures_of;
use crate::reports::subtree;
use dangvu_domain::Date;
use dangvu_domain::dates::year_end;
use dangvu_domain::summary::subtree::YearCounts;
use dangvu_domain::summary::{RatingCounts, SummaryParams, SummaryReport};

/// The report on the subtree of `org_id`.
pub(crate) fn report(
    conn: &mut DbConnection,
    org_id: i64,
    params: &SummaryParams,
) -> Result<SummaryReport, StoreError> {
    let figures = figures_of(conn, org_id, params.as_of)?;
    let admitted = subtree::admitted(conn, org_id, params.from, params.to)?;
    let years = subtree::years(conn, org_id, &params.years())?;
    let mut ratings = Vec::new();
    for year in params.years() {
        let counts = rating_counts(years.get(&year).copied().unwrap_or_default())?;
        ratings.extend(counts.into_year(year));
    }
    Ok(SummaryReport::new(params, figures, admitted, ratings))
}

/// The admissions of each year of the period, within the period.
pub(crate) fn admissions_by_year(
    conn: &mut DbConnection,
    org_id: i64,
    params: &SummaryParams,
) -> Result<Vec<(i32, u64)>, StoreError> {
    let mut out = Vec::new();
    for year in params.years() {
        let (Some(first), Some(last)) = (Date::from_ymd_opt(year, 1, 1), year_end(year)) else {
            continue;
        };
        let from = first.max(params.from);
        let to = last.min(params.to);
        out.push((year, subtree::admitted(conn, org_id, from, to)?));
    }
    Ok(out)
}

/// A year's ratings as the report counts them (a negative count is corrupt data).
fn rating_counts(c: YearCounts) -> Result<RatingCounts, StoreError> {
    Ok(RatingCounts {
        orgs_rated: count(c.orgs_rated)?,
        orgs_good: count(c.orgs_good)?,
        members_rated: count(c.members_rated)?,
        members_completed: count(c.members_completed)?,
    })
}
