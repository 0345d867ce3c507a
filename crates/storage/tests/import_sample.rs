//! Importing the sample district of `fixtures/sample-district` from its CSV files, on both
//! engines: the figures of `expected.json`, idempotence, dated transfers from an updated
//! list, dry runs, and files refused whole.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test helpers fail loudly

mod import_support;

use dangvu_domain::interchange::Table;
use dangvu_domain::{MemberCode, OrgCode};
use dangvu_storage::testing::backends;
use dangvu_storage::{ImportCounts, ImportSummary, Store};
use import_support::*;

fn counts(created: u64, updated: u64, unchanged: u64) -> ImportCounts {
    ImportCounts {
        created,
        updated,
        unchanged,
    }
}

fn assert_expected_figures(store: &Store) {
    for (params, expected) in expected_summaries() {
        let report = store.summary(&everything(), &params).unwrap();
        assert_eq!(
            serde_json::to_value(&report).unwrap(),
            expected,
            "{:?} {}",
            store.backend(),
            params.org
        );
    }
}

fn assert_sample_created(summary: &ImportSummary) {
    assert_eq!(summary.counts(Table::ToChuc), counts(224, 0, 0));
    assert_eq!(summary.counts(Table::DangVien), counts(3388, 0, 0));
    assert_eq!(summary.counts(Table::ChuyenSinhHoat), counts(424, 0, 0));
    assert_eq!(summary.counts(Table::DanhGiaDangVien), counts(16951, 0, 0));
    assert_eq!(summary.counts(Table::DanhGiaToChuc), counts(674, 0, 0));
}

#[test]
fn the_sample_imports_with_the_expected_figures_and_again_changes_nothing() {
    for db in backends() {
        let store = db.open();
        let first = import_file(&store, &sample_data(), false).summary();
        assert_sample_created(&first);
        assert!(!first.dry_run);
        assert_expected_figures(&store);

        let before = store.export(&everything(), None, &audit()).unwrap();
        let second = import_file(&store, &sample_data(), false).summary();
        assert!(second.changed_nothing(), "{second:#?}");
        assert_eq!(second.counts(Table::DangVien), counts(0, 0, 3388));
        assert_eq!(second.counts(Table::ChuyenSinhHoat), counts(0, 0, 424));
        assert_eq!(second.counts(Table::DanhGiaDangVien), counts(0, 0, 16951));
        assert_eq!(store.export(&everything(), None, &audit()).unwrap(), before);
        assert_expected_figures(&store);

        // The exports that compare the records are audited too.
        let log: Vec<_> = store
            .audit_log(&everything(), 10)
            .unwrap()
            .into_iter()
            .filter(|row| row.action != "export")
            .collect();
        assert_eq!(log.len(), 2, "one audit row per import");
        assert!(log.iter().all(|row| row.action == "import"));
        let after: serde_json::Value =
            serde_json::from_str(log[0].after_json.as_deref().unwrap()).unwrap();
        let members = after["tables"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["table"] == "dang_vien")
            .unwrap();
        assert_eq!(
            (members["created"].as_u64(), members["unchanged"].as_u64()),
            (Some(0), Some(3388))
        );
    }
}

#[test]
fn a_dry_run_counts_everything_and_writes_nothing() {
    for db in backends() {
        let store = db.open();
        let summary = import_file(&store, &sample_data(), true).summary();
        assert!(summary.dry_run);
        assert_sample_created(&summary);
        assert!(store.is_empty().unwrap(), "{:?}", store.backend());
        assert!(store.audit_log(&everything(), 10).unwrap().is_empty());
    }
}

fn moved_sample(
    name: &str,
    moves: &[(&str, &str, &str)],
    transfers: &[&str],
) -> import_support::Scratch {
    edited_sample(name, |file, text| match file {
        "dang_vien.csv" => text
            .lines()
            .map(|line| {
                let found = moves
                    .iter()
                    .find(|(m, _, _)| line.starts_with(&format!("{m},")));
                match found {
                    Some((_, from, to)) => line.replace(&format!(",{from},"), &format!(",{to},")),
                    None => line.to_string(),
                }
            })
            .collect::<Vec<_>>()
            .join("\n"),
        "chuyen_sinh_hoat.csv" => {
            let mut text = text.trim_end().to_string();
            for row in transfers {
                text.push('\n');
                text.push_str(row);
            }
            text
        }
        _ => text,
    })
}

fn registrations_of(store: &Store, code: &str) -> Vec<(String, String, String)> {
    let detail = store
        .member(&everything(), &MemberCode::parse(code).unwrap())
        .unwrap();
    detail
        .registrations
        .iter()
        .map(|r| {
            (
                r.org.code.to_string(),
                r.period.from.to_string(),
                r.period.to.to_string(),
            )
        })
        .collect()
}

