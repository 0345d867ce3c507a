//! The installation's working-day calendar on every backend: a day an administrator stores
//! changes the counting at once, is listed as the installation's and is audited; nobody
//! else may change it.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::NaiveDate;
use dangvu_app::records::AuditFilter;
use dangvu_app::{App, Caller, ImportOutcome};
use dangvu_domain::Date;
use dangvu_domain::OrgCode;
use dangvu_domain::actor::{AccountId, Actor, Username};
use dangvu_domain::calendar::{CalendarDay, DayKind};
use dangvu_domain::roles::Role;
use dangvu_storage::testing::backends;

fn d(raw: &str) -> Date {
    NaiveDate::parse_from_str(raw, "%Y-%m-%d").unwrap()
}

fn admin() -> Caller {
    Caller::command_line(
        d("2025-11-26").and_hms_opt(8, 0, 0).unwrap(),
        d("2025-11-26"),
    )
}

fn staff() -> Caller {
    let actor = Actor::new(
        AccountId::new(99),
        Username::parse("can_bo").unwrap(),
        Role::CanBoToChuc,
        Some(OrgCode::parse("VX").unwrap()),
        None,
    )
    .unwrap();
    let now = d("2025-11-26").and_hms_opt(8, 0, 0).unwrap();
    Caller::signed_in(&actor, "127.0.0.1", now, d("2025-11-26"))
}

fn day(raw: &str, kind: DayKind, name: Option<&str>) -> CalendarDay {
    CalendarDay {
        day: d(raw),
        kind,
        name: name.map(str::to_owned),
    }
}

#[test]
fn a_stored_day_off_moves_the_deadline_at_once() {
    for db in backends() {
        let app = App::open(&db.url).unwrap();
        let after = d("2025-11-26");
        assert_eq!(
            app.working_day_after(&staff(), after, 1).unwrap(),
            d("2025-11-27")
        );
        let off = day("2025-11-27", DayKind::Nghi, Some("Nghỉ đột xuất"));
        assert_eq!(app.set_calendar_day(&admin(), &off).unwrap(), None);
        assert_eq!(
            app.working_day_after(&staff(), after, 1).unwrap(),
            d("2025-11-28")
        );

        // A correction replaces the stored day and says what was there.
        let worked = day("2025-11-27", DayKind::LamBu, None);
        assert_eq!(app.set_calendar_day(&admin(), &worked).unwrap(), Some(off));
        assert_eq!(
            app.working_day_after(&staff(), after, 1).unwrap(),
            d("2025-11-27")
        );

        let filter = AuditFilter {
            entity_code: Some("2025-11-27".into()),
            ..AuditFilter::default()
        };
        let rows = app.audit_entries(&admin(), &filter).unwrap().rows;
        assert_eq!(
            rows.iter().filter(|r| r.action == "calendar.set").count(),
            2
        );
    }
}

#[test]
fn a_shipped_day_can_be_corrected_and_the_year_shows_whose_it_is() {
    for db in backends() {
        let app = App::open(&db.url).unwrap();
        // Saturday 4/5/2024 was worked in exchange for Monday 29/4.
        assert_eq!(
            app.working_day_after(&staff(), d("2024-05-03"), 1).unwrap(),
            d("2024-05-04")
        );
        let off = day("2024-05-04", DayKind::Nghi, Some("Sửa lại"));
        app.set_calendar_day(&admin(), &off).unwrap();
        assert_eq!(
            app.working_day_after(&staff(), d("2024-05-03"), 1).unwrap(),
            d("2024-05-06")
        );

        let year = app.calendar_year(&staff(), 2024).unwrap();
        let corrected = year.iter().find(|e| e.day == d("2024-05-04")).unwrap();
        assert!(corrected.installation);
        assert_eq!(corrected.kind, DayKind::Nghi);
        let tet = year.iter().find(|e| e.day == d("2024-02-10")).unwrap();
        assert!(!tet.installation);
        assert_eq!(tet.name.as_deref(), Some("Tết Nguyên đán"));
        assert!(year.windows(2).all(|w| w[0].day < w[1].day));
    }
}

