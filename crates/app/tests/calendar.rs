//! The installation's working-day calendar on every backend: a day an administrator stores
//! changes the counting at once, is listed as the installation's and is audited; nobody
//! else may change it.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::NaiveDate;
use dangvu_app::records::AuditFilter;
use dangvu_app::{App, Caller};
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
