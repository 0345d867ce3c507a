//! Transactions of the use cases that read before they write (accounts, imports).
//!
//! On SQLite a deferred transaction that reads and then writes fails with `SQLITE_BUSY`
//! when another connection wrote in between (WAL snapshots cannot be upgraded), so these
//! use cases begin with `BEGIN IMMEDIATE`: they take the write lock first and wait for it
//! (the busy timeout) instead of failing. PostgreSQL's default isolation needs nothing more;
//! the audit chain takes its own lock ([`crate::audit::chain`]).

use super::conn::DbConnection;
use diesel::Connection;
use diesel::connection::{AnsiTransactionManager, TransactionManager};

/// Runs `work` on `conn` in a transaction that holds the write lock from its first
/// statement (`BEGIN IMMEDIATE` on SQLite), committing on `Ok` and rolling back on `Err`.
pub(crate) fn write_transaction<T, E>(
    conn: &mut DbConnection,
    work: impl FnOnce(&mut DbConnection) -> Result<T, E>,
) -> Result<T, E>
where
    E: From<diesel::result::Error>,
{
    match conn {
        DbConnection::Sqlite(c) => {
            AnsiTransactionManager::begin_transaction_sql(c, "BEGIN IMMEDIATE")?
        }
        DbConnection::Pg(c) => AnsiTransactionManager::begin_transaction(c)?,
    }
    match work(conn) {
        Ok(value) => {
            <DbConnection as Connection>::TransactionManager::commit_transaction(conn)?;
            Ok(value)
        }
        Err(error) => {
            <DbConnection as Connection>::TransactionManager::rollback_transaction(conn)?;
            Err(error)
        }
    }
}
