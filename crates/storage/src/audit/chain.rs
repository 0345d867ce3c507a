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
//! Without a secret key or an external anchor, someone who can write the database can
//! recompute the whole chain, and removing the newest rows leaves no trace; the chain
//! catches direct edits and deletions of rows in the middle, which is what it is for.

use crate::accounts::secrets::sha256_hex;
use crate::audit::{self, Change};
use crate::db::conn::DbConnection;
use crate::db::schema::audit_log;
use crate::{AuditBreak, AuditContext, AuditVerification, StoreError};
use chrono::{NaiveDateTime, SubsecRound};
use diesel::prelude::*;

/// The `prev_hash` of the first row.
pub(crate) const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The PostgreSQL advisory lock that serializes writers of the chain ("dangvuau").
const CHAIN_LOCK_KEY: i64 = 0x6461_6e67_7675_6175;

/// Rows read per query while verifying.
const VERIFY_BATCH: i64 = 5_000;

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
fn lock_head(conn: &mut DbConnection) -> Result<String, StoreError> {
    if let DbConnection::Pg(c) = conn {
        diesel::sql_query("select pg_advisory_xact_lock($1)")
            .bind::<diesel::sql_types::BigInt, _>(CHAIN_LOCK_KEY)
            .execute(c)?;
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
struct StoredRow {
    #[diesel(embed)]
    entry: audit::EntryRow,
    prev_hash: Option<String>,
    hash: Option<String>,
}

fn rows_after(conn: &mut DbConnection, after: i64, limit: i64) -> QueryResult<Vec<StoredRow>> {
    audit_log::table
        .filter(audit_log::id.gt(after))
        .order(audit_log::id)
        .limit(limit)
        .select(StoredRow::as_select())
        .load(conn)
}

fn content(row: &StoredRow) -> Content<'_> {
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

/// Why `row` does not continue a chain whose last hash is `expected_prev`, if it does not.
fn check_row(row: &StoredRow, expected_prev: &str) -> Result<Option<AuditBreak>, StoreError> {
    let (Some(prev_hash), Some(hash)) = (&row.prev_hash, &row.hash) else {
        return Ok(Some(AuditBreak::Unchained));
    };
    if prev_hash != expected_prev {
        return Ok(Some(AuditBreak::PreviousRowMissingOrChanged));
    }
    if &row_hash(prev_hash, &content(row))? != hash {
        return Ok(Some(AuditBreak::RowChanged));
    }
    Ok(None)
}

/// Recomputes the whole chain, oldest row first; stops at the first broken row.
pub(crate) fn verify(conn: &mut DbConnection) -> Result<AuditVerification, StoreError> {
    let mut expected_prev = GENESIS.to_string();
    let mut last_id = i64::MIN;
    let mut rows_checked = 0u64;
    loop {
        let batch = rows_after(conn, last_id, VERIFY_BATCH)?;
        if batch.is_empty() {
            return Ok(AuditVerification::Intact { rows_checked });
        }
        for row in &batch {
            if let Some(reason) = check_row(row, &expected_prev)? {
                return Ok(AuditVerification::Broken {
                    first_bad_id: row.entry.id,
                    reason,
                    rows_checked,
                });
            }
            expected_prev = row.hash.clone().unwrap_or_default();
            last_id = row.entry.id;
            rows_checked += 1;
        }
    }
}

/// Chains the rows written before chaining existed (a database created by an earlier
/// version), once: only while no row is chained yet. Returns how many rows were sealed.
pub(crate) fn seal_unchained(conn: &mut DbConnection) -> Result<u64, StoreError> {
    let mut prev_hash = lock_head(conn)?;
    if prev_hash != GENESIS {
        return Ok(0);
    }
    let rows = rows_after(conn, i64::MIN, i64::MAX)?;
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
    Ok(rows.len() as u64)
}
