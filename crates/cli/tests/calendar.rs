//! `dangvu calendar working-day` as a user runs it: the date alone on standard output,
//! counted on the shipped calendar; bad input refused in both languages with status 2.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test helpers fail loudly

mod support;

use support::{Workdir, stderr};

fn working_day(w: &Workdir, after: &str, n: &str) -> std::process::Output {
    w.run(&["calendar", "working-day", "--after", after, "--n", n])
}

#[test]
fn the_working_day_is_printed_over_tet_and_a_worked_saturday() {
    let w = Workdir::new("calendar");
    assert!(w.run(&["migrate"]).status.success());
    let cases = [
        ("2020-01-22", "1", "2020-01-30"),
        ("14/01/2020", "60", "2020-04-15"),
        ("2026-01-09", "1", "2026-01-10"),
        ("2026-02-13", "1", "2026-02-23"),
        ("2025-11-26", "0", "2025-11-26"),
    ];
    for (after, n, expected) in cases {
        let out = working_day(&w, after, n);
        assert!(out.status.success(), "{}", stderr(&out));
        assert_eq!(
            String::from_utf8(out.stdout).unwrap(),
            format!("{expected}\n")
        );
    }
}

#[test]
fn a_bad_date_or_count_is_refused_in_both_languages() {
    let w = Workdir::new("calendar-bad");
    for (after, n, field) in [
        ("31/02/2020", "5", "after"),
        ("2020-01-01", "-3", "n"),
        ("2020-01-01", "nhiều", "n"),
    ] {
        let out = working_day(&w, after, n);
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        let err = stderr(&out);
        assert!(
            err.contains(&format!("Lỗi: giá trị không hợp lệ cho {field}")),
            "{err}"
        );
        assert!(
            err.contains(&format!("Error: {field}: invalid value")),
            "{err}"
        );
    }
    assert!(
        !w.dir.join("dangvu.db").exists(),
        "bad input creates no database"
    );
}
