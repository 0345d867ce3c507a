//! The use cases against a real database on every backend: the rules that apply to every
//! adapter (masking by role, auditing a read with it, the scope, all-or-nothing imports)
//! hold here, whichever adapter calls.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::NaiveDate;
use dangvu_app::records::AuditFilter;
use dangvu_app::{App, Caller, Error, ImportOutcome, StoreError};
use dangvu_domain::actor::{AccountId, Actor, Username};
use dangvu_domain::roles::Role;
use dangvu_domain::{Date, MemberCode, OrgCode};
use dangvu_storage::testing::{TestDb, backends};
use std::path::{Path, PathBuf};

/// The sample district the project ships as its own fixture.
fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/sample-district/data")
}

fn day(y: i32, m: u32, d: u32) -> Date {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn admin() -> Caller {
    Caller::command_line(
        day(2026, 1, 5).and_hms_opt(8, 0, 0).unwrap(),
        day(2026, 1, 5),
    )
}

/// A signed-in account of `role` reaching `org`'s subtree.
fn account(role: Role, org: &str) -> Caller {
    let actor = Actor::new(
        AccountId::new(99),
        Username::parse("thu_nghiem").unwrap(),
        role,
        Some(OrgCode::parse(org).unwrap()),
        None,
    )
    .unwrap();
    Caller::signed_in(
        &actor,
        "127.0.0.1",
        day(2026, 1, 5).and_hms_opt(8, 0, 0).unwrap(),
        day(2026, 1, 5),
    )
}

/// Every backend, with the sample district imported.
fn loaded() -> Vec<(TestDb, App)> {
    backends()
        .into_iter()
        .map(|db| {
            let app = App::open(&db.url).unwrap();
            let outcome = app
                .import_file(&admin(), &sample(), day(2026, 1, 5), false, None)
                .unwrap();
            assert!(matches!(outcome, ImportOutcome::Imported(_)), "{outcome:?}");
            (db, app)
        })
        .collect()
}

fn reads_of(app: &App, code: &str) -> usize {
    let filter = AuditFilter {
        entity_code: Some(code.to_string()),
        ..AuditFilter::default()
    };
    let page = app.audit_entries(&admin(), &filter).unwrap();
    page.rows.iter().filter(|r| r.action == "read").count()
}

#[test]
fn a_member_record_is_masked_by_role_and_its_opening_audited() {
    for (_db, app) in loaded() {
        let code = MemberCode::parse("MV-00001").unwrap();
        let whole = app.open_member(&admin(), &code).unwrap();
        assert_eq!(whole.profile.citizen_id.as_deref(), Some("002109690402"));
        assert_eq!(reads_of(&app, "MV-00001"), 1);

        let reader = account(Role::Xem, "MV");
        let masked = app.open_member(&reader, &code).unwrap();
        assert_eq!(masked.profile.citizen_id.as_deref(), Some("0021•••••402"));
        assert_eq!(reads_of(&app, "MV-00001"), 2);
    }
}

#[test]
fn a_member_outside_the_scope_is_not_found_and_no_read_is_recorded() {
    for (_db, app) in loaded() {
        // MV-00001 is registered in MV.D11.C12, outside MV.D01.
        let outsider = account(Role::CanBoToChuc, "MV.D01");
        let code = MemberCode::parse("MV-00001").unwrap();
        let refused = app.open_member(&outsider, &code).unwrap_err();
        assert!(
            matches!(refused, Error::Store(StoreError::NotFound { .. })),
            "{refused:?}"
        );
        assert_eq!(reads_of(&app, "MV-00001"), 0);
    }
}

#[test]
fn an_export_masks_citizen_ids_for_roles_that_do_not_need_them() {
    for (_db, app) in loaded() {
        let org = OrgCode::parse("MV.D01").unwrap();
        let staff = app
            .export_records(&account(Role::CanBoToChuc, "MV.D01"), Some(&org))
            .unwrap();
        let reader = app
            .export_records(&account(Role::Xem, "MV.D01"), Some(&org))
            .unwrap();
        assert!(!staff.members.is_empty());
        assert_eq!(staff.members.len(), reader.members.len());
        for (whole, masked) in staff.members.iter().zip(&reader.members) {
            let whole = whole.profile.citizen_id.as_deref().unwrap();
            let masked = masked.profile.citizen_id.as_deref().unwrap();
            assert!(!whole.contains('•'), "{whole}");
            assert!(masked.contains('•') && masked != whole, "{masked}");
        }
    }
}

#[test]
fn a_preview_changes_nothing_and_a_broken_file_is_refused_whole() {
    for (_db, app) in backends().into_iter().map(|db| {
        let app = App::open(&db.url).unwrap();
        (db, app)
    }) {
        let preview = app
            .import_file(&admin(), &sample(), day(2026, 1, 5), true, None)
            .unwrap();
        let ImportOutcome::Imported(report) = preview else {
            panic!("the sample imports: {preview:?}")
        };
        assert!(report.dry_run);
        assert!(report.tables.iter().any(|t| t.created > 0));
        assert!(app.is_empty().unwrap(), "a preview writes nothing");

        let broken = tempfile::tempdir().unwrap();
        for entry in std::fs::read_dir(sample()).unwrap() {
            let entry = entry.unwrap();
            std::fs::copy(entry.path(), broken.path().join(entry.file_name())).unwrap();
        }
        let members = broken.path().join("dang_vien.csv");
        let text = std::fs::read_to_string(&members).unwrap();
        std::fs::write(&members, text.replacen("NU,01/10/1984", "NU,31/02/1984", 1)).unwrap();
        let outcome = app
            .import_file(&admin(), broken.path(), day(2026, 1, 5), false, None)
            .unwrap();
        let ImportOutcome::Refused(problems) = outcome else {
            panic!("an impossible birth date is refused: {outcome:?}")
        };
        assert!(
            problems
                .iter()
                .any(|p| p.column.as_deref() == Some("ngay_sinh")),
            "{problems:?}"
        );
        assert!(app.is_empty().unwrap(), "a refused file writes nothing");
    }
}
