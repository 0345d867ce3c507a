//! Exemptions from Party activities in the store: the cell's decision makes the member
//! exempted from its day (still counted, figures right), a second open exemption is a
//! conflict, a review keeps it with a new review day or ends it, and an open exemption whose
//! review day has come is on the due list of the member's subtree only.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::fixture::{d, dataset};
use common::histories::assert_agrees_with_reference;
use common::{audit, backends};
use dangvu_domain::due::DueKind;
use dangvu_domain::lifecycle::ExemptionReason;
use dangvu_storage::{
    ExemptionReview, NewExemption, ReviewOutcome, Scope, StoreError, TimelineWhat,
};

fn everything() -> Scope {
    Scope::whole_installation(d("2025-11-26"))
}

fn health(on: &str, review: Option<&str>) -> NewExemption {
    NewExemption {
        decided_on: d(on),
        reason: ExemptionReason::Health,
        review_on: review.map(d),
    }
}

fn last_status(store: &dangvu_storage::Store, code: &str) -> (String, dangvu_domain::Date) {
    let view = store.member_lifecycle(&everything(), code).unwrap();
    let line = view
        .timeline
        .iter()
        .rfind(|l| matches!(l.what, TimelineWhat::Status(_)))
        .unwrap()
        .clone();
    match line.what {
        TimelineWhat::Status(code) => (code, line.from),
        TimelineWhat::Registered(_) => unreachable!(),
    }
}

#[test]
fn an_exemption_is_decided_reviewed_and_ended() {
    for db in backends() {
        let store = db.open();
        store.load_dataset(&dataset(), &audit()).unwrap();
        let all = everything();
        store
            .record_exemption(
                &all,
                &audit(),
                "M01",
                &health("2024-03-01", Some("2024-09-01")),
            )
            .unwrap();
        assert_eq!(
            last_status(&store, "M01"),
            ("MIEN_SINH_HOAT".to_string(), d("2024-03-01"))
        );
        assert_agrees_with_reference(&store, "after an exemption");
        let again = store.record_exemption(&all, &audit(), "M01", &health("2024-04-01", None));
        assert!(
            matches!(again, Err(StoreError::Conflict { .. })),
            "{again:?}"
        );

        // Not yet within the look-ahead in May; late in October.
        let kinds = |day: &str| -> Vec<(DueKind, String, bool)> {
            store
                .exemption_due_items(&all, d(day))
                .unwrap()
                .into_iter()
                .map(|i| (i.kind, i.subject.clone(), i.is_overdue(d(day))))
                .collect()
        };
        assert!(kinds("2024-05-01").is_empty());
        assert_eq!(
            kinds("2024-10-01"),
            vec![(DueKind::ExemptionReview, "M01".to_string(), true)]
        );

        let keep = ExemptionReview {
            reviewed_on: d("2024-10-01"),
            outcome: ReviewOutcome::Keep {
                next_review: Some(d("2025-04-01")),
            },
        };
        store
            .review_exemption(&all, &audit(), "M01", &keep)
            .unwrap();
        assert!(
            kinds("2024-10-02").is_empty(),
            "the next review is months away"
        );

        let end = ExemptionReview {
            reviewed_on: d("2025-01-10"),
            outcome: ReviewOutcome::End,
        };
        store.review_exemption(&all, &audit(), "M01", &end).unwrap();
        assert_eq!(
            last_status(&store, "M01"),
            ("DANG_SINH_HOAT".to_string(), d("2025-01-10"))
        );
        assert!(kinds("2025-05-01").is_empty());
        let view = store.member_lifecycle(&all, "M01").unwrap();
        assert_eq!(view.exemptions.len(), 1);
        assert_eq!(view.exemptions[0].ended_on, Some(d("2025-01-10")));
        assert_agrees_with_reference(&store, "after the exemption ended");
        let none_open = store.review_exemption(&all, &audit(), "M01", &end);
        assert!(
            matches!(none_open, Err(StoreError::Invalid(_))),
            "{none_open:?}"
        );
    }
}

#[test]
fn refused_exemptions_write_nothing() {
    for db in backends() {
        let store = db.open();
        store.load_dataset(&dataset(), &audit()).unwrap();
        let all = everything();
        let backwards = store.record_exemption(
            &all,
            &audit(),
            "M01",
            &health("2024-03-01", Some("2024-02-01")),
        );
        assert!(
            matches!(backwards, Err(StoreError::Invalid(_))),
            "{backwards:?}"
        );
        // Before admission the member was not active.
        let too_early = store.record_exemption(&all, &audit(), "M01", &health("2009-01-01", None));
        assert!(
            matches!(too_early, Err(StoreError::Invalid(_))),
            "{too_early:?}"
        );
        let view = store.member_lifecycle(&all, "M01").unwrap();
        assert!(view.exemptions.is_empty());
        assert_eq!(last_status(&store, "M01").0, "DANG_SINH_HOAT");
    }
}

#[test]
fn a_member_outside_the_scope_is_not_found() {
    for db in backends() {
        let store = db.open();
        store.load_dataset(&dataset(), &audit()).unwrap();
        let other_side = Scope::subtree(
            dangvu_domain::OrgCode::parse("DS").unwrap(),
            d("2025-11-26"),
        );
        let refused =
            store.record_exemption(&other_side, &audit(), "M01", &health("2024-03-01", None));
        assert!(
            matches!(refused, Err(StoreError::NotFound { .. })),
            "{refused:?}"
        );
        assert!(
            store
                .member_lifecycle(&all_scope(), "M01")
                .unwrap()
                .exemptions
                .is_empty()
        );
    }
}

fn all_scope() -> Scope {
    everything()
}
