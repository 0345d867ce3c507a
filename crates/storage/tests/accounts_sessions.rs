//! Sessions (idle and absolute expiry, logout, revocation) and API tokens (expiry,
//! revocation, disabled accounts); both stored only as hashes.

// Helpers outside #[test] functions fail loudly too.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod accounts_support;
mod common;

use accounts_support::*;
use dangvu_domain::roles::Role;
use dangvu_storage::{Entity, Store, StoreError};

fn with_staff() -> Vec<(dangvu_storage::testing::TestDb, Store)> {
    let dbs = loaded();
    for (_db, store) in &dbs {
        store
            .create_account(
                &everything(),
                &admin_ctx(-60),
                &new_account("canbo", Role::CanBoToChuc, Some("G1"), None),
            )
            .unwrap();
    }
    dbs
}

#[test]
fn a_session_lasts_while_used_and_ends_after_thirty_idle_minutes() {
    for (_db, store) in with_staff() {
        let (actor, token) = store.login("canbo", PASSWORD, "10.0.0.1", at(0)).unwrap();
        for minute in [10, 35, 60] {
            let seen = store.session_actor(token.expose(), at(minute)).unwrap();
            assert_eq!(seen.as_ref(), Some(&actor), "minute {minute}");
        }
        assert!(
            store
                .session_actor(token.expose(), at(90))
                .unwrap()
                .is_none(),
            "30 idle minutes"
        );
        assert!(
            store
                .session_actor(token.expose(), at(91))
                .unwrap()
                .is_none(),
            "ended for good"
        );
    }
}

#[test]
fn a_session_ends_twelve_hours_after_sign_in_however_active() {
    for (_db, store) in with_staff() {
        let (_, token) = store.login("canbo", PASSWORD, "10.0.0.1", at(0)).unwrap();
        for minute in (20..720).step_by(20) {
            assert!(
                store
                    .session_actor(token.expose(), at(minute))
                    .unwrap()
                    .is_some(),
                "minute {minute}"
            );
        }
        assert!(
            store
                .session_actor(token.expose(), at(720))
                .unwrap()
                .is_none()
        );
    }
}

#[test]
fn logout_ends_the_session_and_is_recorded() {
    for (_db, store) in with_staff() {
        let (_, token) = store.login("canbo", PASSWORD, "10.0.0.1", at(0)).unwrap();
        store
            .end_session(token.expose(), "10.0.0.1", at(1))
            .unwrap();
        assert!(
            store
                .session_actor(token.expose(), at(2))
                .unwrap()
                .is_none()
        );
        store
            .end_session(token.expose(), "10.0.0.1", at(3))
            .unwrap();
        store.end_session("not a token", "10.0.0.1", at(3)).unwrap();
        let tail: Vec<String> = actions(&store).into_iter().rev().take(2).collect();
        assert_eq!(tail, ["logout", "login"], "one logout recorded");
    }
}

#[test]
fn disabling_an_account_ends_its_sessions_and_revokes_its_tokens() {
    for (_db, store) in with_staff() {
        let (_, session) = store.login("canbo", PASSWORD, "10.0.0.1", at(0)).unwrap();
        let (id, secret) = store
            .create_token(&everything(), &admin_ctx(0), &name("canbo"), None)
            .unwrap();
        assert!(store.token_actor(secret.expose(), at(1)).unwrap().is_some());
        store
            .disable_account(&everything(), &admin_ctx(2), &name("canbo"))
            .unwrap();
        assert!(
            store
                .session_actor(session.expose(), at(3))
                .unwrap()
                .is_none()
        );
        assert!(store.token_actor(secret.expose(), at(3)).unwrap().is_none());
        let token = store
            .list_tokens(&everything())
            .unwrap()
            .into_iter()
            .find(|t| t.id == id)
            .unwrap();
        assert!(!token.is_active(at(3)));
        assert!(matches!(
            store.create_token(&everything(), &admin_ctx(4), &name("canbo"), None),
            Err(StoreError::Invalid(_))
        ));
    }
}

#[test]
fn a_token_acts_as_its_account_until_it_expires_or_is_revoked() {
    for (_db, store) in with_staff() {
        let (id, secret) = store
            .create_token(&everything(), &admin_ctx(0), &name("canbo"), Some(30))
            .unwrap();
        assert!(secret.expose().starts_with("dvt_"));
        assert!(!format!("{secret:?}").contains(secret.expose()));
        let actor = store.token_actor(secret.expose(), at(1)).unwrap().unwrap();
        assert_eq!(
            (actor.username().as_str(), actor.role()),
            ("canbo", Role::CanBoToChuc)
        );
        assert_eq!(actor.org().map(|o| o.as_str()), Some("G1"));
        assert!(
            store
                .token_actor(secret.expose(), at(30 * 24 * 60 - 1))
                .unwrap()
                .is_some()
        );
        assert!(
            store
                .token_actor(secret.expose(), at(30 * 24 * 60))
                .unwrap()
                .is_none(),
            "expired"
        );

        let (other, forever) = store
            .create_token(&everything(), &admin_ctx(1), &name("canbo"), None)
            .unwrap();
        assert!(
            store
                .token_actor(forever.expose(), at(10 * 365 * 24 * 60))
                .unwrap()
                .is_some()
        );
        let listed = store.list_tokens(&everything()).unwrap();
        assert_eq!(listed.iter().map(|t| t.id).collect::<Vec<_>>(), [other, id]);
        assert!(listed[0].last_used_at.is_some() && listed[0].expires_at.is_none());
        assert!(
            store
                .revoke_token(&everything(), &admin_ctx(2), other)
                .unwrap()
        );
        assert!(
            !store
                .revoke_token(&everything(), &admin_ctx(3), other)
                .unwrap(),
            "already revoked"
        );
        assert!(
            store
                .token_actor(forever.expose(), at(4))
                .unwrap()
                .is_none()
        );
        assert!(matches!(
            store.revoke_token(&everything(), &admin_ctx(3), 999_999),
            Err(StoreError::NotFound {
                entity: Entity::ApiToken,
                ..
            })
        ));
        for forged in [
            "",
            "dvt_",
            &format!("dvt_{}", "0".repeat(64)),
            &secret.expose().replace("dvt_", ""),
        ] {
            assert!(
                store.token_actor(forged, at(5)).unwrap().is_none(),
                "{forged:?}"
            );
        }
        let tail: Vec<String> = actions(&store).into_iter().rev().take(3).collect();
        assert_eq!(tail, ["token.revoke", "token.create", "token.create"]);
        assert!(matches!(
            store.create_token(&everything(), &admin_ctx(5), &name("canbo"), Some(0)),
            Err(StoreError::Invalid(_))
        ));
    }
}

#[test]
fn sessions_tokens_and_passwords_are_stored_only_as_hashes() {
    for (db, store) in with_staff() {
        let (_, session) = store.login("canbo", PASSWORD, "10.0.0.1", at(0)).unwrap();
        let (_, secret) = store
            .create_token(&everything(), &admin_ctx(0), &name("canbo"), None)
            .unwrap();
        let stored = stored_text(&db.url);
        assert!(stored.contains("$argon2id$"));
        for clear in [session.expose(), secret.expose(), PASSWORD] {
            assert!(!stored.contains(clear), "{clear} stored in clear");
        }
    }
}