#[test]
fn only_an_administrator_changes_the_calendar() {
    for db in backends() {
        let app = App::open(&db.url).unwrap();
        let off = day("2025-11-27", DayKind::Nghi, None);
        assert!(app.set_calendar_day(&staff(), &off).is_err());
        assert_eq!(
            app.working_day_after(&staff(), d("2025-11-26"), 1).unwrap(),
            d("2025-11-27")
        );
        assert!(
            app.calendar_year(&staff(), 2025)
                .unwrap()
                .iter()
                .all(|e| !e.installation)
        );
    }
}

/// A CSV folder holding only a `ngay_nghi.csv` with `rows`.
fn calendar_file(rows: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("ngay_nghi.csv"),
        format!("ngay,loai,ten\n{rows}"),
    )
    .unwrap();
    dir
}

#[test]
fn an_administrator_imports_ngay_nghi_rows_and_the_whole_export_holds_them() {
    for db in backends() {
        let app = App::open(&db.url).unwrap();
        let file = calendar_file("2025-11-27,NGHI,Nghỉ đột xuất\n29/11/2025,Ngày làm bù,\n");
        let outcome = app
            .import_file(&admin(), file.path(), d("2025-11-26"), false, None)
            .unwrap();
        assert!(matches!(outcome, ImportOutcome::Imported(_)), "{outcome:?}");
        assert_eq!(
            app.working_day_after(&staff(), d("2025-11-26"), 1).unwrap(),
            d("2025-11-28")
        );
        assert_eq!(
            app.working_day_after(&staff(), d("2025-11-28"), 1).unwrap(),
            d("2025-11-29")
        );

        let exported = app.export_records(&admin(), None).unwrap();
        let days: Vec<_> = exported
            .calendar_days
            .iter()
            .map(|c| (c.day, c.kind))
            .collect();
        assert_eq!(
            days,
            [
                (d("2025-11-27"), DayKind::Nghi),
                (d("2025-11-29"), DayKind::LamBu)
            ]
        );

        // The same file again changes nothing; a bad row refuses the whole file.
        let again = app
            .import_file(&admin(), file.path(), d("2025-11-26"), false, None)
            .unwrap();
        assert!(matches!(again, ImportOutcome::Imported(_)));
        let bad = calendar_file("2025-12-01,NGHI,\n31/02/2025,NGHI,\n2025-12-01,LAM_BU,\n");
        let refused = app
            .import_file(&admin(), bad.path(), d("2025-11-26"), false, None)
            .unwrap();
        let ImportOutcome::Refused(problems) = refused else {
            panic!("{refused:?}")
        };
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert_eq!(
            app.working_day_after(&staff(), d("2025-11-30"), 1).unwrap(),
            d("2025-12-01")
        );
    }
}

#[test]
fn a_scoped_account_cannot_import_the_calendar() {
    for db in backends() {
        let app = App::open(&db.url).unwrap();
        let sample = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../fixtures/sample-district/data");
        let loaded = app
            .import_file(&admin(), &sample, d("2025-11-26"), false, None)
            .unwrap();
        assert!(matches!(loaded, ImportOutcome::Imported(_)), "{loaded:?}");
        let actor = Actor::new(
            AccountId::new(98),
            Username::parse("can_bo_mv").unwrap(),
            Role::CanBoToChuc,
            Some(OrgCode::parse("MV").unwrap()),
            None,
        )
        .unwrap();
        let now = d("2025-11-26").and_hms_opt(8, 0, 0).unwrap();
        let scoped = Caller::signed_in(&actor, "127.0.0.1", now, d("2025-11-26"));
        let file = calendar_file("2025-11-27,NGHI,\n");
        let outcome = app
            .import_file(&scoped, file.path(), d("2025-11-26"), false, None)
            .unwrap();
        let ImportOutcome::Refused(problems) = outcome else {
            panic!("{outcome:?}")
        };
        assert!(
            problems.iter().any(|p| p.reason_vi.contains("ngay_nghi")),
            "{problems:?}"
        );
        assert_eq!(
            app.working_day_after(&staff(), d("2025-11-26"), 1).unwrap(),
            d("2025-11-27")
        );
        // A subtree's export holds no calendar rows: it re-imports under the same scope.
        let export = app.export_records(&scoped, None).unwrap();
        assert!(export.calendar_days.is_empty());
    }
}
