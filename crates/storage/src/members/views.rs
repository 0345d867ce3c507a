//! What the member use cases take and return: list requests, pages and full records.

use crate::OrgRef;
use dangvu_domain::dataset::MemberProfile;
use dangvu_domain::{Date, Gender, MemberCode, MemberStatus, OrgCode, Period, Rating};
use serde::Serialize;
use std::collections::BTreeSet;

/// One row of a member list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MemberListItem {
    /// Code.
    pub code: MemberCode,
    /// Full name.
    pub full_name: String,
    /// Sex.
    pub gender: Option<Gender>,
    /// Birth date.
    pub birth_date: Option<Date>,
    /// Admission date.
    pub admitted_on: Date,
    /// Full-membership date.
    pub official_on: Option<Date>,
    /// Status on the date asked.
    pub status: MemberStatus,
    /// Where registered on the date asked.
    pub org: OrgRef,
}

/// Where a member list continues (keyset pagination: sort key and code of the last row).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberCursor {
    pub(crate) sort_key: String,
    pub(crate) code: String,
}

impl MemberCursor {
    /// The opaque text form used in links.
    pub fn encode(&self) -> String {
        let mut out = String::new();
        for b in self.sort_key.bytes().chain([0u8]).chain(self.code.bytes()) {
            out.push_str(&format!("{b:02x}"));
        }
        out
    }

    /// Reads the text form back; `None` when it was tampered with.
    pub fn decode(text: &str) -> Option<Self> {
        if text.len() % 2 == 1 || text.len() > 2048 {
            return None;
        }
        let bytes: Option<Vec<u8>> = (0..text.len())
            .step_by(2)
            .map(|i| {
                text.get(i..i + 2)
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
            })
            .collect();
        let bytes = bytes?;
        let split = bytes.iter().position(|b| *b == 0)?;
        let (key, code) = bytes.split_at(split);
        Some(Self {
            sort_key: String::from_utf8(key.to_vec()).ok()?,
            code: String::from_utf8(code.get(1..)?.to_vec()).ok()?,
        })
    }
}

/// A member list request: the members of a subtree on a date, optionally filtered by name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberQuery {
    /// The subtree root.
    pub org: OrgCode,
    /// The date.
    pub as_of: Date,
    /// Name as typed (diacritics optional; family-name-first or given-name-first prefix).
    pub search: Option<String>,
    /// Continue after this row.
    pub after: Option<MemberCursor>,
    /// Rows per page (1–500).
    pub limit: u32,
}

/// How far the member list counts its matches: counting a whole province of a million
/// members would cost seconds on every page, so above this the list says "more than".
pub const MEMBER_COUNT_LIMIT: u64 = 10_000;

/// One page of members.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberPage {
    /// The rows, in Vietnamese name order.
    pub rows: Vec<MemberListItem>,
    /// How many members match in all when `total_exact`; otherwise more than this many
    /// match (the count stopped at its bound, [`MEMBER_COUNT_LIMIT`]).
    pub total: u64,
    /// Whether `total` is the exact number of matches rather than a lower bound.
    pub total_exact: bool,
    /// Where the next page starts, if there is one.
    pub next: Option<MemberCursor>,
}

/// A registration period with its organization.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RegistrationView {
    /// When.
    pub period: Period,
    /// Where.
    pub org: OrgRef,
}

/// A status period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatusView {
    /// When.
    pub period: Period,
    /// Which status.
    pub status: MemberStatus,
}

/// A yearly rating of a member.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RatingView {
    /// Year.
    pub year: i32,
    /// Level.
    pub rating: Rating,
    /// Points.
    pub score: Option<u8>,
}

/// A member's full record: profile and histories.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MemberDetail {
    /// Code.
    pub code: MemberCode,
    /// The member sheet.
    pub profile: MemberProfile,
    /// Admission date.
    pub admitted_on: Date,
    /// Full-membership date.
    pub official_on: Option<Date>,
    /// Official registrations, oldest first.
    pub registrations: Vec<RegistrationView>,
    /// Statuses, oldest first.
    pub statuses: Vec<StatusView>,
    /// Ratings, oldest first.
    pub ratings: Vec<RatingView>,
    /// The organizations of the registrations that the reader's scope reaches: the page
    /// links to those and names the others as plain text.
    #[serde(skip)]
    pub reachable: BTreeSet<OrgCode>,
}

impl MemberDetail {
    /// Whether the reader's scope reaches organization `code` (so a link to it works).
    pub fn reaches(&self, code: &OrgCode) -> bool {
        self.reachable.contains(code)
    }
}
