//! The member list's total: exact from the cells' tallies when the list is not searched;
//! a searched list's exact up to the bound, "more than the bound" above it; the rows, the
//! cursor and the search unchanged either way.
//!
//! A subtree of more than `MEMBER_COUNT_LIMIT` members is too slow to load in a test, so the
//! bound is lowered on the demo district through `Store::members_counting_at_most` (feature
//! `testing`); the default bound is checked to keep the demo's totals exact.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::fixture::{d, oc};
use common::{audit, backends};
use dangvu_demo::{DEFAULT_SEED, generate};
use dangvu_storage::{MEMBER_COUNT_LIMIT, MemberPage, MemberQuery, Scope, Store};

fn query(org: &str, as_of: &str, search: Option<&str>, limit: u32) -> MemberQuery {
    MemberQuery {
        org: oc(org),
        as_of: d(as_of),
        search: search.map(str::to_string),
        after: None,
        limit,
    }
}

fn everything() -> Scope {
    Scope::whole_installation(d("2025-11-26"))
}

fn counting(store: &Store, q: &MemberQuery, bound: u64) -> MemberPage {
    store
        .members_counting_at_most(&everything(), q, bound)
        .unwrap()
}

/// How many rows the list really has: every page walked through its cursor.
fn walked(store: &Store, mut q: MemberQuery) -> u64 {
    q.limit = 500;
    let mut rows = 0;
    loop {
        let page = store.members(&everything(), &q).unwrap();
        rows += page.rows.len() as u64;
        match page.next {
            Some(next) => q.after = Some(next),
            None => return rows,
        }
    }
}

#[test]
fn the_demo_district_keeps_exact_totals_under_the_default_bound() {
    let ds = generate(DEFAULT_SEED);
    for db in backends() {
        let store = db.open();
        store.load_dataset(&ds, &audit()).unwrap();
        for (org, as_of) in [("VX", "2020-07-31"), ("TQ", "2025-11-26")] {
            let q = query(org, as_of, None, 50);
            let page = store.members(&everything(), &q).unwrap();
            assert!(page.total_exact, "{org} {as_of}");
            assert!(page.total > 7_000 && page.total < MEMBER_COUNT_LIMIT);
            assert_eq!(page.total, walked(&store, q), "{org} {as_of}");
        }
    }
}

#[test]
fn an_unsearched_list_is_counted_exactly_from_the_tallies_whatever_the_bound() {
    let ds = generate(DEFAULT_SEED);
    for db in backends() {
        let store = db.open();
        store.load_dataset(&ds, &audit()).unwrap();
        let engine = format!("{:?}", store.backend());
        let cell = query("VX.01.01", "2020-07-31", None, 10);
        let size = walked(&store, cell.clone());
        assert!(size > 10, "{engine}: the cell has more than one page");
        let at = counting(&store, &cell, size);
        let below = counting(&store, &cell, size - 1);
        assert_eq!((below.total, below.total_exact), (size, true), "{engine}");
        assert_eq!(
            below.rows, at.rows,
            "{engine}: the bound leaves the rows alone"
        );
        assert_eq!(below.next, at.next);

        let district = query("VX", "2020-07-31", None, 50);
        let everyone = walked(&store, district.clone());
        let bounded = counting(&store, &district, 100);
        assert_eq!((bounded.total, bounded.total_exact), (everyone, true));
        assert_eq!(bounded.rows.len(), 50);
        let second = counting(
            &store,
            &MemberQuery {
                after: bounded.next.clone(),
                ..district.clone()
            },
            100,
        );
        let unbounded = store
            .members(
                &everything(),
                &MemberQuery {
                    after: bounded.next.clone(),
                    ..district
                },
            )
            .unwrap();
        assert_eq!(
            second.rows, unbounded.rows,
            "{engine}: the cursor still works"
        );
        assert_eq!((second.total, second.total_exact), (everyone, true));
    }
}

#[test]
fn a_search_is_counted_up_to_the_bound_too() {
    let ds = generate(DEFAULT_SEED);
    for db in backends() {
        let store = db.open();
        store.load_dataset(&ds, &audit()).unwrap();
        let search = query("VX", "2020-07-31", Some("nguyen"), 20);
        let found = walked(&store, search.clone());
        assert!(found > 100, "the demo has many Nguyễn");
        let exact = store.members(&everything(), &search).unwrap();
        assert_eq!((exact.total, exact.total_exact), (found, true));
        let bounded = counting(&store, &search, 100);
        assert_eq!((bounded.total, bounded.total_exact), (100, false));
        assert_eq!(bounded.rows, exact.rows, "same matches in the same order");
        let none = counting(&store, &query("VX", "2020-07-31", Some("zzz"), 20), 0);
        assert_eq!((none.total, none.total_exact), (0, true), "nothing found");
    }
}
