//! Party badges on the due list, on both engines: a member is listed from the day a
//! milestone is reached to its award day, a recorded interruption moves the milestone
//! later, and an award takes the member off the list.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::fixture::{d, dataset};
use common::{audit, backends};
use dangvu_domain::dates::Period;
use dangvu_domain::due::DueKind;
use dangvu_domain::lifecycle::EarlyReason;
use dangvu_storage::{NewBadgeAward, Scope, Store};

fn everything() -> Scope {
    Scope::whole_installation(d("2025-11-26"))
}

/// M01's badge items on `day`: (since, due).
fn m01(store: &Store, day: &str) -> Vec<(String, String)> {
    store
        .badge_due_items(&everything(), d(day))
        .unwrap()
        .into_iter()
        .filter(|i| i.subject == "M01")
        .inspect(|i| assert_eq!(i.kind, DueKind::Badge))
        .map(|i| (i.since.to_string(), i.due_on.to_string()))
        .collect()
}

#[test]
fn a_badge_is_due_from_its_milestone_to_its_award_day() {
    for db in backends() {
        let store = db.open();
        store.load_dataset(&dataset(), &audit()).unwrap();
        // M01 was admitted on 2010-05-01: 30 years on 2040-05-01, awarded on 19/5.
        assert!(m01(&store, "2039-11-01").is_empty(), "too early");
        let due = vec![("2040-05-01".to_string(), "2040-05-19".to_string())];
        assert_eq!(m01(&store, "2040-03-01"), due);

        // A year without Party activity pushes the milestone a year later.
        let year_off = Period {
            from: d("2015-01-01"),
            to: d("2016-01-01"),
        };
        store
            .record_interruption(&everything(), &audit(), "M01", year_off)
            .unwrap();
        assert!(
            m01(&store, "2040-03-01").is_empty(),
            "moved by the interruption"
        );
        assert_eq!(
            m01(&store, "2041-03-01"),
            vec![("2041-05-01".to_string(), "2041-05-19".to_string())]
        );

        // Awarded early for serious illness: off the list.
        let award = NewBadgeAward {
            milestone: 30,
            awarded_on: d("2041-03-01"),
            early: Some(EarlyReason::SeriousIllness),
        };
        store
            .record_badge_award(&everything(), &audit(), "M01", &award)
            .unwrap();
        assert!(m01(&store, "2041-03-01").is_empty(), "awarded");
    }
}
