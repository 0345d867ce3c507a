//! Signing in: passwords, throttling per account and per address, disabled accounts,
//! changing one's own password; every attempt recorded, no password ever stored.

// Helpers outside #[test] functions fail loudly too.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod accounts_support;
mod common;

use accounts_support::*;
use dangvu_domain::roles::Role;
use dangvu_storage::{AuthError, Store};

fn with_secretary() -> Vec<(dangvu_storage::testing::TestDb, Store)> {
    let dbs = loaded();
    for (_db, store) in &dbs {
        store
            .create_account(
                &everything(),
                &admin_ctx(-60),
                &new_account("bithu", Role::BiThu, Some("C1"), Some("M01")),
            )
            .unwrap();
    }
    dbs
}

fn reasons(store: &Store) -> Vec<String> {
    log(store)
        .into_iter()
        .filter(|e| e.action == "login.failed")
        .map(|e| {
            let after: serde_json::Value =
                serde_json::from_str(e.after_json.as_deref().unwrap()).unwrap();
            after["reason"].as_str().unwrap().to_string()
        })
        .collect()
}

#[test]
fn the_right_password_signs_in_and_nothing_else_does() {
    for (db, store) in with_secretary() {
        let actor = store
            .authenticate("  BiThu ", PASSWORD, "10.0.0.1", at(0))
            .unwrap();
        assert_eq!(actor.username().as_str(), "bithu");
        assert_eq!(actor.role(), Role::BiThu);
        assert_eq!(actor.org().map(|o| o.as_str()), Some("C1"));
        assert_eq!(actor.member().map(|m| m.as_str()), Some("M01"));
        for (user, pw) in [
            ("bithu", "sai mật khẩu"),
            ("khongco", PASSWORD),
            ("", PASSWORD),
            ("a b", "x"),
        ] {
            assert!(
                matches!(
                    store.authenticate(user, pw, "10.0.0.1", at(1)),
                    Err(AuthError::BadCredentials { .. })
                ),
                "{user:?} signed in"
            );
        }
        assert_eq!(
            reasons(&store),
            [
                "wrong_password",
                "unknown_account",
                "unknown_account",
                "unknown_account"
            ]
        );
        let login = log(&store)
            .into_iter()
            .find(|e| e.action == "login")
            .unwrap();
        assert_eq!(
            (login.actor.as_str(), login.source.as_str()),
            ("bithu", "10.0.0.1")
        );
        let stored = stored_text(&db.url);
        assert!(!stored.contains(PASSWORD) && !stored.contains("sai mật khẩu"));
    }
}

#[test]
fn five_failures_delay_that_address_but_the_owner_signs_in_from_another() {
    for (_db, store) in with_secretary() {
        for left in (0..5).rev() {
            // Each failure says how many more may come before the address waits.
            assert!(matches!(
                store.authenticate("bithu", "wrong password", "10.0.0.1", at(0)),
                Err(AuthError::BadCredentials { attempts_left }) if attempts_left == left
            ));
        }
        // The guessing address waits, even with the right password...
        assert!(matches!(
            store.authenticate("bithu", PASSWORD, "10.0.0.1", at(0)),
            Err(AuthError::Throttled { seconds: 30 })
        ));
        // ...but the owner, from their own address, is not locked out.
        store
            .authenticate("bithu", PASSWORD, "10.9.9.9", at(0))
            .unwrap();
        // The delay passes, and a success clears that address's count.
        store
            .authenticate("bithu", PASSWORD, "10.0.0.1", at(1))
            .unwrap();
        for _ in 0..4 {
            let _ = store.authenticate("bithu", "wrong password", "10.0.0.1", at(2));
        }
        store
            .authenticate("bithu", PASSWORD, "10.0.0.1", at(2))
            .unwrap();
    }
}

