//! The audit log cannot be laundered: removing every hash after editing a row is a break
//! that verification reports (opening and verifying the database rewrite nothing), and the
//! head recorded outside the database catches rows deleted from the end of the log. Rows of
//! a database older than the chain are sealed once, by the upgrade that introduced it.

// Helpers outside #[test] functions fail loudly too.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod accounts_support;
mod common;

use accounts_support::*;
use dangvu_storage::{
    AuditBreak, AuditEntity, AuditVerification, Backend, ChainHash, DatabaseUrl, ExpectedHead,
    Store,
};
use diesel::sql_types::{BigInt, Nullable, Text};
use diesel::{Connection, PgConnection, QueryableByName, RunQueryDsl, SqliteConnection};
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

/// Every column of every row that verification could be tempted to rewrite.
#[derive(Debug, PartialEq, Eq, QueryableByName)]
struct StoredRow {
    #[diesel(sql_type = BigInt)]
    id: i64,
    #[diesel(sql_type = Text)]
    actor: String,
    #[diesel(sql_type = Nullable<Text>)]
    prev_hash: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    hash: Option<String>,
}

/// The audit log as stored, read behind the store's back.
fn stored(url: &DatabaseUrl) -> Vec<StoredRow> {
    let query = diesel::sql_query("select id, actor, prev_hash, hash from audit_log order by id");
    match url.backend() {
        Backend::Sqlite => {
            query.load(&mut SqliteConnection::establish(url.connection_string()).unwrap())
        }
        Backend::Postgres => {
            query.load(&mut PgConnection::establish(url.connection_string()).unwrap())
        }
    }
    .unwrap()
}

/// A few rows more in the log.
fn reads(store: &Store, n: i64) {
    for i in 0..n {
        store
            .record_read(&admin_ctx(i), AuditEntity::Member, &format!("M{i:02}"))
            .unwrap();
    }
}

fn head_of(store: &Store) -> ChainHash {
    let head = store.audit_head().unwrap();
    ChainHash::parse("head", head.hash.as_deref().unwrap()).unwrap()
}

#[test]
fn an_edited_log_stripped_of_its_hashes_stays_broken_and_is_not_rewritten() {
    for (db, store) in loaded() {
        reads(&store, 4);
        let ids: Vec<i64> = log(&store).iter().map(|e| e.id).collect();
        drop_audit_triggers(&db.url);
        execute(
            &db.url,
            &format!(
                "update audit_log set actor = 'ke_gian' where id = {}",
                ids[2]
            ),
        );
        execute(
            &db.url,
            "update audit_log set hash = null, prev_hash = null",
        );
        let before = stored(&db.url);
        assert_eq!(before.len(), 5);

        let store = db.open();
        let broken = AuditVerification::Broken {
            first_bad_id: ids[0],
            reason: AuditBreak::Unchained,
            rows_checked: 0,
        };
        assert_eq!(store.verify_audit().unwrap(), broken);
        let report = store.verify_audit_against(None).unwrap();
        assert_eq!(report.verification, broken);
        assert_eq!(report.head.rows, 5);
        assert_eq!(report.head.hash, None);
        assert_eq!(report.head.to_string(), "rows=5 head=none");
        assert_eq!(
            stored(&db.url),
            before,
            "opening and verifying wrote nothing"
        );
    }
}

#[test]
fn the_recorded_head_catches_rows_deleted_from_the_end() {
    for (db, store) in loaded() {
        reads(&store, 2);
        let recorded = head_of(&store);
        let report = store.verify_audit_against(Some(&recorded)).unwrap();
        assert_eq!(
            report.expected_head,
            Some(ExpectedHead::Found { rows_since: 0 })
        );
        assert_eq!(report.head.rows, 3);

        reads(&store, 3);
        let report = store.verify_audit_against(Some(&recorded)).unwrap();
        assert_eq!(
            report.expected_head,
            Some(ExpectedHead::Found { rows_since: 3 })
        );
        assert_eq!(
            report.verification,
            AuditVerification::Intact { rows_checked: 6 }
        );

        // Deleting the recorded row and every row after it leaves a chain that verifies.
        let ids: Vec<i64> = log(&store).iter().map(|e| e.id).collect();
        drop_audit_triggers(&db.url);
        execute(
            &db.url,
            &format!("delete from audit_log where id >= {}", ids[2]),
        );
        let report = store.verify_audit_against(Some(&recorded)).unwrap();
        assert_eq!(
            report.verification,
            AuditVerification::Intact { rows_checked: 2 }
        );
        assert_eq!(report.expected_head, Some(ExpectedHead::Missing));
        assert_eq!(report.head, store.audit_head().unwrap());
        assert_eq!(report.head.rows, 2);
    }
}

