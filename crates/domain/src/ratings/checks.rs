//! The checks that run as a committee decides ratings: the quota on HTXSNV, and the ties
//! between an organization's rating and its members' and subordinates' (HD 21-HD/BTCTW
//! 2019 §3.4, QĐ 124-QĐ/TW 2023). A violation blocks the decision unless its rule allows an
//! exception, which is then recorded with its reason; history imported as it happened gets
//! the same checks as findings.

use super::rule_sets::RuleSet;
use crate::enums::{Enumeration, Rating};

/// Which rule a violation breaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RuleId {
    /// HTXSNV above the quota of a grassroots organization.
    Quota,
    /// An organization rated HTTNV or better whose members or subordinates do not allow it.
    Linkage,
    /// A member disciplined in the year rated above HTNV.
    DisciplinedMember,
    /// An organization with too many members disciplined in the year, not rated KHTNV.
    DisciplinedShare,
    /// A level other than the one the points give, or points where the period does not score.
    Points,
}

impl RuleId {
    /// A stable code for reports and the API.
    pub fn code(self) -> &'static str {
        match self {
            Self::Quota => "TY_LE_HTXSNV",
            Self::Linkage => "LIEN_THONG_XEP_LOAI",
            Self::DisciplinedMember => "DANG_VIEN_BI_KY_LUAT",
            Self::DisciplinedShare => "TY_LE_KY_LUAT",
            Self::Points => "DIEM_XEP_LOAI",
        }
    }
}

/// A broken rule, with what to tell the committee.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// The rule.
    pub rule: RuleId,
    /// Whether the rules allow an exception (recorded with a reason).
    pub exception_allowed: bool,
    /// The message, in Vietnamese, naming the rule and its source.
    pub message_vi: String,
    /// The message in English, for logs and the command line.
    pub message_en: String,
}

/// What an organization is, for the linkage rules: a cell rates by its members, a committee
/// by its subordinate organizations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrgShape {
    /// A cell (chi bộ): its members.
    Cell,
    /// A committee (đảng bộ): its subordinate organizations.
    Committee,
}

/// The quota in one grassroots organization, over the levels decided for its members.
pub fn quota(rules: &RuleSet, levels: &[Rating]) -> Option<Violation> {
    let quota = rules.quota?;
    let good = count(levels, Rating::Httnv);
    let excellent = count(levels, Rating::Htxsnv);
    let allowed = good * quota.percent_of_good as usize / 100;
    (excellent > allowed).then(|| Violation {
        rule: RuleId::Quota,
        exception_allowed: quota.exception_allowed,
        message_vi: format!(
            "Số đảng viên Hoàn thành xuất sắc nhiệm vụ ({excellent}) vượt {}% số Hoàn thành tốt nhiệm vụ ({good}, tối đa {allowed}) — {}",
            quota.percent_of_good, rules.name
        ),
        message_en: format!(
            "{excellent} members rated HTXSNV exceed {}% of the {good} rated HTTNV (at most {allowed}) — {}",
            quota.percent_of_good, rules.name
        ),
    })
}

/// A member disciplined in the year may not be rated above HTNV.
pub fn disciplined_member(rules: &RuleSet, level: Rating, disciplined: bool) -> Option<Violation> {
    (disciplined && level.is_good_or_better()).then(|| Violation {
        rule: RuleId::DisciplinedMember,
        exception_allowed: false,
        message_vi: format!(
            "Đảng viên bị kỷ luật trong năm không được xếp loại trên Hoàn thành nhiệm vụ (đề xuất: {}) — {}",
            level.label_vi(),
            rules.name
        ),
        message_en: format!(
            "a member disciplined in the year cannot be rated above HTNV (proposed {}) — {}",
            level.code(),
            rules.name
        ),
    })
}

