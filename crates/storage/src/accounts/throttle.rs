//! Login throttling: recent failures counted per typed username and per address.
//!
//! A username with [`ACCOUNT_LIMIT`] failures, or an address with [`ADDRESS_LIMIT`]
//! failures, within the last [`WINDOW`] is refused without checking the password until the
//! oldest of them is older than the window, so a burst of failures locks for 15 minutes.
//! Refused attempts are not counted (they cannot succeed, and counting them would let
//! anyone keep an account locked for ever by retrying). The address limit is higher because
//! an office shares one address. A success clears the username's failures.
//!
//! The check and the count must be one step, or parallel guesses would all pass the check:
//! the login transaction holds SQLite's write lock, and on PostgreSQL this module's
//! advisory lock, from the check until the failure is recorded.

use crate::StoreError;
use crate::db::conn::DbConnection;
use crate::db::schema::login_failures;
use chrono::{NaiveDateTime, TimeDelta};
use diesel::prelude::*;

/// How far back failures count.
pub const WINDOW: TimeDelta = TimeDelta::minutes(15);
/// Failures of one username within the window that lock it.
pub const ACCOUNT_LIMIT: i64 = 5;
/// Failures from one address within the window that lock it.
pub const ADDRESS_LIMIT: i64 = 20;

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

/// Whether attempts for `username` or from `source` are refused at `now`. Forgets failures
/// older than the window first.
pub(crate) fn is_throttled(
    conn: &mut DbConnection,
    username: &str,
    source: &str,
    now: NaiveDateTime,
) -> Result<bool, StoreError> {
    let since = now - WINDOW;
    diesel::delete(login_failures::table.filter(login_failures::at.le(since))).execute(conn)?;
    let by_name: i64 = login_failures::table
        .filter(login_failures::username.eq(username))
        .filter(login_failures::at.gt(since))
        .count()
        .get_result(conn)?;
    if by_name >= ACCOUNT_LIMIT {
        return Ok(true);
    }
    let by_address: i64 = login_failures::table
        .filter(login_failures::source.eq(source))
        .filter(login_failures::at.gt(since))
        .count()
        .get_result(conn)?;
    Ok(by_address >= ADDRESS_LIMIT)
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

/// Forgets the failures of `username` after a success.
pub(crate) fn clear(conn: &mut DbConnection, username: &str) -> Result<(), StoreError> {
    diesel::delete(login_failures::table.filter(login_failures::username.eq(username)))
        .execute(conn)?;
    Ok(())
}
