//! The member lifecycle in the store: an exit ends the member's status and registration
//! from its day and keeps the pre-summed figures right; badge awards follow the early
//! rules; the timeline lists statuses and registrations in date order.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::fixture::{d, dataset};
use common::histories::assert_agrees_with_reference;
use common::{audit, backends};
use dangvu_domain::lifecycle::{EarlyReason, ExitKind, StrikeOffCase};
use dangvu_storage::{NewBadgeAward, NewExit, Scope, StoreError, TimelineWhat};

fn everything() -> Scope {
    Scope::whole_installation(d("2025-11-26"))
}

#[test]
fn an_exit_closes_status_and_registration_and_keeps_figures_right() {
    for db in backends() {
        let store = db.open();
        store.load_dataset(&dataset(), &audit()).unwrap();
        let death = NewExit {
            kind: ExitKind::TuTran,
            on: d("2024-03-01"),
            case: None,
        };
        store
            .record_exit(&everything(), &audit(), "M01", &death)
            .unwrap();
        let view = store.member_lifecycle(&everything(), "M01").unwrap();
        let last_status = view
            .timeline
            .iter()
            .rfind(|l| matches!(l.what, TimelineWhat::Status(_)))
            .unwrap();
        assert_eq!(last_status.what, TimelineWhat::Status("TU_TRAN".into()));
        assert_eq!(last_status.from, d("2024-03-01"));
        let registered = view
            .timeline
            .iter()
            .find(|l| matches!(l.what, TimelineWhat::Registered(_)))
            .unwrap();
        assert_eq!(registered.to, d("2024-03-01"));
        assert_agrees_with_reference(&store, "after an exit");
    }
}

#[test]
fn striking_off_needs_its_case() {
    for db in backends() {
        let store = db.open();
        store.load_dataset(&dataset(), &audit()).unwrap();
        let mut exit = NewExit {
            kind: ExitKind::XoaTen,
            on: d("2024-03-01"),
            case: None,
        };
        let refused = store.record_exit(&everything(), &audit(), "M01", &exit);
        assert!(matches!(refused, Err(StoreError::Invalid(_))));
        exit.case = Some(StrikeOffCase::BoSinhHoat);
        store
            .record_exit(&everything(), &audit(), "M01", &exit)
            .unwrap();
    }
}

#[test]
fn badges_follow_the_early_award_rules() {
    for db in backends() {
        let store = db.open();
        store.load_dataset(&dataset(), &audit()).unwrap();
        // M01 was admitted 2010-05-01: 30 years are reached in 2040.
        let early = NewBadgeAward {
            milestone: 30,
            awarded_on: d("2039-09-02"),
            early: None,
        };
        let refused = store.record_badge_award(&everything(), &audit(), "M01", &early);
        assert!(matches!(refused, Err(StoreError::Invalid(_))));
        let ill = NewBadgeAward {
            early: Some(EarlyReason::SeriousIllness),
            ..early
        };
        store
            .record_badge_award(&everything(), &audit(), "M01", &ill)
            .unwrap();
        let again = store.record_badge_award(&everything(), &audit(), "M01", &ill);
        assert!(matches!(again, Err(StoreError::Conflict { .. })));
        let view = store.member_lifecycle(&everything(), "M01").unwrap();
        assert_eq!(view.awards.len(), 1);
    }
}
