//! The `dangvu` binary as a user runs it: exit statuses, messages in both languages, and the
//! demo's acceptance figures through `report summary`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test helpers fail loudly

mod support;

use serde_json::Value;
use support::{TERM_REPORT, Workdir, stderr};

#[test]
fn a_bad_date_is_refused_in_both_languages_before_the_database_is_touched() {
    let w = Workdir::new("bad-date");
    let out = w.run(&[
        "report",
        "summary",
        "--org",
        "VX",
        "--from",
        "31/02/2020",
        "--to",
        "2020-07-31",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("Lỗi: giá trị không hợp lệ cho from: \"31/02/2020\""),
        "{err}"
    );
    assert!(err.contains("Error: from: invalid value"), "{err}");
    assert!(
        !w.dir.join("dangvu.db").exists(),
        "no database should be created for bad input"
    );
}

#[test]
fn a_period_that_ends_before_it_starts_is_refused() {
    let w = Workdir::new("bad-period");
    let out = w.run(&[
        "report",
        "summary",
        "--org",
        "VX",
        "--from",
        "2020-01-01",
        "--to",
        "2019-01-01",
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
}

#[test]
fn a_misspelt_configuration_key_is_an_error() {
    let w = Workdir::new("bad-config");
    std::fs::write(w.dir.join("dangvu.toml"), "databse_url = \"x.db\"\n").unwrap();
    let out = w.run(&["migrate"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("cấu hình sai"), "{}", stderr(&out));
}

#[test]
fn the_demo_report_gives_the_articles_figures_and_the_demo_loads_only_once() {
    for db in dangvu_storage::testing::backends() {
        demo_report_on(db.url.connection_string());
    }
}

fn demo_report_on(db: &str) {
    let w = Workdir::new("demo").with_db(db);
    let out = w.run(&["demo"]);
    assert!(out.status.success(), "{}", stderr(&out));

    let out = w.run(&[&TERM_REPORT[..], &["--format", "json"]].concat());
    assert!(out.status.success(), "{}", stderr(&out));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["org"], "VX");
    assert_eq!(report["as_of"], "2020-07-31");
    assert_eq!(report["grassroots_orgs"], 77);
    assert_eq!(report["cells_under_grassroots"], 400);
    let members = report["members"].as_u64().unwrap();
    assert!((7300..=7399).contains(&members), "members {members}");
    assert_eq!(report["admitted"], 1250);
    let years: Vec<i64> = report["ratings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|y| y["year"].as_i64().unwrap())
        .collect();
    assert!((2015..=2019).all(|y| years.contains(&y)), "years {years:?}");
    for year in report["ratings"].as_array().unwrap() {
        assert!(
            year["orgs_good_or_better_pct"].as_f64().unwrap() > 85.0,
            "{year}"
        );
        assert!(
            year["members_completed_or_better_pct"].as_f64().unwrap() >= 80.0,
            "{year}"
        );
    }

    // The term report: the same summary keys, then the article's admissions from dossiers.
    let mut term_args = TERM_REPORT.to_vec();
    term_args[1] = "term";
    let out = w.run(&[&term_args[..], &["--format", "json"]].concat());
    assert!(out.status.success(), "{}", stderr(&out));
    let term: Value = serde_json::from_slice(&out.stdout).unwrap();
    for (key, value) in report.as_object().unwrap() {
        assert_eq!(&term[key], value, "{key}");
    }
    assert_eq!(term["admission"]["ceremonies"], 1250);
    assert_eq!(term["organization"]["merged_orgs"], 8);
    // The heads' and deputies' commitments of the term, every one evaluated.
    let commitments = &term["commitments"];
    let signed = commitments["signed"].as_u64().unwrap();
    assert!(signed > 100, "{commitments}");
    assert_eq!(
        commitments["met"].as_u64().unwrap() + commitments["not_met"].as_u64().unwrap(),
        signed
    );

    let again = w.run(&["demo"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(
        stderr(&again).contains("đã có dữ liệu"),
        "{}",
        stderr(&again)
    );

    let unknown = w.run(&[
        "report",
        "summary",
        "--org",
        "KHONGCO",
        "--from",
        "2015-08-01",
        "--to",
        "2020-07-31",
    ]);
    assert_eq!(unknown.status.code(), Some(3));
    assert!(
        stderr(&unknown).contains("không tìm thấy tổ chức đảng có mã KHONGCO"),
        "{}",
        stderr(&unknown)
    );

    let text = w.run(&[&TERM_REPORT[..], &["--format", "text"]].concat());
    assert!(
        String::from_utf8_lossy(&text.stdout)
            .contains("Tổ chức cơ sở đảng / Grassroots organizations")
    );

    let xlsx = w.run(
        &[
            &TERM_REPORT[..],
            &["--format", "xlsx", "--out", "bao-cao.xlsx"],
        ]
        .concat(),
    );
    assert!(xlsx.status.success(), "{}", stderr(&xlsx));
    let book = std::fs::read(w.dir.join("bao-cao.xlsx")).unwrap();
    assert!(book.starts_with(b"PK") && book.len() > 4000, "a workbook");
    let no_file = w.run(&[&TERM_REPORT[..], &["--format", "xlsx"]].concat());
    assert_eq!(no_file.status.code(), Some(2), "a workbook needs --out");
    assert!(stderr(&no_file).contains("--out"), "{}", stderr(&no_file));
}

/// `bench load` serves the demo and reports each request it drove beside the floor,
/// every answer a 200 (a refused request would say "not 200" or stop the command).
#[test]
fn the_load_benchmark_drives_the_real_server_and_prints_percentiles_beside_the_floor() {
    let work = Workdir::new("bench-load");
    let out = work.run(&[
        "bench",
        "load",
        "--clients",
        "2",
        "--seconds",
        "1",
        "--only",
        "VX.01.01/members",
    ]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}\n{}", stderr(&out));
    assert!(text.contains("p99 ms") && text.contains("p99/fl"), "{text}");
    let rows: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with('/'))
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    assert_eq!(
        rows,
        ["/static/app.css", "/orgs/VX.01.01/members?as_of=2020-07-31"],
        "{text}"
    );
    assert!(!text.contains("not 200"), "{text}");
}
