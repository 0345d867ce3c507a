//! The store: a pool of connections to one migrated database, and the two transaction
//! helpers every use case runs in. The use cases themselves live with their capability
//! (`tree`, `members`, `interchange`, `accounts`, `audit`, `reports`).

use super::conn::{DbConnection, Manager, Pool, open_pool};
use super::schema::organizations;
use super::txn::{try_write_transaction, write_transaction};
use super::{Backend, DatabaseUrl, migrate};
use crate::StoreError;
use crate::audit::chain;
use crate::audit::pending::{PendingAudit, QueuedRow, append_all};
use crate::reports::subtree;
use crate::reports::tallies::refresh as tallies;
use diesel::prelude::*;
use diesel::r2d2::PooledConnection;

/// A connection pool to one database, with migrations applied.
pub struct Store {
    backend: Backend,
    pool: Pool,
    /// Audit rows of reads made while a long change held the chain's lock.
    pending: PendingAudit,
    /// Sign-ins refused by the throttle, counted.
    refusals: crate::accounts::refusals::Refusals,
}

impl Store {
    /// Opens (creating a SQLite file if needed) and migrates the database. Opening writes
    /// nothing else: in particular it never touches the audit log's rows, except once, at
    /// the upgrade that introduced the chain ([`crate::audit::chain::seal_legacy`]).
    #[tracing::instrument(skip_all, fields(db = %url), err)]
    pub fn open(url: &DatabaseUrl) -> Result<Self, StoreError> {
        let (pool, mut first) = open_pool(url)?;
        let applied = migrate::run_pending(&mut first)?;
        if !applied.is_empty() {
            tracing::info!(?applied, "migrations applied");
        }
        if applied.iter().any(|m| m == chain::CHAINING_MIGRATION) {
            let sealed = first.transaction(chain::seal_legacy)?;
            tracing::info!(sealed, "audit rows of an earlier version chained, once");
        }
        let cells = applied.iter().any(|m| m == tallies::TALLIES_MIGRATION);
        if cells || applied.iter().any(|m| m == subtree::SUBTREE_MIGRATION) {
            first.transaction(|c| {
                if cells {
                    tallies::rewrite_all(c)?;
                }
                subtree::rebuild_all(c)
            })?;
            tracing::info!(
                "cells' tallies and subtrees' figures computed from the stored records, once"
            );
        }
        Ok(Self {
            backend: url.backend(),
            pool,
            pending: PendingAudit::default(),
            refusals: Default::default(),
        })
    }

    /// The engine in use.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Applies pending migrations; returns the names applied.
    #[tracing::instrument(skip_all, err)]
    pub fn migrate(&self) -> Result<Vec<String>, StoreError> {
        let mut conn = self.pooled()?;
        migrate::run_pending(&mut conn)
    }

    /// Whether the database holds no organization yet.
    #[tracing::instrument(skip_all, err)]
    pub fn is_empty(&self) -> Result<bool, StoreError> {
        self.read(|c| {
            let any: Option<i64> = organizations::table
                .select(organizations::id)
                .first(c)
                .optional()?;
            Ok(any.is_none())
        })
    }

    /// A connection from the pool, for work that manages its own transactions (an import,
    /// the import benchmark's baseline).
    pub(crate) fn pooled(&self) -> Result<PooledConnection<Manager>, StoreError> {
        Ok(self.pool.get()?)
    }

    /// Runs `work` in one (deferred) transaction on a pooled connection: the reads, and
    /// the writes that read nothing first.
    pub(crate) fn read<T>(
        &self,
        work: impl FnOnce(&mut DbConnection) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let mut pooled = self.pooled()?;
        let conn: &mut DbConnection = &mut pooled;
        conn.transaction(work)
    }

