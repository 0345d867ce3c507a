//! Connections: one enum over both engines, and a pool that builds the right variant.
//!
//! The variant is chosen from the URL scheme ([`DatabaseUrl::backend`]), never by
//! `MultiConnection::establish`, which would take a PostgreSQL URL it cannot reach as a
//! SQLite file name and hide the real error. Every SQLite connection gets the same pragmas.

use crate::{Backend, DatabaseUrl, StoreError};
use diesel::connection::SimpleConnection;
use diesel::r2d2::{self, CustomizeConnection, ManageConnection, R2D2Connection};
use diesel::{Connection, PgConnection, SqliteConnection};
use std::time::Duration;

/// A connection to either engine. Queries written with diesel's builder run on both;
/// bulk writes match on the variant (multi-row `insert` on SQLite, `COPY` on PostgreSQL:
/// `interchange/load.rs`).
#[derive(diesel::MultiConnection)]
pub(crate) enum DbConnection {
    /// Embedded SQLite.
    Sqlite(SqliteConnection),
    /// PostgreSQL.
    Pg(PgConnection),
}

/// The pool of connections.
pub(crate) type Pool = r2d2::Pool<Manager>;

/// WAL lets readers proceed during a write; NORMAL is safe with WAL; foreign keys are off by
/// default in SQLite; the busy timeout makes a second writer wait instead of failing.
/// Readers map the file (256 MiB) instead of copying every page through `read()`, and
/// each connection keeps 16 MiB of pages: under eight concurrent readers of a district,
/// profiling showed most of the time in page reads and their locks
/// (`docs/decisions/0004-speed-under-load.md`).
const SQLITE_PRAGMAS: &str = "pragma journal_mode = wal; pragma synchronous = normal; \
     pragma foreign_keys = on; pragma busy_timeout = 5000; \
     pragma mmap_size = 268435456; pragma cache_size = -16384;";

/// Restores [`SQLITE_PRAGMAS`]'s busy timeout after a transaction that would not wait.
pub(crate) const SQLITE_WAIT: &str = "pragma busy_timeout = 5000";
/// Makes the next `BEGIN IMMEDIATE` give up after a second when another connection writes.
pub(crate) const SQLITE_BRIEF_WAIT: &str = "pragma busy_timeout = 1000";

const POOL_SIZE: u32 = 8;
const CHECKOUT_TIMEOUT: Duration = Duration::from_secs(15);

/// Builds connections of the variant the URL names.
#[derive(Debug)]
pub(crate) struct Manager {
    url: DatabaseUrl,
}

impl ManageConnection for Manager {
    type Connection = DbConnection;
    type Error = r2d2::Error;

    fn connect(&self) -> Result<DbConnection, r2d2::Error> {
        let target = self.url.target();
        Ok(match self.url.backend() {
            Backend::Sqlite => DbConnection::Sqlite(SqliteConnection::establish(target)?),
            Backend::Postgres => DbConnection::Pg(PgConnection::establish(target)?),
        })
    }

    fn is_valid(&self, conn: &mut DbConnection) -> Result<(), r2d2::Error> {
        conn.ping().map_err(r2d2::Error::QueryError)
    }

    fn has_broken(&self, conn: &mut DbConnection) -> bool {
        conn.is_broken()
    }
}

/// PostgreSQL plans a prepared statement again for every execution's values. Diesel
/// prepares and caches its statements, and after five executions PostgreSQL may switch to a
/// generic plan that ignores the values: for the member list of a subtree, a plan that suits
/// a cell of 30 members and takes seconds on a province of a million.
const PG_SETTINGS: &str = "set plan_cache_mode = force_custom_plan";

/// Applies [`SQLITE_PRAGMAS`] or [`PG_SETTINGS`] to every new connection.
#[derive(Debug)]
struct SessionSettings;

impl CustomizeConnection<DbConnection, r2d2::Error> for SessionSettings {
    fn on_acquire(&self, conn: &mut DbConnection) -> Result<(), r2d2::Error> {
        match conn {
            DbConnection::Sqlite(c) => c.batch_execute(SQLITE_PRAGMAS)?,
            DbConnection::Pg(c) => c.batch_execute(PG_SETTINGS)?,
        }
        Ok(())
    }
}

/// Opens one connection first, so that a wrong URL fails at once with the driver's reason,
/// then builds the pool around it.
pub(crate) fn open_pool(url: &DatabaseUrl) -> Result<(Pool, DbConnection), StoreError> {
    if url.backend() == Backend::Sqlite {
        create_parent_dir(url)?;
    }
    let manager = Manager { url: url.clone() };
    let mut first = manager
        .connect()
        .map_err(|e| StoreError::Connection(format!("{}: {e}", url.redacted())))?;
    SessionSettings
        .on_acquire(&mut first)
        .map_err(|e| StoreError::Connection(format!("{}: {e}", url.redacted())))?;
    let pool = r2d2::Pool::builder()
        .max_size(POOL_SIZE)
        .min_idle(Some(0))
        .connection_timeout(CHECKOUT_TIMEOUT)
        .connection_customizer(Box::new(SessionSettings))
        .build_unchecked(manager);
    Ok((pool, first))
}

fn create_parent_dir(url: &DatabaseUrl) -> Result<(), StoreError> {
    let path = std::path::Path::new(url.target());
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => std::fs::create_dir_all(dir)
            .map_err(|e| StoreError::Connection(format!("{}: {e}", url.redacted()))),
        _ => Ok(()),
    }
}
