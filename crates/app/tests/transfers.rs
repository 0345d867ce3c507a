//! Transfers through the use cases on every backend, over the demo as `App::load_demo`
//! loads it: its transfers are in their sections, the overdue one is due for both the
//! sending and the receiving cell (and counted late on their home pages), a cell that is
//! neither side does not find it, and a step by the wrong side is "not found" too.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::NaiveDate;
use dangvu_app::{App, Caller, Error, StoreError};
use dangvu_domain::actor::{AccountId, Actor, Username};
use dangvu_domain::due::DueKind;
use dangvu_domain::lifecycle::TransferStep;
use dangvu_domain::roles::Role;
use dangvu_domain::{Date, OrgCode};
use dangvu_storage::testing::backends;

fn today() -> Date {
    NaiveDate::from_ymd_opt(2026, 1, 5).unwrap()
}

fn admin() -> Caller {
    Caller::command_line(today().and_hms_opt(8, 0, 0).unwrap(), today())
}

/// Organization staff reaching `org`'s subtree.
fn staff(org: &OrgCode) -> Caller {
    let actor = Actor::new(
        AccountId::new(98),
        Username::parse("chuyen_sinh_hoat").unwrap(),
        Role::CanBoToChuc,
        Some(org.clone()),
        None,
    )
    .unwrap();
    Caller::signed_in(
        &actor,
        "127.0.0.1",
        today().and_hms_opt(8, 0, 0).unwrap(),
        today(),
    )
}

#[test]
fn the_demo_transfers_are_due_for_both_sides_and_hidden_from_others() {
    for db in backends() {
        let app = App::open(&db.url).unwrap();
        app.load_demo(&admin(), dangvu_app::DEMO_SEED).unwrap();
        let list = app.transfer_list(&admin(), today()).unwrap();
        assert_eq!(list.received.len(), 2, "{list:#?}");
        assert_eq!(list.in_transit.len(), 3);
        assert_eq!(list.attending.len(), 2);
        assert_eq!(list.other.len(), 2, "one cancelled, one attendance over");
        let late = list
            .in_transit
            .iter()
            .find(|t| t.is_overdue(today()))
            .unwrap();
        let subject = late.id.to_string();
        for side in [&late.from.code, &late.to.code] {
            let caller = staff(side);
            let due = app.due_list(&caller, None, today()).unwrap();
            let item = due.items.iter().find(|i| i.subject == subject).unwrap();
            assert_eq!(item.kind, DueKind::TransferCompletion);
            assert!(item.is_overdue(today()));
            assert!(app.overdue_count(&caller, today()).unwrap() >= 1);
        }
        // The sending side may not register the member at the receiving cell.
        let receive = TransferStep::Receive { on: today() };
        let refused = app.record_transfer_step(&staff(&late.from.code), late.id, &receive);
        assert!(
            matches!(refused, Err(Error::Store(StoreError::NotFound { .. }))),
            "{refused:?}"
        );
        // Another transfer's cell reaches neither side.
        let other = &list.received[0].from.code;
        let hidden = app.transfer(&staff(other), late.id);
        assert!(
            matches!(hidden, Err(Error::Store(StoreError::NotFound { .. }))),
            "{hidden:?}"
        );
        // The receiving side completes it; it leaves the due list.
        let done = app
            .record_transfer_step(&staff(&late.to.code), late.id, &receive)
            .unwrap();
        assert!(done.received_on.is_some());
        let due = app.due_list(&staff(&late.to.code), None, today()).unwrap();
        assert!(!due.items.iter().any(|i| i.subject == subject));
    }
}
