//! The sample district of `fixtures/sample-district`: its CSV files import without a problem,
//! and the reference summary computed from them gives exactly the figures of `expected.json`.

// The helpers below fail the test by panicking, as the `#[test]` functions themselves do.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use dangvu_domain::OrgCode;
use dangvu_domain::dataset::Dataset;
use dangvu_domain::dates::parse_date;
use dangvu_domain::interchange::{RawRow, RawTable, Table, build_dataset};
use dangvu_domain::summary::{self, SummaryParams};
use dangvu_domain::tree::TreeHistory;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn sample_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/sample-district")
}

/// Reads one `<table>.csv` the way interchange v1 describes it: UTF-8, optional BOM, RFC
/// 4180 quoting, row 1 the header; row numbers count records, the header being row 1.
fn read_csv(path: &Path) -> RawTable {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap();
    let table = Table::from_name(name).unwrap_or_else(|| panic!("{name} names no table"));
    let bytes = std::fs::read(path).unwrap();
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(body);
    let mut records = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect::<Vec<_>>());
    let headers = records.next().unwrap_or_default();
    let rows = records
        .enumerate()
        .map(|(i, cells)| RawRow {
            number: i + 2,
            cells,
        })
        .collect();
    RawTable {
        table,
        headers,
        rows,
    }
}

fn sample_dataset() -> Dataset {
    let mut tables: Vec<RawTable> = std::fs::read_dir(sample_dir().join("data"))
        .expect("fixtures/sample-district/data in the repository")
        .map(|entry| read_csv(&entry.unwrap().path()))
        .collect();
    tables.sort_by_key(|t| t.table);
    assert_eq!(tables.len(), 5, "the sample has the five v1 tables");
    match build_dataset(&tables) {
        Ok(ds) => ds,
        Err(problems) => {
            for p in problems.iter().take(20) {
                eprintln!("{p}");
            }
            panic!("{} problems in the sample", problems.len());
        }
    }
}

fn date_arg(args: &Value, key: &str) -> dangvu_domain::Date {
    parse_date("date", args[key].as_str().unwrap()).unwrap()
}

#[test]
fn the_sample_district_imports_whole() {
    let ds = sample_dataset();
    assert_eq!(ds.orgs.len(), 224);
    assert_eq!(ds.members.len(), 3388);
    assert_eq!(ds.member_ratings.len(), 16951);
    assert_eq!(ds.org_ratings.len(), 674);
    let zero_led = ds
        .members
        .iter()
        .filter_map(|m| m.profile.citizen_id.as_deref())
        .filter(|id| id.starts_with('0'))
        .count();
    assert!(zero_led > 0, "citizen IDs keep their leading zeros");
    let transferred = ds.members.iter().filter(|m| m.registrations.len() > 1);
    assert!(transferred.count() > 300);
}

#[test]
fn the_reference_summary_of_the_sample_matches_expected_json() {
    let ds = sample_dataset();
    let tree = TreeHistory::build(&ds.orgs).unwrap();
    let text = std::fs::read_to_string(sample_dir().join("expected.json")).unwrap();
    let cases: Vec<Value> = serde_json::from_str(&text).unwrap();
    assert_eq!(cases.len(), 4);
    for case in &cases {
        let args = &case["args"];
        let org = OrgCode::parse(args["org"].as_str().unwrap()).unwrap();
        let params = SummaryParams::new(
            org,
            date_arg(args, "from"),
            date_arg(args, "to"),
            Some(date_arg(args, "as_of")),
        )
        .unwrap();
        let report = summary::compute(&ds, &tree, &params);
        let got = serde_json::to_value(&report).unwrap();
        assert_eq!(got, case["expect"], "summary for {args}");
    }
}
