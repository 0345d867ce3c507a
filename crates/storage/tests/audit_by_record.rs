//! The audit page's filter by record: who read or changed one member, one account, on both
//! engines, alone or with the other filters.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod accounts_support;
mod common;

use accounts_support::*;
use dangvu_domain::roles::Role;
use dangvu_storage::{AuditContext, AuditEntity, AuditFilter};

#[test]
fn the_audit_page_filters_by_the_code_of_the_record() {
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
        let ctx = |minutes| AuditContext::for_actor(&xem, "10.0.0.1", at(minutes));
        store
            .record_read(&ctx(20), AuditEntity::Member, "M01")
            .unwrap();
        store
            .record_read(&ctx(21), AuditEntity::Member, "M02")
            .unwrap();
        store
            .record_read(&ctx(22), AuditEntity::Member, "M01")
            .unwrap();
        store
            .record_denial(&ctx(23), "GET /audit", AuditEntity::Member, Some("M01"))
            .unwrap();
        let page = |filter: AuditFilter| store.audit_entries(&everything(), &filter).unwrap();

        let m01 = page(AuditFilter {
            entity_code: Some("M01".into()),
            ..AuditFilter::default()
        });
        let actions: Vec<_> = m01.rows.iter().map(|e| e.action.as_str()).collect();
        assert_eq!(
            actions,
            ["denied", "read", "read"],
            "newest first, M01 only"
        );
        assert!(
            m01.rows
                .iter()
                .all(|e| e.entity_code.as_deref() == Some("M01") && e.actor == "xem")
        );

        let reads_of_m01_early = page(AuditFilter {
            entity_code: Some("M01".into()),
            to: Some(at(22)),
            ..AuditFilter::default()
        });
        assert_eq!(reads_of_m01_early.rows.len(), 1);
        assert_eq!(reads_of_m01_early.rows[0].at, at(20));

        let account = page(AuditFilter {
            entity_code: Some("xem".into()),
            entity: Some("account".into()),
            ..AuditFilter::default()
        });
        let actions: Vec<_> = account.rows.iter().map(|e| e.action.as_str()).collect();
        assert_eq!(
            actions.len(),
            2,
            "the account's creation and login: {actions:?}"
        );
        assert!(actions.contains(&"login"));

        let by_cli = page(AuditFilter {
            entity_code: Some("M01".into()),
            actor: Some("cli".into()),
            ..AuditFilter::default()
        });
        assert!(by_cli.rows.is_empty(), "xem read M01, not cli");
        let other_case = page(AuditFilter {
            entity_code: Some("m01".into()),
            ..AuditFilter::default()
        });
        assert!(other_case.rows.is_empty(), "codes are compared exactly");
    }
}
