//! The term report of `docs/term-report.md`: every key of the summary report, then the
//! sections of a Party committee's term report, and a reference computation of the figures
//! the records kept today can give.
//!
//! The sections that count records the installation does not keep yet (commitments, cell
//! life, education, mass mobilization, cadre work, inspection) are built in one place,
//! [`TermReport::assemble`], as "nothing recorded": zero counts and `null` percentages, as
//! the specification asks; the issues that add those records replace them there.

mod sections;

pub use sections::*;

use super::{SummaryParams, SummaryReport};
use crate::admissions::figures::AdmissionFigures;
use crate::dataset::Dataset;
use crate::dates::{Date, year_end};
use crate::enums::Rating;
use crate::tree::TreeHistory;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The term report document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TermReport {
    /// The summary report's keys, unchanged and first.
    #[serde(flatten)]
    pub summary: SummaryReport,
    /// One entry per year of `ratings`, each level counted.
    pub rating_levels: Vec<RatingLevelsYear>,
    /// Admissions: dossiers, ceremonies, recognitions.
    pub admission: AdmissionSection,
    /// Signed commitments.
    pub commitments: Commitments,
    /// Cell meetings, resolutions and tasks.
    pub cell_life: CellLife,
    /// Classes and exemplary models.
    pub education: Education,
    /// Mass mobilization.
    pub mass_mobilization: MassMobilization,
    /// Organization and cadre work.
    pub organization: OrganizationSection,
    /// Inspection, supervision and discipline.
    pub inspection: InspectionSection,
}

/// The figures of the term report counted from the member and organization records.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TermFigures {
    /// Each year of the period with any rating, by level.
    pub rating_levels: Vec<RatingLevelsYear>,
    /// Full memberships that began in the period.
    pub recognized_official: u64,
    /// Organizations merged into another in the period.
    pub merged_orgs: u64,
}

impl TermReport {
    /// The document from its parts. `rating_levels` keeps only the years `ratings` lists,
    /// so both always name the same years.
    pub fn assemble(
        summary: SummaryReport,
        figures: TermFigures,
        dossiers: AdmissionFigures,
    ) -> Self {
        let years: Vec<i32> = summary.ratings.iter().map(|r| r.year).collect();
        let rating_levels = figures
            .rating_levels
            .into_iter()
            .filter(|y| years.contains(&y.year))
            .collect();
        TermReport {
            summary,
            rating_levels,
            admission: AdmissionSection {
                dossiers_decided: dossiers.dossiers_decided,
                decided_on_time: dossiers.decided_on_time,
                ceremonies: dossiers.ceremonies,
                ceremonies_on_time: dossiers.ceremonies_on_time,
                recognized_official: figures.recognized_official,
            },
            // No records of these kinds are kept yet: nothing recorded, as the spec says.
            commitments: Commitments::default(),
            cell_life: CellLife::default(),
            education: Education::default(),
            mass_mobilization: MassMobilization::default(),
            organization: OrganizationSection {
                merged_orgs: figures.merged_orgs,
                ..OrganizationSection::default()
            },
            inspection: InspectionSection::default(),
        }
    }
}

/// The reference computation of [`TermFigures`] over a dataset in memory.
pub fn compute_figures(ds: &Dataset, tree: &TreeHistory, params: &SummaryParams) -> TermFigures {
    let in_period = |day: Date| params.from <= day && day <= params.to;
    let recognized_official = ds
        .members
        .iter()
        .filter_map(|m| m.official_on.filter(|d| in_period(*d)).map(|d| (m, d)))
        .filter(|(m, day)| {
            m.registration_on(*day)
                .is_some_and(|o| tree.is_in_subtree(o, &params.org, *day))
        })
        .count() as u64;
    let merged_orgs = ds
        .orgs
        .iter()
        .filter(|o| o.merged_into.is_some())
        .filter_map(|o| o.dissolved_on.filter(|d| in_period(*d)).map(|d| (o, d)))
        .filter(|(o, day)| {
            day.pred_opt()
                .is_some_and(|before| tree.is_in_subtree(&o.code, &params.org, before))
        })
        .count() as u64;
    let rating_levels = params
        .years()
        .map(|year| levels_of(ds, tree, params, year))
        .filter(|y| y.orgs.total() + y.members.total() > 0)
        .collect();
    TermFigures {
        rating_levels,
        recognized_official,
        merged_orgs,
    }
}

/// One year's levels: the populations of the summary's `ratings`.
fn levels_of(
    ds: &Dataset,
    tree: &TreeHistory,
    params: &SummaryParams,
    year: i32,
) -> RatingLevelsYear {
    let mut entry = RatingLevelsYear {
        year,
        orgs: LevelCounts::default(),
        members: LevelCounts::default(),
    };
    let Some(day) = year_end(year) else {
        return entry;
    };
    let grassroots: HashMap<_, _> = ds
        .orgs
        .iter()
        .map(|o| (&o.code, o.org_type.is_grassroots()))
        .collect();
    for r in ds.org_ratings.iter().filter(|r| r.year == year) {
        if grassroots.get(&r.org) == Some(&true) && tree.is_in_subtree(&r.org, &params.org, day) {
            entry.orgs.add(r.rating, 1);
        }
    }
    let members: HashMap<_, _> = ds.members.iter().map(|m| (&m.code, m)).collect();
    for r in ds.member_ratings.iter().filter(|r| r.year == year) {
        let registered = members.get(&r.member).and_then(|m| m.registration_on(day));
        if registered.is_some_and(|o| tree.is_in_subtree(o, &params.org, day)) {
            entry.members.add(r.rating, 1);
        }
    }
    entry
}

/// A level from its stored code, for storage's grouped counts.
pub fn level_of(code: &str) -> Option<Rating> {
    use crate::enums::Enumeration;
    Rating::from_code(code)
}

#[cfg(test)]
mod tests;
