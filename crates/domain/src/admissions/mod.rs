//! Admissions (phát triển đảng viên): an applicant's dossier from the cell's list of
//! outstanding non-members to full membership, as pure rules.
//!
//! A [`Dossier`] holds the facts recorded so far; its [`Stage`] is derived from them, never
//! stored, so that it cannot disagree with them. Each step is checked before it is recorded
//! ([`checks`]): a failed check is a typed [`Problem`] with a Vietnamese message, its English
//! twin for logs and the rule's source. Whether a failed check may be overridden (with a
//! reason that is audited) or refuses the step is the table [`checks::allowance_table`]. The
//! numbers of the rules (two thirds, 60 / 30 / 30 working days, 18–60 years, five years of
//! an awareness certificate) are a [`RuleSet`] chosen by the date they apply on, because the
//! Charter's implementing regulations were replaced several times (domain.md §0.1).
//! Deadlines count working days on the installation's calendar ([`deadlines`]).

pub mod checks;
pub mod deadlines;
mod dossier;
pub mod figures;
pub mod interchange;
mod messages;
mod rules;
mod stage;
pub mod steps;
mod votes;

pub use checks::{Allowance, Check, Problem};
pub use dossier::{
    Applicant, Closing, Decision, Dossier, IntroducerFacts, Introducers, Override, ProbationEnd,
};
pub use rules::{RuleSet, rules_on};
pub use stage::Stage;
pub use votes::{CellVote, VoteOutcome};

#[cfg(test)]
mod tests;
