//! Opening a member's record reads it and writes its `read` audit row in one transaction,
//! on both engines; a member out of scope (or unknown) answers `NotFound` and writes nothing.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod accounts_support;
mod common;

use accounts_support::*;
use common::fixture::{mc, oc};
use dangvu_storage::{AuditVerification, Entity, Scope, StoreError};

#[test]
fn opening_a_member_reads_the_record_and_writes_the_read_row() {
    for (_db, store) in loaded() {
        let before = log(&store).len();
        let member = store
            .open_member(&everything(), &mc("M01"), &admin_ctx(5))
            .unwrap();
        assert_eq!(member, store.member(&everything(), &mc("M01")).unwrap());
        let rows = log(&store);
        assert_eq!(rows.len(), before + 1);
        let row = rows.last().unwrap();
        assert_eq!(
            (row.action.as_str(), row.entity.as_str()),
            ("read", "member")
        );
        assert_eq!(row.entity_code.as_deref(), Some("M01"));
        assert_eq!((row.actor.as_str(), row.at), ("cli", at(5)));
        assert!(matches!(
            store.verify_audit().unwrap(),
            AuditVerification::Intact { .. }
        ));
    }
}

#[test]
fn a_member_out_of_scope_is_not_found_and_writes_no_row() {
    for (_db, store) in loaded() {
        let before = log(&store).len();
        let elsewhere = Scope::subtree(oc("DS"), today());
        for code in ["M01", "NO-SUCH"] {
            let refused = store.open_member(&elsewhere, &mc(code), &admin_ctx(6));
            assert!(
                matches!(
                    &refused,
                    Err(StoreError::NotFound { entity: Entity::Member, code: c }) if c == code
                ),
                "{code}: {refused:?}"
            );
        }
        assert_eq!(log(&store).len(), before);
    }
}
