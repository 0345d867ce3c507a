//! The audit log: one row per change, written in the transaction of the change.
//!
//! Rows are only ever inserted, each chained to the one before ([`crate::audit::chain`]);
//! triggers refuse updates and deletions of chained rows. Every writer goes through
//! [`record`], so no row escapes the chain; [`verify`] only reads.

pub(crate) mod chain;
mod kinds;
pub(crate) mod pending;
mod records;
mod verify;
mod views;

pub use kinds::{AuditAction, AuditEntity};
pub use views::*;

use crate::StoreError;
use crate::db::conn::DbConnection;
use crate::db::schema::audit_log;
use diesel::prelude::*;

/// What a change did, for its audit row.
pub(crate) struct Change<'a> {
    /// What was done.
    pub action: AuditAction,
    /// The kind of record changed.
    pub entity: AuditEntity,
    /// Its code, when the change concerns one record.
    pub entity_code: Option<&'a str>,
    /// The record before, as JSON.
    pub before_json: Option<String>,
    /// The record after, as JSON.
    pub after_json: Option<String>,
}

/// Appends the chained audit row of `change`.
pub(crate) fn record(
    conn: &mut DbConnection,
    ctx: &AuditContext,
    change: Change<'_>,
) -> Result<(), StoreError> {
    chain::append(conn, ctx, change)
}

/// An audit row's shown columns, as loaded (`EntryRow::as_select()`); the chain's
/// verification reads them with the hashes.
#[derive(Queryable, Selectable)]
#[diesel(table_name = audit_log)]
pub(crate) struct EntryRow {
    pub id: i64,
    pub at: chrono::NaiveDateTime,
    pub actor: String,
    pub source: String,
    pub action: String,
    pub entity: String,
    pub entity_code: Option<String>,
    pub before_json: Option<String>,
    pub after_json: Option<String>,
}

fn entry(row: EntryRow) -> AuditEntry {
    AuditEntry {
        id: row.id,
        at: row.at,
        actor: row.actor,
        source: row.source,
        action: row.action,
        entity: row.entity,
        entity_code: row.entity_code,
        before_json: row.before_json,
        after_json: row.after_json,
    }
}

/// The latest `limit` rows, newest first.
pub(crate) fn latest(conn: &mut DbConnection, limit: u32) -> Result<Vec<AuditEntry>, StoreError> {
    let rows: Vec<EntryRow> = audit_log::table
        .select(EntryRow::as_select())
        .order(audit_log::id.desc())
        .limit(i64::from(limit))
        .load(conn)?;
    Ok(rows.into_iter().map(entry).collect())
}

/// Rows per page of the audit page are kept within this range.
const PAGE_LIMITS: std::ops::RangeInclusive<u32> = 1..=500;

/// A page of the rows matching `filter`, newest first.
pub(crate) fn entries(
    conn: &mut DbConnection,
    filter: &AuditFilter,
) -> Result<AuditPage, StoreError> {
    let mut query = audit_log::table.select(EntryRow::as_select()).into_boxed();
    if let Some(actor) = &filter.actor {
        query = query.filter(audit_log::actor.eq(actor.clone()));
    }
    if let Some(entity) = &filter.entity {
        query = query.filter(audit_log::entity.eq(entity.clone()));
    }
    if let Some(code) = &filter.entity_code {
        query = query.filter(audit_log::entity_code.eq(code.clone()));
    }
    if let Some(from) = filter.from {
        query = query.filter(audit_log::at.ge(chain::to_micros(from)));
    }
    if let Some(to) = filter.to {
        query = query.filter(audit_log::at.lt(chain::to_micros(to)));
    }
    if let Some(before) = filter.before {
        query = query.filter(audit_log::id.lt(before));
    }
    let limit = filter.limit.clamp(*PAGE_LIMITS.start(), *PAGE_LIMITS.end());
    let mut rows: Vec<EntryRow> = query
        .order(audit_log::id.desc())
        .limit(i64::from(limit) + 1)
        .load(conn)?;
    let more = rows.len() > limit as usize;
    rows.truncate(limit as usize);
    let next = if more {
        rows.last().map(|row| row.id)
    } else {
        None
    };
    Ok(AuditPage {
        rows: rows.into_iter().map(entry).collect(),
        next,
    })
}

/// The rows of `actor` with `action` written after `since`.
pub(crate) fn count_since(
    conn: &mut DbConnection,
    actor: &str,
    action: AuditAction,
    since: chrono::NaiveDateTime,
) -> Result<u64, StoreError> {
    let n: i64 = audit_log::table
        .filter(audit_log::actor.eq(actor))
        .filter(audit_log::action.eq(action.as_str()))
        .filter(audit_log::at.gt(chain::to_micros(since)))
        .count()
        .get_result(conn)?;
    crate::db::count(n)
}
