//! Test harness: a fresh database per test on every backend available.
//!
//! SQLite always (a file in a temporary folder); PostgreSQL when `DANGVU_TEST_POSTGRES_URL`
//! names a server, as a uniquely named database created for the test and dropped after it.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod fixture;
pub mod histories;
pub mod people;

use dangvu_storage::AuditContext;
pub use dangvu_storage::testing::backends;

/// The audit context of the tests.
pub fn audit() -> AuditContext {
    AuditContext {
        actor: "test".into(),
        source: "cli".into(),
        at: fixture::d("2025-11-26").and_hms_opt(9, 30, 0).unwrap(),
    }
}
