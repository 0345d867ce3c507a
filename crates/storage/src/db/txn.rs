//! Transactions of the use cases that read before they write (accounts, imports).
//!
//! On SQLite a deferred transaction that reads and then writes fails with `SQLITE_BUSY`
//! when another connection wrote in between (WAL snapshots cannot be upgraded), so these
//! use cases begin with `BEGIN IMMEDIATE`: they take the write lock first and wait for it
//! (the busy timeout) instead of failing. PostgreSQL's default isolation needs nothing more;
//! the audit chain takes its own lock ([`crate::audit::chain`]).

use super::conn::{DbConnection, SQLITE_BRIEF_WAIT, SQLITE_WAIT};
use crate::audit::chain::CHAIN_LOCK_KEY;
use diesel::connection::{AnsiTransactionManager, SimpleConnection, TransactionManager};
use diesel::{Connection, RunQueryDsl};

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

/// [`write_transaction`] if the audit chain's lock comes within a second: `Ok(None)` when
/// another transaction holds it longer (a long import). The ordinary writes of other
/// requests last milliseconds, so they are waited for. On SQLite the lock is the
/// database's write lock (a one-second busy timeout); on PostgreSQL the chain's advisory
/// lock (a one-second lock timeout).
pub(crate) fn try_write_transaction<T, E>(
    conn: &mut DbConnection,
    work: impl FnOnce(&mut DbConnection) -> Result<T, E>,
) -> Result<Option<T>, E>
where
    E: From<diesel::result::Error>,
{
    if !begin_waiting_briefly(conn)? {
        return Ok(None);
    }
    match work(conn) {
        Ok(value) => {
            <DbConnection as Connection>::TransactionManager::commit_transaction(conn)?;
            Ok(Some(value))
        }
        Err(error) => {
            <DbConnection as Connection>::TransactionManager::rollback_transaction(conn)?;
            Err(error)
        }
    }
}

/// Begins a transaction holding the chain's lock, or answers `false` (nothing begun)
/// when another transaction holds it for more than a second.
fn begin_waiting_briefly(conn: &mut DbConnection) -> Result<bool, diesel::result::Error> {
    match conn {
        DbConnection::Sqlite(c) => {
            c.batch_execute(SQLITE_BRIEF_WAIT)?;
            let begun = AnsiTransactionManager::begin_transaction_sql(c, "BEGIN IMMEDIATE");
            c.batch_execute(SQLITE_WAIT)?;
            match begun {
                Ok(()) => Ok(true),
                Err(error) if is_busy(&error) => Ok(false),
                Err(error) => Err(error),
            }
        }
        DbConnection::Pg(c) => {
            AnsiTransactionManager::begin_transaction(c)?;
            c.batch_execute("set local lock_timeout = '1s'")?;
            let taken = diesel::sql_query("select pg_advisory_xact_lock($1)")
                .bind::<diesel::sql_types::BigInt, _>(CHAIN_LOCK_KEY)
                .execute(c);
            match taken {
                Ok(_) => {
                    c.batch_execute("set local lock_timeout = 0")?;
                    Ok(true)
                }
                Err(error) if is_busy(&error) => {
                    AnsiTransactionManager::rollback_transaction(c)?;
                    Ok(false)
                }
                Err(error) => Err(error),
            }
        }
    }
}

/// Whether `error` says another connection held a lock past the wait allowed: SQLite's
/// "database is locked" (the busy timeout), PostgreSQL's lock timeout.
pub(crate) fn is_busy(error: &diesel::result::Error) -> bool {
    match error {
        diesel::result::Error::DatabaseError(_, info) => {
            let message = info.message();
            message.contains("database is locked")
                || message.contains("database table is locked")
                || message.contains("canceling statement due to lock timeout")
        }
        _ => false,
    }
}
