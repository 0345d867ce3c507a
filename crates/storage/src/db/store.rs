//! The store: a pool of connections to one migrated database, and the two transaction
//! helpers every use case runs in. The use cases themselves live with their capability
//! (`tree`, `members`, `interchange`, `accounts`, `audit`, `reports`).

use super::conn::{DbConnection, Manager, Pool, open_pool};
use super::schema::organizations;
use super::txn::write_transaction;
use super::{Backend, DatabaseUrl, migrate};
use crate::StoreError;
use crate::audit::chain;
use diesel::prelude::*;
use diesel::r2d2::PooledConnection;

/// A connection pool to one database, with migrations applied.
pub struct Store {
    backend: Backend,
    pool: Pool,
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
        Ok(Self {
            backend: url.backend(),
            pool,
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
    /// (see [`write_transaction`]).
    pub(crate) fn write<T, E>(
        &self,
        work: impl FnOnce(&mut DbConnection) -> Result<T, E>,
    ) -> Result<T, E>
    where
        E: From<StoreError> + From<diesel::result::Error>,
    {
        let mut pooled = self.pooled()?;
        write_transaction(&mut pooled, work)
    }
}
