//! Recording a step: the dossier it would make, or the problems that stop it.
//!
//! [`apply`] builds the dossier with the step added and runs the checks the step calls
//! for on it; failures that an override of the dossier already lets through are dropped.
//! Nothing is recorded unless the answer is `Ok`, so a dossier is never half-changed.

use super::checks::{
    Check, Problem, check_age, check_can_vote, check_course, check_education, check_introducers,
    check_order, unresolved,
};
use super::deadlines::{WorkingDays, ceremony_due, decision_due};
use super::dossier::{
    Closing, Decision, Dossier, IntroducerFacts, Introducers, Override, ProbationEnd,
};
use super::rules::rules_on;
use super::votes::{CellVote, VoteOutcome, undecided};
use crate::codes::MemberCode;
use crate::dates::Date;
use serde::{Deserialize, Serialize};

/// One step of the workflow, with its facts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Step {
    /// Put on the cell's list.
    Listed(Date),
    /// Awareness course completed.
    Course(Date),
    /// Application and CV received.
    Application(Date),
    /// Introducers assigned.
    Introducers(Introducers),
    /// A vote of the cell; a passing one is the cell's resolution.
    Vote(CellVote),
    /// The superior's decision after the votes without a majority; `approved` makes its
    /// day the resolution the later steps count from.
    Referred {
        /// The day the superior decided.
        on: Date,
        /// Whether it approved proposing admission.
        approved: bool,
    },
    /// The grassroots committee's proposal.
    Proposal(Date),
    /// The competent committee's decision.
    Decision(Decision),
    /// The ceremony, with the code of the member record it creates.
    Ceremony {
        /// The ceremony's day = `ngay_vao_dang`.
        on: Date,
        /// The new member's code.
        member: MemberCode,
    },
    /// Recognized as an official member.
    Recognized(Date),
    /// Struck off at the end of probation.
    StruckOff(Date),
    /// Closed without admission.
    Close(Closing),
    /// A failed check let through with a reason.
    Override(Override),
}

/// The dossier with `step` recorded, or the problems that refuse it. `introducers` are the
/// facts storage read about the introducing members (for a step that is the resolution).
pub fn apply(
    dossier: &Dossier,
    step: Step,
    introducers: &[IntroducerFacts],
    calendar: &impl WorkingDays,
) -> Result<Dossier, Vec<Problem>> {
    if dossier.stage().is_final() {
        return Err(vec![Problem::new(
            Check::Finished,
            dossier.stage().to_string(),
        )]);
    }
    let mut next = dossier.clone();
    let mut problems = Vec::new();
    let mut resolved_on = None;
    match step {
        Step::Listed(on) => next.listed_on = Some(on),
        Step::Course(on) => {
            // Checked at the resolution: changing it afterwards would escape the check.
            problems.extend(before_resolution(dossier));
            next.course_on = Some(on);
        }
        Step::Application(on) => next.application_on = Some(on),
        Step::Introducers(who) => {
            problems.extend(before_resolution(dossier));
            next.introducers = who;
        }
        Step::Vote(vote) => {
            problems.extend(before_resolution(dossier));
            problems.extend(check_can_vote(dossier, vote.on));
            require(
                dossier.application_on.is_some(),
                "ngay_nop_don",
                &mut problems,
            );
            next.votes.push(vote);
            if vote.outcome(rules_on(vote.on)) == VoteOutcome::Passed {
                resolved_on = Some(vote.on);
            }
        }
        Step::Referred { on, approved } => {
            problems.extend(before_resolution(dossier));
            if undecided(&dossier.votes) < rules_on(on).votes_before_superior {
                problems.push(Problem::new(Check::MissingStep, "biểu quyết / votes"));
            }
            next.referred_on = Some(on);
            if approved {
                resolved_on = Some(on);
            }
        }
        Step::Proposal(on) => {
            if dossier.resolution_on.is_none() && !dossier.votes.is_empty() {
                problems.push(Problem::new(
                    Check::NotPassed,
                    format!("{}", dossier.votes.len()),
                ));
            } else {
                require(
                    dossier.resolution_on.is_some(),
                    "ngay_nghi_quyet_chi_bo",
                    &mut problems,
                );
            }
            next.proposal_on = Some(on);
        }
        Step::Decision(decision) => {
            require(dossier.proposal_on.is_some(), "ngay_de_nghi", &mut problems);
            if let Some(resolution) = dossier.resolution_on {
                let due = decision_due(resolution, calendar);
                if decision.on > due {
                    problems.push(Problem::new(Check::DecisionLate, format!("> {due}")));
                }
            }
            next.decision = Some(decision);
        }
        Step::Ceremony { on, member } => {
            match &dossier.decision {
                Some(decision) => {
                    let due = ceremony_due(decision.on, calendar);
                    if on > due {
                        problems.push(Problem::new(Check::CeremonyLate, format!("> {due}")));
                    }
                }
                None => problems.push(Problem::new(Check::MissingStep, "ngay_quyet_dinh")),
            }
            next.ceremony_on = Some(on);
            next.member = Some(member);
        }
        Step::Recognized(on) => {
            problems.extend(after_probation(dossier, on));
            next.probation_end = Some(ProbationEnd::Recognized { decided_on: on });
        }
        Step::StruckOff(on) => {
            problems.extend(after_probation(dossier, on));
            next.probation_end = Some(ProbationEnd::StruckOff { on });
        }
        Step::Close(closing) => {
            if dossier.ceremony_on.is_some() {
                problems.push(Problem::new(Check::Finished, "ngay_ket_nap"));
            }
            next.closing = Some(closing);
        }
        Step::Override(o) => {
            if !Problem::new(o.check, "").overridable() || o.reason.trim().is_empty() {
                return Err(vec![Problem::new(
                    o.check,
                    "không được bỏ qua / cannot be overridden",
                )]);
            }
            next.overrides.push(o);
        }
    }
    if let Some(on) = resolved_on {
        next.resolution_on = Some(on);
        problems.extend(resolution_checks(&next, introducers, on));
    }
    problems.extend(check_order(&next));
    let left = unresolved(&next, problems);
    if left.is_empty() { Ok(next) } else { Err(left) }
}

/// The checks of the cell's resolution on `on`: age, education, course, introducers.
pub fn resolution_checks(
    dossier: &Dossier,
    introducers: &[IntroducerFacts],
    on: Date,
) -> Vec<Problem> {
    let mut problems: Vec<Problem> = Vec::new();
    problems.extend(check_age(&dossier.applicant, on));
    problems.extend(check_education(&dossier.applicant));
    problems.extend(check_course(dossier.course_on, on));
    problems.extend(check_introducers(dossier, introducers, on));
    problems
}

fn before_resolution(dossier: &Dossier) -> Option<Problem> {
    dossier.resolution_on.map(|on| {
        Problem::new(
            Check::DatesOutOfOrder,
            format!("ngay_nghi_quyet_chi_bo {on}"),
        )
    })
}

fn after_probation(dossier: &Dossier, on: Date) -> Option<Problem> {
    match dossier.probation_ends_on() {
        None => Some(Problem::new(Check::MissingStep, "ngay_ket_nap")),
        Some(end) if on < end => Some(Problem::new(Check::ProbationNotOver, end.to_string())),
        Some(_) => None,
    }
}

fn require(done: bool, field: &str, problems: &mut Vec<Problem>) {
    if !done {
        problems.push(Problem::new(Check::MissingStep, field));
    }
}
