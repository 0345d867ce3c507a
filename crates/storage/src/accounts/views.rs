//! What the account and token use cases take and return.

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
    BadCredentials {
        /// How many more failures this username and address may have before attempts
        /// must wait (`1`: the next attempt is the last one).
        attempts_left: u64,
    },
    /// Too many recent failures for this username or from this address: the attempt was
    /// not checked, and may be made again after `seconds`.
    #[error("too many failed attempts; try again in {seconds} seconds")]
    Throttled {
        /// How long to wait.
        seconds: u64,
    },
    /// The password was right, but the account belongs to a member who left the Party
    /// (deceased, expelled, struck off, resigned, transferred out) on `since`: it no longer
    /// works. Said only after the password checked, so it tells nothing to a stranger.
    #[error("the account's member left the Party on {since}; the account no longer works")]
    MemberLeft {
        /// The day the member left, from which the account stopped working.
        since: dangvu_domain::Date,
    },
    /// Storage failed.
    #[error(transparent)]
    Store(#[from] crate::StoreError),
}

impl From<diesel::result::Error> for AuthError {
    fn from(error: diesel::result::Error) -> Self {
        AuthError::Store(error.into())
    }
}
