//! Every committed change has its audit row and a failed change has none, because both are
//! written in one transaction: when the audit row cannot be written, the change is undone.

// Helpers outside #[test] functions fail loudly too.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod accounts_support;
mod common;

use accounts_support::*;
use dangvu_domain::roles::Role;
use dangvu_storage::{AuditEntity, Backend, Entity, StoreError};

#[test]
fn each_committed_change_has_exactly_one_audit_row_and_each_refused_one_none() {
    for (_db, store) in loaded() {
        let all = everything();
        let mut expected = actions(&store);
        let mut step = |store: &dangvu_storage::Store, action: Option<&str>| {
            if let Some(action) = action {
                expected.push(action.to_string());
            }
            assert_eq!(actions(store), expected);
        };
        let ctx = admin_ctx(0);
        store
            .create_account(
                &all,
                &ctx,
                &new_account("canbo", Role::CanBoToChuc, Some("G1"), None),
            )
            .unwrap();
        step(&store, Some("account.create"));
        let dup = store.create_account(
            &all,
            &ctx,
            &new_account("canbo", Role::Xem, Some("T"), None),
        );
        assert!(
            matches!(dup, Err(StoreError::Conflict { ref field }) if field == "username"),
            "{dup:?}"
        );
        step(&store, None);
        let unknown_org = store.create_account(
            &all,
            &ctx,
            &new_account("khac", Role::Xem, Some("NOPE"), None),
        );
        assert!(matches!(
            unknown_org,
            Err(StoreError::NotFound {
                entity: Entity::Organization,
                ..
            })
        ));
        let unknown_member = store.create_account(
            &all,
            &ctx,
            &new_account("khac", Role::DangVien, None, Some("NOPE")),
        );
        assert!(matches!(
            unknown_member,
            Err(StoreError::NotFound {
                entity: Entity::Member,
                ..
            })
        ));
        let no_reach =
            store.create_account(&all, &ctx, &new_account("khac", Role::BiThu, None, None));
        assert!(matches!(no_reach, Err(StoreError::Invalid(_))));
        assert!(
            store
                .set_password(&all, &ctx, &name("khac"), &password("chim sẻ bay xa"))
                .is_err()
        );
        assert!(store.create_token(&all, &ctx, &name("khac"), None).is_err());
        step(&store, None);
        assert_eq!(
            store.list_accounts(&all).unwrap().len(),
            1,
            "nothing half-written"
        );

        let (_, token) = store.login("canbo", PASSWORD, "10.0.0.1", at(1)).unwrap();
        step(&store, Some("login"));
        let _ = store.authenticate("canbo", "wrong password", "10.0.0.1", at(2));
        step(&store, Some("login.failed"));
        let (id, _) = store
            .create_token(&all, &ctx, &name("canbo"), Some(7))
            .unwrap();
        step(&store, Some("token.create"));
        store.revoke_token(&all, &ctx, id).unwrap();
        step(&store, Some("token.revoke"));
        store.record_read(&ctx, AuditEntity::Member, "M01").unwrap();
        step(&store, Some("read"));
        store
            .record_denial(&ctx, "POST /api/v1/import", AuditEntity::Dataset, None)
            .unwrap();
        step(&store, Some("denied"));
        store
            .set_password(&all, &ctx, &name("canbo"), &password("mật khẩu thứ hai"))
            .unwrap();
        step(&store, Some("account.password"));
        store
            .end_session(token.expose(), "10.0.0.1", at(3))
            .unwrap();
        step(&store, None); // the password change already ended the session
        store.disable_account(&all, &ctx, &name("canbo")).unwrap();
        step(&store, Some("account.disable"));
    }
}

/// Makes the database refuse audit rows of `action`, as a full disk or a broken constraint
/// would, to show that the change is undone with its audit row.
fn refuse_audit_rows(db: &dangvu_storage::testing::TestDb, action: &str) {
    let sql = match db.url.backend() {
        Backend::Sqlite => format!(
            "create trigger refuse before insert on audit_log when new.action = '{action}' \
             begin select raise(abort, 'audit refused'); end;"
        ),
        Backend::Postgres => format!(
            "create function refuse() returns trigger language plpgsql as $$ begin \
               if new.action = '{action}' then raise exception 'audit refused'; end if; \
               return new; end; $$; \
             create trigger refuse before insert on audit_log for each row execute function refuse();"
        ),
    };
    execute(&db.url, &sql);
}

/// Undoes [`refuse_audit_rows`].
fn accept_audit_rows(db: &dangvu_storage::testing::TestDb) {
    execute(
        &db.url,
        match db.url.backend() {
            Backend::Sqlite => "drop trigger refuse",
            Backend::Postgres => "drop trigger refuse on audit_log; drop function refuse();",
        },
    );
}

#[test]
fn a_change_whose_audit_row_fails_is_undone() {
    for (db, store) in loaded() {
        let all = everything();
        store
            .create_account(
                &all,
                &admin_ctx(0),
                &new_account("xem", Role::Xem, Some("T"), None),
            )
            .unwrap();
        refuse_audit_rows(&db, "account.create");
        let refused = store.create_account(
            &all,
            &admin_ctx(1),
            &new_account("canbo", Role::Xem, Some("T"), None),
        );
        assert!(
            matches!(refused, Err(StoreError::Database(_))),
            "{refused:?}"
        );
        assert_eq!(
            store.list_accounts(&all).unwrap().len(),
            1,
            "the account was not kept"
        );
        accept_audit_rows(&db);

        let (_, token) = store.login("xem", PASSWORD, "10.0.0.1", at(2)).unwrap();
        refuse_audit_rows(&db, "account.disable");
        assert!(
            store
                .disable_account(&all, &admin_ctx(3), &name("xem"))
                .is_err()
        );
        assert!(
            !store.list_accounts(&all).unwrap()[0].disabled,
            "still enabled"
        );
        assert!(
            store
                .session_actor(token.expose(), at(4))
                .unwrap()
                .is_some(),
            "session kept"
        );
        accept_audit_rows(&db);
        assert!(matches!(
            store.verify_audit().unwrap(),
            dangvu_storage::AuditVerification::Intact { .. }
        ));
    }
}
