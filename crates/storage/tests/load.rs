//! Loading a dataset: all or nothing, conflicts named by column, and the audit row.

// Helpers outside #[test] functions fail loudly too.
#![allow(clippy::unwrap_used, clippy::panic)]

mod common;

use common::fixture::{d, dataset, member};
use common::{audit, backends};
use dangvu_domain::dataset::ParentLink;
use dangvu_storage::{LoadStats, Scope, StoreError};

fn everything() -> Scope {
    Scope::whole_installation(d("2025-11-26"))
}

#[test]
fn a_load_writes_every_row_and_one_audit_row() {
    let ds = dataset();
    for db in backends() {
        let store = db.open();
        assert!(store.is_empty().unwrap());
        let stats = store.load_dataset(&ds, &audit()).unwrap();
        let registrations: usize = ds
            .members
            .iter()
            .map(|m| m.registration_periods().len())
            .sum();
        let statuses: usize = ds.members.iter().map(|m| m.status_periods().len()).sum();
        assert_eq!(
            stats,
            LoadStats {
                orgs: 13,
                members: 14,
                registrations: registrations as u64,
                statuses: statuses as u64,
                ratings: (ds.member_ratings.len() + ds.org_ratings.len()) as u64,
            }
        );
        assert!(!store.is_empty().unwrap());
        let log = store.audit_log(&everything(), 10).unwrap();
        assert_eq!(log.len(), 1);
        let row = &log[0];
        assert_eq!(row.action, "dataset.load");
        assert_eq!((row.actor.as_str(), row.source.as_str()), ("test", "cli"));
        assert_eq!(row.at, audit().at);
        let after: serde_json::Value =
            serde_json::from_str(row.after_json.as_deref().unwrap()).unwrap();
        assert_eq!(after["members"], 14);
        assert_eq!(after["orgs"], 13);
        // The log is not shown to a subtree scope.
        let scoped = Scope::subtree(common::fixture::oc("T"), d("2025-11-26"));
        assert!(store.audit_log(&scoped, 10).unwrap().is_empty());
    }
}

fn assert_nothing_written(store: &dangvu_storage::Store) {
    assert!(store.is_empty().unwrap(), "organizations were written");
    assert!(
        store.audit_log(&everything(), 10).unwrap().is_empty(),
        "an audit row was written"
    );
}

#[test]
fn a_duplicate_citizen_id_is_a_conflict_and_writes_nothing() {
    let mut ds = dataset();
    let mut twin = member(
        "M99",
        "Nguyễn Văn Hùng",
        "2011-01-01",
        None,
        &[(None, "C1")],
        &[],
    );
    twin.profile.citizen_id = ds.members[0].profile.citizen_id.clone();
    ds.members.push(twin);
    for db in backends() {
        let store = db.open();
        match store.load_dataset(&ds, &audit()) {
            Err(StoreError::Conflict { field }) => assert_eq!(field, "citizen_id"),
            other => panic!("expected a conflict on citizen_id, got {other:?}"),
        }
        assert_nothing_written(&store);
    }
}

#[test]
fn a_second_rating_for_the_same_year_is_a_conflict_on_both_engines() {
    let mut ds = dataset();
    let first = ds.member_ratings[0].clone();
    ds.member_ratings.push(first);
    for db in backends() {
        let store = db.open();
        match store.load_dataset(&ds, &audit()) {
            Err(StoreError::Conflict { field }) => assert_eq!(field, "member_id, year"),
            other => panic!("expected a conflict, got {other:?}"),
        }
        assert_nothing_written(&store);
    }
}

#[test]
fn a_tree_with_a_cycle_or_an_unknown_cell_is_invalid_and_writes_nothing() {
    let mut cyclic = dataset();
    let g1 = cyclic
        .orgs
        .iter_mut()
        .find(|o| o.code.as_str() == "G1")
        .unwrap();
    g1.parents = vec![ParentLink {
        since: None,
        parent: Some(common::fixture::oc("C1")),
    }];
    let mut unknown_cell = dataset();
    unknown_cell.members.push(member(
        "M98",
        "Mai Văn Tư",
        "2011-01-01",
        None,
        &[(None, "NOWHERE")],
        &[],
    ));
    for db in backends() {
        let store = db.open();
        for ds in [&cyclic, &unknown_cell] {
            let result = store.load_dataset(ds, &audit());
            assert!(matches!(result, Err(StoreError::Invalid(_))), "{result:?}");
            assert_nothing_written(&store);
        }
    }
}

#[test]
fn reopening_a_database_applies_no_migration_twice() {
    for db in backends() {
        let store = db.open();
        assert!(store.migrate().unwrap().is_empty());
        store.load_dataset(&dataset(), &audit()).unwrap();
        drop(store);
        let again = db.open();
        assert!(!again.is_empty().unwrap());
    }
}

#[test]
fn an_unreachable_postgres_server_is_a_connection_error_without_the_password() {
    let url =
        dangvu_storage::DatabaseUrl::parse("postgres://dv:s3cret@127.0.0.1:1/dangvu").unwrap();
    match dangvu_storage::Store::open(&url) {
        Err(StoreError::Connection(message)) => {
            assert!(message.contains("127.0.0.1:1"), "{message}");
            assert!(!message.contains("s3cret"), "{message}");
        }
        Err(other) => panic!("expected a connection error, got {other:?}"),
        Ok(_) => panic!("expected a connection error"),
    }
}
