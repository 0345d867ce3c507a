//! The term report's figures counted in SQL (rating levels, full memberships begun,
//! merged organizations) equal the domain's reference computation, on the hand-made
//! dataset for every subtree and several periods, and on the demo district.

mod common;

use common::fixture::{d, dataset, oc};
use common::{audit, backends};
use dangvu_domain::summary::SummaryParams;
use dangvu_domain::summary::term::compute_figures;
use dangvu_domain::tree::TreeHistory;
use dangvu_storage::Scope;

fn everything() -> Scope {
    Scope::whole_installation(d("2025-11-26"))
}

#[test]
fn term_figures_of_every_subtree_and_period_equal_the_reference() {
    let ds = dataset();
    let tree = TreeHistory::build(&ds.orgs).unwrap();
    let periods = [
        ("2015-08-01", "2020-07-31"),
        ("2010-01-01", "2025-12-31"),
        ("2019-01-01", "2019-12-31"),
        ("2016-01-10", "2016-06-01"),
    ];
    for db in backends() {
        let store = db.open();
        store.load_dataset(&ds, &audit()).unwrap();
        for org in &ds.orgs {
            for (from, to) in periods {
                let params = SummaryParams::new(org.code.clone(), d(from), d(to), None).unwrap();
                let expected = compute_figures(&ds, &tree, &params);
                let got = store.term_figures(&everything(), &params).unwrap();
                assert_eq!(
                    got,
                    expected,
                    "{} {from}..{to} {:?}",
                    org.code,
                    store.backend()
                );
            }
        }
        let whole = SummaryParams::new(oc("T"), d("2010-01-01"), d("2025-12-31"), None).unwrap();
        let got = store.term_figures(&everything(), &whole).unwrap();
        assert!(
            got.recognized_official > 0 && !got.rating_levels.is_empty(),
            "{got:?}"
        );
    }
}

#[test]
fn on_the_demo_district_the_levels_add_up_to_the_ratings_and_eight_organizations_merged() {
    let ds = dangvu_demo::generate(dangvu_demo::DEFAULT_SEED);
    let tree = TreeHistory::build(&ds.orgs).unwrap();
    let params = SummaryParams::new(oc("VX"), d("2015-08-01"), d("2020-07-31"), None).unwrap();
    for db in backends() {
        let store = db.open();
        store.load_dataset(&ds, &audit()).unwrap();
        let got = store.term_figures(&everything(), &params).unwrap();
        assert_eq!(
            got,
            compute_figures(&ds, &tree, &params),
            "{:?}",
            store.backend()
        );
        assert_eq!(
            got.merged_orgs, 8,
            "the article's eight merged organizations"
        );
        let summary = store.summary(&everything(), &params).unwrap();
        for year in &summary.ratings {
            let levels = got
                .rating_levels
                .iter()
                .find(|l| l.year == year.year)
                .unwrap();
            assert_eq!(levels.orgs.total(), year.orgs_rated);
            assert_eq!(
                levels.orgs.htxsnv + levels.orgs.httnv,
                year.orgs_good_or_better
            );
            assert_eq!(levels.members.total(), year.members_rated);
            assert_eq!(
                levels.members.khtnv,
                year.members_rated - year.members_completed_or_better
            );
        }
    }
}
