//! Account management by the administrator: create, list, disable, set a password.
//!
//! Only the whole-installation scope (an administrator, the command line) manages accounts;
//! any other scope is answered as if the account did not exist. Every change writes its
//! audit row in its transaction; passwords and hashes never reach the audit log. Disabling
//! an account or setting its password ends its sessions; disabling also revokes its tokens.

use crate::accounts::rows::{self as account_rows, Which};
use crate::accounts::secrets::hash_password;
use crate::audit::chain::to_micros;
use crate::audit::{self, Change};
use crate::db::conn::DbConnection;
use crate::db::schema::{accounts, api_tokens, members, sessions};
use crate::tree::sql as tree_sql;
use crate::{AccountView, AuditContext, NewAccount, Scope, Store, StoreError};
use crate::{AuditAction, AuditEntity, Entity};
use dangvu_domain::actor::{NewPassword, Username, check_reach};
use dangvu_domain::enums::Enumeration;
use diesel::prelude::*;
use serde_json::json;

/// `NotFound` for anything but the whole installation.
pub(crate) fn require_admin(scope: &Scope, entity: Entity, code: &str) -> Result<(), StoreError> {
    if scope.is_whole_installation() {
        Ok(())
    } else {
        Err(StoreError::NotFound {
            entity,
            code: code.to_string(),
        })
    }
}

fn not_found(username: &Username) -> StoreError {
    StoreError::NotFound {
        entity: Entity::Account,
        code: username.to_string(),
    }
}

/// The stored account `username`, or `NotFound`.
pub(crate) fn existing(
    conn: &mut DbConnection,
    username: &Username,
) -> Result<account_rows::AccountRow, StoreError> {
    account_rows::find(conn, Which::Name(username.as_str()))?.ok_or_else(|| not_found(username))
}

/// Inserts `account` with the password hash `hash`, and its audit row.
pub(crate) fn insert(
    conn: &mut DbConnection,
    ctx: &AuditContext,
    account: &NewAccount,
    hash: &str,
) -> Result<AccountView, StoreError> {
    check_reach(account.role, account.org.as_ref(), account.member.as_ref())
        .map_err(|e| StoreError::Invalid(e.to_string()))?;
    let org_id = match &account.org {
        Some(org) => Some(tree_sql::org_id(conn, org.as_str())?),
        None => None,
    };
    let member_id = match &account.member {
        Some(code) => Some(member_id(conn, code.as_str())?),
        None => None,
    };
    let at = to_micros(ctx.at);
    diesel::insert_into(accounts::table)
        .values((
            accounts::username.eq(account.username.as_str()),
            accounts::role.eq(account.role.code()),
            accounts::org_id.eq(org_id),
            accounts::member_id.eq(member_id),
            accounts::password_hash.eq(hash),
            accounts::disabled.eq(false),
            accounts::created_at.eq(at),
            accounts::password_changed_at.eq(at),
        ))
        .execute(conn)?;
    let view = existing(conn, &account.username)?.view()?;
    let after = json!({
        "username": view.username,
        "role": view.role,
        "org": view.org,
        "member": view.member,
    });
    audit::record(
        conn,
        ctx,
        Change {
            action: AuditAction::AccountCreate,
            entity: AuditEntity::Account,
            entity_code: Some(account.username.as_str()),
            before_json: None,
            after_json: Some(after.to_string()),
        },
    )?;
    Ok(view)
}

fn member_id(conn: &mut DbConnection, code: &str) -> Result<i64, StoreError> {
    members::table
        .filter(members::code.eq(code))
        .select(members::id)
        .first(conn)
        .optional()?
        .ok_or_else(|| StoreError::NotFound {
            entity: Entity::Member,
            code: code.to_string(),
        })
}

/// Ends every session of account `id`; returns how many.
pub(crate) fn end_sessions(conn: &mut DbConnection, id: i64) -> Result<usize, StoreError> {
    Ok(diesel::delete(sessions::table.filter(sessions::account_id.eq(id))).execute(conn)?)
}

impl Store {
    /// Creates an account (administrators only).
    #[tracing::instrument(skip_all, fields(username = %account.username, role = %account.role), err)]
    pub fn create_account(
        &self,
        scope: &Scope,
        ctx: &AuditContext,
        account: &NewAccount,
    ) -> Result<AccountView, StoreError> {
        require_admin(scope, Entity::Account, account.username.as_str())?;
        let hash = hash_password(&account.password)?;
        self.write(|c| insert(c, ctx, account, &hash))
    }