    /// Runs `work` in a transaction that holds the write lock from its first statement
    /// (see [`write_transaction`]), after appending the audit rows that wait for it
    /// ([`crate::audit::pending`]).
    pub(crate) fn write<T, E>(
        &self,
        work: impl FnOnce(&mut DbConnection) -> Result<T, E>,
    ) -> Result<T, E>
    where
        E: From<StoreError> + From<diesel::result::Error>,
    {
        let mut pooled = self.pooled()?;
        let queued = self.pending.take();
        let done = write_transaction(&mut pooled, |c| {
            append_all(c, &queued)?;
            work(c)
        });
        if done.is_err() {
            self.pending.restore(queued);
        }
        done
    }

    /// Runs `read` and appends its audit row (`row` of the result) in one transaction when
    /// the chain's lock is free now; else answers from a read transaction at once and
    /// queues the row for the next writer, so a read never waits for, nor fails behind, a
    /// long import.
    pub(crate) fn read_audited<T>(
        &self,
        read: impl Fn(&mut DbConnection) -> Result<T, StoreError>,
        row: impl Fn(&T) -> QueuedRow,
    ) -> Result<T, StoreError> {
        let mut pooled = self.pooled()?;
        let queued = self.pending.take();
        let attempt = try_write_transaction(&mut pooled, |c| {
            append_all(c, &queued)?;
            let value = read(c)?;
            row(&value).append(c)?;
            Ok::<_, StoreError>(value)
        });
        match attempt {
            Ok(Some(value)) => Ok(value),
            Ok(None) => {
                self.pending.restore(queued);
                let conn: &mut DbConnection = &mut pooled;
                let value = conn.transaction(|c| read(c))?;
                self.pending.push(row(&value));
                Ok(value)
            }
            Err(error) => {
                self.pending.restore(queued);
                Err(error)
            }
        }
    }

    /// Appends the audit row `row`, an action that read or changed nothing (a denial, a
    /// refused import or sign-in) — or queues it while a long change holds the chain's
    /// lock, like [`Store::read_audited`].
    pub(crate) fn append_or_queue(&self, row: QueuedRow) -> Result<(), StoreError> {
        self.read_audited(|_| Ok(()), |_| row.clone())
    }

    /// Runs `work` in a write transaction if no other holds the lock now, else does
    /// nothing (`None`): for bookkeeping a later request redoes, such as the last-seen
    /// time of a session, which must not hold up a request during a long import.
    pub(crate) fn write_if_free<T>(
        &self,
        work: impl FnOnce(&mut DbConnection) -> Result<T, StoreError>,
    ) -> Result<Option<T>, StoreError> {
        let mut pooled = self.pooled()?;
        try_write_transaction(&mut pooled, work)
    }

    /// Appends the audit rows that wait for the chain's lock, if it comes within a second
    /// (before the log is shown or counted, so that it holds them); else they keep waiting.
    pub(crate) fn flush_pending(&self) -> Result<(), StoreError> {
        let queued = self.pending.take();
        if queued.is_empty() {
            return Ok(());
        }
        let written = self.write_if_free(|c| append_all(c, &queued));
        if !matches!(written, Ok(Some(()))) {
            self.pending.restore(queued);
        }
        written.map(|_| ())
    }

    /// The sign-ins refused by the throttle, counted.
    pub(crate) fn refusals(&self) -> &crate::accounts::refusals::Refusals {
        &self.refusals
    }

    /// How many audit rows wait for the chain's lock (tests).
    #[cfg(feature = "testing")]
    pub fn queued_audit_rows(&self) -> usize {
        self.pending.len()
    }
}

impl Drop for Store {
    /// Appends the audit rows still waiting (a server's normal stop).
    fn drop(&mut self) {
        let rows = self.pending.take();
        if rows.is_empty() {
            return;
        }
        let written = self
            .pooled()
            .and_then(|mut c| write_transaction(&mut c, |c| append_all(c, &rows)));
        if let Err(error) = written {
            tracing::error!(%error, lost = rows.len(), "queued audit rows could not be written");
        }
    }
}
