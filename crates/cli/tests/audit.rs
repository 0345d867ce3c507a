//! `dangvu audit verify` and the head of the audit log, on both backends: the output ends
//! with `rows=N head=HEX`; `--expect-head` catches rows deleted from the end; a log edited
//! and stripped of its hashes is reported broken and left as it is; `dangvu serve` logs the
//! head at start.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test helpers fail loudly

use dangvu_storage::{AuditContext, AuditEntity, Backend, DatabaseUrl, Scope, Store};
use std::io::{BufRead, BufReader};
use std::process::{Command, Output, Stdio};

/// Runs `dangvu --db <url> args` from a temporary folder.
fn dangvu(url: &DatabaseUrl, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dangvu"))
        .args(["--db", url.connection_string()])
        .args(args)
        .current_dir(std::env::temp_dir())
        .env_remove("DANGVU_DATABASE_URL")
        .env_remove("DANGVU_CONFIG")
        .env("DANGVU_LOG", "warn")
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The last line of standard output: `rows=N head=HEX`.
fn head_line(out: &Output) -> String {
    let stdout = text(&out.stdout);
    stdout.lines().last().unwrap_or_default().to_string()
}

/// A store whose log holds `n` rows, all reads of member records.
fn store_with_rows(url: &DatabaseUrl, n: i64) -> Store {
    let store = Store::open(url).unwrap();
    append_reads(&store, 0..n);
    store
}

fn append_reads(store: &Store, range: std::ops::Range<i64>) {
    let at = chrono::NaiveDate::from_ymd_opt(2026, 1, 5)
        .unwrap()
        .and_hms_opt(8, 0, 0)
        .unwrap();
    for i in range {
        let ctx = AuditContext {
            actor: "test".into(),
            source: "test".into(),
            at: at + chrono::TimeDelta::minutes(i),
        };
        store
            .record_read(&ctx, AuditEntity::Member, &format!("M{i}"))
            .unwrap();
    }
}

fn ids(store: &Store) -> Vec<i64> {
    let everything =
        Scope::whole_installation(chrono::NaiveDate::from_ymd_opt(2026, 1, 5).unwrap());
    let mut ids: Vec<i64> = store
        .audit_log(&everything, 1_000)
        .unwrap()
        .iter()
        .map(|e| e.id)
        .collect();
    ids.reverse();
    ids
}

fn drop_triggers(url: &DatabaseUrl) {
    dangvu_storage::testing::execute_raw(
        url,
        match url.backend() {
            Backend::Sqlite => {
                "drop trigger audit_log_no_update; drop trigger audit_log_no_delete;"
            }
            Backend::Postgres => {
                "drop trigger audit_log_no_update on audit_log; drop trigger audit_log_no_delete on audit_log;"
            }
        },
    );
}

#[test]
fn an_intact_log_ends_with_its_head_which_expect_head_accepts() {
    for db in dangvu_storage::testing::backends() {
        let store = store_with_rows(&db.url, 3);
        let out = dangvu(&db.url, &["audit", "verify"]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let line = head_line(&out);
        let head = store.audit_head().unwrap();
        assert_eq!(line, format!("rows=3 head={}", head.hash.unwrap()));
        let hex = line.strip_prefix("rows=3 head=").unwrap();
        assert_eq!(hex.len(), 64);

        append_reads(&store, 3..5);
        let out = dangvu(&db.url, &["audit", "verify", "--expect-head", hex]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let stdout = text(&out.stdout);
        assert!(stdout.contains("2 rows were written after it"), "{stdout}");
        assert!(head_line(&out).starts_with("rows=5 head="), "{stdout}");

        let bad = dangvu(&db.url, &["audit", "verify", "--expect-head", "not-a-hash"]);
        assert_eq!(bad.status.code(), Some(2), "{}", text(&bad.stderr));
    }
}

#[test]
fn expect_head_catches_the_newest_rows_deleted() {
    for db in dangvu_storage::testing::backends() {
        let store = store_with_rows(&db.url, 5);
        let recorded = head_line(&dangvu(&db.url, &["audit", "verify"]));
        let hex = recorded.strip_prefix("rows=5 head=").unwrap().to_string();
        let ids = ids(&store);
        drop_triggers(&db.url);
        dangvu_storage::testing::execute_raw(
            &db.url,
            &format!("delete from audit_log where id >= {}", ids[3]),
        );
        // The chain alone still verifies: only the recorded head shows the deletion.
        let out = dangvu(&db.url, &["audit", "verify"]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        assert!(head_line(&out).starts_with("rows=3 head="));

        let out = dangvu(&db.url, &["audit", "verify", "--expect-head", &hex]);
        assert_eq!(out.status.code(), Some(4));
        let err = text(&out.stderr);
        assert!(
            err.contains("Lỗi: nhật ký kiểm tra không còn chứa dòng cuối đã ghi lại"),
            "{err}"
        );
        assert!(
            err.contains(&format!(
                "the audit log no longer holds the recorded head {hex}"
            )),
            "{err}"
        );
        assert!(head_line(&out).starts_with("rows=3 head="));
    }
}

#[test]
fn a_laundered_log_is_reported_broken_and_left_as_it_is() {
    for db in dangvu_storage::testing::backends() {
        let store = store_with_rows(&db.url, 5);
        let recorded = head_line(&dangvu(&db.url, &["audit", "verify"]));
        let hex = recorded.strip_prefix("rows=5 head=").unwrap().to_string();
        let ids = ids(&store);
        drop_triggers(&db.url);
        dangvu_storage::testing::execute_raw(
            &db.url,
            &format!(
                "update audit_log set actor = 'ke_gian' where id = {}; \
                 update audit_log set hash = null, prev_hash = null;",
                ids[2]
            ),
        );
        let before = store.audit_log(&Scope::whole_installation(chrono::NaiveDate::MIN), 100);

        for args in [
            vec!["audit", "verify"],
            vec!["audit", "verify", "--expect-head", &hex],
        ] {
            let out = dangvu(&db.url, &args);
            assert_eq!(out.status.code(), Some(4), "{args:?}");
            let err = text(&out.stderr);
            assert!(
                err.contains(&format!(
                    "row {} does not continue the chain (the row has no hash)",
                    ids[0]
                )),
                "{err}"
            );
            assert_eq!(head_line(&out), "rows=5 head=none");
        }
        // Verifying rewrote nothing: still no hash anywhere, the edited row as it was.
        let head = store.audit_head().unwrap();
        assert_eq!((head.rows, head.hash), (5, None));
        let after = store.audit_log(&Scope::whole_installation(chrono::NaiveDate::MIN), 100);
        assert_eq!(after.unwrap(), before.unwrap());
    }
}

#[test]
fn the_server_logs_the_head_at_start() {
    for db in dangvu_storage::testing::backends() {
        let store = store_with_rows(&db.url, 2);
        let mut server = Command::new(env!("CARGO_BIN_EXE_dangvu"))
            .args([
                "--db",
                db.url.connection_string(),
                "serve",
                "--listen",
                "127.0.0.1:0",
            ])
            .current_dir(std::env::temp_dir())
            .env_remove("DANGVU_DATABASE_URL")
            .env_remove("DANGVU_CONFIG")
            .env("DANGVU_LOG", "info")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stderr = BufReader::new(server.stderr.take().unwrap());
        let (sender, received) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let line = stderr
                .lines()
                .map_while(Result::ok)
                .find(|line| line.contains("audit log head: "));
            let _ = sender.send(line);
        });
        let logged = received
            .recv_timeout(std::time::Duration::from_secs(60))
            .ok()
            .flatten();
        server.kill().unwrap();
        server.wait().unwrap();
        let logged = logged.expect("the server logged the audit log's head");
        // Starting created the first administrator: its row is in the head logged.
        let head = store.audit_head().unwrap();
        assert_eq!(head.rows, 3);
        assert!(
            logged.contains(&format!("audit log head: {head}")),
            "{logged}"
        );
        let out = dangvu(&db.url, &["audit", "verify"]);
        assert_eq!(head_line(&out), head.to_string());
    }
}
