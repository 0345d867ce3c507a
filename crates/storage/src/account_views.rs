//! What the account, token and audit use cases take and return.

use chrono::NaiveDateTime;
use dangvu_domain::actor::{AccountId, NewPassword, Username};
use dangvu_domain::roles::Role;
use dangvu_domain::{MemberCode, OrgCode};
use serde::Serialize;

/// An account to create.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAccount {
    /// Login name.
    pub username: Username,
    /// Role.
    pub role: Role,
    /// Root of the scope (required for every role but `quan_tri` and `dang_vien`).
    pub org: Option<OrgCode>,
    /// The member the person is (required for `dang_vien`).
    pub member: Option<MemberCode>,
    /// The first password.
    pub password: NewPassword,
}

/// An account as administrators see it (never its password hash).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AccountView {
    /// Id.
    pub id: AccountId,
    /// Login name.
    pub username: Username,
    /// Role.
    pub role: Role,
    /// Root of the scope.
    pub org: Option<OrgCode>,
    /// The member the person is.
    pub member: Option<MemberCode>,
    /// Disabled accounts cannot sign in; their sessions and tokens are ended.
    pub disabled: bool,
    /// When created (UTC).
    pub created_at: NaiveDateTime,
    /// When the password was last set (UTC).
    pub password_changed_at: NaiveDateTime,
}

/// An API token as administrators see it (never its secret).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TokenView {
    /// Id, to revoke it.
    pub id: i64,
    /// The account it acts as.
    pub username: Username,
    /// When created (UTC).
    pub created_at: NaiveDateTime,
    /// When it stops working; `None`: never.
    pub expires_at: Option<NaiveDateTime>,
    /// When revoked.
    pub revoked_at: Option<NaiveDateTime>,
    /// When last used (to the minute).
    pub last_used_at: Option<NaiveDateTime>,
}

impl TokenView {
    /// Whether the token is accepted at `now` (its account may still be disabled).
    pub fn is_active(&self, now: NaiveDateTime) -> bool {
        self.revoked_at.is_none() && self.expires_at.is_none_or(|end| now < end)
    }
}

/// A demo account with its published password (`--demo` only).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoAccount {
    /// Login name.
    pub username: Username,
    /// Role.
    pub role: Role,
    /// Root of the scope.
    pub org: Option<OrgCode>,
    /// The member, for the member account.
    pub member: Option<MemberCode>,
    /// The demo password, documented in the README.
    pub password: NewPassword,
}

/// Why signing in failed. Unknown names, wrong passwords and disabled accounts look the
/// same, so that accounts cannot be probed; the audit log tells them apart.
#[derive(Debug, thiserror::Error)]
pub enum AuthError {
    /// The username or the password is wrong (or the account is disabled).
    #[error("wrong username or password")]
    BadCredentials,
    /// Too many recent failures for this username or from this address.
    #[error("too many failed attempts; try again in 15 minutes")]
    Throttled,
    /// Storage failed.
    #[error(transparent)]
    Store(#[from] crate::StoreError),
}

impl From<diesel::result::Error> for AuthError {
    fn from(error: diesel::result::Error) -> Self {
        AuthError::Store(error.into())
    }
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
