//! The deadlines of a dossier on the working-day calendar, and its open step as a
//! [`DueItem`] for the list of what is due.
//!
//! "Within N working days from X" is on or before the N-th working day after X (X not
//! counted), as interchange-v2.md defines it; the calendar answers that day.

use super::dossier::Dossier;
use super::rules::rules_on;
use crate::calendar::WorkingCalendar;
use crate::dates::Date;
use crate::due::{DueItem, DueKind};

/// What the deadlines need of a calendar: the N-th working day after a day. The
/// installation's [`WorkingCalendar`] is one; tests may use a simpler one.
pub trait WorkingDays {
    /// The N-th working day after `after` (not counting `after`).
    fn nth_after(&self, after: Date, n: u32) -> Date;
}

impl WorkingDays for WorkingCalendar {
    fn nth_after(&self, after: Date, n: u32) -> Date {
        self.nth_working_day_after(after, n)
    }
}

/// The last day for the admission decision after the cell's resolution on `resolution`.
pub fn decision_due(resolution: Date, calendar: &impl WorkingDays) -> Date {
    calendar.nth_after(resolution, rules_on(resolution).decision_working_days)
}

/// The last day for the ceremony after the decision of `decision`.
pub fn ceremony_due(decision: Date, calendar: &impl WorkingDays) -> Date {
    calendar.nth_after(decision, rules_on(decision).ceremony_working_days)
}

/// The last day for the cell's review after probation ends on `probation_end`.
pub fn review_due(probation_end: Date, calendar: &impl WorkingDays) -> Date {
    calendar.nth_after(probation_end, rules_on(probation_end).review_working_days)
}

/// The step the dossier waits for on `as_of`, with its due day: the decision after the
/// resolution, the ceremony after the decision, the review once probation has ended.
/// `None` for a dossier that is finished, closed, or before its resolution (those steps
/// have no deadline).
pub fn open_step(dossier: &Dossier, as_of: Date, calendar: &impl WorkingDays) -> Option<DueItem> {
    if dossier.stage().is_final() {
        return None;
    }
    let (kind, since, due_on) = if dossier.ceremony_on.is_some() {
        let end = dossier.probation_ends_on()?;
        (DueKind::RecognitionReview, end, review_due(end, calendar))
    } else if let Some(decision) = &dossier.decision {
        (
            DueKind::AdmissionCeremony,
            decision.on,
            ceremony_due(decision.on, calendar),
        )
    } else {
        let resolution = dossier.resolution_on?;
        (
            DueKind::AdmissionDecision,
            resolution,
            decision_due(resolution, calendar),
        )
    };
    (since <= as_of).then(|| DueItem {
        kind,
        subject: dossier.code.clone(),
        person: dossier.applicant.full_name.clone(),
        org: dossier.cell.clone(),
        since,
        due_on,
    })
}
