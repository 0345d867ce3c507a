//! Transfers in the store: the registration moves on the receiving day with the figures,
//! both sides see the transfer and its overdue item, anyone else gets "not found";
//! temporary attendance changes no figure.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::fixture::{d, dataset, oc};
use common::histories::{all_figures, assert_agrees_with_reference};
use common::{audit, backends};
use dangvu_domain::calendar::WorkingCalendar;
use dangvu_domain::due::DueKind;
use dangvu_domain::lifecycle::{TransferKind, TransferStage, TransferStep};
use dangvu_storage::{Entity, NewTemporary, NewTransfer, Scope, Store, StoreError};

fn today() -> dangvu_domain::Date {
    d("2025-11-26")
}

fn scope(root: &str) -> Scope {
    Scope::subtree(oc(root), today())
}

fn cal() -> WorkingCalendar {
    WorkingCalendar::plain()
}

/// M01 (cell C1 under G1) decided to move to DSC (under DS) on 2024-03-01.
fn decided(store: &Store) -> i64 {
    let new = NewTransfer {
        member: "M01".into(),
        to_org: "DSC".into(),
        decision_on: d("2024-03-01"),
    };
    store
        .decide_transfer(&scope("G1"), &audit(), &new, &cal())
        .unwrap()
        .id
}

#[test]
fn the_registration_moves_on_the_receiving_day_with_the_figures() {
    for db in backends() {
        let store = db.open();
        store.load_dataset(&dataset(), &audit()).unwrap();
        let id = decided(&store);
        let day = d("2024-03-11");
        let before = store.figures(&scope("DS"), &oc("DS"), day).unwrap();
        let introduce = TransferStep::Introduce {
            on: d("2024-03-05"),
        };
        store
            .record_transfer_step(&scope("G1"), &audit(), id, &introduce, &cal())
            .unwrap();
        let receive = TransferStep::Receive {
            on: d("2024-03-10"),
        };
        // The sending side cannot register the member at the receiving cell.
        let refused = store.record_transfer_step(&scope("G1"), &audit(), id, &receive, &cal());
        assert!(
            matches!(refused, Err(StoreError::NotFound { .. })),
            "{refused:?}"
        );
        let view = store
            .record_transfer_step(&scope("DS"), &audit(), id, &receive, &cal())
            .unwrap();
        assert_eq!(view.stage(), TransferStage::Received);
        let after = store.figures(&scope("DS"), &oc("DS"), day).unwrap();
        assert_ne!(
            before, after,
            "the receiving side counts the member from the day"
        );
        let eve = store
            .figures(&scope("DS"), &oc("DS"), d("2024-03-09"))
            .unwrap();
        assert_eq!(eve, before, "nothing changes before the receiving day");
        assert_agrees_with_reference(&store, "after a transfer");
        let life = store.member_lifecycle(&scope("DS"), "M01").unwrap();
        assert!(!life.timeline.is_empty());
    }
}

#[test]
fn steps_out_of_order_are_refused_and_write_nothing() {
    for db in backends() {
        let store = db.open();
        store.load_dataset(&dataset(), &audit()).unwrap();
        let id = decided(&store);
        let early = TransferStep::Receive {
            on: d("2024-03-10"),
        };
        let refused = store.record_transfer_step(&scope("DS"), &audit(), id, &early, &cal());
        assert!(
            matches!(refused, Err(StoreError::Invalid(_))),
            "{refused:?}"
        );
        let before = TransferStep::Introduce {
            on: d("2024-02-01"),
        };
        let refused = store.record_transfer_step(&scope("G1"), &audit(), id, &before, &cal());
        assert!(matches!(refused, Err(StoreError::Invalid(m)) if m.contains("decision")));
        let again = NewTransfer {
            member: "M01".into(),
            to_org: "C2".into(),
            decision_on: d("2024-04-01"),
        };
        let twice = store.decide_transfer(&scope("G1"), &audit(), &again, &cal());
        assert!(
            matches!(twice, Err(StoreError::Conflict { .. })),
            "{twice:?}"
        );
        let cancel = TransferStep::Cancel {
            on: d("2024-03-20"),
            reason: "đổi nơi công tác".into(),
        };
        let view = store
            .record_transfer_step(&scope("G1"), &audit(), id, &cancel, &cal())
            .unwrap();
        assert_eq!(view.stage(), TransferStage::Cancelled);
        assert!(
            store
                .decide_transfer(&scope("G1"), &audit(), &again, &cal())
                .is_ok()
        );
    }
}

#[test]
fn both_sides_see_the_overdue_transfer_and_others_do_not_find_it() {
    for db in backends() {
        let store = db.open();
        store.load_dataset(&dataset(), &audit()).unwrap();
        let id = decided(&store);
        for side in ["G1", "DS"] {
            let items = store
                .transfer_due_items(&scope(side), today(), &cal())
                .unwrap();
            assert_eq!(items.len(), 1, "{side}");
            assert_eq!(items[0].kind, DueKind::TransferCompletion);
            assert_eq!(items[0].subject, id.to_string());
            assert!(items[0].is_overdue(today()), "{side}");
            assert_eq!(
                store
                    .transfers(&scope(side), today(), &cal())
                    .unwrap()
                    .len(),
                1
            );
        }
        assert!(
            store
                .transfer_due_items(&scope("C4"), today(), &cal())
                .unwrap()
                .is_empty()
        );
        let hidden = store.transfer(&scope("C4"), id, &cal());
        assert!(matches!(
            hidden,
            Err(StoreError::NotFound {
                entity: Entity::Transfer,
                ..
            })
        ));
        let view = store.transfer(&scope("DS"), id, &cal()).unwrap();
        assert!(view.receiver_side && !view.sender_side);
        assert_eq!(view.due_on, Some(d("2024-05-24")));
    }
}

#[test]
fn temporary_attendance_changes_no_figure() {
    for db in backends() {
        let store = db.open();
        store.load_dataset(&dataset(), &audit()).unwrap();
        let before = all_figures(&store);
        let mut new = NewTemporary {
            member: "M09".into(),
            to_org: "C1".into(),
            kind: TransferKind::TamThoiCongTac,
            from: d("2020-03-01"),
            to: d("2021-04-01"),
        };
        let too_long = store.record_temporary_attendance(&scope("DS"), &audit(), &new, &cal());
        assert!(
            matches!(too_long, Err(StoreError::Invalid(_))),
            "{too_long:?}"
        );
        new.to = d("2020-09-01");
        let view = store
            .record_temporary_attendance(&scope("DS"), &audit(), &new, &cal())
            .unwrap();
        assert!(view.attending_on(d("2020-05-01")));
        assert_eq!(view.due_on, None);
        assert_eq!(
            all_figures(&store),
            before,
            "a temporary attendance counts nowhere new"
        );
        assert!(
            store
                .transfer_due_items(&scope("G1"), today(), &cal())
                .unwrap()
                .is_empty()
        );
    }
}
