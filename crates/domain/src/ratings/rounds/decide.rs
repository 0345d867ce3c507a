//! What a decision must pass before it is recorded: the level that follows from the points
//! (a different one needs a reason), the discipline cap, the quota of the grassroots
//! organization and, for an organization, the ties to its members or subordinates. A
//! violation whose rule allows an exception passes when the decision carries a reason, and
//! the exception is recorded with it; any other violation refuses the decision.

use crate::enums::{Enumeration, Rating};
use crate::ratings::checks::{OrgShape, RuleId, Violation, disciplined_member, linkage, quota};
use crate::ratings::points::{PointConditions, level_from_points};
use crate::ratings::rule_sets::RuleSet;

/// A decision as the committee gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    /// The level decided.
    pub level: Rating,
    /// The score, where the period scores.
    pub points: Option<u8>,
    /// Why the level differs from the points, or why the quota is exceeded: required when
    /// the decision takes an exception the rules allow.
    pub reason: Option<String>,
}

/// The outcome of the checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecisionCheck {
    /// The decision may be recorded; these exceptions are recorded with its reason.
    Passed {
        /// The rules broken by exception.
        excepted: Vec<Violation>,
    },
    /// The decision is refused for these violations.
    Refused(Vec<Violation>),
}

/// The checks of a member's decision. `unit_levels` are the levels decided in the member's
/// grassroots organization for the round, this decision included; `disciplined` whether
/// the member was disciplined in the period.
pub fn check_member_decision(
    rules: &RuleSet,
    decision: &Decision,
    disciplined: bool,
    unit_levels: &[Rating],
) -> DecisionCheck {
    let mut found: Vec<Violation> = points_violation(rules, decision).into_iter().collect();
    found.extend(disciplined_member(rules, decision.level, disciplined));
    found.extend(quota(rules, unit_levels));
    judge(found, decision.reason.as_deref())
}

/// The checks of an organization's decision, over the levels of its `parts` (members of a
/// cell, subordinate organizations of a committee) decided in the round.
pub fn check_org_decision(
    rules: &RuleSet,
    decision: &Decision,
    shape: OrgShape,
    parts: &[Rating],
    disciplined: usize,
    members: usize,
) -> DecisionCheck {
    let mut found: Vec<Violation> = points_violation(rules, decision).into_iter().collect();
    found.extend(linkage(
        rules,
        shape,
        decision.level,
        parts,
        disciplined,
        members,
    ));
    judge(found, decision.reason.as_deref())
}

/// Passed when every violation allows an exception and a reason is given.
fn judge(found: Vec<Violation>, reason: Option<&str>) -> DecisionCheck {
    let has_reason = reason.is_some_and(|r| !r.trim().is_empty());
    if found.iter().all(|v| v.exception_allowed) && (has_reason || found.is_empty()) {
        DecisionCheck::Passed { excepted: found }
    } else {
        DecisionCheck::Refused(found)
    }
}

