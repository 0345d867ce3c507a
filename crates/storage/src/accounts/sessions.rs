//! Browser sessions in the database, by the SHA-256 of their token.
//!
//! A session ends after [`SESSION_IDLE`] without a request or [`SESSION_ABSOLUTE`] after
//! sign-in, whichever comes first; on logout; and for every session of an account whose
//! password changes or which is disabled. `last_seen_at` is written at most once a minute,
//! so that reading pages does not turn every request into a write.

use crate::accounts::rows::{self as account_rows, Which};
use crate::accounts::secrets::{SessionToken, new_session_token, sha256_hex};
use crate::accounts::throttle::kept;
use crate::audit::chain::to_micros;
use crate::audit::{self, Change};
use crate::db::conn::DbConnection;
use crate::db::schema::sessions;
use crate::{AuditAction, AuditEntity};
use crate::{AuditContext, Store, StoreError};
use chrono::{NaiveDateTime, TimeDelta};
use dangvu_domain::actor::Actor;
use diesel::prelude::*;

/// A session ends after this long without a request.
pub const SESSION_IDLE: TimeDelta = TimeDelta::minutes(30);
/// A session ends this long after sign-in, however active.
pub const SESSION_ABSOLUTE: TimeDelta = TimeDelta::hours(12);
/// `last_seen_at` is refreshed when older than this.
const TOUCH_EVERY: TimeDelta = TimeDelta::minutes(1);

/// Whether `text` has the form of a token (64 hexadecimal digits): anything else is not
/// looked up at all.
pub(crate) fn looks_like_token(text: &str, prefix: &str) -> bool {
    text.strip_prefix(prefix)
        .is_some_and(|hex| hex.len() == 64 && hex.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Starts a session for `actor`; forgets every expired session first.
pub(crate) fn insert(
    conn: &mut DbConnection,
    actor: &Actor,
    source: &str,
    now: NaiveDateTime,
) -> Result<SessionToken, StoreError> {
    let now = to_micros(now);
    diesel::delete(
        sessions::table.filter(
            sessions::last_seen_at
                .le(now - SESSION_IDLE)
                .or(sessions::created_at.le(now - SESSION_ABSOLUTE)),
        ),
    )
    .execute(conn)?;
    let token = new_session_token()?;
    diesel::insert_into(sessions::table)
        .values((
            sessions::token_hash.eq(sha256_hex(token.expose().as_bytes())),
            sessions::account_id.eq(actor.account().get()),
            sessions::source.eq(kept(source)),
            sessions::created_at.eq(now),
            sessions::last_seen_at.eq(now),
        ))
        .execute(conn)?;
    Ok(token)
}

/// A stored session: id, account, created, last seen.
type SessionRow = (i64, i64, NaiveDateTime, NaiveDateTime);

fn find(conn: &mut DbConnection, token: &str) -> QueryResult<Option<SessionRow>> {
    sessions::table
        .filter(sessions::token_hash.eq(sha256_hex(token.as_bytes())))
        .select((
            sessions::id,
            sessions::account_id,
            sessions::created_at,
            sessions::last_seen_at,
        ))
        .first(conn)
        .optional()
}

fn expired(session: &SessionRow, now: NaiveDateTime) -> bool {
    let (_, _, created, last_seen) = *session;
    now - last_seen >= SESSION_IDLE || now - created >= SESSION_ABSOLUTE || now < created
}

impl Store {
    /// Starts a session for an actor that has just authenticated; the token goes in the
    /// session cookie (HttpOnly, SameSite=Strict) and is stored only as its SHA-256.
    #[tracing::instrument(skip_all, fields(username = %actor.username()), err)]
    pub fn create_session(
        &self,
        actor: &Actor,
        source: &str,
        now: NaiveDateTime,
    ) -> Result<SessionToken, StoreError> {
        self.write(|c| insert(c, actor, source, now))
    }

    /// The actor of the session whose cookie holds `token`, if the session is still valid
    /// at `now` and its account enabled; refreshes the session's last request time.
    #[tracing::instrument(skip_all, err)]
    pub fn session_actor(
        &self,
        token: &str,
        now: NaiveDateTime,
    ) -> Result<Option<Actor>, StoreError> {
        if !looks_like_token(token, "") {
            return Ok(None);
        }
        let now = to_micros(now);
        let found = self.read(|c| match find(c, token)? {
            Some(session) => Ok(account_rows::find(c, Which::Id(session.1))?.map(|a| (session, a))),
            None => Ok(None),
        })?;
        let Some((session, account)) = found else {
            return Ok(None);
        };
        // Removing an expired session and touching a live one are bookkeeping that the
        // next request redoes: skipped, not waited for, while a long import writes.
        if expired(&session, now) {
            self.write_if_free(|c| {
                diesel::delete(sessions::table.find(session.0)).execute(c)?;
                Ok(())
            })?;
            return Ok(None);
        }
        if account.disabled {
            return Ok(None);
        }
        if now - session.3 >= TOUCH_EVERY {
            self.write_if_free(|c| {
                diesel::update(sessions::table.find(session.0))
                    .filter(sessions::last_seen_at.lt(now))
                    .set(sessions::last_seen_at.eq(now))
                    .execute(c)?;
                Ok(())
            })?;
        }
        account.actor().map(Some)
    }

    /// Ends the session whose cookie holds `token` (logout), with its audit row. Ending an
    /// unknown or expired session does nothing.
    #[tracing::instrument(skip_all, err)]
    pub fn end_session(
        &self,
        token: &str,
        source: &str,
        now: NaiveDateTime,
    ) -> Result<(), StoreError> {
        if !looks_like_token(token, "") {
            return Ok(());
        }
        self.write(|c| {
            let Some(session) = find(c, token)? else {
                return Ok(());
            };
            diesel::delete(sessions::table.find(session.0)).execute(c)?;
            let Some(account) = account_rows::find(c, Which::Id(session.1))? else {
                return Ok(());
            };
            let ctx = AuditContext {
                actor: account.username.clone(),
                source: kept(source),
                at: now,
            };
            audit::record(
                c,
                &ctx,
                Change {
                    action: AuditAction::Logout,
                    entity: AuditEntity::Account,
                    entity_code: Some(&account.username),
                    before_json: None,
                    after_json: None,
                },
            )
        })
    }
}
