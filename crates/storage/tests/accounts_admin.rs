//! Account management by the administrator: create, list, disable, reset; refused to any
//! other scope; the first administrator of a new installation.

// Helpers outside #[test] functions fail loudly too.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod accounts_support;
mod common;

use accounts_support::*;
use common::fixture::{d, oc};
use dangvu_domain::roles::Role;
use dangvu_storage::{AuthError, Entity, Scope, StoreError};

#[test]
fn an_administrator_creates_lists_disables_and_resets_accounts() {
    for (_db, store) in loaded() {
        let ctx = admin_ctx(0);
        let staff = store
            .create_account(
                &everything(),
                &ctx,
                &new_account("canbo", Role::CanBoToChuc, Some("G1"), None),
            )
            .unwrap();
        assert_eq!(
            (staff.role, staff.org.clone()),
            (Role::CanBoToChuc, Some(oc("G1")))
        );
        assert!(!staff.disabled);
        store
            .create_account(
                &everything(),
                &ctx,
                &new_account("bithu", Role::BiThu, Some("C1"), Some("M01")),
            )
            .unwrap();
        store
            .create_account(
                &everything(),
                &ctx,
                &new_account("dangvien", Role::DangVien, None, Some("M02")),
            )
            .unwrap();
        let names: Vec<String> = store
            .list_accounts(&everything())
            .unwrap()
            .iter()
            .map(|a| a.username.to_string())
            .collect();
        assert_eq!(names, ["bithu", "canbo", "dangvien"]);
        let created = log(&store).pop().unwrap();
        assert_eq!(
            (created.action.as_str(), created.entity_code.as_deref()),
            ("account.create", Some("dangvien"))
        );
        let after: serde_json::Value =
            serde_json::from_str(created.after_json.as_deref().unwrap()).unwrap();
        assert_eq!(after["role"], "dang_vien");
        assert_eq!(after["member"], "M02");

        assert!(
            store
                .disable_account(&everything(), &admin_ctx(1), &name("canbo"))
                .unwrap()
        );
        assert!(
            !store
                .disable_account(&everything(), &admin_ctx(2), &name("canbo"))
                .unwrap(),
            "already disabled"
        );
        let canbo = store
            .list_accounts(&everything())
            .unwrap()
            .into_iter()
            .find(|a| a.username.as_str() == "canbo")
            .unwrap();
        assert!(canbo.disabled);

        let fresh = password("một mật khẩu mới hơn");
        store
            .set_password(&everything(), &admin_ctx(3), &name("bithu"), &fresh)
            .unwrap();
        assert!(matches!(
            store.authenticate("bithu", PASSWORD, "10.0.0.1", at(4)),
            Err(AuthError::BadCredentials { .. })
        ));
        let actor = store
            .authenticate("bithu", fresh.expose(), "10.0.0.1", at(5))
            .unwrap();
        assert_eq!(actor.role(), Role::BiThu);

        let tail: Vec<String> = actions(&store).into_iter().rev().take(4).collect();
        assert_eq!(
            tail,
            [
                "login",
                "login.failed",
                "account.password",
                "account.disable"
            ]
        );
    }
}

#[test]
fn accounts_are_managed_by_the_whole_installation_scope_only() {
    for (_db, store) in loaded() {
        let ctx = admin_ctx(0);
        store
            .create_account(
                &everything(),
                &ctx,
                &new_account("xem", Role::Xem, Some("T"), None),
            )
            .unwrap();
        let rows = log(&store).len();
        let subtree = Scope::subtree(oc("T"), d("2025-11-26"));
        let refused = store.create_account(
            &subtree,
            &ctx,
            &new_account("khac", Role::Xem, Some("T"), None),
        );
        assert!(
            matches!(
                refused,
                Err(StoreError::NotFound {
                    entity: Entity::Account,
                    ..
                })
            ),
            "{refused:?}"
        );
        assert!(store.list_accounts(&subtree).unwrap().is_empty());
        assert!(matches!(
            store.disable_account(&subtree, &ctx, &name("xem")),
            Err(StoreError::NotFound { .. })
        ));
        assert!(matches!(
            store.set_password(&subtree, &ctx, &name("xem"), &password("chim sẻ bay xa")),
            Err(StoreError::NotFound { .. })
        ));
        assert!(matches!(
            store.create_token(&subtree, &ctx, &name("xem"), None),
            Err(StoreError::NotFound { .. })
        ));
        assert!(store.list_tokens(&subtree).unwrap().is_empty());
        assert_eq!(log(&store).len(), rows, "refusals change nothing");
        assert_eq!(store.list_accounts(&everything()).unwrap().len(), 1);
    }
}

#[test]
fn the_first_administrator_is_created_once_with_a_password_shown_once() {
    for db in common::backends() {
        let store = db.open();
        let (username, pw) = store
            .ensure_admin(&admin_ctx(0))
            .unwrap()
            .expect("no account yet");
        assert_eq!(username.as_str(), "admin");
        assert_eq!(pw.expose().chars().count(), 20);
        assert!(!format!("{pw:?}").contains(pw.expose()));
        assert!(
            store.ensure_admin(&admin_ctx(1)).unwrap().is_none(),
            "only once"
        );
        let admin = store
            .authenticate("admin", pw.expose(), "127.0.0.1", at(2))
            .unwrap();
        assert_eq!(admin.role(), Role::QuanTri);
        assert!(Scope::for_actor(&admin, today()).is_whole_installation());
        assert!(
            !stored_text(&db.url).contains(pw.expose()),
            "the password is stored hashed"
        );
        assert_eq!(actions(&store), ["account.create", "login"]);
    }
}

#[test]
fn a_reset_by_an_administrator_revokes_the_tokens_and_a_change_of_ones_own_keeps_them() {
    for (_db, store) in loaded() {
        let secretary = new_account("bithu", Role::BiThu, Some("C1"), Some("M01"));
        store
            .create_account(&everything(), &admin_ctx(0), &secretary)
            .unwrap();
        let (_, reset_token) = store
            .create_token(&everything(), &admin_ctx(1), &name("bithu"), Some(30))
            .unwrap();
        assert!(
            store
                .token_actor(reset_token.expose(), at(2))
                .unwrap()
                .is_some()
        );
        store
            .set_password(
                &everything(),
                &admin_ctx(3),
                &name("bithu"),
                &password("một mật khẩu mới hơn"),
            )
            .unwrap();
        assert!(
            store
                .token_actor(reset_token.expose(), at(4))
                .unwrap()
                .is_none(),
            "{:?}: the token outlived the reset",
            store.backend()
        );
        let row = store.audit_log(&everything(), 1).unwrap().remove(0);
        assert_eq!(row.action, "account.password");
        assert!(row.after_json.unwrap().contains("\"tokens_revoked\":1"));

        let (_, kept) = store
            .create_token(&everything(), &admin_ctx(5), &name("bithu"), Some(30))
            .unwrap();
        let actor = store
            .authenticate("bithu", "một mật khẩu mới hơn", "10.0.0.1", at(6))
            .unwrap();
        store
            .change_own_password(
                &actor,
                "một mật khẩu mới hơn",
                &password("mật khẩu của riêng tôi"),
                "10.0.0.1",
                at(7),
            )
            .unwrap();
        assert!(store.token_actor(kept.expose(), at(8)).unwrap().is_some());
    }
}
