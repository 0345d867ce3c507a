//! Audit rows of reads that could not wait: the rows `read` (a profile opened), `export`
//! and `denied`, when another transaction holds the chain's lock — a long import on
//! SQLite holds the whole database's write lock for as long as it writes.
//!
//! Such a read is answered from a read transaction at once, and its row waits here, in
//! order, until the next transaction that takes the lock: [`Store::write`] and
//! [`Store::read_audited`] append the waiting rows first, each with the time of its read,
//! so the chain holds them before anything later. Dropping the store (a server's normal
//! stop) appends what is left. Only a crash between the read and the next write loses
//! rows; they are also logged (`audit row queued`) when queued, so the server's log keeps
//! a trace of them.

use crate::audit::{self, AuditAction, AuditEntity, Change};
use crate::db::conn::DbConnection;
use crate::{AuditContext, StoreError};
use std::sync::Mutex;

/// One audit row waiting for the chain's lock, owned.
#[derive(Debug, Clone)]
pub(crate) struct QueuedRow {
    /// Who, from where, when (the time of the read itself).
    pub ctx: AuditContext,
    /// What was done.
    pub action: AuditAction,
    /// The kind of record.
    pub entity: AuditEntity,
    /// Its code.
    pub entity_code: Option<String>,
    /// Details, as JSON.
    pub after_json: Option<String>,
}

impl QueuedRow {
    /// The row `read`: `ctx` opened the full record `code` of kind `entity`.
    pub(crate) fn read(ctx: &AuditContext, entity: AuditEntity, code: &str) -> Self {
        Self {
            ctx: ctx.clone(),
            action: AuditAction::Read,
            entity,
            entity_code: Some(code.to_string()),
            after_json: None,
        }
    }

    /// Appends this row to the chain.
    pub(crate) fn append(&self, conn: &mut DbConnection) -> Result<(), StoreError> {
        let change = Change {
            action: self.action,
            entity: self.entity,
            entity_code: self.entity_code.as_deref(),
            before_json: None,
            after_json: self.after_json.clone(),
        };
        audit::record(conn, &self.ctx, change)
    }
}

/// The rows waiting, oldest first.
#[derive(Debug, Default)]
pub(crate) struct PendingAudit {
    rows: Mutex<Vec<QueuedRow>>,
}

impl PendingAudit {
    /// Queues `row` (and says so in the server's log).
    pub(crate) fn push(&self, row: QueuedRow) {
        tracing::info!(
            actor = %row.ctx.actor,
            action = row.action.as_str(),
            code = row.entity_code.as_deref().unwrap_or_default(),
            "audit row queued: the chain's lock is held by a long change"
        );
        self.lock().push(row);
    }

    /// Takes every waiting row, to append them.
    pub(crate) fn take(&self) -> Vec<QueuedRow> {
        std::mem::take(&mut *self.lock())
    }

    /// Puts back rows whose transaction did not commit, before any queued since.
    pub(crate) fn restore(&self, mut rows: Vec<QueuedRow>) {
        if rows.is_empty() {
            return;
        }
        let mut queue = self.lock();
        rows.append(&mut queue);
        *queue = rows;
    }

    /// How many rows wait.
    #[cfg(feature = "testing")]
    pub(crate) fn len(&self) -> usize {
        self.lock().len()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<QueuedRow>> {
        self.rows
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// Appends `rows` in order.
pub(crate) fn append_all(conn: &mut DbConnection, rows: &[QueuedRow]) -> Result<(), StoreError> {
    rows.iter().try_for_each(|row| row.append(conn))
}
