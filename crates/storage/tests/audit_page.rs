//! The administrators' audit page: filters by person, entity and time, pages newest first,
//! and shows nothing to any other scope.

// Helpers outside #[test] functions fail loudly too.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod accounts_support;
mod common;

use accounts_support::*;
use common::fixture::oc;
use dangvu_domain::roles::Role;
use dangvu_storage::{AuditEntity, AuditFilter, Scope};

#[test]
fn the_audit_page_filters_by_person_entity_and_time_and_pages_newest_first() {
    for (_db, store) in loaded() {
        store
            .create_account(
                &everything(),
                &admin_ctx(0),
                &new_account("xem", Role::Xem, Some("T"), None),
            )
            .unwrap();
        let xem = store
            .authenticate("xem", PASSWORD, "10.0.0.1", at(10))
            .unwrap();
        for (i, code) in ["M01", "M02", "M03"].iter().enumerate() {
            let ctx = dangvu_storage::AuditContext::for_actor(&xem, "10.0.0.1", at(20 + i as i64));
            store.record_read(&ctx, AuditEntity::Member, code).unwrap();
        }
        let page = |filter: AuditFilter| store.audit_entries(&everything(), &filter).unwrap();

        let by_xem = page(AuditFilter {
            actor: Some("xem".into()),
            ..AuditFilter::default()
        });
        let codes: Vec<_> = by_xem
            .rows
            .iter()
            .map(|e| e.entity_code.clone().unwrap())
            .collect();
        assert_eq!(
            codes,
            ["M03", "M02", "M01", "xem"],
            "newest first: three reads, the login"
        );

        let members = page(AuditFilter {
            entity: Some("member".into()),
            ..AuditFilter::default()
        });
        assert_eq!(members.rows.len(), 3);

        let window = page(AuditFilter {
            from: Some(at(10)),
            to: Some(at(21)),
            ..AuditFilter::default()
        });
        let actions: Vec<_> = window.rows.iter().map(|e| e.action.as_str()).collect();
        assert_eq!(actions, ["read", "login"]);

        let first = page(AuditFilter {
            limit: 2,
            ..AuditFilter::default()
        });
        assert_eq!(first.rows.len(), 2);
        let second = page(AuditFilter {
            limit: 2,
            before: first.next,
            ..AuditFilter::default()
        });
        let third = page(AuditFilter {
            limit: 2,
            before: second.next,
            ..AuditFilter::default()
        });
        let all: Vec<i64> = [first.rows, second.rows, third.rows]
            .concat()
            .iter()
            .map(|e| e.id)
            .collect();
        assert_eq!(all.len(), 6, "load, create, login, three reads");
        assert!(all.windows(2).all(|w| w[0] > w[1]));
        assert_eq!(third.next, None);

        let subtree = Scope::subtree(oc("T"), today());
        assert!(
            store
                .audit_entries(&subtree, &AuditFilter::default())
                .unwrap()
                .rows
                .is_empty()
        );
        assert!(
            store
                .audit_entries(&Scope::for_actor(&xem, today()), &AuditFilter::default())
                .unwrap()
                .rows
                .is_empty()
        );
    }
}
