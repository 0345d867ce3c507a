//! Tamper evidence: the audit chain verifies when intact and names the first broken row when
//! a row is edited or deleted directly in the database; the log refuses edits through SQL
//! unless its triggers are removed; concurrent writers keep one chain.

// Helpers outside #[test] functions fail loudly too.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod accounts_support;
mod common;

use accounts_support::*;
use dangvu_domain::roles::Role;
use dangvu_storage::{AuditBreak, AuditEntity, AuditVerification, Store};

/// A log of a few rows of different kinds; returns the ids, oldest first.
fn busy_log(store: &Store) -> Vec<i64> {
    let ctx = admin_ctx(0);
    store
        .create_account(
            &everything(),
            &ctx,
            &new_account("xem", Role::Xem, Some("T"), None),
        )
        .unwrap();
    let _ = store.authenticate("xem", "wrong password", "10.0.0.1", at(1));
    let (_, token) = store.login("xem", PASSWORD, "10.0.0.1", at(2)).unwrap();
    store
        .record_read(&admin_ctx(3), AuditEntity::Member, "M01")
        .unwrap();
    store
        .end_session(token.expose(), "10.0.0.1", at(4))
        .unwrap();
    log(store).iter().map(|e| e.id).collect()
}

#[test]
fn an_intact_chain_verifies() {
    for (_db, store) in loaded() {
        let ids = busy_log(&store);
        assert_eq!(ids.len(), 6, "load, create, failure, login, read, logout");
        assert_eq!(
            store.verify_audit().unwrap(),
            AuditVerification::Intact { rows_checked: 6 }
        );
    }
}

#[test]
fn an_edited_row_is_named() {
    for (db, store) in loaded() {
        let ids = busy_log(&store);
        drop_audit_triggers(&db.url);
        execute(
            &db.url,
            &format!(
                "update audit_log set after_json = '{{\"reason\":\"none\"}}' where id = {}",
                ids[2]
            ),
        );
        assert_eq!(
            store.verify_audit().unwrap(),
            AuditVerification::Broken {
                first_bad_id: ids[2],
                reason: AuditBreak::RowChanged,
                rows_checked: 2
            }
        );
    }
}

#[test]
fn an_edited_time_or_actor_is_named_too() {
    for (db, store) in loaded() {
        let ids = busy_log(&store);
        drop_audit_triggers(&db.url);
        execute(
            &db.url,
            &format!(
                "update audit_log set actor = 'someone' where id = {}",
                ids[4]
            ),
        );
        let AuditVerification::Broken { first_bad_id, .. } = store.verify_audit().unwrap() else {
            panic!("an edited actor went unnoticed");
        };
        assert_eq!(first_bad_id, ids[4]);
    }
}

#[test]
fn a_deleted_row_is_named_by_the_next_one() {
    for (db, store) in loaded() {
        let ids = busy_log(&store);
        drop_audit_triggers(&db.url);
        execute(
            &db.url,
            &format!("delete from audit_log where id = {}", ids[3]),
        );
        assert_eq!(
            store.verify_audit().unwrap(),
            AuditVerification::Broken {
                first_bad_id: ids[4],
                reason: AuditBreak::PreviousRowMissingOrChanged,
                rows_checked: 3
            }
        );
    }
}

#[test]
fn the_log_refuses_updates_and_deletes_through_sql() {
    for (db, store) in loaded() {
        let ids = busy_log(&store);
        let update = execute_err(
            &db.url,
            &format!("update audit_log set actor = 'x' where id = {}", ids[1]),
        );
        assert!(update.contains("append-only"), "{update}");
        let delete = execute_err(
            &db.url,
            &format!("delete from audit_log where id = {}", ids[1]),
        );
        assert!(delete.contains("append-only"), "{delete}");
        assert!(matches!(
            store.verify_audit().unwrap(),
            AuditVerification::Intact { .. }
        ));
    }
}

#[test]
fn concurrent_writers_keep_one_chain() {
    for (_db, store) in loaded() {
        std::thread::scope(|s| {
            for t in 0..4 {
                let store = &store;
                s.spawn(move || {
                    for i in 0..10 {
                        store
                            .record_read(&admin_ctx(i), AuditEntity::Member, &format!("M{t}{i}"))
                            .unwrap();
                    }
                });
            }
        });
        assert_eq!(
            store.verify_audit().unwrap(),
            AuditVerification::Intact { rows_checked: 41 }
        );
    }
}
