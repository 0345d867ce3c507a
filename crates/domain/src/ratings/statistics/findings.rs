//! The rule checks run over imported history (`danh_gia_dang_vien`, `danh_gia_to_chuc`) as
//! **report** findings: history is imported as it happened, so a quota exceeded or an
//! organization rated above its members is kept and said, never refused.
//!
//! The storage gathers, after the file's rows are written, the levels each check needs;
//! these functions apply the year's rule set (`checks`) and word the finding with the
//! rule's own message. Discipline is not kept in the records yet, so the checks on members
//! disciplined in the year do not run (their count is given as zero).

use super::super::checks::{OrgShape, Violation, linkage, quota};
use super::super::rule_sets::for_year;
use crate::OrgCode;
use crate::enums::{Enumeration, Rating};
use crate::interchange::{Problem, Table};

/// A grassroots organization's members' levels in a year, for the quota.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuotaFacts {
    /// The grassroots organization.
    pub org: OrgCode,
    /// The year rated.
    pub year: i32,
    /// The levels of the members registered in its subtree on 31 December.
    pub levels: Vec<Rating>,
}

/// An organization rated in the file, and the levels its own level is tied to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkageFacts {
    /// The organization.
    pub org: OrgCode,
    /// The year rated.
    pub year: i32,
    /// Its level.
    pub level: Rating,
    /// A cell (its members) or a committee (its subordinate organizations).
    pub shape: OrgShape,
    /// Those members' or subordinates' levels that year.
    pub parts: Vec<Rating>,
    /// Its `danh_gia_to_chuc` row in the file, when known.
    pub row: Option<usize>,
}

/// The quota finding of one grassroots organization and year, if it is exceeded.
pub fn quota_finding(facts: &QuotaFacts) -> Option<Problem> {
    let broken = quota(for_year(facts.year), &facts.levels)?;
    Some(problem(
        Table::DanhGiaDangVien,
        None,
        &facts.org,
        facts.year,
        &broken,
    ))
}

/// The linkage findings of one organization rated in the file.
pub fn linkage_findings(facts: &LinkageFacts) -> Vec<Problem> {
    let rules = for_year(facts.year);
    linkage(rules, facts.shape, facts.level, &facts.parts, 0, 0)
        .iter()
        .map(|broken| {
            let mut p = problem(
                Table::DanhGiaToChuc,
                facts.row,
                &facts.org,
                facts.year,
                broken,
            );
            p.column = Some("xep_loai".into());
            p.value = facts.level.code().to_string();
            p
        })
        .collect()
}

fn problem(
    table: Table,
    row: Option<usize>,
    org: &OrgCode,
    year: i32,
    broken: &Violation,
) -> Problem {
    Problem {
        table,
        row,
        column: None,
        value: org.to_string(),
        reason_vi: format!("{org}, năm {year}: {}", broken.message_vi),
        reason_en: format!("{org}, {year}: {}", broken.message_en),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use Rating::*;

    fn code(s: &str) -> OrgCode {
        OrgCode::parse(s).unwrap()
    }

    #[test]
    fn a_quota_exceeded_is_reported_with_the_rule() {
        let facts = QuotaFacts {
            org: code("X.01"),
            year: 2020,
            levels: vec![Htxsnv, Htxsnv, Httnv, Httnv, Httnv],
        };
        let found = quota_finding(&facts).unwrap();
        assert_eq!(found.table, Table::DanhGiaDangVien);
        assert!(found.reason_vi.starts_with("X.01, năm 2020: Số đảng viên"));
        assert!(found.reason_vi.contains("HD 21-HD/BTCTW"));
        let within = QuotaFacts {
            levels: vec![Htxsnv, Httnv, Httnv, Httnv, Httnv, Httnv],
            ..facts
        };
        assert!(quota_finding(&within).is_none());
    }

    #[test]
    fn a_cell_rated_above_its_members_is_reported_on_its_row() {
        let facts = LinkageFacts {
            org: code("X.01.01"),
            year: 2021,
            level: Httnv,
            shape: OrgShape::Cell,
            parts: vec![Httnv, Khtnv],
            row: Some(4),
        };
        let found = linkage_findings(&facts);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].row, Some(4));
        assert_eq!(found[0].value, "HTTNV");
        assert!(found[0].reason_en.starts_with("X.01.01, 2021: HTTNV needs"));
        let fine = LinkageFacts {
            level: Htnv,
            ..facts
        };
        assert!(linkage_findings(&fine).is_empty());
    }
}
