//! The scope of a signed-in account: a member reaches their own record only, a secretary
//! their cell, an administrator everything; what is out of reach answers like what does not
//! exist.

// Helpers outside #[test] functions fail loudly too.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod accounts_support;
mod common;

use accounts_support::*;
use common::fixture::{d, mc, oc};
use dangvu_domain::actor::Actor;
use dangvu_domain::roles::Role;
use dangvu_domain::summary::SummaryParams;
use dangvu_storage::{MemberQuery, Scope, Store, StoreError};

fn sign_in(
    store: &Store,
    username: &str,
    role: Role,
    org: Option<&str>,
    member: Option<&str>,
) -> Actor {
    store
        .create_account(
            &everything(),
            &admin_ctx(0),
            &new_account(username, role, org, member),
        )
        .unwrap();
    let (_, token) = store.login(username, PASSWORD, "10.0.0.1", at(1)).unwrap();
    store.session_actor(token.expose(), at(2)).unwrap().unwrap()
}

fn query(org: &str) -> MemberQuery {
    MemberQuery {
        org: oc(org),
        as_of: today(),
        search: None,
        after: None,
        limit: 50,
    }
}

fn is_not_found<T: std::fmt::Debug>(result: Result<T, StoreError>) -> bool {
    matches!(result, Err(StoreError::NotFound { .. }))
}

#[test]
fn a_member_account_reaches_its_own_record_only() {
    for (_db, store) in loaded() {
        let actor = sign_in(&store, "dangvien", Role::DangVien, None, Some("M02"));
        let scope = Scope::for_actor(&actor, today());
        assert_eq!(scope.own_member(), Some(&mc("M02")));
        assert!(!scope.is_whole_installation() && scope.root().is_none());
        assert_eq!(store.member(&scope, &mc("M02")).unwrap().code, mc("M02"));
        assert!(is_not_found(store.member(&scope, &mc("M01"))));
        assert!(is_not_found(store.member(&scope, &mc("NO-SUCH"))));
        for org in ["T", "C2", "NO-SUCH"] {
            assert!(is_not_found(store.org(&scope, &oc(org), today())), "{org}");
            assert!(
                is_not_found(store.children(&scope, &oc(org), today())),
                "{org}"
            );
            assert!(
                is_not_found(store.figures(&scope, &oc(org), today())),
                "{org}"
            );
            assert!(is_not_found(store.members(&scope, &query(org))), "{org}");
        }
        let summary = SummaryParams::new(oc("C2"), d("2016-01-01"), d("2020-12-31"), None).unwrap();
        assert!(is_not_found(store.summary(&scope, &summary)));
        assert!(store.roots(&scope, today()).unwrap().is_empty());
        assert!(store.audit_log(&scope, 10).unwrap().is_empty());
        // No root is not "everything": exports and imports reach no organization.
        assert!(is_not_found(store.export(&scope, None, &admin_ctx(0))));
        assert!(is_not_found(store.export(
            &scope,
            Some(&oc("C1")),
            &admin_ctx(0)
        )));
        assert!(is_not_found(store.known_codes(&scope)));
    }
}

#[test]
fn a_secretary_reaches_their_cell_and_nothing_above_or_beside_it() {
    for (_db, store) in loaded() {
        let actor = sign_in(&store, "bithu", Role::BiThu, Some("C1"), Some("M01"));
        let scope = Scope::for_actor(&actor, today());
        assert_eq!(scope.root(), Some(&oc("C1")));
        let roots: Vec<String> = store
            .roots(&scope, today())
            .unwrap()
            .into_iter()
            .map(|o| o.code.to_string())
            .collect();
        assert_eq!(roots, ["C1"]);
        assert_eq!(store.member(&scope, &mc("M01")).unwrap().code, mc("M01"));
        assert!(
            is_not_found(store.member(&scope, &mc("M09"))),
            "a member of another cell"
        );
        assert!(
            is_not_found(store.org(&scope, &oc("G1"), today())),
            "the superior"
        );
        assert!(
            is_not_found(store.org(&scope, &oc("C2"), today())),
            "a sibling"
        );
        let page = store.members(&scope, &query("C1")).unwrap();
        assert!(page.rows.iter().all(|m| m.org.code == oc("C1")));
        assert!(store.audit_log(&scope, 10).unwrap().is_empty());
    }
}

#[test]
fn an_administrator_reaches_everything() {
    for (_db, store) in loaded() {
        let actor = sign_in(&store, "quantri", Role::QuanTri, None, None);
        let scope = Scope::for_actor(&actor, today());
        assert!(scope.is_whole_installation());
        let roots: Vec<String> = store
            .roots(&scope, today())
            .unwrap()
            .into_iter()
            .map(|o| o.code.to_string())
            .collect();
        assert_eq!(roots, ["DS", "T"]);
        assert!(store.member(&scope, &mc("M09")).is_ok());
        assert!(!store.audit_log(&scope, 10).unwrap().is_empty());
    }
}
