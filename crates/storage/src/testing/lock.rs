//! Holding the audit chain's lock from outside, as a long import does (feature `testing`):
//! on SQLite the database's write lock, on PostgreSQL the chain's advisory lock.

use crate::audit::chain::CHAIN_LOCK_KEY;
use crate::db::conn::{DbConnection, Manager};
use crate::{Store, StoreError};
use diesel::RunQueryDsl;
use diesel::connection::SimpleConnection;
use diesel::r2d2::PooledConnection;

/// The lock, held until dropped (then rolled back).
pub struct HeldLock {
    conn: PooledConnection<Manager>,
}

/// Takes the chain's lock on a connection of `store`'s pool, like a long import would.
pub fn hold_chain_lock(store: &Store) -> Result<HeldLock, StoreError> {
    let mut conn = store.pooled()?;
    match &mut *conn {
        DbConnection::Sqlite(c) => c.batch_execute("BEGIN IMMEDIATE")?,
        DbConnection::Pg(c) => {
            c.batch_execute("BEGIN")?;
            diesel::sql_query("select pg_advisory_xact_lock($1)")
                .bind::<diesel::sql_types::BigInt, _>(CHAIN_LOCK_KEY)
                .execute(c)?;
        }
    }
    Ok(HeldLock { conn })
}

impl Drop for HeldLock {
    fn drop(&mut self) {
        let rolled_back = match &mut *self.conn {
            DbConnection::Sqlite(c) => c.batch_execute("ROLLBACK"),
            DbConnection::Pg(c) => c.batch_execute("ROLLBACK"),
        };
        if let Err(error) = rolled_back {
            tracing::error!(%error, "the held lock's transaction did not roll back");
        }
    }
}
