//! The first administrator of a new installation, and the demo's accounts.
//!
//! `serve` on a database without any account creates `admin` with a random password shown
//! once. The demo (`--demo`) adds one account per role on the Vị Xuyên demo district, with
//! published passwords (`<username>-dangvu`): never use them on real data.

use crate::Entity;
use crate::accounts::manage::insert;
use crate::accounts::secrets::{generated_password, hash_password};
use crate::db::conn::DbConnection;
use crate::db::dating::valid_on;
use crate::db::schema::{accounts, member_statuses, members, registrations};
use crate::tree::sql as tree_sql;
use crate::{AuditContext, DemoAccount, NewAccount, Store, StoreError};
use dangvu_domain::actor::{NewPassword, Username};
use dangvu_domain::enums::Enumeration;
use dangvu_domain::roles::Role;
use dangvu_domain::{Date, MemberCode, MemberStatus, OrgCode};
use diesel::prelude::*;

/// The administrator created on a database without accounts.
pub const FIRST_ADMIN: &str = "admin";

/// The cell of the demo's secretary and member accounts.
const DEMO_CELL: &str = "VX.01.01";

/// Demo accounts: username, role, root of the scope (`None`: see the role).
const DEMO_ACCOUNTS: [(&str, Role, Option<&str>); 6] = [
    ("quantri", Role::QuanTri, None),
    ("canbo", Role::CanBoToChuc, Some("TQ")),
    ("kiemtra", Role::KiemTra, Some("VX.01")),
    ("bithu", Role::BiThu, Some(DEMO_CELL)),
    ("xem", Role::Xem, Some("VX.02")),
    ("dangvien", Role::DangVien, None),
];

fn invalid(e: impl std::fmt::Display) -> StoreError {
    StoreError::Invalid(e.to_string())
}

/// The published password of demo account `username`.
pub fn demo_password(username: &str) -> String {
    format!("{username}-dangvu")
}

/// The member of the demo cell whose account is `dangvien`: the first by code registered
/// there on `today` who is an active Party member that day (admitted, not exempted) — not
/// a member who died or left, whose account would no longer work.
fn demo_member(conn: &mut DbConnection, today: Date) -> Result<MemberCode, StoreError> {
    let cell = tree_sql::org_id(conn, DEMO_CELL)?;
    let code: Option<String> = registrations::table
        .inner_join(members::table.on(members::id.eq(registrations::member_id)))
        .inner_join(member_statuses::table.on(member_statuses::member_id.eq(members::id)))
        .filter(registrations::org_id.eq(cell))
        .filter(valid_on(
            registrations::valid_from,
            registrations::valid_to,
            today,
        ))
        .filter(valid_on(
            member_statuses::valid_from,
            member_statuses::valid_to,
            today,
        ))
        .filter(member_statuses::status.eq(MemberStatus::DangSinhHoat.code()))
        .filter(members::admitted_on.le(today))
        .order(members::code)
        .select(members::code)
        .first(conn)
        .optional()?;
    let code = code.ok_or_else(|| StoreError::NotFound {
        entity: Entity::Member,
        code: format!("{DEMO_CELL}@{today}"),
    })?;
    MemberCode::parse(&code).map_err(invalid)
}

fn any_account(conn: &mut DbConnection) -> QueryResult<bool> {
    Ok(accounts::table
        .select(accounts::id)
        .first::<i64>(conn)
        .optional()?
        .is_some())
}

impl Store {
    /// Creates the administrator `admin` with a random password when the database has no
    /// account; returns the name and the password, to be shown once. `None`: accounts
    /// already exist.
    #[tracing::instrument(skip_all, err)]
    pub fn ensure_admin(
        &self,
        ctx: &AuditContext,
    ) -> Result<Option<(Username, NewPassword)>, StoreError> {
        let password = generated_password()?;
        let hash = hash_password(&password)?;
        let username = Username::parse(FIRST_ADMIN).map_err(invalid)?;
        let account = NewAccount {
            username: username.clone(),
            role: Role::QuanTri,
            org: None,
            member: None,
            password: password.clone(),
        };
        self.write(|c| {
            if any_account(c)? {
                return Ok(None);
            }
            insert(c, ctx, &account, &hash)?;
            Ok(Some((username, password)))
        })
    }

    /// Creates the demo accounts that do not exist yet, one per role, on the demo district
    /// as it stands on `today`; returns those created with their published passwords.
    #[tracing::instrument(skip_all, err)]
    pub fn create_demo_accounts(
        &self,
        ctx: &AuditContext,
        today: Date,
    ) -> Result<Vec<DemoAccount>, StoreError> {
        let mut prepared = Vec::new();
        for (name, role, org) in DEMO_ACCOUNTS {
            let password = NewPassword::parse(&demo_password(name)).map_err(invalid)?;
            let hash = hash_password(&password)?;
            let org = org.map(OrgCode::parse).transpose().map_err(invalid)?;
            let username = Username::parse(name).map_err(invalid)?;
            prepared.push((username, role, org, password, hash));
        }
        self.write(|c| {
            let mut created = Vec::new();
            for (username, role, org, password, hash) in prepared {
                if crate::accounts::rows::find(
                    c,
                    crate::accounts::rows::Which::Name(username.as_str()),
                )?
                .is_some()
                {
                    continue;
                }
                let member = match role {
                    Role::DangVien => Some(demo_member(c, today)?),
                    _ => None,
                };
                let account = NewAccount {
                    username,
                    role,
                    org,
                    member,
                    password,
                };
                insert(c, ctx, &account, &hash)?;
                created.push(DemoAccount {
                    username: account.username,
                    role,
                    org: account.org,
                    member: account.member,
                    password: account.password,
                });
            }
            Ok(created)
        })
    }
}