/// Points given in a period that does not score, or a level other than the one following
/// from the points (allowed with a reason, QĐ 366 Art. 11).
fn points_violation(rules: &RuleSet, decision: &Decision) -> Option<Violation> {
    let points = decision.points?;
    let Some(thresholds) = rules.points else {
        return Some(Violation {
            rule: RuleId::Points,
            exception_allowed: false,
            message_vi: format!(
                "Kỳ đánh giá này không chấm điểm; bỏ trống ô điểm — {}",
                rules.name
            ),
            message_en: format!(
                "this period is not scored; leave the points empty — {}",
                rules.name
            ),
        });
    };
    if points > 100 {
        return Some(Violation {
            rule: RuleId::Points,
            exception_allowed: false,
            message_vi: format!("Điểm {points} vượt thang 100 điểm — {}", rules.name),
            message_en: format!(
                "{points} points exceed the 100-point scale — {}",
                rules.name
            ),
        });
    }
    let follows = level_from_points(&thresholds, u32::from(points), &PointConditions::default());
    (decision.level < follows).then(|| Violation {
        rule: RuleId::Points,
        exception_allowed: true,
        message_vi: format!(
            "{points} điểm chỉ đạt mức {}; xếp mức {} cần ghi rõ lý do — {}",
            follows.label_vi(),
            decision.level.label_vi(),
            rules.name
        ),
        message_en: format!(
            "{points} points give at most {}; rating {} needs a recorded reason — {}",
            follows.code(),
            decision.level.code(),
            rules.name
        ),
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;
    use crate::ratings::rule_sets::for_year;
    use Rating::*;

    fn decision(level: Rating, points: Option<u8>, reason: Option<&str>) -> Decision {
        Decision {
            level,
            points,
            reason: reason.map(str::to_string),
        }
    }

    fn refused_rules(check: DecisionCheck) -> Vec<RuleId> {
        match check {
            DecisionCheck::Refused(v) => v.iter().map(|v| v.rule).collect(),
            DecisionCheck::Passed { .. } => panic!("passed"),
        }
    }

    #[test]
    fn the_level_follows_the_points_unless_a_reason_is_recorded() {
        let rules = for_year(2025);
        let ok = check_member_decision(rules, &decision(Httnv, Some(85), None), false, &[Httnv]);
        assert_eq!(ok, DecisionCheck::Passed { excepted: vec![] });
        let lower = check_member_decision(rules, &decision(Htnv, Some(85), None), false, &[Htnv]);
        assert!(
            matches!(lower, DecisionCheck::Passed { .. }),
            "a lower level needs no reason"
        );
        let higher = decision(Htxsnv, Some(85), None);
        assert_eq!(
            refused_rules(check_member_decision(rules, &higher, false, &[Httnv; 10])),
            vec![RuleId::Points]
        );
        let with_reason = decision(Htxsnv, Some(85), Some("thành tích đột xuất"));
        let DecisionCheck::Passed { excepted } =
            check_member_decision(rules, &with_reason, false, &[Httnv; 10])
        else {
            panic!("refused")
        };
        assert_eq!(excepted[0].rule, RuleId::Points);
        assert!(excepted[0].message_vi.contains("QĐ 366"));
    }

    #[test]
    fn points_are_refused_where_the_period_does_not_score() {
        let d = decision(Httnv, Some(80), Some("lý do"));
        assert_eq!(
            refused_rules(check_member_decision(for_year(2020), &d, false, &[Httnv])),
            vec![RuleId::Points]
        );
    }

    #[test]
    fn the_quota_takes_an_exception_but_discipline_does_not() {
        let rules = for_year(2020);
        let mut unit = vec![Httnv; 4];
        unit.extend([Htxsnv, Htxsnv]);
        let d = decision(Htxsnv, None, None);
        assert_eq!(
            refused_rules(check_member_decision(rules, &d, false, &unit)),
            vec![RuleId::Quota]
        );
        let excepted = decision(Htxsnv, None, Some("đơn vị có thành tích xuất sắc"));
        assert!(matches!(
            check_member_decision(rules, &excepted, false, &unit),
            DecisionCheck::Passed { .. }
        ));
        let disciplined = decision(Httnv, None, Some("lý do"));
        assert_eq!(
            refused_rules(check_member_decision(rules, &disciplined, true, &[Httnv])),
            vec![RuleId::DisciplinedMember]
        );
    }

    #[test]
    fn an_organization_is_tied_to_its_members() {
        let rules = for_year(2021);
        let d = decision(Httnv, None, Some("lý do"));
        let members = [Httnv, Khtnv, Httnv];
        assert_eq!(
            refused_rules(check_org_decision(
                rules,
                &d,
                OrgShape::Cell,
                &members,
                0,
                3
            )),
            vec![RuleId::Linkage]
        );
        let fine = check_org_decision(rules, &d, OrgShape::Cell, &[Httnv, Htnv], 0, 2);
        assert_eq!(fine, DecisionCheck::Passed { excepted: vec![] });
    }
}
