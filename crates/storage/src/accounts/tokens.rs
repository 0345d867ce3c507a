//! API bearer tokens: created by the administrator for an account, shown once, stored as
//! their SHA-256, acting with the account's role and scope until they expire or are revoked.

use crate::accounts::manage::{existing, require_admin};
use crate::accounts::rows::{self as account_rows, Which};
use crate::accounts::secrets::{TOKEN_PREFIX, TokenSecret, new_token_secret, sha256_hex};
use crate::accounts::sessions::looks_like_token;
use crate::audit::chain::to_micros;
use crate::audit::{self, Change};
use crate::db::schema::{accounts, api_tokens};
use crate::{AuditAction, AuditEntity, Entity};
use crate::{AuditContext, Scope, Store, StoreError, TokenView};
use chrono::{NaiveDateTime, TimeDelta};
use dangvu_domain::actor::{Actor, Username};
use diesel::prelude::*;
use serde_json::json;

/// Longest lifetime of a token, in days (ten years).
pub const MAX_TOKEN_DAYS: u32 = 3650;

/// `last_used_at` is refreshed when older than this.
const TOUCH_EVERY: TimeDelta = TimeDelta::minutes(1);

type TokenRow = (
    i64,
    String,
    NaiveDateTime,
    Option<NaiveDateTime>,
    Option<NaiveDateTime>,
    Option<NaiveDateTime>,
);

impl Store {
    /// Creates a token for `username`, valid for `expires_days` days (`None`: until
    /// revoked); returns its id and its secret, which is not stored and cannot be shown
    /// again (administrators only).
    #[tracing::instrument(skip_all, fields(%username, ?expires_days), err)]
    pub fn create_token(
        &self,
        scope: &Scope,
        ctx: &AuditContext,
        username: &Username,
        expires_days: Option<u32>,
    ) -> Result<(i64, TokenSecret), StoreError> {
        require_admin(scope, Entity::Account, username.as_str())?;
        if expires_days.is_some_and(|d| d == 0 || d > MAX_TOKEN_DAYS) {
            return Err(StoreError::Invalid(format!(
                "a token lasts 1 to {MAX_TOKEN_DAYS} days"
            )));
        }
        let secret = new_token_secret()?;
        let secret_hash = sha256_hex(secret.expose().as_bytes());
        let at = to_micros(ctx.at);
        let expires_at = expires_days.map(|d| at + TimeDelta::days(i64::from(d)));
        self.write(|c| {
            let account = existing(c, username)?;
            if account.disabled {
                return Err(StoreError::Invalid(format!(
                    "account {username} is disabled"
                )));
            }
            diesel::insert_into(api_tokens::table)
                .values((
                    api_tokens::secret_hash.eq(&secret_hash),
                    api_tokens::account_id.eq(account.id),
                    api_tokens::created_at.eq(at),
                    api_tokens::expires_at.eq(expires_at),
                ))
                .execute(c)?;
            let id: i64 = api_tokens::table
                .filter(api_tokens::secret_hash.eq(&secret_hash))
                .select(api_tokens::id)
                .first(c)?;
            let after = json!({ "id": id, "username": username, "expires_at": expires_at });
            audit::record(
                c,
                ctx,
                Change {
                    action: AuditAction::TokenCreate,
                    entity: AuditEntity::ApiToken,
                    entity_code: Some(&id.to_string()),
                    before_json: None,
                    after_json: Some(after.to_string()),
                },
            )?;
            Ok((id, secret.clone()))
        })
    }

