//! The figures read from the cells' tallies equal the domain's member-by-member reference
//! on random histories, after a load and after imports that move members, change their
//! statuses, days and ratings, and add new ones — on both engines. The reference is computed
//! over what the store holds afterwards (its export), so the test checks that every write
//! kept the tallies of every cell it touched (`subtree_figures.rs` changes the tree).

// Helpers outside #[test] functions fail loudly too.
#![allow(clippy::unwrap_used, clippy::panic)]

mod common;

use common::fixture::{d, oc, orgs};
use common::histories::{
    all_figures, assert_agrees_with_reference, everything, import, import_as, random_member,
    random_ratings,
};
use common::{audit, backends};
use dangvu_domain::dataset::{Dataset, MemberRecord};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

#[test]
fn tallies_equal_the_reference_after_loads_and_imports_of_random_histories() {
    for seed in 0..6 {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let members: Vec<MemberRecord> = (0..40)
            .map(|i| random_member(&mut rng, &format!("R{i:03}")))
            .collect();
        let first = Dataset {
            orgs: orgs(),
            member_ratings: random_ratings(&mut rng, &members),
            members,
            ..Dataset::default()
        };
        // A third of the members rewritten, five new ones, new ratings for some.
        let changed: Vec<MemberRecord> = (0..45)
            .filter(|i| i % 3 == 0 || *i >= 40)
            .map(|i| random_member(&mut rng, &format!("R{i:03}")))
            .collect();
        let second = Dataset {
            orgs: orgs(),
            member_ratings: random_ratings(&mut rng, &changed),
            members: changed,
            ..Dataset::default()
        };
        for db in backends() {
            let store = db.open();
            store.load_dataset(&first, &audit()).unwrap();
            let backend = store.backend();
            assert_agrees_with_reference(&store, &format!("seed {seed} loaded ({backend:?})"));
            import(&store, &second);
            assert_agrees_with_reference(&store, &format!("seed {seed} imported ({backend:?})"));
        }
    }
}

#[test]
fn a_dry_run_leaves_the_figures_as_they_were() {
    let mut rng = ChaCha8Rng::seed_from_u64(99);
    let members: Vec<MemberRecord> = (0..20)
        .map(|i| random_member(&mut rng, &format!("R{i:03}")))
        .collect();
    let changed: Vec<MemberRecord> = (0..20)
        .map(|i| random_member(&mut rng, &format!("R{i:03}")))
        .collect();
    for db in backends() {
        let store = db.open();
        let ds = Dataset {
            orgs: orgs(),
            members: members.clone(),
            ..Dataset::default()
        };
        store.load_dataset(&ds, &audit()).unwrap();
        let before = all_figures(&store);
        let file = Dataset {
            orgs: orgs(),
            members: changed.clone(),
            ..Dataset::default()
        };
        import_as(&store, &file, true);
        assert_eq!(all_figures(&store), before, "{:?}", store.backend());
        import(&store, &file);
        assert_ne!(all_figures(&store), before, "{:?}", store.backend());
        assert_agrees_with_reference(&store, "after the dry run");
    }
}

#[test]
fn a_history_corrected_by_a_file_leaves_the_cells_it_no_longer_names() {
    // Stored: C1, then C2 from 2018. The file's dated history starts elsewhere (C4, then
    // DSC from 2017), so it replaces the stored one: C1 and C2 lose the member entirely.
    let stored = common::fixture::member(
        "R001",
        "Trần Văn Bình",
        "2016-09-01",
        None,
        &[(None, "C1"), (Some("2018-01-01"), "C2")],
        &[],
    );
    let corrected = common::fixture::member(
        "R001",
        "Trần Văn Bình",
        "2016-09-01",
        None,
        &[(None, "C4"), (Some("2017-01-01"), "DSC")],
        &[],
    );
    for db in backends() {
        let store = db.open();
        let ds = Dataset {
            orgs: orgs(),
            members: vec![stored.clone()],
            ..Dataset::default()
        };
        store.load_dataset(&ds, &audit()).unwrap();
        let members_of = |cell: &str, day: &str| {
            let f = store.figures(&everything(), &oc(cell), d(day)).unwrap();
            f.members
        };
        assert_eq!(
            (
                members_of("C1", "2016-10-01"),
                members_of("C2", "2020-01-01")
            ),
            (1, 1)
        );
        let file = Dataset {
            orgs: orgs(),
            members: vec![corrected.clone()],
            ..Dataset::default()
        };
        import(&store, &file);
        let backend = store.backend();
        assert_eq!(members_of("C1", "2016-10-01"), 0, "{backend:?}");
        assert_eq!(members_of("C2", "2020-01-01"), 0, "{backend:?}");
        assert_eq!(members_of("DSC", "2020-01-01"), 1, "{backend:?}");
        assert_agrees_with_reference(&store, "history corrected");
    }
}

#[test]
fn a_load_of_new_members_appends_them_and_their_cells_tallies() {
    // How a generated province or nation is loaded: organizations and the first members,
    // then one part of new members after another.
    let mut rng = ChaCha8Rng::seed_from_u64(7);
    let first: Vec<MemberRecord> = (0..30)
        .map(|i| random_member(&mut rng, &format!("A{i:03}")))
        .collect();
    let second: Vec<MemberRecord> = (0..30)
        .map(|i| random_member(&mut rng, &format!("B{i:03}")))
        .collect();
    for db in backends() {
        let store = db.open();
        let part = Dataset {
            orgs: orgs(),
            member_ratings: random_ratings(&mut rng, &first),
            members: first.clone(),
            ..Dataset::default()
        };
        store.load_dataset(&part, &audit()).unwrap();
        let before = all_figures(&store);
        let part = Dataset {
            member_ratings: random_ratings(&mut rng, &second),
            members: second.clone(),
            ..Dataset::default()
        };
        let stats = store.load_dataset(&part, &audit()).unwrap();
        assert_eq!((stats.orgs, stats.members), (0, 30));
        assert_ne!(all_figures(&store), before, "{:?}", store.backend());
        assert_agrees_with_reference(&store, "appended");
    }
}
