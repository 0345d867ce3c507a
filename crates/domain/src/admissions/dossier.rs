//! The facts of an admission dossier (`ho_so_ket_nap` plus what the workflow records).

use super::checks::Check;
use super::votes::CellVote;
use crate::codes::{MemberCode, OrgCode};
use crate::dates::Date;
use crate::enums::Gender;
use serde::{Deserialize, Serialize};

/// The applicant, as the member record will hold them once admitted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Applicant {
    /// Full name, NFC.
    pub full_name: String,
    /// Sex.
    pub gender: Gender,
    /// Birth date: the age rule counts full months from it.
    pub birth_date: Date,
    /// Ethnicity, free text as in `dang_vien.dan_toc`.
    pub ethnicity: Option<String>,
    /// General education as on the CV (`9/12`, `12/12` …); `None` when not yet known.
    pub education: Option<String>,
}

/// Who introduces the applicant: two official members, or one plus the youth union's
/// resolution (form 4-KNĐ).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Introducers {
    /// The first introducer.
    pub first: Option<MemberCode>,
    /// The second introducer (none when the youth union's resolution introduces).
    pub second: Option<MemberCode>,
    /// The day of the youth union's resolution introducing the applicant.
    pub youth_union_on: Option<Date>,
}

impl Introducers {
    /// Whether the introduction is complete: two members, or one plus the youth union.
    pub fn is_complete(&self) -> bool {
        self.first.is_some() && (self.second.is_some() || self.youth_union_on.is_some())
    }

    /// The introducing members, first one first.
    pub fn members(&self) -> impl Iterator<Item = &MemberCode> {
        self.first.iter().chain(self.second.iter())
    }
}

/// What storage knows of an introducer on the cell's resolution day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IntroducerFacts {
    /// The member.
    pub code: MemberCode,
    /// Their full-membership day (`None`: still probationary, or never recorded).
    pub official_on: Option<Date>,
    /// Whether their status on that day counts them as a member (not struck off, dead …).
    pub counts_as_member: bool,
}

/// The competent committee's admission decision (form 9-KNĐ).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    /// Its number, e.g. `125-QĐ/ĐU`.
    pub number: Option<String>,
    /// The day it was signed.
    pub on: Date,
}

/// How probation ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ProbationEnd {
    /// Recognized as an official member; it takes effect twelve months after the
    /// ceremony whatever day it is `decided_on`.
    Recognized {
        /// The day the competent committee decided.
        decided_on: Date,
    },
    /// Struck off at the end of probation.
    StruckOff {
        /// The day of the decision.
        on: Date,
    },
}

/// A dossier closed without admission.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Closing {
    /// The day it was closed.
    pub on: Date,
    /// Why, in the committee's words.
    pub reason: String,
}

/// A failed check let through, with why; audited when recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Override {
    /// The check let through.
    pub check: Check,
    /// The reason (for the age over 60: the decision of the committee directly under the
    /// Centre; for education: the Secretariat's guidance that applies).
    pub reason: String,
}

/// An admission dossier: every fact recorded so far. The stage follows from them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dossier {
    /// Dossier code (`ho_so_ket_nap.ma`).
    pub code: String,
    /// The applicant.
    pub applicant: Applicant,
    /// The cell that considers the applicant.
    pub cell: OrgCode,
    /// Put on the cell's list of outstanding non-members (cảm tình Đảng).
    pub listed_on: Option<Date>,
    /// Awareness course completed (certificate valid five years).
    pub course_on: Option<Date>,
    /// Application (1-KNĐ) and CV (2-KNĐ) received.
    pub application_on: Option<Date>,
    /// The introducers.
    pub introducers: Introducers,
    /// The cell's votes, oldest first.
    pub votes: Vec<CellVote>,
    /// The day the matter went to the superior after votes without a majority either way.
    pub referred_on: Option<Date>,
    /// The cell's resolution proposing admission (6-KNĐ): the passing vote's day, or the
    /// day recorded by an import.
    pub resolution_on: Option<Date>,
    /// The grassroots committee's proposal (8-KNĐ).
    pub proposal_on: Option<Date>,
    /// The admission decision.
    pub decision: Option<Decision>,
    /// The admission ceremony = the member's `ngay_vao_dang`.
    pub ceremony_on: Option<Date>,
    /// The member code once admitted.
    pub member: Option<MemberCode>,
    /// How probation ended, once it has.
    pub probation_end: Option<ProbationEnd>,
    /// Closed without admission.
    pub closing: Option<Closing>,
    /// Failed checks let through.
    pub overrides: Vec<Override>,
}

impl Dossier {
    /// A dossier with nothing recorded but the applicant and the cell.
    pub fn new(code: String, applicant: Applicant, cell: OrgCode) -> Self {
        Self {
            code,
            applicant,
            cell,
            listed_on: None,
            course_on: None,
            application_on: None,
            introducers: Introducers::default(),
            votes: Vec::new(),
            referred_on: None,
            resolution_on: None,
            proposal_on: None,
            decision: None,
            ceremony_on: None,
            member: None,
            probation_end: None,
            closing: None,
            overrides: Vec::new(),
        }
    }

    /// Whether `check` has been let through.
    pub fn is_overridden(&self, check: Check) -> bool {
        self.overrides.iter().any(|o| o.check == check)
    }

    /// The day probation ends and recognition takes effect: the ceremony plus the
    /// probation months of the rules then in force (the same day of the month; the last
    /// day of a shorter month).
    pub fn probation_ends_on(&self) -> Option<Date> {
        let ceremony = self.ceremony_on?;
        let months = super::rules_on(ceremony).probation_months;
        ceremony.checked_add_months(chrono::Months::new(months))
    }
}
