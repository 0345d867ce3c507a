//! Who is asking: an account with its role and reach, and the credentials that identify it.
//!
//! An [`Actor`] is only built through [`Actor::new`], which refuses a role without the reach
//! it needs (a cell secretary without an organization, a member account without a member),
//! so every later check can rely on it. Passwords never print: their `Debug` is redacted.

use crate::codes::{MemberCode, OrgCode};
use crate::error::DomainError;
use crate::roles::Role;
use serde::Serialize;

/// The id of an account in the database.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct AccountId(i64);

impl AccountId {
    /// Wraps a stored id.
    pub fn new(id: i64) -> Self {
        Self(id)
    }
    /// The stored id.
    pub fn get(self) -> i64 {
        self.0
    }
}

/// Shortest and longest accepted username.
const USERNAME_LEN: std::ops::RangeInclusive<usize> = 3..=32;

/// A login name: 3–32 characters of `a-z`, `0-9`, `.`, `_`, `-`, starting with a letter.
/// Typed names are trimmed and lower-cased, so `Admin` and `admin` are one account.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(into = "String")]
pub struct Username(String);

impl Username {
    /// Parses a typed username.
    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        let value = raw.trim().to_ascii_lowercase();
        if value.is_empty() {
            return Err(DomainError::Required { field: "username" });
        }
        if !USERNAME_LEN.contains(&value.len()) {
            return Err(DomainError::invalid(
                "username",
                value,
                "must have 3 to 32 characters",
            ));
        }
        let allowed = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || ".-_".contains(c);
        if !value.starts_with(|c: char| c.is_ascii_lowercase()) || !value.chars().all(allowed) {
            return Err(DomainError::invalid(
                "username",
                value,
                "must start with a letter and use only a-z, 0-9, '.', '_' and '-'",
            ));
        }
        Ok(Self(value))
    }

    /// The name as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl From<Username> for String {
    fn from(name: Username) -> String {
        name.0
    }
}

impl std::fmt::Display for Username {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Fewest characters of a new password.
pub const MIN_PASSWORD_CHARS: usize = 10;
/// Most characters of a password: hashing stays cheap for any input.
pub const MAX_PASSWORD_CHARS: usize = 256;

/// A new password that satisfies the rules. Never printed: `Debug` shows `<redacted>`.
#[derive(Clone, PartialEq, Eq)]
pub struct NewPassword(String);

impl NewPassword {
    /// Checks a password for any account: at least 10 characters, at most 256, neither
    /// common nor trivial ([`password_problem`]).
    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        match password::text_problem(raw) {
            Some(PasswordProblem::TooShort(_)) => Err(DomainError::invalid(
                "password",
                "<redacted>",
                "must have at least 10 characters",
            )),
            Some(PasswordProblem::TooLong(_)) => Err(DomainError::invalid(
                "password",
                "<redacted>",
                "must have at most 256 characters",
            )),
            Some(_) => Err(DomainError::invalid(
                "password",
                "<redacted>",
                "is one of the most common passwords or a trivial pattern",
            )),
            None => Ok(Self(raw.to_string())),
        }
    }

    /// Checks a password chosen for the account `username` with `role`: the rules of
    /// [`NewPassword::parse`], 12 characters for an administrator, not the username.
    pub fn parse_for(raw: &str, username: &Username, role: Role) -> Result<Self, PasswordProblem> {
        match password_problem(raw, username.as_str(), role) {
            Some(problem) => Err(problem),
            None => Ok(Self(raw.to_string())),
        }
    }

    /// The password itself, to hash it or to show a generated one once.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewPassword(<redacted>)")
    }
}

/// What an account may reach.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub enum Reach {
    /// The whole installation (administrators and the local command line).
    Everything,
    /// One organization's subtree, as the tree stands on the day of the request.
    Subtree(OrgCode),
    /// One member's own record and nothing else.
    OwnRecord(MemberCode),
}

/// An authenticated account: who, with which role, reaching what.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Actor {
    account: AccountId,
    username: Username,
    role: Role,
    reach: Reach,
    member: Option<MemberCode>,
}

impl Actor {
    /// Builds an actor, refusing a role without the reach it needs: an administrator has
    /// no organization (it reaches everything), a member account names its member and no
    /// organization, every other role names the root of its subtree. Any role but a member
    /// account may also name the member the person is.
    pub fn new(
        account: AccountId,
        username: Username,
        role: Role,
        org: Option<OrgCode>,
        member: Option<MemberCode>,
    ) -> Result<Self, DomainError> {
        check_reach(role, org.as_ref(), member.as_ref())?;
        let reach = match (role, org, &member) {
            (Role::QuanTri, _, _) => Reach::Everything,
            (_, Some(org), _) => Reach::Subtree(org),
            (_, None, Some(own)) => Reach::OwnRecord(own.clone()),
            (_, None, None) => return Err(DomainError::Required { field: "org" }),
        };
        Ok(Self {
            account,
            username,
            role,
            reach,
            member,
        })
    }

    /// The account's id.
    pub fn account(&self) -> AccountId {
        self.account
    }
    /// The login name.
    pub fn username(&self) -> &Username {
        &self.username
    }
    /// The role.
    pub fn role(&self) -> Role {
        self.role
    }
    /// What the account reaches.
    pub fn reach(&self) -> &Reach {
        &self.reach
    }
    /// The root of the scope (`None` for an administrator and a member account).
    pub fn org(&self) -> Option<&OrgCode> {
        match &self.reach {
            Reach::Subtree(org) => Some(org),
            Reach::Everything | Reach::OwnRecord(_) => None,
        }
    }
    /// The member the person is, if recorded (always set for a member account).
    pub fn member(&self) -> Option<&MemberCode> {
        self.member.as_ref()
    }
}

/// The rule of [`Actor::new`], shared with account creation.
pub fn check_reach(
    role: Role,
    org: Option<&OrgCode>,
    member: Option<&MemberCode>,
) -> Result<(), DomainError> {
    match (role, org, member) {
        (Role::QuanTri, Some(org), _) => Err(DomainError::invalid(
            "org",
            org.as_str(),
            "an administrator reaches the whole installation and has no organization",
        )),
        (Role::DangVien, _, None) => Err(DomainError::Required { field: "member" }),
        (Role::DangVien, Some(org), Some(_)) => Err(DomainError::invalid(
            "org",
            org.as_str(),
            "a member account reaches its own record only and has no organization",
        )),
        (Role::CanBoToChuc | Role::KiemTra | Role::BiThu | Role::Xem, None, _) => {
            Err(DomainError::Required { field: "org" })
        }
        _ => Ok(()),
    }
}

mod password;
pub mod throttle;

pub use password::{MIN_ADMIN_PASSWORD_CHARS, PasswordProblem, password_problem};

#[cfg(test)]
mod tests;
