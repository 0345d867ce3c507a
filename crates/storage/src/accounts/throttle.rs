//! Login throttling: the failures the rule of `dangvu_domain::actor::throttle` needs, read
//! from the `login_failures` table, and the failures recorded.
//!
//! The check and the count must be one step, or parallel guesses would all pass the check:
//! the login transaction holds SQLite's write lock, and on PostgreSQL this module's
//! advisory lock, from the check until the failure is recorded.

use crate::StoreError;
use crate::db::conn::DbConnection;
use crate::db::schema::login_failures;
use chrono::{NaiveDateTime, TimeDelta};
use dangvu_domain::actor::throttle::{
    Failures, RecentFailures, WINDOW, failures_before_wait, wait_before,
};
use diesel::dsl::{count_star, max};
use diesel::prelude::*;

/// The PostgreSQL advisory lock that serializes logins ("dangvulg").
const LOGIN_LOCK_KEY: i64 = 0x6461_6e67_7675_6c67;

/// Longest username or address kept (typed text is not trusted to be short).
const MAX_KEPT: usize = 64;

/// `text` cut to what is kept in the failures and the audit log.
pub(crate) fn kept(text: &str) -> String {
    text.chars().take(MAX_KEPT).collect()
}

/// Serializes login checks (PostgreSQL; SQLite's write lock already does).
pub(crate) fn lock(conn: &mut DbConnection) -> Result<(), StoreError> {
    if let DbConnection::Pg(c) = conn {
        diesel::sql_query("select pg_advisory_xact_lock($1)")
            .bind::<diesel::sql_types::BigInt, _>(LOGIN_LOCK_KEY)
            .execute(c)?;
    }
    Ok(())
}

/// How long an attempt for `username` from `source` at `now` must still wait (`None`: it
/// may go ahead). Forgets failures older than the window first.
pub(crate) fn wait(
    conn: &mut DbConnection,
    username: &str,
    source: &str,
    now: NaiveDateTime,
) -> Result<Option<TimeDelta>, StoreError> {
    let since = now - WINDOW;
    diesel::delete(login_failures::table.filter(login_failures::at.le(since))).execute(conn)?;
    let recent = RecentFailures {
        pair: failures(conn, Some(username), Some(source))?,
        address: failures(conn, None, Some(source))?,
        username: failures(conn, Some(username), None)?,
    };
    Ok(wait_before(&recent, now))
}

/// How many more failures `username` may have from `source` before attempts wait (read
/// after a failure is recorded, for the sign-in page's warning).
pub(crate) fn attempts_left(
    conn: &mut DbConnection,
    username: &str,
    source: &str,
) -> Result<u64, StoreError> {
    let recent = RecentFailures {
        pair: failures(conn, Some(username), Some(source))?,
        address: failures(conn, None, Some(source))?,
        username: Failures::default(),
    };
    Ok(failures_before_wait(&recent))
}

/// The count and latest time of the failures of `username` (any when `None`) from
/// `source` (any when `None`).
fn failures(
    conn: &mut DbConnection,
    username: Option<&str>,
    source: Option<&str>,
) -> Result<Failures, StoreError> {
    let mut query = login_failures::table.into_boxed();
    if let Some(username) = username {
        query = query.filter(login_failures::username.eq(username));
    }
    if let Some(source) = source {
        query = query.filter(login_failures::source.eq(source));
    }
    let (count, last): (i64, Option<NaiveDateTime>) = query
        .select((count_star(), max(login_failures::at)))
        .get_result(conn)?;
    Ok(Failures {
        count: crate::db::count(count)?,
        last,
    })
}

/// Counts a failure.
pub(crate) fn record_failure(
    conn: &mut DbConnection,
    username: &str,
    source: &str,
    now: NaiveDateTime,
) -> Result<(), StoreError> {
    diesel::insert_into(login_failures::table)
        .values((
            login_failures::username.eq(username),
            login_failures::source.eq(source),
            login_failures::at.eq(crate::audit::chain::to_micros(now)),
        ))
        .execute(conn)?;
    Ok(())
}

/// Forgets the failures of `username` from `source` after a success there.
pub(crate) fn clear(
    conn: &mut DbConnection,
    username: &str,
    source: &str,
) -> Result<(), StoreError> {
    diesel::delete(
        login_failures::table
            .filter(login_failures::username.eq(username))
            .filter(login_failures::source.eq(source)),
    )
    .execute(conn)?;
    Ok(())
}
