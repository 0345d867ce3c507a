//! Shared by the account and audit tests: the fixture loaded, accounts of each role, times,
//! and raw SQL for what only someone with direct access to the database could do.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common::fixture::{d, dataset, mc, oc};
use crate::common::{audit, backends};
use chrono::{NaiveDateTime, TimeDelta};
use dangvu_domain::actor::{NewPassword, Username};
use dangvu_domain::roles::Role;
use dangvu_storage::testing::TestDb;
use dangvu_storage::{AuditContext, AuditEntry, Backend, DatabaseUrl, NewAccount, Scope, Store};
use diesel::connection::SimpleConnection;
use diesel::{Connection, PgConnection, SqliteConnection};

/// The password every test account gets.
pub const PASSWORD: &str = "mật khẩu thử nghiệm";

/// The day of every request.
pub fn today() -> dangvu_domain::Date {
    d("2025-11-26")
}

/// 09:30 UTC on [`today`], plus `minutes`.
pub fn at(minutes: i64) -> NaiveDateTime {
    today().and_hms_opt(9, 30, 0).unwrap() + TimeDelta::minutes(minutes)
}

pub fn everything() -> Scope {
    Scope::whole_installation(today())
}

pub fn name(raw: &str) -> Username {
    Username::parse(raw).unwrap()
}

pub fn password(raw: &str) -> NewPassword {
    NewPassword::parse(raw).unwrap()
}

/// The local administrator's audit identity at `at(minutes)`.
pub fn admin_ctx(minutes: i64) -> AuditContext {
    AuditContext {
        actor: "cli".into(),
        source: "cli".into(),
        at: at(minutes),
    }
}

/// An account to create with [`PASSWORD`].
pub fn new_account(
    username: &str,
    role: Role,
    org: Option<&str>,
    member: Option<&str>,
) -> NewAccount {
    NewAccount {
        username: name(username),
        role,
        org: org.map(oc),
        member: member.map(mc),
        password: password(PASSWORD),
    }
}

/// Every backend with the fixture loaded.
pub fn loaded() -> Vec<(TestDb, Store)> {
    backends()
        .into_iter()
        .map(|db| {
            let store = db.open();
            store.load_dataset(&dataset(), &audit()).unwrap();
            (db, store)
        })
        .collect()
}

/// The whole audit log, oldest first.
pub fn log(store: &Store) -> Vec<AuditEntry> {
    let mut rows = store.audit_log(&everything(), 10_000).unwrap();
    rows.reverse();
    rows
}

/// The actions of the audit log, oldest first.
pub fn actions(store: &Store) -> Vec<String> {
    log(store).into_iter().map(|e| e.action).collect()
}

/// Runs SQL directly on the database, as someone with access to its files or server would.
pub fn execute(url: &DatabaseUrl, sql: &str) {
    match url.backend() {
        Backend::Sqlite => SqliteConnection::establish(url.connection_string())
            .unwrap()
            .batch_execute(sql),
        Backend::Postgres => PgConnection::establish(url.connection_string())
            .unwrap()
            .batch_execute(sql),
    }
    .unwrap_or_else(|e| panic!("{sql}: {e}"));
}

/// Runs SQL directly and returns the error the database gives.
pub fn execute_err(url: &DatabaseUrl, sql: &str) -> String {
    let result = match url.backend() {
        Backend::Sqlite => SqliteConnection::establish(url.connection_string())
            .unwrap()
            .batch_execute(sql),
        Backend::Postgres => PgConnection::establish(url.connection_string())
            .unwrap()
            .batch_execute(sql),
    };
    match result {
        Ok(()) => panic!("{sql} succeeded"),
        Err(e) => e.to_string(),
    }
}

/// Removes the append-only triggers: what an attacker with the database's owner rights does
/// before editing the log.
pub fn drop_audit_triggers(url: &DatabaseUrl) {
    execute(
        url,
        match url.backend() {
            Backend::Sqlite => {
                "drop trigger audit_log_no_update; drop trigger audit_log_no_delete;"
            }
            Backend::Postgres => {
                "drop trigger audit_log_no_update on audit_log; \
                 drop trigger audit_log_no_delete on audit_log;"
            }
        },
    );
}

/// Every text value stored in the account tables and the audit log, as one string.
pub fn stored_text(url: &DatabaseUrl) -> String {
    use diesel::RunQueryDsl;
    use diesel::sql_types::Text;
    #[derive(diesel::QueryableByName)]
    struct Cell {
        #[diesel(sql_type = Text)]
        t: String,
    }
    let sql = "select coalesce(username, '') || password_hash as t from accounts \
         union all select token_hash || source as t from sessions \
         union all select secret_hash as t from api_tokens \
         union all select actor || source || action || entity || coalesce(entity_code, '') \
             || coalesce(before_json, '') || coalesce(after_json, '') as t from audit_log";
    let cells: Vec<Cell> = match url.backend() {
        Backend::Sqlite => {
            let mut c = SqliteConnection::establish(url.connection_string()).unwrap();
            diesel::sql_query(sql).load(&mut c).unwrap()
        }
        Backend::Postgres => {
            let mut c = PgConnection::establish(url.connection_string()).unwrap();
            diesel::sql_query(sql).load(&mut c).unwrap()
        }
    };
    cells
        .into_iter()
        .map(|c| c.t)
        .collect::<Vec<_>>()
        .join("\n")
}
