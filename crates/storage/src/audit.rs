//! The audit log: one row per change, written in the transaction of the change.
//!
//! Rows are only ever inserted. `prev_hash` and `hash` stay empty until rows are chained.

use crate::conn::DbConnection;
use crate::schema::audit_log;
use crate::{AuditContext, AuditEntry, StoreError};
use diesel::prelude::*;

/// What a change did, for its audit row.
pub(crate) struct Change<'a> {
    /// `dataset.load`, `member.update`, …
    pub action: &'a str,
    /// The kind of record changed.
    pub entity: &'a str,
    /// Its code, when the change concerns one record.
    pub entity_code: Option<&'a str>,
    /// The record before, as JSON.
    pub before_json: Option<String>,
    /// The record after, as JSON.
    pub after_json: Option<String>,
}

/// Appends the audit row of `change`.
pub(crate) fn record(
    conn: &mut DbConnection,
    ctx: &AuditContext,
    change: Change<'_>,
) -> Result<(), StoreError> {
    diesel::insert_into(audit_log::table)
        .values((
            audit_log::at.eq(ctx.at),
            audit_log::actor.eq(&ctx.actor),
            audit_log::source.eq(&ctx.source),
            audit_log::action.eq(change.action),
            audit_log::entity.eq(change.entity),
            audit_log::entity_code.eq(change.entity_code),
            audit_log::before_json.eq(change.before_json),
            audit_log::after_json.eq(change.after_json),
        ))
        .execute(conn)?;
    Ok(())
}

type EntryRow = (
    chrono::NaiveDateTime,
    String,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
);

/// The latest `limit` rows, newest first.
pub(crate) fn latest(conn: &mut DbConnection, limit: u32) -> Result<Vec<AuditEntry>, StoreError> {
    let rows: Vec<EntryRow> = audit_log::table
        .select((
            audit_log::at,
            audit_log::actor,
            audit_log::source,
            audit_log::action,
            audit_log::entity,
            audit_log::entity_code,
            audit_log::before_json,
            audit_log::after_json,
        ))
        .order(audit_log::id.desc())
        .limit(i64::from(limit))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(
            |(at, actor, source, action, entity, entity_code, before_json, after_json)| {
                AuditEntry {
                    at,
                    actor,
                    source,
                    action,
                    entity,
                    entity_code,
                    before_json,
                    after_json,
                }
            },
        )
        .collect())
}
