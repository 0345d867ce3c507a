//! What the audit use cases take and return: who acts, the rows of the log, the pages of
//! the administrators' view and the verdict on the chain.

use chrono::NaiveDateTime;
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

/// The result of recomputing the audit chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum AuditVerification {
    /// Every row continues the chain.
    Intact {
        /// How many rows were checked.
        rows_checked: u64,
    },
    /// A row does not: it or the row before it was changed or deleted.
    Broken {
        /// The id of the first row that does not continue the chain.
        first_bad_id: i64,
        /// Why.
        reason: AuditBreak,
        /// How many rows before it were intact.
        rows_checked: u64,
    },
}

/// Why a row breaks the audit chain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum AuditBreak {
    /// Its content no longer matches its hash: the row was changed.
    RowChanged,
    /// It does not chain to the row before it: a row before it was deleted or changed.
    PreviousRowMissingOrChanged,
    /// It has no hash.
    Unchained,
}

impl AuditBreak {
    /// The reason in Vietnamese.
    pub fn label_vi(self) -> &'static str {
        match self {
            Self::RowChanged => "nội dung dòng đã bị sửa",
            Self::PreviousRowMissingOrChanged => "một dòng trước nó đã bị xóa hoặc sửa",
            Self::Unchained => "dòng không có mã băm",
        }
    }
}

impl std::fmt::Display for AuditBreak {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::RowChanged => "the row's content was changed",
            Self::PreviousRowMissingOrChanged => "a row before it was deleted or changed",
            Self::Unchained => "the row has no hash",
        })
    }
}

/// Which audit rows the administrators' page shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditFilter {
    /// Only rows by this actor (a username, `cli`).
    pub actor: Option<String>,
    /// Only rows about this kind of record (`account`, `member`, `dataset`, …).
    pub entity: Option<String>,
    /// Only rows about the record with this code (a member's or an organization's code,
    /// a username): who read or changed that one record.
    pub entity_code: Option<String>,
    /// From this instant (UTC), included.
    pub from: Option<NaiveDateTime>,
    /// Until this instant (UTC), excluded.
    pub to: Option<NaiveDateTime>,
    /// Only rows older than this id (the `next` of the previous page).
    pub before: Option<i64>,
    /// Rows per page (1–500).
    pub limit: u32,
}

impl Default for AuditFilter {
    fn default() -> Self {
        Self {
            actor: None,
            entity: None,
            entity_code: None,
            from: None,
            to: None,
            before: None,
            limit: 50,
        }
    }
}

/// One page of the audit log, newest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditPage {
    /// The rows.
    pub rows: Vec<crate::AuditEntry>,
    /// The `before` of the next page, if there is one.
    pub next: Option<i64>,
}

/// The newest row of the audit log: what an operator records outside the database, so
/// that deleting the newest rows, or rewriting and re-chaining the log, can be detected
/// later ([`ChainHash`], `dangvu audit verify --expect-head`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditHead {
    /// How many rows the log holds up to and including the head.
    pub rows: u64,
    /// The id of the newest row, if there is one.
    pub last_id: Option<i64>,
    /// The newest row's hash; the chain's genesis value when the log is empty; `None` when
    /// the newest row has no hash (the chain is then broken).
    pub hash: Option<String>,
}

impl std::fmt::Display for AuditHead {
    /// `rows=N head=HEX`, the line an operator keeps (`head=none` for an unchained row).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let hash = self.hash.as_deref().unwrap_or("none");
        write!(f, "rows={} head={hash}", self.rows)
    }
}

/// A hash of the audit chain as given by an operator: 64 hexadecimal digits, kept in the
/// lowercase form the chain stores.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainHash(String);

impl ChainHash {
    /// Parses 64 hexadecimal digits (either case).
    pub fn parse(field: &'static str, text: &str) -> Result<Self, dangvu_domain::DomainError> {
        let text = text.trim();
        if text.len() != 64 || !text.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(dangvu_domain::DomainError::invalid(
                field,
                text,
                "not a hash of the audit chain (64 hexadecimal digits)",
            ));
        }
        Ok(Self(text.to_ascii_lowercase()))
    }

    /// The hash, lowercase.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Whether a head recorded earlier is still in the verified chain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum ExpectedHead {
    /// A row of the intact chain carries it; `rows_since` rows were written after it.
    Found {
        /// Rows written after the recorded head.
        rows_since: u64,
    },
    /// No row of the intact part of the chain carries it: the rows up to it were deleted
    /// from the end, or the log was rewritten and re-chained.
    Missing,
}

/// The outcome of `dangvu audit verify`: the chain's verdict, its head, and the check
/// of a head recorded earlier when one was given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditReport {
    /// Whether every row continues the chain.
    pub verification: AuditVerification,
    /// The newest row.
    pub head: AuditHead,
    /// The check of the expected head, when one was given.
    pub expected_head: Option<ExpectedHead>,
}
