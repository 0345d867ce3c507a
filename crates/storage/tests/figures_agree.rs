//! The figures counted in SQL equal the reference computation of the domain
//! (`dangvu_domain::summary`) on a hand-made dataset, for every subtree and many days.

mod common;

use common::fixture::{d, dataset, oc, sample_days};
use common::{audit, backends};
use dangvu_domain::OrgCode;
use dangvu_domain::summary::{SummaryParams, compute, figures_on};
use dangvu_domain::tree::TreeHistory;
use dangvu_storage::Scope;

fn everything() -> Scope {
    Scope::whole_installation(d("2025-11-26"))
}

#[test]
fn figures_of_every_subtree_on_every_day_equal_the_reference() {
    let ds = dataset();
    let tree = TreeHistory::build(&ds.orgs).unwrap();
    for db in backends() {
        let store = db.open();
        store.load_dataset(&ds, &audit()).unwrap();
        for day in sample_days() {
            for org in &ds.orgs {
                let expected = figures_on(&ds, &tree, &org.code, day);
                let got = store.figures(&everything(), &org.code, day).unwrap();
                assert_eq!(
                    got,
                    expected,
                    "{} on {day} ({:?})",
                    org.code,
                    store.backend()
                );
            }
        }
    }
}

#[test]
fn figures_count_what_the_definitions_say_on_a_known_day() {
    // On 2020-07-01 under H: members M01, M02, M03 (probationary), M04 (exempted), M06, M08,
    // M11, M12, M14; M05 died, M07 was expelled, M10 moved to DSC, M13 not yet admitted.
    let ds = dataset();
    for db in backends() {
        let store = db.open();
        store.load_dataset(&ds, &audit()).unwrap();
        let f = store
            .figures(&everything(), &oc("H"), d("2020-07-01"))
            .unwrap();
        assert_eq!(f.members, 9);
        assert_eq!(f.members_exempted, 1);
        assert_eq!(f.members_probationary, 1); // M03 never became official
        assert_eq!(f.grassroots_orgs, 2); // G1 and CS (G2 merged in 2019)
        assert_eq!(f.cells_under_grassroots, 4); // C1..C4
    }
}

#[test]
fn children_are_the_direct_subordinates_with_their_own_figures() {
    let ds = dataset();
    let tree = TreeHistory::build(&ds.orgs).unwrap();
    for db in backends() {
        let store = db.open();
        store.load_dataset(&ds, &audit()).unwrap();
        for day in sample_days() {
            for org in &ds.orgs {
                let kids = store.children(&everything(), &org.code, day).unwrap();
                let (whole, same_kids) = store
                    .figures_and_children(&everything(), &org.code, day)
                    .unwrap();
                assert_eq!(
                    whole,
                    figures_on(&ds, &tree, &org.code, day),
                    "{}",
                    org.code
                );
                assert_eq!(same_kids, kids, "{} on {day}", org.code);
                let mut expected: Vec<OrgCode> = ds
                    .orgs
                    .iter()
                    .filter(|o| {
                        tree.chain_on(&o.code, day)
                            .is_some_and(|c| c.len() >= 2 && c[c.len() - 2] == org.code)
                    })
                    .map(|o| o.code.clone())
                    .collect();
                expected.sort();
                let codes: Vec<OrgCode> = kids.iter().map(|k| k.org.code.clone()).collect();
                assert_eq!(codes, expected, "children of {} on {day}", org.code);
                for kid in kids {
                    assert_eq!(
                        kid.figures,
                        figures_on(&ds, &tree, &kid.org.code, day),
                        "{} on {day}",
                        kid.org.code
                    );
                }
            }
        }
    }
}

#[test]
fn summary_of_every_subtree_and_period_equals_the_reference() {
    let ds = dataset();
    let tree = TreeHistory::build(&ds.orgs).unwrap();
    let periods = [
        ("2015-08-01", "2020-07-31", None),
        ("2010-01-01", "2025-12-31", Some("2019-06-01")),
        ("2019-01-01", "2019-01-01", None),
        ("2016-01-10", "2016-06-01", None),
        ("2025-07-01", "2026-06-30", None),
    ];
    for db in backends() {
        let store = db.open();
        store.load_dataset(&ds, &audit()).unwrap();
        for org in &ds.orgs {
            for (from, to, as_of) in periods {
                let params =
                    SummaryParams::new(org.code.clone(), d(from), d(to), as_of.map(d)).unwrap();
                let expected = compute(&ds, &tree, &params);
                let got = store.summary(&everything(), &params).unwrap();
                assert_eq!(got, expected, "{} {from}..{to}", org.code);
            }
        }
        let vx = SummaryParams::new(oc("T"), d("2015-08-01"), d("2020-07-31"), None).unwrap();
        let report = store.summary(&everything(), &vx).unwrap();
        assert!(
            report.admitted > 0 && !report.ratings.is_empty(),
            "{report:?}"
        );
    }
}
