//! Tamper evidence of the audit log: every row carries `hash = SHA-256(prev_hash, row)`.
//!
//! A row's hash covers the previous row's hash and the row's own content in a canonical
//! form (a JSON array of its columns, the time to the microsecond), so editing a row breaks
//! its own hash and deleting one breaks the link of the next. The hash is computed in Rust
//! inside the transaction that inserts the row, after taking the chain's lock: on
//! PostgreSQL a transaction-scoped advisory lock, on SQLite the database's single writer
//! (the row's transaction writes, so it holds the write lock until it commits). Ids are
//! not hashed: PostgreSQL may skip some after a rollback.
//!
//! Rows are hashed once, when they are appended; nothing re-chains existing rows, so a row
//! without a hash is a break that verification reports ([`super::verify`]). The one
//! exception is the upgrade that introduced chaining, which seals the rows written before
//! it, once, and records that it did ([`seal_legacy`]). Someone who can write the database
//! could still recompute the whole chain or remove its newest rows; the head of the chain
//! recorded outside the database ([`crate::AuditHead`]) is what detects that.

use crate::accounts::secrets::sha256_hex;
use crate::audit::{self, AuditAction, AuditEntity, Change};
use crate::db::conn::DbConnection;
use crate::db::schema::audit_log;
use crate::{AuditContext, StoreError};
use chrono::{NaiveDateTime, SubsecRound};
use diesel::prelude::*;

/// The `prev_hash` of the first row.
pub(crate) const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The PostgreSQL advisory lock that serializes writers of the chain ("dangvuau").
pub(crate) const CHAIN_LOCK_KEY: i64 = 0x6461_6e67_7675_6175;

/// Times are stored to the microsecond, PostgreSQL's precision, so that the hashed time is
/// the stored time on both engines.
pub(crate) fn to_micros(at: NaiveDateTime) -> NaiveDateTime {
    at.trunc_subsecs(6)
}

/// The hashed columns of a row.
pub(crate) struct Content<'a> {
    pub at: NaiveDateTime,
    pub actor: &'a str,
    pub source: &'a str,
    pub action: &'a str,
    pub entity: &'a str,
    pub entity_code: Option<&'a str>,
    pub before_json: Option<&'a str>,
    pub after_json: Option<&'a str>,
}

/// `SHA-256(prev_hash "\n" canonical content)`, in hexadecimal.
pub(crate) fn row_hash(prev_hash: &str, row: &Content<'_>) -> Result<String, StoreError> {
    let at = row.at.format("%Y-%m-%dT%H:%M:%S%.6f").to_string();
    let canonical = serde_json::to_string(&(
        at,
        row.actor,
        row.source,
        row.action,
        row.entity,
        row.entity_code,
        row.before_json,
        row.after_json,
    ))?;
    Ok(sha256_hex(format!("{prev_hash}\n{canonical}").as_bytes()))
}

/// Takes the chain's lock (PostgreSQL) and returns the hash the next row chains to.
///
/// On PostgreSQL the wait for the lock is bounded like SQLite's busy timeout (5 s): a
/// change that finds the chain held longer by a long import fails with
/// [`StoreError::Busy`] (a 503 for the web) instead of waiting without end.
fn lock_head(conn: &mut DbConnection) -> Result<String, StoreError> {
    if let DbConnection::Pg(c) = conn {
        diesel::sql_query("select set_config('lock_timeout', '5s', true)").execute(c)?;
        diesel::sql_query("select pg_advisory_xact_lock($1)")
            .bind::<diesel::sql_types::BigInt, _>(CHAIN_LOCK_KEY)
            .execute(c)?;
        diesel::sql_query("select set_config('lock_timeout', '0', true)").execute(c)?;
    }
    let last: Option<Option<String>> = audit_log::table
        .filter(audit_log::hash.is_not_null())
        .order(audit_log::id.desc())
        .select(audit_log::hash)
        .first(conn)
        .optional()?;
    Ok(last.flatten().unwrap_or_else(|| GENESIS.to_string()))
}

