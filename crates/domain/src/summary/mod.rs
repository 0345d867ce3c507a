//! The summary report of `docs/summary-report.md`: its document, its parameters and
//! a reference computation over a [`Dataset`] in memory.
//!
//! Storage computes the same figures in SQL for speed; the reference computation is the
//! readable statement of the definitions, and tests hold the two equal.

use crate::codes::OrgCode;
use crate::dataset::Dataset;
use crate::dates::{Date, year_end};
use crate::enums::OrgType;
use crate::error::DomainError;
use crate::membership::{is_exempted_on, is_member_on};
use crate::tree::TreeHistory;
use chrono::Datelike;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

pub mod cells;
mod kinds;
pub mod subtree;
pub mod term;

pub use kinds::FigureKinds;

/// What a summary is asked for: a subtree and a period, with the reference date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummaryParams {
    /// The root of the subtree.
    pub org: OrgCode,
    /// First day of the period.
    pub from: Date,
    /// Last day of the period (inclusive).
    pub to: Date,
    /// The day the stock figures are taken (defaults to `to`).
    pub as_of: Date,
}

impl SummaryParams {
    /// Checks the period: `from` must not be after `to`, and `as_of` defaults to `to`.
    pub fn new(
        org: OrgCode,
        from: Date,
        to: Date,
        as_of: Option<Date>,
    ) -> Result<Self, DomainError> {
        if from > to {
            return Err(DomainError::invalid(
                "from",
                from.to_string(),
                "the period starts after it ends",
            ));
        }
        Ok(Self {
            org,
            from,
            to,
            as_of: as_of.unwrap_or(to),
        })
    }

    /// The years whose ratings the report lists.
    pub fn years(&self) -> std::ops::RangeInclusive<i32> {
        self.from.year()..=self.to.year()
    }
}

/// The stock figures of a subtree on a day (also shown on every organization's page).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Figures {
    /// Active `DANG_BO_CO_SO` and `CHI_BO_CO_SO`.
    pub grassroots_orgs: u64,
    /// Active `CHI_BO_TRUC_THUOC`.
    pub cells_under_grassroots: u64,
    /// Party members (active or exempted).
    pub members: u64,
    /// Members without a full-membership date on or before the day.
    pub members_probationary: u64,
    /// Members exempted on the day.
    pub members_exempted: u64,
}

/// One year's ratings in the subtree.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RatingYear {
    /// The year.
    pub year: i32,
    /// Rated grassroots organizations of the subtree on 31 December.
    pub orgs_rated: u64,
    /// Of them, rated `HTXSNV` or `HTTNV`.
    pub orgs_good_or_better: u64,
    /// 100 × good / rated, one decimal; `null` when none rated.
    pub orgs_good_or_better_pct: Option<f64>,
    /// Rated members registered in the subtree on 31 December.
    pub members_rated: u64,
    /// Of them, rated `HTXSNV`, `HTTNV` or `HTNV`.
    pub members_completed_or_better: u64,
    /// 100 × completed / rated, one decimal; `null` when none rated.
    pub members_completed_or_better_pct: Option<f64>,
}

/// Counts behind one year's ratings, before percentages.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RatingCounts {
    /// Rated grassroots organizations.
    pub orgs_rated: u64,
    /// Of them, good or better.
    pub orgs_good: u64,
    /// Rated members.
    pub members_rated: u64,
    /// Of them, completed or better.
    pub members_completed: u64,
}

impl RatingCounts {
    /// The report entry for `year`, or `None` when nothing was rated (the year is left out).
    pub fn into_year(self, year: i32) -> Option<RatingYear> {
        (self.orgs_rated + self.members_rated > 0).then(|| RatingYear {
            year,
            orgs_rated: self.orgs_rated,
            orgs_good_or_better: self.orgs_good,
            orgs_good_or_better_pct: percent(self.orgs_good, self.orgs_rated),
            members_rated: self.members_rated,
            members_completed_or_better: self.members_completed,
            members_completed_or_better_pct: percent(self.members_completed, self.members_rated),
        })
    }
}

/// The summary document, v1 keys in the order of `docs/summary-report.md`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SummaryReport {
    /// The root's code.
    pub org: String,
    /// First day of the period.
    pub from: Date,
    /// Last day of the period.
    pub to: Date,
    /// The day of the stock figures.
    pub as_of: Date,
    /// Grassroots organizations on `as_of`.
    pub grassroots_orgs: u64,
    /// Cells under grassroots committees on `as_of`.
    pub cells_under_grassroots: u64,
    /// Members on `as_of`.
    pub members: u64,
    /// Probationary members on `as_of`.
    pub members_probationary: u64,
    /// Exempted members on `as_of`.
    pub members_exempted: u64,
    /// Members admitted in the period while registered in the subtree.
    pub admitted: u64,
    /// One entry per year with ratings.
    pub ratings: Vec<RatingYear>,
}

impl SummaryReport {
    /// Assembles the document from its parts.
    pub fn new(
        params: &SummaryParams,
        figures: Figures,
        admitted: u64,
        ratings: Vec<RatingYear>,
    ) -> Self {
        Self {
            org: params.org.to_string(),
            from: params.from,
            to: params.to,
            as_of: params.as_of,
            grassroots_orgs: figures.grassroots_orgs,
            cells_under_grassroots: figures.cells_under_grassroots,
            members: figures.members,
            members_probationary: figures.members_probationary,
            members_exempted: figures.members_exempted,
            admitted,
            ratings,
        }
    }