#[test]
fn the_head_printed_is_the_one_the_check_accepts() {
    for (_db, store) in loaded() {
        reads(&store, 3);
        let head = store.audit_head().unwrap();
        let report = store.verify_audit_against(None).unwrap();
        assert_eq!(report.head, head);
        assert_eq!(report.head.last_id, log(&store).last().map(|e| e.id));
        let line = head.to_string();
        let hex = line.strip_prefix("rows=4 head=").unwrap();
        let expected = ChainHash::parse("head", &hex.to_uppercase()).unwrap();
        let report = store.verify_audit_against(Some(&expected)).unwrap();
        assert_eq!(
            report.expected_head,
            Some(ExpectedHead::Found { rows_since: 0 })
        );
        // A hash that never was in the chain is not found.
        let other = ChainHash::parse("head", &"ab".repeat(32)).unwrap();
        let report = store.verify_audit_against(Some(&other)).unwrap();
        assert_eq!(report.expected_head, Some(ExpectedHead::Missing));
        assert!(ChainHash::parse("head", "abc").is_err());
        assert!(ChainHash::parse("head", &"zz".repeat(32)).is_err());
    }
}

#[test]
fn an_empty_log_has_the_genesis_head() {
    for db in common::backends() {
        let store = db.open();
        let head = store.audit_head().unwrap();
        assert_eq!(head.rows, 0);
        assert_eq!(head.to_string(), format!("rows=0 head={}", "0".repeat(64)));
        let genesis = ChainHash::parse("head", &"0".repeat(64)).unwrap();
        let report = store.verify_audit_against(Some(&genesis)).unwrap();
        assert_eq!(
            report.expected_head,
            Some(ExpectedHead::Found { rows_since: 0 })
        );
    }
}

const SQLITE: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
const POSTGRES: EmbeddedMigrations = embed_migrations!("migrations/postgres");

/// Creates the database as the version before the chain left it: the first migration only.
fn migrate_first_only(url: &DatabaseUrl) {
    fn first<DB: diesel::backend::Backend>(
        conn: &mut impl MigrationHarness<DB>,
        m: EmbeddedMigrations,
    ) where
        EmbeddedMigrations: diesel::migration::MigrationSource<DB>,
    {
        let pending = conn.pending_migrations(m).unwrap();
        conn.run_migration(pending[0].as_ref()).unwrap();
    }
    match url.backend() {
        Backend::Sqlite => first(
            &mut SqliteConnection::establish(url.connection_string()).unwrap(),
            SQLITE,
        ),
        Backend::Postgres => first(
            &mut PgConnection::establish(url.connection_string()).unwrap(),
            POSTGRES,
        ),
    }
}

#[test]
fn rows_older_than_the_chain_are_sealed_once_by_the_upgrade_that_introduced_it() {
    for db in common::backends() {
        if db.url.backend() == Backend::Sqlite {
            let path = std::path::Path::new(db.url.connection_string());
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        }
        migrate_first_only(&db.url);
        let legacy = "insert into audit_log (at, actor, source, action, entity) \
             values ('2025-01-02 03:04:05', 'cli', 'cli', 'dataset.load', 'dataset')";
        execute(&db.url, legacy);
        let store = db.open();
        assert_eq!(
            store.verify_audit().unwrap(),
            AuditVerification::Intact { rows_checked: 2 }
        );
        let seal = log(&store).pop().unwrap();
        assert_eq!(
            (seal.actor.as_str(), seal.action.as_str()),
            ("dangvu", "audit.seal")
        );
        assert!(seal.after_json.unwrap().contains("\"rows\":1"));
        assert_eq!(
            seal.at.to_string(),
            "2025-01-02 03:04:05",
            "dated like the newest sealed row"
        );

        // Once the upgrade is done, an unchained row is a break, not history to seal.
        execute(&db.url, legacy);
        let store = db.open();
        assert_eq!(
            store.verify_audit().unwrap(),
            AuditVerification::Broken {
                first_bad_id: log(&store).last().unwrap().id,
                reason: AuditBreak::Unchained,
                rows_checked: 2
            }
        );
    }
}
