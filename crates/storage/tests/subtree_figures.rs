//! The subtrees' pre-summed figures equal the domain's member-by-member reference after
//! imports that change the tree (a move, a change of type, a new organization) and the
//! ratings of organizations, and after an upgrade from the version that had none — on
//! both engines. The reference is computed over what the store holds afterwards.

// Helpers outside #[test] functions fail loudly too.
#![allow(clippy::unwrap_used, clippy::panic)]

mod common;

use common::fixture::{d, oc, orgs};
use common::histories::{
    all_figures, assert_agrees_with_reference, import, random_member, random_org_ratings,
    random_ratings,
};
use common::{audit, backends};
use dangvu_domain::OrgType;
use dangvu_domain::dataset::{Dataset, MemberRecord, OrgRecord, ParentLink};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

/// The fixture's tree, changed: the sub-committee P (with its cell C4) moves from G1 to DS
/// in 2020, the cell C1 becomes a Party group, and a new cell C5 stands under DS from 2018.
fn changed_tree() -> Vec<OrgRecord> {
    let mut orgs = orgs();
    for org in &mut orgs {
        match org.code.as_str() {
            "P" => org.parents.push(ParentLink {
                since: Some(d("2020-03-15")),
                parent: Some(oc("DS")),
            }),
            "C1" => org.org_type = OrgType::ToDang,
            _ => {}
        }
    }
    orgs.push(OrgRecord {
        code: oc("C5"),
        name: "Chi bộ C5".to_string(),
        org_type: OrgType::ChiBoTrucThuoc,
        founded_on: Some(d("2018-05-01")),
        dissolved_on: None,
        merged_into: None,
        parents: vec![ParentLink {
            since: None,
            parent: Some(oc("DS")),
        }],
    });
    orgs
}

#[test]
fn the_figures_follow_a_changed_tree_and_changed_ratings_of_organizations() {
    let mut rng = ChaCha8Rng::seed_from_u64(2020);
    let members: Vec<MemberRecord> = (0..40)
        .map(|i| random_member(&mut rng, &format!("R{i:03}")))
        .collect();
    let first = Dataset {
        orgs: orgs(),
        org_ratings: random_org_ratings(&mut rng),
        members,
        ..Dataset::default()
    };
    let newcomer = common::fixture::member(
        "N001",
        "Lê Thị Cúc",
        "2019-02-01",
        Some("2020-02-01"),
        &[(Some("2019-02-01"), "C5")],
        &[],
    );
    let second = Dataset {
        orgs: changed_tree(),
        org_ratings: random_org_ratings(&mut rng),
        members: vec![newcomer],
        ..Dataset::default()
    };
    for db in backends() {
        let store = db.open();
        store.load_dataset(&first, &audit()).unwrap();
        assert_agrees_with_reference(&store, "loaded with ratings of organizations");
        let before = all_figures(&store);
        import(&store, &second);
        assert_ne!(all_figures(&store), before, "{:?}", store.backend());
        assert_agrees_with_reference(&store, "tree changed");
    }
}

#[test]
fn an_installation_of_the_previous_version_gets_its_figures_when_opened() {
    // Stored by the version before the subtrees' pre-summed figures: the migration that
    // adds them is undone behind the store's back, then the store is opened again.
    let mut rng = ChaCha8Rng::seed_from_u64(5);
    let members: Vec<MemberRecord> = (0..30)
        .map(|i| random_member(&mut rng, &format!("R{i:03}")))
        .collect();
    let ds = Dataset {
        orgs: orgs(),
        member_ratings: random_ratings(&mut rng, &members),
        org_ratings: random_org_ratings(&mut rng),
        members,
        calendar_days: Vec::new(),
        dossiers: Vec::new(),
        monthly_results: Vec::new(),
        commitments: Vec::new(),
    };
    for db in backends() {
        let store = db.open();
        store.load_dataset(&ds, &audit()).unwrap();
        let expected = all_figures(&store);
        drop(store);
        dangvu_storage::testing::execute_raw(
            &db.url,
            "drop table org_years; drop table org_admissions; drop table org_counts; \
             delete from __diesel_schema_migrations where version = '20261205000000'",
        );
        let store = db.open();
        assert_eq!(all_figures(&store), expected, "{:?}", store.backend());
        assert_agrees_with_reference(&store, "upgraded");
    }
}
