//! Rating statistics counted in SQL (grassroots organizations, cells and members by level,
//! year by year) equal the domain's reference computation, on the hand-made dataset for
//! every subtree and on the demo district; the results sheet's rows add up to the
//! subtree's members.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::fixture::{d, dataset, oc};
use common::{audit, backends};
use dangvu_domain::ratings::statistics::compute;
use dangvu_domain::tree::TreeHistory;
use dangvu_storage::Scope;

fn everything() -> Scope {
    Scope::whole_installation(d("2025-11-26"))
}

#[test]
fn statistics_of_every_subtree_equal_the_reference() {
    let ds = dataset();
    let tree = TreeHistory::build(&ds.orgs).unwrap();
    for db in backends() {
        let store = db.open();
        store.load_dataset(&ds, &audit()).unwrap();
        for org in &ds.orgs {
            let got = store
                .rating_statistics(&everything(), &org.code, 2012..=2025)
                .unwrap();
            let expected = compute(&ds, &tree, &org.code, 2012..=2025);
            assert_eq!(got, expected, "{} {:?}", org.code, store.backend());
        }
        let whole = store
            .rating_statistics(&everything(), &oc("T"), 2012..=2025)
            .unwrap();
        assert!(whole.iter().any(|y| y.members.total() > 0), "{whole:?}");
    }
}

#[test]
fn on_the_demo_district_statistics_agree_and_the_sheet_adds_up() {
    let ds = dangvu_demo::generate(dangvu_demo::DEFAULT_SEED);
    let tree = TreeHistory::build(&ds.orgs).unwrap();
    for db in backends() {
        let store = db.open();
        store.load_dataset(&ds, &audit()).unwrap();
        let got = store
            .rating_statistics(&everything(), &oc("VX"), 2015..=2024)
            .unwrap();
        assert_eq!(
            got,
            compute(&ds, &tree, &oc("VX"), 2015..=2024),
            "{:?}",
            store.backend()
        );
        let y2019 = got.iter().find(|y| y.year == 2019).unwrap();
        assert!(y2019.grassroots.total() > 0 && y2019.members.total() > 0);
        let sheet = store.results_sheet(&everything(), &oc("VX"), 2019).unwrap();
        assert!(!sheet.rows.is_empty());
        // Members registered directly in the district committee would be on no row.
        assert!(sheet.member_totals().total() <= y2019.members.total());
        assert!(sheet.member_totals().total() * 100 >= y2019.members.total() * 99);
        assert!(sheet.rows.iter().any(|r| r.rating.is_some()));
    }
}