#[test]
fn a_username_guessed_from_many_addresses_is_only_slowed_down() {
    for (_db, store) in with_secretary() {
        for i in 0..30 {
            let _ = store.authenticate("bithu", "guess", &format!("203.0.113.{i}"), at(0));
        }
        assert!(matches!(
            store.authenticate("bithu", PASSWORD, "198.51.100.1", at(0)),
            Err(AuthError::Throttled { seconds: 3 })
        ));
        store
            .authenticate("bithu", PASSWORD, "198.51.100.1", at(1))
            .unwrap();
    }
}

#[test]
fn twenty_failures_from_one_address_delay_the_address() {
    for (_db, store) in with_secretary() {
        for i in 0..20 {
            let _ = store.authenticate(&format!("doan{i}"), "guess-guess", "203.0.113.7", at(0));
        }
        assert!(matches!(
            store.authenticate("bithu", PASSWORD, "203.0.113.7", at(0)),
            Err(AuthError::Throttled { .. })
        ));
        store
            .authenticate("bithu", PASSWORD, "198.51.100.1", at(0))
            .unwrap();
        store
            .authenticate("bithu", PASSWORD, "203.0.113.7", at(16))
            .unwrap();
    }
}

#[test]
fn throttled_attempts_are_counted_not_written_one_row_each() {
    for (_db, store) in with_secretary() {
        for _ in 0..5 {
            let _ = store.authenticate("bithu", "wrong password", "10.0.0.1", at(0));
        }
        let before = log(&store).len();
        for _ in 0..50 {
            assert!(matches!(
                store.authenticate("bithu", "wrong password", "10.0.0.1", at(0)),
                Err(AuthError::Throttled { .. })
            ));
        }
        assert_eq!(log(&store).len(), before + 1, "{:?}", store.backend());
        assert_eq!(
            reasons(&store).last().map(String::as_str),
            Some("throttled")
        );
        store
            .authenticate("bithu", PASSWORD, "10.0.0.1", at(1))
            .unwrap();
        let rows = log(&store);
        let summary = rows
            .iter()
            .rev()
            .find(|e| e.action == "login.failed")
            .and_then(|e| e.after_json.clone())
            .unwrap();
        assert!(summary.contains("\"refused\":50"), "{summary}");
        assert_eq!(rows.len(), before + 3, "the summary and the login");
    }
}

#[test]
fn a_disabled_account_cannot_sign_in() {
    for (_db, store) in with_secretary() {
        store
            .disable_account(&everything(), &admin_ctx(0), &name("bithu"))
            .unwrap();
        assert!(matches!(
            store.authenticate("bithu", PASSWORD, "10.0.0.1", at(1)),
            Err(AuthError::BadCredentials { .. })
        ));
        assert_eq!(reasons(&store), ["disabled"]);
    }
}

#[test]
fn changing_ones_own_password_needs_the_current_one_and_ends_every_session() {
    for (_db, store) in with_secretary() {
        let (actor, token) = store.login("bithu", PASSWORD, "10.0.0.1", at(0)).unwrap();
        let other = store.create_session(&actor, "10.0.0.2", at(0)).unwrap();
        let new = password("mật khẩu mới của bí thư");
        assert!(matches!(
            store.change_own_password(&actor, "not the password", &new, "10.0.0.1", at(1)),
            Err(AuthError::BadCredentials { .. })
        ));
        assert!(
            store
                .session_actor(token.expose(), at(1))
                .unwrap()
                .is_some(),
            "a failed change ends nothing"
        );
        store
            .change_own_password(&actor, PASSWORD, &new, "10.0.0.1", at(2))
            .unwrap();
        for t in [&token, &other] {
            assert!(store.session_actor(t.expose(), at(3)).unwrap().is_none());
        }
        assert!(
            store
                .authenticate("bithu", PASSWORD, "10.0.0.1", at(4))
                .is_err()
        );
        store
            .authenticate("bithu", new.expose(), "10.0.0.1", at(5))
            .unwrap();
        let changed = log(&store)
            .into_iter()
            .find(|e| e.action == "account.password")
            .unwrap();
        assert_eq!(changed.actor, "bithu");
        let after: serde_json::Value =
            serde_json::from_str(changed.after_json.as_deref().unwrap()).unwrap();
        assert_eq!(after["sessions_ended"], 2);
    }
}
