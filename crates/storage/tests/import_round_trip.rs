//! Export → import gives the same figures, on both engines: the demo district and its
//! admission dossiers through CSV files (its 2025 restructure needs the `cap_tren_to_chuc`
//! extension; the dossiers come back as `ho_so_ket_nap` carries them), the sample through
//! an `.xlsx` workbook; importing into an empty database writes what `load_dataset` writes;
//! the workbooks written by openpyxl import.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test helpers fail loudly

mod import_support;

use dangvu_demo::{DEFAULT_SEED, DISTRICT_CODE, PROVINCE_CODE, TERM_END, TERM_START, generate};
use dangvu_domain::OrgCode;
use dangvu_domain::interchange::Table;
use dangvu_domain::summary::SummaryParams;
use dangvu_interchange::{write_csv_folder, write_xlsx};
use dangvu_storage::testing::backends;
use dangvu_storage::{GivenColumns, ImportRequest, Store};
use import_support::*;

fn summaries(store: &Store) -> Vec<dangvu_domain::summary::SummaryReport> {
    let vx = SummaryParams::new(
        OrgCode::parse(DISTRICT_CODE).unwrap(),
        TERM_START,
        TERM_END,
        None,
    );
    let tq = SummaryParams::new(
        OrgCode::parse(PROVINCE_CODE).unwrap(),
        d("2025-07-01"),
        effective_on(),
        None,
    );
    [vx.unwrap(), tq.unwrap()]
        .iter()
        .map(|params| store.summary(&everything(), params).unwrap())
        .collect()
}

/// The dataset without the member-sheet fields the format does not carry.
fn v1_fields_only(mut ds: dangvu_domain::dataset::Dataset) -> dangvu_domain::dataset::Dataset {
    for member in &mut ds.members {
        let p = &mut member.profile;
        p.birthplace = None;
        p.occupation = None;
        p.general_education = None;
        p.professional_qualification = None;
        p.political_theory = None;
        p.party_card_no = None;
        p.cv_no = None;
    }
    ds
}

#[test]
fn the_demo_exported_and_imported_into_an_empty_database_gives_the_same_figures() {
    let ds = generate(DEFAULT_SEED);
    let dossiers = dangvu_demo::admissions::dossiers(&ds, DEFAULT_SEED);
    for (i, (source_db, target_db)) in backends().into_iter().zip(backends()).enumerate() {
        let source = source_db.open();
        source.load_dataset(&ds, &audit()).unwrap();
        source
            .load_dossiers(&everything(), &audit(), &dossiers)
            .unwrap();
        let exported = source.export(&everything(), None, &audit()).unwrap();
        assert_eq!(exported.dossiers.len(), dossiers.len());
        let folder = scratch(&format!("demo-export-{i}"));
        write_csv_folder(&exported, &folder).unwrap();
        let dossier_rows = std::fs::read_to_string(folder.join("ho_so_ket_nap.csv")).unwrap();
        assert_eq!(dossier_rows.lines().count(), dossiers.len() + 1);
        assert!(
            std::fs::read_to_string(folder.join("cap_tren_to_chuc.csv"))
                .unwrap()
                .lines()
                .count()
                > 70,
            "the restructure is exported as changes of superior"
        );

        let target = target_db.open();
        let summary = import_file(&target, &folder, false).summary();
        assert_eq!(
            summary.counts(Table::DangVien).created,
            ds.members.len() as u64
        );
        assert_eq!(
            summary.counts(Table::HoSoKetNap).created,
            dossiers.len() as u64
        );
        // Monthly results and commitments come back whole (ket_qua_thang, cam_ket).
        assert_eq!(
            summary.counts(Table::KetQuaThang).created,
            ds.monthly_results.len() as u64
        );
        assert_eq!(
            summary.counts(Table::CamKet).created,
            ds.commitments.len() as u64
        );
        // The demo's late decisions and ceremonies are findings; nothing was refused.
        assert!(
            summary
                .findings
                .iter()
                .any(|f| f.reason_en.contains("60 working days"))
        );
        assert_eq!(
            summaries(&target),
            summaries(&source),
            "{:?}",
            target.backend()
        );
        assert_eq!(
            v1_fields_only(target.export(&everything(), None, &audit()).unwrap()),
            v1_fields_only(exported.clone()),
            "everything but the member-sheet fields v1 has no column for comes back"
        );

        // The export imported over its source changes nothing.
        let again = import_file(&source, &folder, false).summary();
        assert!(again.changed_nothing(), "{again:#?}");
    }
}

#[test]
fn an_import_into_an_empty_database_writes_what_a_load_writes() {
    let ds = generate(DEFAULT_SEED);
    for (loaded_db, imported_db) in backends().into_iter().zip(backends()) {
        let loaded = loaded_db.open();
        loaded.load_dataset(&ds, &audit()).unwrap();
        let imported = imported_db.open();
        let columns = GivenColumns::all();
        let request = ImportRequest {
            dataset: &ds,
            columns: &columns,
            effective_on: effective_on(),
            dry_run: false,
            progress: None,
            rows: None,
        };
        imported.import(&everything(), &request, &audit()).unwrap();
        assert_eq!(
            imported.export(&everything(), None, &audit()).unwrap(),
            loaded.export(&everything(), None, &audit()).unwrap()
        );
        assert_eq!(summaries(&imported), summaries(&loaded));
    }
}

#[test]
fn the_sample_through_a_workbook_and_a_subtree_export_keep_their_figures() {
    let scratch_dir = scratch("sample-xlsx");
    let book = scratch_dir.join("mv.xlsx");
    for (source_db, target_db) in backends().into_iter().zip(backends()) {
        let source = source_db.open();
        import_file(&source, &sample_data(), false).summary();
        write_xlsx(
            &source.export(&everything(), None, &audit()).unwrap(),
            &book,
        )
        .unwrap();
        let target = target_db.open();
        import_file(&target, &book, false).summary();
        for (params, expected) in expected_summaries() {
            let got = target.summary(&everything(), &params).unwrap();
            assert_eq!(serde_json::to_value(&got).unwrap(), expected);
        }
        // One grassroots committee alone: its own figures survive, with the context it needs.
        let d03 = OrgCode::parse("MV.D03").unwrap();
        let part = source.export(&everything(), Some(&d03), &audit()).unwrap();
        assert!(part.members.len() < 1000 && !part.members.is_empty());
        let folder = scratch("sample-d03");
        write_csv_folder(&part, &folder).unwrap();
        let alone = backends().remove(0);
        let alone_store = alone.open();
        import_file(&alone_store, &folder, false).summary();
        let (params, expected) = expected_summaries()
            .into_iter()
            .find(|(p, _)| p.org == d03)
            .unwrap();
        let got = alone_store.summary(&everything(), &params).unwrap();
        assert_eq!(serde_json::to_value(&got).unwrap(), expected);
    }
}

#[test]
fn the_workbooks_written_by_openpyxl_import() {
    for db in backends() {
        let store = db.open();
        let summary = import_file(&store, &fixture("district_vi.xlsx"), false).summary();
        assert_eq!(summary.counts(Table::ToChuc).created, 4);
        assert!(summary.counts(Table::DangVien).created >= 2);
        let again = import_file(&store, &fixture("district_vi.xlsx"), false).summary();
        assert!(again.changed_nothing(), "{again:#?}");
        let Outcome::Invalid(problems) = import_file(&store, &fixture("problems.xlsx"), false)
        else {
            panic!("problems.xlsx must not import");
        };
        assert!(!problems.is_empty());
        assert_eq!(store.audit_log(&everything(), 10).unwrap().len(), 2);
    }
}
