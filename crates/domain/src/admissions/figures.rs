//! The `admission` figures of the term report (report-term.md), computed from dossiers: the
//! reference that the storage's count is tested against.

use super::deadlines::{WorkingDays, ceremony_due, decision_due};
use super::dossier::Dossier;
use crate::codes::OrgCode;
use crate::dates::Date;
use serde::Serialize;

/// Decisions and ceremonies of a period in a subtree, and how many were on time.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct AdmissionFigures {
    /// Dossiers decided in the period, their cell in the subtree on the decision day.
    pub dossiers_decided: u64,
    /// Of them, with a resolution and decided within 60 working days of it.
    pub decided_on_time: u64,
    /// Ceremonies in the period, the cell in the subtree on the ceremony day.
    pub ceremonies: u64,
    /// Of them, within 30 working days of the decision.
    pub ceremonies_on_time: u64,
}

/// The figures of `dossiers` for the period `from..=to`; `in_subtree(cell, day)` says
/// whether a cell was in the subtree on a day.
pub fn admission_figures(
    dossiers: &[Dossier],
    from: Date,
    to: Date,
    in_subtree: impl Fn(&OrgCode, Date) -> bool,
    calendar: &impl WorkingDays,
) -> AdmissionFigures {
    let mut f = AdmissionFigures::default();
    let in_period = |day: Date| from <= day && day <= to;
    for d in dossiers {
        if let Some(decision) = &d.decision
            && in_period(decision.on)
            && in_subtree(&d.cell, decision.on)
        {
            f.dossiers_decided += 1;
            let on_time = d
                .resolution_on
                .is_some_and(|r| decision.on <= decision_due(r, calendar));
            f.decided_on_time += u64::from(on_time);
        }
        if let Some(ceremony) = d.ceremony_on
            && in_period(ceremony)
            && in_subtree(&d.cell, ceremony)
        {
            f.ceremonies += 1;
            let on_time = d
                .decision
                .as_ref()
                .is_some_and(|x| ceremony <= ceremony_due(x.on, calendar));
            f.ceremonies_on_time += u64::from(on_time);
        }
    }
    f
}
