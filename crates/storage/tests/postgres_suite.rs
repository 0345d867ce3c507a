//! Says, in the output of `cargo test`, whether the PostgreSQL suites run.
//!
//! The storage, web and command-line tests run on SQLite always and on PostgreSQL when
//! `DANGVU_TEST_POSTGRES_URL` names a server; libtest captures what a passing test
//! prints, so a notice from inside a test never shows. This binary has no harness: it prints
//! one line that `cargo test` shows under its name, and fails when the variable is set but
//! the server does not answer or refuses to create a database (the suites would fail too,
//! each on its own; this says why once).

#![allow(clippy::print_stdout, clippy::print_stderr)] // printing is this binary's purpose

use dangvu_storage::testing;
use std::process::ExitCode;

fn main() -> ExitCode {
    let configured =
        std::env::var("DANGVU_TEST_POSTGRES_URL").is_ok_and(|url| !url.trim().is_empty());
    if !configured {
        println!(
            "PostgreSQL suites SKIPPED: set DANGVU_TEST_POSTGRES_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres) to run them"
        );
        return ExitCode::SUCCESS;
    }
    // `backends` panics with the reason when the server does not answer or refuses.
    let dbs = testing::backends();
    let Some(pg) = dbs
        .iter()
        .find(|db| db.url.backend() == dangvu_storage::Backend::Postgres)
    else {
        eprintln!("PostgreSQL suites: no PostgreSQL database was created");
        return ExitCode::FAILURE;
    };
    // `open` panics with the driver's reason when the database cannot be migrated.
    match pg.open().is_empty() {
        Ok(true) => {
            println!(
                "PostgreSQL suites RUN: a test database was created and migrated on {}",
                pg.url
            );
            ExitCode::SUCCESS
        }
        other => {
            eprintln!("PostgreSQL suites: a fresh database did not open empty: {other:?}");
            ExitCode::FAILURE
        }
    }
}