    /// Every account, by username (administrators only; empty for any other scope).
    #[tracing::instrument(skip_all, err)]
    pub fn list_accounts(&self, scope: &Scope) -> Result<Vec<AccountView>, StoreError> {
        if !scope.is_whole_installation() {
            return Ok(Vec::new());
        }
        self.read(|c| {
            account_rows::load(c, Which::All)?
                .iter()
                .map(account_rows::AccountRow::view)
                .collect()
        })
    }

    /// Disables an account, ends its sessions and revokes its tokens. Returns `false` when
    /// it was already disabled (nothing changes, nothing is recorded).
    #[tracing::instrument(skip_all, fields(%username), err)]
    pub fn disable_account(
        &self,
        scope: &Scope,
        ctx: &AuditContext,
        username: &Username,
    ) -> Result<bool, StoreError> {
        require_admin(scope, Entity::Account, username.as_str())?;
        self.write(|c| {
            let account = existing(c, username)?;
            if account.disabled {
                return Ok(false);
            }
            diesel::update(accounts::table.find(account.id))
                .set(accounts::disabled.eq(true))
                .execute(c)?;
            let sessions_ended = end_sessions(c, account.id)?;
            let tokens_revoked = diesel::update(
                api_tokens::table
                    .filter(api_tokens::account_id.eq(account.id))
                    .filter(api_tokens::revoked_at.is_null()),
            )
            .set(api_tokens::revoked_at.eq(to_micros(ctx.at)))
            .execute(c)?;
            let after = json!({
                "disabled": true,
                "sessions_ended": sessions_ended,
                "tokens_revoked": tokens_revoked,
            });
            audit::record(
                c,
                ctx,
                Change {
                    action: AuditAction::AccountDisable,
                    entity: AuditEntity::Account,
                    entity_code: Some(username.as_str()),
                    before_json: Some(json!({ "disabled": false }).to_string()),
                    after_json: Some(after.to_string()),
                },
            )?;
            Ok(true)
        })
    }

    /// Sets an account's password (administrators only), ends its sessions and revokes its
    /// API tokens: a reset is what an administrator does when the password is forgotten
    /// or the account may be in other hands, and a token made by those hands must not
    /// outlive it. (Changing one's own password keeps one's tokens: the owner proved the
    /// current password, and their scripts keep working.)
    #[tracing::instrument(skip_all, fields(%username), err)]
    pub fn set_password(
        &self,
        scope: &Scope,
        ctx: &AuditContext,
        username: &Username,
        password: &NewPassword,
    ) -> Result<(), StoreError> {
        require_admin(scope, Entity::Account, username.as_str())?;
        let hash = hash_password(password)?;
        self.write(|c| {
            let account = existing(c, username)?;
            replace_password(c, ctx, account.id, username, &hash, Tokens::Revoke)
        })
    }
}

/// What a new password does to the account's API tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tokens {
    /// Kept (the owner changed their own password).
    Keep,
    /// Revoked (an administrator reset it).
    Revoke,
}

/// Stores a new password hash for account `id`, ends its sessions (and, with
/// [`Tokens::Revoke`], revokes its API tokens), records the change.
pub(crate) fn replace_password(
    conn: &mut DbConnection,
    ctx: &AuditContext,
    id: i64,
    username: &Username,
    hash: &str,
    tokens: Tokens,
) -> Result<(), StoreError> {
    diesel::update(accounts::table.find(id))
        .set((
            accounts::password_hash.eq(hash),
            accounts::password_changed_at.eq(to_micros(ctx.at)),
        ))
        .execute(conn)?;
    let sessions_ended = end_sessions(conn, id)?;
    let tokens_revoked = match tokens {
        Tokens::Keep => 0,
        Tokens::Revoke => diesel::update(
            api_tokens::table
                .filter(api_tokens::account_id.eq(id))
                .filter(api_tokens::revoked_at.is_null()),
        )
        .set(api_tokens::revoked_at.eq(to_micros(ctx.at)))
        .execute(conn)?,
    };
    audit::record(
        conn,
        ctx,
        Change {
            action: AuditAction::AccountPassword,
            entity: AuditEntity::Account,
            entity_code: Some(username.as_str()),
            before_json: None,
            after_json: Some(
                json!({ "sessions_ended": sessions_ended, "tokens_revoked": tokens_revoked })
                    .to_string(),
            ),
        },
    )
}