/// Appends the chained row of `change`.
pub(crate) fn append(
    conn: &mut DbConnection,
    ctx: &AuditContext,
    change: Change<'_>,
) -> Result<(), StoreError> {
    let prev_hash = lock_head(conn)?;
    let at = to_micros(ctx.at);
    let hash = row_hash(
        &prev_hash,
        &Content {
            at,
            actor: &ctx.actor,
            source: &ctx.source,
            action: change.action.as_str(),
            entity: change.entity.as_str(),
            entity_code: change.entity_code,
            before_json: change.before_json.as_deref(),
            after_json: change.after_json.as_deref(),
        },
    )?;
    diesel::insert_into(audit_log::table)
        .values((
            audit_log::at.eq(at),
            audit_log::actor.eq(&ctx.actor),
            audit_log::source.eq(&ctx.source),
            audit_log::action.eq(change.action.as_str()),
            audit_log::entity.eq(change.entity.as_str()),
            audit_log::entity_code.eq(change.entity_code),
            audit_log::before_json.eq(change.before_json),
            audit_log::after_json.eq(change.after_json),
            audit_log::prev_hash.eq(&prev_hash),
            audit_log::hash.eq(&hash),
        ))
        .execute(conn)?;
    Ok(())
}

/// A stored row: the entry's columns, `prev_hash`, `hash`.
#[derive(Queryable, Selectable)]
#[diesel(table_name = audit_log)]
pub(crate) struct StoredRow {
    #[diesel(embed)]
    pub(crate) entry: audit::EntryRow,
    pub(crate) prev_hash: Option<String>,
    pub(crate) hash: Option<String>,
}

pub(crate) fn rows_after(
    conn: &mut DbConnection,
    after: i64,
    limit: i64,
) -> QueryResult<Vec<StoredRow>> {
    audit_log::table
        .filter(audit_log::id.gt(after))
        .order(audit_log::id)
        .limit(limit)
        .select(StoredRow::as_select())
        .load(conn)
}

pub(crate) fn content(row: &StoredRow) -> Content<'_> {
    let e = &row.entry;
    Content {
        at: e.at,
        actor: &e.actor,
        source: &e.source,
        action: &e.action,
        entity: &e.entity,
        entity_code: e.entity_code.as_deref(),
        before_json: e.before_json.as_deref(),
        after_json: e.after_json.as_deref(),
    }
}

/// The migration that introduced chaining; [`seal_legacy`] runs when it is applied.
pub(crate) const CHAINING_MIGRATION: &str = "2026-11-26-100000_accounts";

/// Chains the rows written before chaining existed, right after the upgrade that
/// introduced it ([`CHAINING_MIGRATION`]) and never again: opening a database or verifying
/// it never rewrites a row, so a hash removed later stays a break. Records the sealing as
/// an audit row of its own, chained after the sealed rows and dated like the newest of
/// them: an upgrade has no caller to take the time from, and time is only ever an input.
/// Returns how many rows were sealed.
pub(crate) fn seal_legacy(conn: &mut DbConnection) -> Result<u64, StoreError> {
    let mut prev_hash = lock_head(conn)?;
    if prev_hash != GENESIS {
        return Ok(0);
    }
    let rows = rows_after(conn, i64::MIN, i64::MAX)?;
    let Some(newest) = rows.last() else {
        return Ok(0);
    };
    let at = newest.entry.at;
    for row in &rows {
        let hash = row_hash(&prev_hash, &content(row))?;
        diesel::update(audit_log::table.find(row.entry.id))
            .set((
                audit_log::prev_hash.eq(&prev_hash),
                audit_log::hash.eq(&hash),
            ))
            .execute(conn)?;
        prev_hash = hash;
    }
    let sealed = rows.len() as u64;
    let ctx = AuditContext {
        actor: "dangvu".into(),
        source: "migration".into(),
        at,
    };
    let after = serde_json::json!({ "rows": sealed, "migration": CHAINING_MIGRATION });
    append(
        conn,
        &ctx,
        Change {
            action: AuditAction::Seal,
            entity: AuditEntity::AuditLog,
            entity_code: None,
            before_json: None,
            after_json: Some(after.to_string()),
        },
    )?;
    Ok(sealed)
}
