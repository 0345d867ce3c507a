//! What a newcomer meets in the first hour with the `dangvu` binary: a mistyped `--db`
//! refused instead of becoming a new, empty database; a mistake printed once, in two
//! languages, without a log line; a busy port that creates nothing; a second `serve --demo`
//! that says why it skips the demo; SIGTERM stopping the server cleanly.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test helpers fail loudly

mod support;

use std::io::{BufRead, BufReader};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};
use support::{TERM_REPORT, Workdir, stderr};

#[test]
fn read_commands_refuse_a_database_that_does_not_exist_and_create_nothing() {
    let w = Workdir::new("no-db").with_db("tpyo.db");
    let commands: [&[&str]; 5] = [
        &TERM_REPORT,
        &["export", "out.xlsx"],
        &["audit", "verify"],
        &["user", "list"],
        &["token", "list"],
    ];
    for args in commands {
        let out = w.run(args);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(
            err.contains("Lỗi: cơ sở dữ liệu tpyo.db không tồn tại")
                && err.contains("Error: the database tpyo.db does not exist"),
            "{args:?}: {err}"
        );
        assert!(!w.dir.join("tpyo.db").exists(), "{args:?} created it");
        assert!(!w.dir.join("out.xlsx").exists(), "{args:?} wrote a file");
    }
}

#[test]
fn the_commands_that_set_up_an_installation_create_the_database_and_say_so_once() {
    let w = Workdir::new("create").with_db("new.db");
    let first = w.run(&["migrate"]);
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(
        stderr(&first).contains("Tạo cơ sở dữ liệu mới / Creating a new database: new.db"),
        "{}",
        stderr(&first)
    );
    let again = w.run(&["migrate"]);
    assert!(!stderr(&again).contains("Creating a new database"));
    assert!(w.run(&["user", "list"]).status.success());
}

#[test]
fn a_missing_postgresql_database_is_a_configuration_error() {
    let Ok(admin_url) = std::env::var("DANGVU_TEST_POSTGRES_URL") else {
        return; // the PostgreSQL suites are off (tests/postgres_suite.rs says so)
    };
    let (server, _) = admin_url
        .trim()
        .split('?')
        .next()
        .unwrap()
        .rsplit_once('/')
        .unwrap();
    let url = format!("{server}/dangvu_khong_co_{}", std::process::id());
    let out = Workdir::new("pg-missing")
        .with_db(&url)
        .run(&["user", "list"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("Lỗi: không mở được cơ sở dữ liệu"),
        "{}",
        stderr(&out)
    );
}

/// Standard error holds exactly the two-line message, `Lỗi: …` then `Error: …`.
fn assert_two_lines(out: &Output, vi: &str, en: &str) {
    let err = stderr(out);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "{err}");
    assert!(lines[0].starts_with(&format!("Lỗi: {vi}")), "{err}");
    assert!(lines[1].starts_with(&format!("Error: {en}")), "{err}");
}

#[test]
fn a_mistake_is_printed_once_in_two_languages_without_a_log_line() {
    let w = Workdir::new("mistakes").with_log("info");
    assert!(w.run(&["migrate"]).status.success());
    let mut bad_date = TERM_REPORT;
    bad_date[5] = "31/02/2020";
    let out = w.run(&bad_date);
    assert_eq!(out.status.code(), Some(2));
    assert_two_lines(
        &out,
        "giá trị không hợp lệ cho from: \"31/02/2020\"",
        "from: invalid value \"31/02/2020\"",
    );
    let mut unknown = TERM_REPORT;
    unknown[3] = "KHONGCO";
    let out = w.run(&unknown);
    assert_eq!(out.status.code(), Some(3));
    assert_two_lines(
        &out,
        "không tìm thấy tổ chức đảng có mã KHONGCO",
        "organization KHONGCO not found",
    );
}

#[test]
fn with_its_port_taken_serve_fails_before_it_creates_the_administrator() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = taken.local_addr().unwrap().to_string();
    let w = Workdir::new("port-taken");
    assert!(w.run(&["migrate"]).status.success());
    let out = w.run(&["serve", "--listen", &address]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(&format!("Error: cannot listen on {address}")),
        "{}",
        stderr(&out)
    );
    assert!(!String::from_utf8_lossy(&out.stdout).contains("Password"));
    let users = w.run(&["user", "list"]);
    let listed = String::from_utf8_lossy(&users.stdout);
    assert!(
        users.status.success() && listed.lines().count() == 1,
        "{listed}"
    );
}

#[cfg(unix)]
#[test]
fn a_second_serve_demo_says_it_skips_the_demo_and_sigterm_stops_it_cleanly() {
    let w = Workdir::new("serve-again").with_log("info");
    assert!(w.run(&["demo"]).status.success());
    let mut child = w
        .command(&["serve", "--demo", "--listen", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut printed = String::new();
    while !printed.contains("is running at") && stdout.read_line(&mut printed).unwrap() > 0 {}
    assert!(printed.contains("is running at"), "{printed}");
    let pid = child.id().to_string();
    assert!(
        Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .unwrap()
            .success()
    );
    let deadline = Instant::now() + Duration::from_secs(30);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("the server did not stop within 30 s of SIGTERM");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let out = child.wait_with_output().unwrap();
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("Cơ sở dữ liệu đã có dữ liệu: bỏ qua --demo")
            && err.contains("The database already holds data: --demo is skipped"),
        "{err}"
    );
    assert!(!printed.contains("Generating"), "{printed}");
    // The demo's well-known accounts come only with the demo, never onto data it skipped.
    assert!(printed.contains("Created the administrator"), "{printed}");
    assert!(!printed.contains("Demo accounts"), "{printed}");
    assert!(err.contains("shutting down"), "{err}");
    assert!(
        !err.contains('\u{1b}'),
        "colour codes in a log that is not a terminal"
    );
}