    /// The actor a bearer token acts as at `now`, if it is known, not revoked, not expired
    /// and its account enabled; refreshes its last use.
    #[tracing::instrument(skip_all, err)]
    pub fn token_actor(
        &self,
        secret: &str,
        now: NaiveDateTime,
    ) -> Result<Option<Actor>, StoreError> {
        if !looks_like_token(secret, TOKEN_PREFIX) {
            return Ok(None);
        }
        let now = to_micros(now);
        let secret_hash = sha256_hex(secret.as_bytes());
        let found = self.read(|c| {
            let token: Option<(i64, i64, Option<NaiveDateTime>, Option<NaiveDateTime>)> =
                api_tokens::table
                    .filter(api_tokens::secret_hash.eq(&secret_hash))
                    .filter(api_tokens::revoked_at.is_null())
                    .select((
                        api_tokens::id,
                        api_tokens::account_id,
                        api_tokens::expires_at,
                        api_tokens::last_used_at,
                    ))
                    .first(c)
                    .optional()?;
            match token {
                Some(t) => Ok(account_rows::find(c, Which::Id(t.1))?.map(|a| (t, a))),
                None => Ok(None),
            }
        })?;
        let Some(((id, _, expires_at, last_used), account)) = found else {
            return Ok(None);
        };
        if expires_at.is_some_and(|end| now >= end) || account.disabled {
            return Ok(None);
        }
        // Bookkeeping the next request redoes: skipped, not waited for, during an import.
        if last_used.is_none_or(|used| now - used >= TOUCH_EVERY) {
            self.write_if_free(|c| {
                diesel::update(api_tokens::table.find(id))
                    .set(api_tokens::last_used_at.eq(now))
                    .execute(c)?;
                Ok(())
            })?;
        }
        account.actor().map(Some)
    }

    /// Revokes token `id` (administrators only). Returns `false` when it was already
    /// revoked (nothing changes, nothing is recorded).
    #[tracing::instrument(skip_all, fields(id), err)]
    pub fn revoke_token(
        &self,
        scope: &Scope,
        ctx: &AuditContext,
        id: i64,
    ) -> Result<bool, StoreError> {
        let code = id.to_string();
        require_admin(scope, Entity::ApiToken, &code)?;
        self.write(|c| {
            let revoked_at: Option<Option<NaiveDateTime>> = api_tokens::table
                .find(id)
                .select(api_tokens::revoked_at)
                .first(c)
                .optional()?;
            match revoked_at {
                None => Err(StoreError::NotFound {
                    entity: Entity::ApiToken,
                    code: code.clone(),
                }),
                Some(Some(_)) => Ok(false),
                Some(None) => {
                    diesel::update(api_tokens::table.find(id))
                        .set(api_tokens::revoked_at.eq(to_micros(ctx.at)))
                        .execute(c)?;
                    audit::record(
                        c,
                        ctx,
                        Change {
                            action: AuditAction::TokenRevoke,
                            entity: AuditEntity::ApiToken,
                            entity_code: Some(&code),
                            before_json: None,
                            after_json: Some(json!({ "revoked": true }).to_string()),
                        },
                    )?;
                    Ok(true)
                }
            }
        })
    }

    /// Every token, newest first (administrators only; empty for any other scope).
    #[tracing::instrument(skip_all, err)]
    pub fn list_tokens(&self, scope: &Scope) -> Result<Vec<TokenView>, StoreError> {
        if !scope.is_whole_installation() {
            return Ok(Vec::new());
        }
        let rows: Vec<TokenRow> = self.read(|c| {
            Ok(api_tokens::table
                .inner_join(accounts::table)
                .order(api_tokens::id.desc())
                .select((
                    api_tokens::id,
                    accounts::username,
                    api_tokens::created_at,
                    api_tokens::expires_at,
                    api_tokens::revoked_at,
                    api_tokens::last_used_at,
                ))
                .load(c)?)
        })?;
        rows.into_iter()
            .map(
                |(id, username, created_at, expires_at, revoked_at, last_used_at)| {
                    Ok(TokenView {
                        id,
                        username: Username::parse(&username)
                            .map_err(|e| StoreError::Invalid(e.to_string()))?,
                        created_at,
                        expires_at,
                        revoked_at,
                        last_used_at,
                    })
                },
            )
            .collect()
    }
}
