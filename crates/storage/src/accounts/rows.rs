//! Reading accounts back: the stored row, and the [`Actor`] or [`AccountView`] built from it.
//!
//! The organization and member are stored by id and shown by code; a row that no longer
//! makes a valid actor (which the constraints prevent) is an error, never a wider reach.

use crate::db::conn::DbConnection;
use crate::db::schema::{accounts, members, organizations};
use crate::{AccountView, StoreError};
use chrono::NaiveDateTime;
use dangvu_domain::actor::{AccountId, Actor, Username};
use dangvu_domain::enums::Enumeration;
use dangvu_domain::roles::Role;
use dangvu_domain::{MemberCode, OrgCode};
use diesel::prelude::*;

/// An account as stored, with its organization and member codes.
pub(crate) struct AccountRow {
    pub id: i64,
    pub username: String,
    pub role: String,
    pub org: Option<String>,
    pub member: Option<String>,
    pub password_hash: String,
    pub disabled: bool,
    pub created_at: NaiveDateTime,
    pub password_changed_at: NaiveDateTime,
}

type RawRow = (
    i64,
    String,
    String,
    Option<String>,
    Option<String>,
    String,
    bool,
    NaiveDateTime,
    NaiveDateTime,
);

/// Which accounts to read.
pub(crate) enum Which<'a> {
    /// Every account, by username.
    All,
    /// One account by id.
    Id(i64),
    /// One account by username.
    Name(&'a str),
}

/// The accounts `which` names.
pub(crate) fn load(conn: &mut DbConnection, which: Which<'_>) -> QueryResult<Vec<AccountRow>> {
    let mut query = accounts::table
        .left_join(organizations::table.on(accounts::org_id.eq(organizations::id.nullable())))
        .left_join(members::table.on(accounts::member_id.eq(members::id.nullable())))
        .select((
            accounts::id,
            accounts::username,
            accounts::role,
            organizations::code.nullable(),
            members::code.nullable(),
            accounts::password_hash,
            accounts::disabled,
            accounts::created_at,
            accounts::password_changed_at,
        ))
        .order(accounts::username)
        .into_boxed();
    query = match which {
        Which::All => query,
        Which::Id(id) => query.filter(accounts::id.eq(id)),
        Which::Name(name) => query.filter(accounts::username.eq(name.to_string())),
    };
    let rows: Vec<RawRow> = query.load(conn)?;
    Ok(rows.into_iter().map(row).collect())
}

fn row(raw: RawRow) -> AccountRow {
    let (id, username, role, org, member, password_hash, disabled, created, changed) = raw;
    AccountRow {
        id,
        username,
        role,
        org,
        member,
        password_hash,
        disabled,
        created_at: created,
        password_changed_at: changed,
    }
}

/// The one account `which` names, if it exists.
pub(crate) fn find(conn: &mut DbConnection, which: Which<'_>) -> QueryResult<Option<AccountRow>> {
    Ok(load(conn, which)?.into_iter().next())
}

fn broken(row: &AccountRow, what: impl std::fmt::Display) -> StoreError {
    StoreError::Invalid(format!("stored account {}: {what}", row.username))
}

impl AccountRow {
    /// The parsed fields shared by the actor and the view.
    fn parts(&self) -> Result<(Username, Role, Option<OrgCode>, Option<MemberCode>), StoreError> {
        let username = Username::parse(&self.username).map_err(|e| broken(self, e))?;
        let role = Role::from_code(&self.role).ok_or_else(|| broken(self, "unknown role"))?;
        let org = self.org.as_deref().map(OrgCode::parse).transpose();
        let member = self.member.as_deref().map(MemberCode::parse).transpose();
        Ok((
            username,
            role,
            org.map_err(|e| broken(self, e))?,
            member.map_err(|e| broken(self, e))?,
        ))
    }

    /// The actor this account signs in as.
    pub(crate) fn actor(&self) -> Result<Actor, StoreError> {
        let (username, role, org, member) = self.parts()?;
        Actor::new(AccountId::new(self.id), username, role, org, member)
            .map_err(|e| broken(self, e))
    }

    /// The account as administrators see it.
    pub(crate) fn view(&self) -> Result<AccountView, StoreError> {
        let (username, role, org, member) = self.parts()?;
        Ok(AccountView {
            id: AccountId::new(self.id),
            username,
            role,
            org,
            member,
            disabled: self.disabled,
            created_at: self.created_at,
            password_changed_at: self.password_changed_at,
        })
    }
}
