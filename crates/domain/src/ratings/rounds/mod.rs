//! A rating round (đợt kiểm điểm, đánh giá, xếp loại): a committee opens it for its subtree
//! and a period, members assess themselves, cells propose, the committee decides, and the
//! superior decides the organizations. This module holds what a step is and what a decision
//! must pass; the storage keeps the steps and the use cases call these rules.
//!
//! Steps are dated and signed by the account that recorded them; a decided rating is
//! reopened only by the level that decided it, with a reason (`reopen_allowed`).

pub mod decide;

pub use decide::{Decision, DecisionCheck, check_member_decision, check_org_decision};

use super::rule_sets::RoundPeriod;
use crate::dates::Date;
use crate::enums::{Enumeration, Rating, enumeration};
use serde::{Deserialize, Serialize};

enumeration!(
    /// The self-assessment form of HD 25/2023 and HD 43/2025 [I: which member fills which
    /// form is practice, to verify against the guidance's appendix].
    AssessmentForm, "mau_kiem_diem", {
        /// Members holding a leading or managing post.
        Mau2A => "2A", "Mẫu 2A — cán bộ lãnh đạo, quản lý";
        /// Members who are civil servants or public employees without such a post.
        Mau2B => "2B", "Mẫu 2B — đảng viên là công chức, viên chức";
        /// Other members (retired, workers, farmers, students …).
        Mau2C => "2C", "Mẫu 2C — đảng viên khác";
    }
);

enumeration!(
    /// Where a round stands.
    RoundStatus, "trang_thai_dot", {
        /// Steps are being recorded.
        Open => "MO", "Đang tiến hành";
        /// Closed: every decision made, the ratings written.
        Closed => "DA_DONG", "Đã kết thúc";
    }
);

/// The period a round covers, as stored: a year, a quarter of a year, or a term ending in
/// the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoundKind {
    /// Year, quarter or term.
    pub period: RoundPeriod,
    /// The quarter (1–4) of a quarterly round.
    pub quarter: Option<u8>,
}

impl RoundKind {
    /// A yearly round.
    pub const YEAR: Self = Self {
        period: RoundPeriod::Year,
        quarter: None,
    };

    /// The stored code of the period.
    pub fn code(self) -> &'static str {
        match self.period {
            RoundPeriod::Year => "NAM",
            RoundPeriod::Quarter => "QUY",
            RoundPeriod::Term => "NHIEM_KY",
        }
    }

    /// The kind from its stored code and quarter; `None` for an unknown code or a quarter
    /// missing, out of 1–4, or given to another period.
    pub fn from_code(code: &str, quarter: Option<u8>) -> Option<Self> {
        let period = match code {
            "NAM" => RoundPeriod::Year,
            "QUY" => RoundPeriod::Quarter,
            "NHIEM_KY" => RoundPeriod::Term,
            _ => return None,
        };
        let fits = match period {
            RoundPeriod::Quarter => quarter.is_some_and(|q| (1..=4).contains(&q)),
            RoundPeriod::Year | RoundPeriod::Term => quarter.is_none(),
        };
        fits.then_some(Self { period, quarter })
    }

    /// The reference day: the last day of the year, or of the quarter.
    pub fn reference(self, year: i32) -> Option<Date> {
        let month = match self.quarter {
            Some(q) => u32::from(q) * 3,
            None => 12,
        };
        let next = if month == 12 {
            Date::from_ymd_opt(year + 1, 1, 1)
        } else {
            Date::from_ymd_opt(year, month + 1, 1)
        };
        next.and_then(|d| d.pred_opt())
    }

    /// Whether a decision of this round is the member's yearly rating (statistics and
    /// reports count yearly ratings only).
    pub fn is_yearly(self) -> bool {
        self.period == RoundPeriod::Year
    }

    /// "Năm 2025", "Quý 3/2025", "Nhiệm kỳ đến 2025".
    pub fn label_vi(self, year: i32) -> String {
        match (self.period, self.quarter) {
            (RoundPeriod::Quarter, Some(q)) => format!("Quý {q}/{year}"),
            (RoundPeriod::Term, _) => format!("Nhiệm kỳ kết thúc năm {year}"),
            _ => format!("Năm {year}"),
        }
    }
}

/// A member's own assessment (bản tự kiểm điểm).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SelfAssessment {
    /// The level the member gives themself.
    pub level: Rating,
    /// Their score, where the period scores.
    pub points: Option<u8>,
    /// What they write.
    pub text: String,
    /// The form used.
    pub form: AssessmentForm,
}

/// The cell's proposal, voted at its review meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Proposal {
    /// The level proposed.
    pub level: Rating,
    /// Points proposed, where the period scores.
    pub points: Option<u8>,
    /// Votes for the proposal.
    pub votes_for: u32,
    /// Members voting.
    pub votes_cast: u32,
}

impl Proposal {
    /// A proposal needs more votes for than against, out of a positive number cast.
    pub fn is_carried(&self) -> bool {
        self.votes_cast > 0
            && self.votes_for <= self.votes_cast
            && self.votes_for * 2 > self.votes_cast
    }
}

/// Whether an account acting for `caller_level` (the root of its scope; `None` for the whole
/// installation) may reopen a rating decided by `decided_by` (the same, at the decision).
/// Only the level that decided may reopen; administrators of the whole installation too.
pub fn reopen_allowed(caller_level: Option<&str>, decided_by: Option<&str>) -> bool {
    caller_level.is_none() || caller_level == decided_by
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn the_reference_day_ends_the_period() {
        let q3 = RoundKind::from_code("QUY", Some(3)).unwrap();
        assert_eq!(q3.reference(2025), Date::from_ymd_opt(2025, 9, 30));
        assert_eq!(
            RoundKind::YEAR.reference(2019),
            Date::from_ymd_opt(2019, 12, 31)
        );
        assert!(RoundKind::from_code("QUY", Some(5)).is_none());
        assert!(RoundKind::from_code("NAM", Some(1)).is_none());
        assert_eq!(q3.label_vi(2025), "Quý 3/2025");
    }

    #[test]
    fn a_proposal_is_carried_by_a_majority() {
        let p = |votes_for, votes_cast| Proposal {
            level: Rating::Httnv,
            points: None,
            votes_for,
            votes_cast,
        };
        assert!(p(6, 10).is_carried());
        assert!(!p(5, 10).is_carried(), "half is not a majority");
        assert!(!p(0, 0).is_carried());
        assert!(!p(11, 10).is_carried(), "more votes for than cast");
    }

    #[test]
    fn only_the_deciding_level_reopens() {
        assert!(reopen_allowed(Some("VX"), Some("VX")));
        assert!(!reopen_allowed(Some("VX.01"), Some("VX")));
        assert!(
            !reopen_allowed(Some("TQ"), Some("VX")),
            "not even the level above"
        );
        assert!(reopen_allowed(None, Some("VX")), "administrators");
    }
}
