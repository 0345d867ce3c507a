//! `dangvu round …` on the demo district, on both engines: the committee lists its rounds,
//! opens a quarter's, reads a part of the year's pending round, and is told why it cannot
//! close it yet; bad input is refused before anything is written.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests fail loudly

mod support;

use std::io::{BufRead, BufReader};
use std::process::Stdio;
use support::{Workdir, stderr};

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The number of the first listed round whose line contains `text`.
fn round_with(listed: &str, text: &str) -> String {
    listed
        .lines()
        .find(|line| line.contains(text))
        .unwrap_or_else(|| panic!("no round with {text:?} in\n{listed}"))
        .split_whitespace()
        .next()
        .unwrap()
        .to_owned()
}

#[test]
fn the_committee_runs_its_rounds_from_the_command_line() {
    for db in dangvu_storage::testing::backends() {
        rounds_on(db.url.connection_string());
    }
}

fn rounds_on(db: &str) {
    let w = Workdir::new("rounds").with_db(db);
    let out = w.run(&["demo"]);
    assert!(out.status.success(), "{}", stderr(&out));

    let listed = stdout(&w.run(&["round", "list"]));
    // The demo's history: every year of the term closed, the 2015 round under the district.
    let y2015 = round_with(&listed, "Năm 2015");
    assert!(listed.contains("đã kết thúc/closed 2015-12-20"), "{listed}");
    let pending = round_with(&listed, "đang mở/open");

    // A closed round of the term, one commune's part: its members with each step's level.
    let part = w.run(&["round", "show", &y2015, "--org", "VX.01"]);
    assert!(part.status.success(), "{}", stderr(&part));
    let part = stdout(&part);
    let members: Vec<&str> = part.lines().filter(|l| l.contains("VX.01.")).collect();
    assert!(members.len() > 20, "{part}");
    assert!(
        part.lines()
            .filter(|l| l.starts_with("  VX-"))
            .all(|l| l.matches(" → ").count() == 2 && !l.ends_with("—")),
        "every member of a closed round is decided:\n{part}"
    );

    // The pending round cannot close while cells have not proposed: nothing changes.
    let refused = w.run(&["round", "close", &pending]);
    assert_eq!(refused.status.code(), Some(1), "{}", stderr(&refused));
    assert!(
        stderr(&refused).contains("chưa có đề xuất của chi bộ")
            && stderr(&refused).contains("have no proposal"),
        "{}",
        stderr(&refused)
    );
    let again = stdout(&w.run(&["round", "list"]));
    assert_eq!(round_with(&again, "đang mở/open"), pending, "{again}");

    // A quarter's round, under the 2025 rules; a second one for the same quarter is refused.
    let year = listed
        .lines()
        .find(|l| l.contains("đang mở/open"))
        .and_then(|l| l.split("Năm ").nth(1))
        .map(|rest| rest[..4].to_owned())
        .unwrap();
    let quarter = [
        "round",
        "open",
        "--org",
        "TQ",
        "--year",
        &year,
        "--period",
        "QUY",
        "--quarter",
        "4",
        "--deadline",
        "2099-01-10",
    ];
    let opened = w.run(&quarter);
    assert!(opened.status.success(), "{}", stderr(&opened));
    let id = stdout(&opened).trim().to_owned();
    let listed = stdout(&w.run(&["round", "list"]));
    assert_eq!(round_with(&listed, &format!("Quý 4/{year}")), id);
    let twice = w.run(&quarter);
    assert_eq!(twice.status.code(), Some(1));
    assert!(
        stderr(&twice).contains(&format!("cấp ủy TQ đã có đợt xếp loại Quý 4/{year}")),
        "{}",
        stderr(&twice)
    );

    bad_input_is_refused_alone(&w);
    a_reader_that_stops_early_ends_the_listing_quietly(&w, &y2015);
}

fn bad_input_is_refused_alone(w: &Workdir) {
    let before = stdout(&w.run(&["round", "list"]));
    let cases: [(&[&str], i32, &str); 5] = [
        (
            &[
                "round",
                "open",
                "--org",
                "TQ",
                "--year",
                "2026",
                "--period",
                "QUY",
                "--quarter",
                "5",
                "--deadline",
                "2099-01-01",
            ],
            2,
            "quarter",
        ),
        (
            &[
                "round",
                "open",
                "--org",
                "TQ",
                "--year",
                "20x6",
                "--deadline",
                "2099-01-01",
            ],
            2,
            "year",
        ),
        (
            &[
                "round",
                "open",
                "--org",
                "TQ",
                "--year",
                "2020",
                "--period",
                "QUY",
                "--quarter",
                "1",
                "--deadline",
                "2099-01-01",
            ],
            1,
            "QĐ 366-QĐ/TW",
        ),
        (&["round", "show", "abc"], 2, "id"),
        (
            &["round", "show", "99999"],
            3,
            "không tìm thấy đợt xếp loại",
        ),
    ];
    for (args, code, says) in cases {
        let out = w.run(args);
        assert_eq!(out.status.code(), Some(code), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(says), "{args:?}: {}", stderr(&out));
        assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
    }
    assert_eq!(
        stdout(&w.run(&["round", "list"])),
        before,
        "nothing was opened"
    );
}

/// `dangvu round show N --org VX | head -1`: the command stops when its reader does,
/// without a panic or a failure status. The district's members run to far more than a
/// pipe holds, so the command is still writing when the reader goes.
fn a_reader_that_stops_early_ends_the_listing_quietly(w: &Workdir, round: &str) {
    let mut child = w
        .command(&["round", "show", round, "--org", "VX"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.contains("Năm 2015"), "{first}");
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
}
