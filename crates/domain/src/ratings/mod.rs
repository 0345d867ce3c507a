//! Quality review and rating (kiểm điểm, đánh giá, xếp loại chất lượng) as pure rules: the
//! rule set of each period chosen by the year rated, the old scheme's labels, the 100-point
//! scale, and the checks a committee's decisions must pass (domain.md §3).
//!
//! Nothing here reads the clock or stores anything: a round's use case gives the levels and
//! facts it has, and gets back the level that follows and the rules broken.

pub mod checks;
pub mod eligibility;
pub mod legacy;
pub mod points;
pub mod rule_sets;
pub mod statistics;

pub use checks::{OrgShape, RuleId, Violation, disciplined_member, linkage, quota};
pub use eligibility::{EligibilityFacts, NotRated, eligibility};
pub use legacy::{LegacyMemberLabel, LegacyOrgLabel};
pub use points::{PointConditions, level_from_points};
pub use rule_sets::{PointThresholds, Quota, RoundPeriod, RuleSet, Scheme, for_year};