#[test]
fn an_updated_list_that_moves_a_member_makes_a_dated_transfer() {
    let updated = moved_sample(
        "moved",
        &[
            ("MV-00002", "MV.D01.C01", "MV.D01.C02"),
            ("MV-00004", "MV.D01.C01", "MV.D01.C03"),
        ],
        &["MV-00004,2024-05-01,MV.D01.C01,MV.D01.C03"],
    );
    for db in backends() {
        let store = db.open();
        import_file(&store, &sample_data(), false).summary();
        let summary = import_file(&store, &updated, false).summary();
        assert_eq!(summary.counts(Table::DangVien), counts(0, 2, 3386));
        assert_eq!(summary.counts(Table::ChuyenSinhHoat), counts(1, 0, 424));
        let at =
            |org: &str, from: &str, to: &str| (org.to_string(), from.to_string(), to.to_string());
        // Moved by a new ma_to_chuc alone: transferred on the import's date.
        assert_eq!(
            registrations_of(&store, "MV-00002"),
            [
                at("MV.D01.C01", "0001-01-01", "2025-11-26"),
                at("MV.D01.C02", "2025-11-26", "9999-12-31")
            ]
        );
        // Moved with a transfer row: on its date.
        assert_eq!(
            registrations_of(&store, "MV-00004"),
            [
                at("MV.D01.C01", "0001-01-01", "2024-05-01"),
                at("MV.D01.C03", "2024-05-01", "9999-12-31")
            ]
        );
        // The figures of the term are untouched; the same list again changes nothing.
        assert_expected_figures(&store);
        let again = import_file(&store, &updated, false).summary();
        assert!(again.changed_nothing(), "{again:#?}");
        // The original list moves them back: a move back on the day of the move undoes it;
        // an earlier move stays in the history, followed by the move back.
        import_file(&store, &sample_data(), false).summary();
        assert_eq!(
            registrations_of(&store, "MV-00002"),
            [at("MV.D01.C01", "0001-01-01", "9999-12-31")]
        );
        assert_eq!(
            registrations_of(&store, "MV-00004"),
            [
                at("MV.D01.C01", "0001-01-01", "2024-05-01"),
                at("MV.D01.C03", "2024-05-01", "2025-11-26"),
                at("MV.D01.C01", "2025-11-26", "9999-12-31")
            ]
        );
    }
}

#[test]
fn a_file_refused_by_the_stored_records_writes_nothing() {
    // MV.C27 was dissolved in 2018: no one can be moved there on the import's date.
    let refused = moved_sample("refused", &[("MV-00006", "MV.D01.C01", "MV.C27")], &[]);
    for db in backends() {
        let store = db.open();
        import_file(&store, &sample_data(), false).summary();
        let before = store.export(&everything(), None, &audit()).unwrap();
        let Outcome::Refused(problems) = import_file(&store, &refused, false) else {
            panic!("the move into a dissolved cell must be refused");
        };
        assert_eq!(problems.len(), 1, "{problems:#?}");
        assert_eq!(problems[0].table, Table::DangVien);
        assert_eq!(problems[0].value, "MV.C27");
        assert!(
            problems[0].reason_vi.contains("MV-00006"),
            "{:?}",
            problems[0]
        );
        assert_eq!(store.export(&everything(), None, &audit()).unwrap(), before);
        let log = store.audit_log(&everything(), 10).unwrap();
        assert_eq!(log.iter().filter(|row| row.action == "import").count(), 1);
    }
}

#[test]
fn a_file_with_problems_is_reported_whole_and_writes_nothing() {
    let broken = edited_sample("broken", |file, text| match file {
        "dang_vien.csv" => text
            .replacen("MV.D01.C01", "KHONG.CO", 1)
            .replacen("NU,", "XX,", 1),
        _ => text,
    });
    for db in backends() {
        let store = db.open();
        let Outcome::Invalid(problems) = import_file(&store, &broken, false) else {
            panic!("the broken file must not import");
        };
        assert!(problems.len() >= 2, "{problems:#?}");
        assert!(store.is_empty().unwrap());
    }
}

#[test]
fn rows_outside_the_callers_scope_are_refused() {
    for db in backends() {
        let store = db.open();
        import_file(&store, &sample_data(), false).summary();
        let scope =
            dangvu_storage::Scope::subtree(OrgCode::parse("MV.D01").unwrap(), effective_on());
        let known = store.known_codes(&scope).unwrap();
        assert!(
            known
                .orgs
                .contains_key(&OrgCode::parse("MV.D01.C01").unwrap())
        );
        assert!(!known.orgs.contains_key(&OrgCode::parse("MV.D02").unwrap()));
        let whole = store.known_codes(&everything()).unwrap();
        let checked = dangvu_interchange::check_path(&sample_data(), &whole).unwrap();
        let columns = columns_of(&checked.tables);
        let request = dangvu_storage::ImportRequest {
            dataset: &checked.dataset,
            columns: &columns,
            effective_on: effective_on(),
            dry_run: false,
            progress: None,
            rows: Some(&checked.rows),
        };
        match store.import(&scope, &request, &audit()) {
            Err(dangvu_storage::ImportError::Refused(problems)) => {
                // A cell of MV.D02 is refused, named with its row; MV.D02 itself, the
                // superior of cells the subtree's members came from, is in the subtree's
                // export as context and goes back as a reference, as stored.
                let cell = problems.iter().find(|p| p.value == "MV.D02.C01");
                assert!(cell.is_some_and(|p| p.row == Some(16)), "{problems:#?}");
                assert!(!problems.iter().any(|p| p.value == "MV.D02"));
                assert!(!problems.iter().any(|p| p.value == "MV.D01.C01"));
            }
            other => panic!("expected a refusal, got {other:?}"),
        }
        // A member who sees only their own record imports and exports nothing.
        let own = dangvu_storage::Scope::own_record(
            MemberCode::parse("MV-00002").unwrap(),
            effective_on(),
        );
        assert!(store.import(&own, &request, &audit()).is_err());
        assert!(store.export(&own, None, &audit()).is_err());
        let known = store.known_codes(&own).ok();
        assert!(known.is_none_or(|k| k.orgs.is_empty() && k.members.is_empty()));
        let log = store.audit_log(&everything(), 10).unwrap();
        assert_eq!(log.iter().filter(|row| row.action == "import").count(), 1);
    }
}
