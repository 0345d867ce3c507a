//! The Vị Xuyên demo district loads, and its term report counted in SQL equals the
//! reference computation on both engines.

mod common;

use common::fixture::{d, oc};
use common::{audit, backends};
use dangvu_demo::{DEFAULT_SEED, DISTRICT_CODE, TERM_END, TERM_START, generate};
use dangvu_domain::summary::{SummaryParams, compute, figures_on};
use dangvu_domain::tree::TreeHistory;
use dangvu_storage::{MemberQuery, Scope};
use std::time::Instant;

#[test]
fn the_demo_district_loads_and_its_term_report_equals_the_reference() {
    let ds = generate(DEFAULT_SEED);
    assert!(
        ds.members.len() > 5_000,
        "the demo has its thousands of members"
    );
    let tree = TreeHistory::build(&ds.orgs).unwrap();
    let vx = SummaryParams::new(oc(DISTRICT_CODE), TERM_START, TERM_END, None).unwrap();
    let expected = compute(&ds, &tree, &vx);
    let scope = Scope::whole_installation(d("2026-06-30"));
    for db in backends() {
        let store = db.open();
        let started = Instant::now();
        let stats = store.load_dataset(&ds, &audit()).unwrap();
        eprintln!(
            "{:?}: loaded {stats:?} in {:?}",
            store.backend(),
            started.elapsed()
        );
        assert_eq!(stats.members, ds.members.len() as u64);

        let started = Instant::now();
        let report = store.summary(&scope, &vx).unwrap();
        eprintln!(
            "{:?}: summary VX in {:?}",
            store.backend(),
            started.elapsed()
        );
        assert_eq!(report, expected);

        // A few grassroots organizations and days beyond the term, restructure included.
        let grassroots = ds
            .orgs
            .iter()
            .filter(|o| o.org_type.is_grassroots())
            .step_by(9);
        for org in grassroots {
            for day in [TERM_START, TERM_END, d("2025-06-30"), d("2025-07-01")] {
                let got = store.figures(&scope, &org.code, day).unwrap();
                assert_eq!(
                    got,
                    figures_on(&ds, &tree, &org.code, day),
                    "{} {day}",
                    org.code
                );
            }
        }
        let page = store
            .members(
                &scope,
                &MemberQuery {
                    org: oc(DISTRICT_CODE),
                    as_of: TERM_END,
                    search: None,
                    after: None,
                    limit: 50,
                },
            )
            .unwrap();
        assert_eq!(page.total, expected.members);
    }
}