    /// The stock figures of the document.
    pub fn figures(&self) -> Figures {
        Figures {
            grassroots_orgs: self.grassroots_orgs,
            cells_under_grassroots: self.cells_under_grassroots,
            members: self.members,
            members_probationary: self.members_probationary,
            members_exempted: self.members_exempted,
        }
    }
}

/// 100 × `count` / `total`, rounded half away from zero to one decimal; `None` for 0 total.
pub fn percent(count: u64, total: u64) -> Option<f64> {
    if total == 0 {
        return None;
    }
    // Integer arithmetic in tenths avoids binary rounding surprises (e.g. 85.75 → 85.8).
    let tenths = (count * 2000 + total) / (2 * total);
    Some(tenths as f64 / 10.0)
}

/// The reference computation of the whole report over a dataset.
pub fn compute(ds: &Dataset, tree: &TreeHistory, params: &SummaryParams) -> SummaryReport {
    let figures = figures_on(ds, tree, &params.org, params.as_of);
    let admitted = ds
        .members
        .iter()
        .filter(|m| m.admitted_on >= params.from && m.admitted_on <= params.to)
        .filter(|m| {
            m.registration_on(m.admitted_on)
                .is_some_and(|o| tree.is_in_subtree(o, &params.org, m.admitted_on))
        })
        .count() as u64;
    let ratings = params
        .years()
        .filter_map(|year| rating_counts(ds, tree, &params.org, year).into_year(year))
        .collect();
    SummaryReport::new(params, figures, admitted, ratings)
}

/// The stock figures of the subtree of `root` on `day`.
pub fn figures_on(ds: &Dataset, tree: &TreeHistory, root: &OrgCode, day: Date) -> Figures {
    let mut f = Figures::default();
    for org in ds
        .orgs
        .iter()
        .filter(|o| tree.is_in_subtree(&o.code, root, day))
    {
        f.grassroots_orgs += u64::from(org.org_type.is_grassroots());
        f.cells_under_grassroots += u64::from(org.org_type == OrgType::ChiBoTrucThuoc);
    }
    for m in ds
        .members
        .iter()
        .filter(|m| is_member_on(m, day, |o| tree.is_in_subtree(o, root, day)))
    {
        f.members += 1;
        f.members_probationary += u64::from(m.is_probationary_on(day));
        f.members_exempted += u64::from(is_exempted_on(m, day));
    }
    f
}

fn rating_counts(ds: &Dataset, tree: &TreeHistory, root: &OrgCode, year: i32) -> RatingCounts {
    let mut c = RatingCounts::default();
    let Some(day) = year_end(year) else { return c };
    let org_types: HashMap<&OrgCode, OrgType> =
        ds.orgs.iter().map(|o| (&o.code, o.org_type)).collect();
    for r in ds.org_ratings.iter().filter(|r| r.year == year) {
        let grassroots = org_types.get(&r.org).is_some_and(|t| t.is_grassroots());
        if grassroots && tree.is_in_subtree(&r.org, root, day) {
            c.orgs_rated += 1;
            c.orgs_good += u64::from(r.rating.is_good_or_better());
        }
    }
    let members: HashMap<_, _> = ds.members.iter().map(|m| (&m.code, m)).collect();
    for r in ds.member_ratings.iter().filter(|r| r.year == year) {
        let registered = members.get(&r.member).and_then(|m| m.registration_on(day));
        if registered.is_some_and(|o| tree.is_in_subtree(o, root, day)) {
            c.members_rated += 1;
            c.members_completed += u64::from(r.rating.is_completed_or_better());
        }
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_round_half_away_from_zero_to_one_decimal() {
        assert_eq!(percent(66, 77), Some(85.7));
        assert_eq!(percent(34, 42), Some(81.0));
        assert_eq!(percent(1, 8), Some(12.5));
        assert_eq!(percent(343, 400), Some(85.8)); // 85.75 exactly: half goes up
        assert_eq!(percent(1, 3), Some(33.3));
        assert_eq!(percent(2, 3), Some(66.7));
        assert_eq!(percent(0, 5), Some(0.0));
        assert_eq!(percent(5, 5), Some(100.0));
        assert_eq!(percent(0, 0), None);
    }

    #[test]
    fn a_period_that_ends_before_it_starts_is_rejected() {
        let org = OrgCode::parse("VX").unwrap();
        let d = |s| crate::dates::parse_date("d", s).unwrap();
        assert!(SummaryParams::new(org.clone(), d("2020-01-01"), d("2019-01-01"), None).is_err());
        let p = SummaryParams::new(org, d("2015-08-01"), d("2020-07-31"), None).unwrap();
        assert_eq!(p.as_of, d("2020-07-31"));
        assert_eq!(p.years().count(), 6);
    }

    #[test]
    fn a_year_without_ratings_is_left_out_and_empty_sides_are_null() {
        assert_eq!(RatingCounts::default().into_year(2019), None);
        let y = RatingCounts {
            members_rated: 3,
            members_completed: 2,
            ..Default::default()
        }
        .into_year(2019)
        .unwrap();
        assert_eq!(y.orgs_good_or_better_pct, None);
        assert_eq!(y.members_completed_or_better_pct, Some(66.7));
    }
}
