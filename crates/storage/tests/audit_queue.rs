//! Reads do not wait for, nor fail behind, a long change holding the audit chain's lock
//! (an import): the profile is answered at once, its `read` row waits in order and is
//! appended by the next writer (or when the store closes), and the chain stays intact.
//! Both engines.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod accounts_support;
mod common;

use accounts_support::*;
use common::fixture::{mc, oc};
use dangvu_storage::testing::lock::hold_chain_lock;
use dangvu_storage::{AuditEntity, AuditVerification, Scope};
use std::time::{Duration, Instant};

#[test]
fn a_profile_opened_during_a_long_change_is_answered_and_audited_after_it() {
    for (_db, store) in loaded() {
        let before = log(&store).len();
        let held = hold_chain_lock(&store).unwrap();
        let started = Instant::now();
        let member = store
            .open_member(&everything(), &mc("M01"), &admin_ctx(5))
            .unwrap();
        store
            .record_denial(&admin_ctx(6), "GET /audit", AuditEntity::Route, None)
            .unwrap();
        let export = store
            .export(&everything(), Some(&oc("DS")), &admin_ctx(7))
            .unwrap();
        assert!(
            started.elapsed() < Duration::from_secs(8),
            "{:?}: reads waited {:?}",
            store.backend(),
            started.elapsed()
        );
        assert_eq!(member.code, mc("M01"));
        assert!(!export.members.is_empty());
        assert_eq!(store.queued_audit_rows(), 3);
        drop(held);

        // The next writer appends the waiting rows first, in order, then its own.
        store
            .record_read(&admin_ctx(8), AuditEntity::Member, "M02")
            .unwrap();
        assert_eq!(store.queued_audit_rows(), 0);
        let rows = log(&store);
        let added: Vec<(&str, Option<&str>)> = rows[before..]
            .iter()
            .map(|r| (r.action.as_str(), r.entity_code.as_deref()))
            .collect();
        assert_eq!(
            added,
            [
                ("read", Some("M01")),
                ("denied", None),
                ("export", Some("DS")),
                ("read", Some("M02"))
            ]
        );
        assert_eq!(rows[before].at, at(5), "the time of the read itself");
        assert!(matches!(
            store.verify_audit().unwrap(),
            AuditVerification::Intact { .. }
        ));
    }
}

#[test]
fn rows_still_waiting_are_appended_when_the_store_closes() {
    for (db, store) in loaded() {
        let before = log(&store).len();
        let held = hold_chain_lock(&store).unwrap();
        store
            .open_member(
                &Scope::whole_installation(today()),
                &mc("M01"),
                &admin_ctx(9),
            )
            .unwrap();
        drop(held);
        drop(store);
        let reopened = db.open();
        let rows = log(&reopened);
        assert_eq!(rows.len(), before + 1, "{:?}", reopened.backend());
        assert_eq!(rows.last().unwrap().entity_code.as_deref(), Some("M01"));
    }
}

#[test]
fn a_change_that_cannot_get_the_lock_in_time_is_busy_and_writes_nothing() {
    for (_db, store) in loaded() {
        let before = log(&store).len();
        let held = hold_chain_lock(&store).unwrap();
        let started = Instant::now();
        let refused = store.authenticate("quantri", "sai-mat-khau", "198.51.100.9", at(10));
        let waited = started.elapsed();
        drop(held);
        assert!(
            matches!(
                refused,
                Err(dangvu_storage::AuthError::Store(
                    dangvu_storage::StoreError::Busy
                ))
            ),
            "{:?}: {refused:?}",
            store.backend()
        );
        assert!(waited >= Duration::from_secs(4) && waited < Duration::from_secs(30));
        assert_eq!(log(&store).len(), before);
    }
}
