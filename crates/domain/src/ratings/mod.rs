//! Quality review and rating (kiểm điểm, đánh giá, xếp loại chất lượng) as pure rules: the
//! rule set of each period chosen by the year rated, the old scheme's labels, the 100-point
//! scale, and the checks a committee's decisions must pass (domain.md §3); the monthly
//! results the year-end rating rests on, and the commitments heads and deputies sign.
//!
//! Nothing here reads the clock or stores anything: a round's use case gives the levels and
//! facts it has, and gets back the level that follows and the rules broken.

pub mod checks;
pub mod commitments;
pub mod eligibility;
pub mod legacy;
pub mod monthly;
pub mod points;
pub mod rounds;
pub mod rule_sets;
pub mod statistics;

pub use checks::{OrgShape, RuleId, Violation, disciplined_member, linkage, quota};
pub use commitments::{Commitment, CommitmentOutcome, Evaluation, Post, commitment_figures};
pub use eligibility::{EligibilityFacts, NotRated, eligibility};
pub use legacy::{LegacyMemberLabel, LegacyOrgLabel};
pub use monthly::{Month, MonthlyResult, MonthlyShare, above_monthly_record, monthly_measure};
pub use points::{PointConditions, level_from_points};
pub use rounds::{
    AssessmentForm, Decision, DecisionCheck, Proposal, RoundKind, RoundStatus, SelfAssessment,
    check_member_decision, check_org_decision,
};
pub use rule_sets::{PointThresholds, Quota, RoundPeriod, RuleSet, Scheme, for_year};
