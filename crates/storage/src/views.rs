//! What storage returns: plain values for pages, the API and the command line.

use dangvu_domain::dataset::MemberProfile;
use dangvu_domain::{Date, Gender, MemberCode, MemberStatus, OrgCode, OrgType, Period, Rating};
use serde::Serialize;

/// Who changes data and from where, written to the audit log with the change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditContext {
    /// The account or process (`cli`, a username).
    pub actor: String,
    /// Where from (`cli`, an IP address).
    pub source: String,
    /// When (UTC), read once at the edge.
    pub at: chrono::NaiveDateTime,
}

/// A reference to an organization, as shown in links.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OrgRef {
    /// Code.
    pub code: OrgCode,
    /// Name.
    pub name: String,
    /// Type.
    pub org_type: OrgType,
}

/// A superior over a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ParentPeriod {
    /// When.
    pub period: Period,
    /// The superior, `None` when the organization stood as a root.
    pub parent: Option<OrgRef>,
}

/// An organization as its page shows it, as of a date.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OrgDetail {
    /// Code, name and type.
    pub org: OrgRef,
    /// Founding date.
    pub founded_on: Option<Date>,
    /// Dissolution date.
    pub dissolved_on: Option<Date>,
    /// The organization it merged into.
    pub merged_into: Option<OrgRef>,
    /// Whether it exists on the date asked.
    pub active: bool,
    /// Its ancestors on the date asked, root first (empty for a root or when inactive).
    pub ancestors: Vec<OrgRef>,
    /// Every superior it has had.
    pub parent_history: Vec<ParentPeriod>,
}

/// A child organization with its figures on the date asked.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OrgChild {
    /// The child.
    pub org: OrgRef,
    /// Its subtree's figures.
    pub figures: dangvu_domain::summary::Figures,
}

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
}

/// How many rows a bulk load wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct LoadStats {
    /// Organizations.
    pub orgs: u64,
    /// Members.
    pub members: u64,
    /// Registration periods.
    pub registrations: u64,
    /// Status periods.
    pub statuses: u64,
    /// Ratings of members and organizations.
    pub ratings: u64,
}

/// One row of the audit log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditEntry {
    /// Id, in the order rows were written.
    pub id: i64,
    /// When (UTC).
    pub at: chrono::NaiveDateTime,
    /// Who.
    pub actor: String,
    /// From where.
    pub source: String,
    /// What was done (`dataset.load`, …).
    pub action: String,
    /// The kind of record changed.
    pub entity: String,
    /// The record's code, when the change concerns one record.
    pub entity_code: Option<String>,
    /// The record before the change, as JSON.
    pub before_json: Option<String>,
    /// The record after the change, as JSON.
    pub after_json: Option<String>,
}
