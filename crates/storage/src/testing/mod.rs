//! Fresh databases for tests, on every backend available (feature `testing`).
//!
//! SQLite always (a file in a temporary folder); PostgreSQL when `DANGVU_TEST_POSTGRES_URL`
//! names a server, as a uniquely named database created for the test and dropped after it.
//! Other crates' tests (web, command line) use it so that every suite runs on both backends.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test support: failing loudly is the point

use crate::{DatabaseUrl, Store};
use diesel::connection::SimpleConnection;
use diesel::{Connection, PgConnection};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU32, Ordering};

/// A database that disappears when dropped.
pub struct TestDb {
    /// Where the database is.
    pub url: DatabaseUrl,
    cleanup: Cleanup,
}

enum Cleanup {
    Folder(PathBuf),
    Postgres { admin_url: String, name: String },
}

impl TestDb {
    /// Opens (and migrates) the store.
    pub fn open(&self) -> Store {
        Store::open(&self.url).unwrap_or_else(|e| panic!("open {}: {e}", self.url))
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        match &self.cleanup {
            Cleanup::Folder(dir) => {
                let _ = std::fs::remove_dir_all(dir);
            }
            Cleanup::Postgres { admin_url, name } => {
                if let Ok(mut admin) = PgConnection::establish(admin_url) {
                    let _ = admin
                        .batch_execute(&format!("drop database if exists {name} with (force)"));
                }
            }
        }
    }
}

fn unique_suffix() -> String {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    format!(
        "{}_{}_{nanos}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    )
}

fn sqlite_db() -> TestDb {
    let dir = std::env::temp_dir().join(format!("dangvu_test_{}", unique_suffix()));
    let file = dir.join("dangvu.db");
    TestDb {
        url: DatabaseUrl::parse(file.to_str().unwrap()).unwrap(),
        cleanup: Cleanup::Folder(dir),
    }
}

fn postgres_db(admin_url: &str) -> TestDb {
    let name = format!("dangvu_test_{}", unique_suffix());
    let mut admin = PgConnection::establish(admin_url)
        .unwrap_or_else(|e| panic!("DANGVU_TEST_POSTGRES_URL does not connect: {e}"));
    admin
        .batch_execute(&format!("create database {name}"))
        .unwrap();
    let base = admin_url.split('?').next().unwrap();
    let (server, _) = base.rsplit_once('/').unwrap();
    TestDb {
        url: DatabaseUrl::parse(&format!("{server}/{name}")).unwrap(),
        cleanup: Cleanup::Postgres {
            admin_url: admin_url.to_string(),
            name,
        },
    }
}

/// A fresh SQLite database, and a fresh PostgreSQL one when the server is configured.
#[allow(clippy::print_stderr)]
pub fn backends() -> Vec<TestDb> {
    let mut dbs = vec![sqlite_db()];
    match std::env::var("DANGVU_TEST_POSTGRES_URL") {
        Ok(url) if !url.trim().is_empty() => dbs.push(postgres_db(url.trim())),
        _ => eprintln!("skipped PostgreSQL: DANGVU_TEST_POSTGRES_URL not set"),
    }
    dbs
}

/// Runs raw SQL on a test database behind the store's back, as someone with direct database
/// access would (tamper tests), so that tests of other crates need not depend on diesel.
pub fn execute_raw(url: &DatabaseUrl, sql: &str) {
    use diesel::SqliteConnection;
    let result = match url.backend() {
        crate::Backend::Sqlite => SqliteConnection::establish(url.connection_string())
            .unwrap_or_else(|e| panic!("open {url}: {e}"))
            .batch_execute(sql),
        crate::Backend::Postgres => PgConnection::establish(url.connection_string())
            .unwrap_or_else(|e| panic!("open {url}: {e}"))
            .batch_execute(sql),
    };
    result.unwrap_or_else(|e| panic!("{sql}: {e}"));
}

pub mod columns;
pub mod import_bench;
pub mod lock;
pub mod plans;

/// The plans of the statements of [`Store::members`] for `query` under `scope`: the scope
/// check first, then the list's own statements ([`plans::QueryPlan`]). With `force_index`,
/// PostgreSQL plans with `enable_seqscan = off`, which shows whether an index path exists
/// at all on a database too small for the planner to prefer it.
pub fn member_list_plans(
    store: &Store,
    scope: &crate::Scope,
    query: &crate::MemberQuery,
    force_index: bool,
) -> Vec<plans::QueryPlan> {
    with_plans(store, force_index, |c| {
        let org_id = crate::tree::access::visible_org(c, scope, query.org.as_str())?;
        crate::members::list::explain_page(c, scope, org_id, query)
    })
}

/// The plans of the statements of the scope check of [`Store::member`] for `code` (which
/// must exist and be visible) under `scope`; `force_index` as in [`member_list_plans`].
pub fn visibility_plans(
    store: &Store,
    scope: &crate::Scope,
    code: &str,
    force_index: bool,
) -> Vec<plans::QueryPlan> {
    with_plans(store, force_index, |c| {
        crate::tree::access::visible_member(c, scope, code)?;
        crate::tree::access::explain_visible_member(c, scope, code)
    })
}

fn with_plans(
    store: &Store,
    force_index: bool,
    work: impl FnOnce(
        &mut crate::db::conn::DbConnection,
    ) -> Result<Vec<plans::QueryPlan>, crate::StoreError>,
) -> Vec<plans::QueryPlan> {
    use diesel::connection::SimpleConnection;
    store
        .read(|c| {
            if force_index && let crate::db::conn::DbConnection::Pg(pg) = c {
                pg.batch_execute("set local enable_seqscan = off")?;
            }
            work(c)
        })
        .unwrap()
}