/// The ties of an organization rated `level` to the levels of its `parts` (members of a
/// cell, subordinates of a committee) and the number of its members disciplined in the year.
pub fn linkage(
    rules: &RuleSet,
    shape: OrgShape,
    level: Rating,
    parts: &[Rating],
    disciplined: usize,
    members: usize,
) -> Vec<Violation> {
    let mut found = Vec::new();
    let l = rules.linkage;
    if level.is_good_or_better() && !parts.is_empty() {
        let below = count(parts, Rating::Khtnv);
        let good = parts.iter().filter(|r| r.is_good_or_better()).count();
        let share = good * 100 / parts.len();
        if below > 0 || share < l.good_share_percent as usize {
            let (vi, en) = match shape {
                OrgShape::Cell => ("đảng viên", "members"),
                OrgShape::Committee => ("tổ chức trực thuộc", "subordinate organizations"),
            };
            found.push(Violation {
                rule: RuleId::Linkage,
                exception_allowed: false,
                message_vi: format!(
                    "Xếp loại {} cần 100% {vi} từ Hoàn thành nhiệm vụ trở lên và ít nhất {}% từ Hoàn thành tốt nhiệm vụ: có {below} không hoàn thành, {share}% từ tốt trở lên — {}",
                    level.label_vi(),
                    l.good_share_percent,
                    rules.name
                ),
                message_en: format!(
                    "{} needs all {en} HTNV or better and at least {}% HTTNV or better: {below} KHTNV, {share}% good or better — {}",
                    level.code(),
                    l.good_share_percent,
                    rules.name
                ),
            });
        }
    }
    let too_many =
        members > 0 && disciplined * 100 > members * l.disciplined_share_percent as usize;
    if too_many && level != Rating::Khtnv {
        found.push(Violation {
            rule: RuleId::DisciplinedShare,
            exception_allowed: false,
            message_vi: format!(
                "Hơn {}% đảng viên bị kỷ luật trong năm ({disciplined}/{members}): tổ chức xếp loại Không hoàn thành nhiệm vụ — QĐ 124-QĐ/TW (2023)",
                l.disciplined_share_percent
            ),
            message_en: format!(
                "more than {}% of members disciplined in the year ({disciplined}/{members}): the organization is KHTNV — QĐ 124-QĐ/TW (2023)",
                l.disciplined_share_percent
            ),
        });
    }
    found
}

fn count(levels: &[Rating], level: Rating) -> usize {
    levels.iter().filter(|r| **r == level).count()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::super::rule_sets::for_year;
    use super::*;
    use Rating::*;

    fn levels(spec: &[(Rating, usize)]) -> Vec<Rating> {
        spec.iter()
            .flat_map(|(l, n)| std::iter::repeat_n(*l, *n))
            .collect()
    }

    #[test]
    fn the_quota_is_a_fifth_of_those_rated_well() {
        let rules = for_year(2020);
        assert!(quota(rules, &levels(&[(Htxsnv, 4), (Httnv, 20), (Htnv, 5)])).is_none());
        let over = quota(rules, &levels(&[(Htxsnv, 5), (Httnv, 20)])).unwrap();
        assert_eq!(over.rule, RuleId::Quota);
        assert!(over.exception_allowed);
        assert!(over.message_vi.contains("(5)") && over.message_vi.contains("tối đa 4"));
        assert!(over.message_vi.contains("HD 21-HD/BTCTW"));
        // Before 2018 there was no quota.
        assert!(quota(for_year(2016), &levels(&[(Htxsnv, 5)])).is_none());
    }

    #[test]
    fn an_organization_rated_well_needs_its_members_rated_well() {
        let rules = for_year(2020);
        let cell = |level, parts: &[(Rating, usize)]| {
            linkage(rules, OrgShape::Cell, level, &levels(parts), 0, 10)
        };
        assert!(cell(Httnv, &[(Httnv, 5), (Htnv, 5)]).is_empty());
        assert_eq!(cell(Httnv, &[(Httnv, 4), (Htnv, 6)]).len(), 1, "40% good");
        assert_eq!(
            cell(Htxsnv, &[(Httnv, 9), (Khtnv, 1)]).len(),
            1,
            "one KHTNV"
        );
        assert!(cell(Htnv, &[(Khtnv, 10)]).is_empty(), "HTNV is not tied");
        let committee = linkage(rules, OrgShape::Committee, Httnv, &[Khtnv, Httnv], 0, 0);
        assert!(committee[0].message_vi.contains("tổ chức trực thuộc"));
    }

    #[test]
    fn discipline_caps_members_and_sinks_organizations() {
        let rules = for_year(2021);
        assert!(disciplined_member(rules, Httnv, true).is_some());
        assert!(disciplined_member(rules, Htnv, true).is_none());
        assert!(disciplined_member(rules, Htxsnv, false).is_none());
        let sunk = linkage(rules, OrgShape::Cell, Htnv, &[], 3, 10);
        assert_eq!(sunk[0].rule, RuleId::DisciplinedShare);
        assert!(linkage(rules, OrgShape::Cell, Khtnv, &[], 3, 10).is_empty());
        assert!(
            linkage(rules, OrgShape::Cell, Htnv, &[], 2, 10).is_empty(),
            "20% exactly"
        );
    }
}
