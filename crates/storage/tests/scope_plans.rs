//! No full scan: the statements of the scoped member list and of the scoped visibility
//! check of a member read `members` and `registrations` through indexes on both engines.
//!
//! The plans are those of the SQL storage really runs (`dangvu_storage::testing`), on the
//! demo district. PostgreSQL plans with `enable_seqscan = off`: on a database this small a
//! sequential scan may be cheaper, so the test asks whether an index path exists at all.
//! Dropping the indexes of `registrations` must make the scans appear: the check can fail.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::fixture::{d, oc};
use common::{audit, backends};
use dangvu_demo::{DEFAULT_SEED, generate};
use dangvu_storage::testing::plans::QueryPlan;
use dangvu_storage::testing::{execute_raw, member_list_plans, visibility_plans};
use dangvu_storage::{MemberQuery, Scope, Store};

/// The list cases: a district root and one cell, before and after the 2025 restructure.
const CASES: [(&str, &str); 4] = [
    ("VX", "2020-07-31"),
    ("VX.01.01", "2020-07-31"),
    ("TQ", "2025-11-26"),
    ("VX.01.01", "2025-11-26"),
];

fn list_query(org: &str, as_of: &str) -> MemberQuery {
    MemberQuery {
        org: oc(org),
        as_of: d(as_of),
        search: None,
        after: None,
        limit: 50,
    }
}

/// The first page and the page after the cursor of the first one.
fn pages(store: &Store, org: &str, as_of: &str) -> Vec<MemberQuery> {
    let first = list_query(org, as_of);
    let scope = Scope::whole_installation(first.as_of);
    let mut next = MemberQuery {
        limit: 10,
        ..first.clone()
    };
    next.after = store.members(&scope, &next).unwrap().next;
    assert!(next.after.is_some(), "{org} has more than ten members");
    vec![first, next]
}

fn assert_indexed(label: &str, plans: &[QueryPlan]) {
    let all: String = plans.iter().map(ToString::to_string).collect();
    assert!(
        all.contains("registrations"),
        "{label}: the plans read registrations\n{all}"
    );
    for plan in plans {
        assert!(
            !plan.lines.is_empty(),
            "{label}: {} has a plan",
            plan.statement
        );
        assert!(
            plan.full_scans.is_empty(),
            "{label}: full scan in {}: {:?}\n{all}",
            plan.statement,
            plan.full_scans
        );
    }
}

/// A member registered in the cell on `as_of`.
fn cell_member(store: &Store, cell: &str, as_of: &str) -> String {
    let query = list_query(cell, as_of);
    let scope = Scope::whole_installation(query.as_of);
    store.members(&scope, &query).unwrap().rows[0]
        .code
        .as_str()
        .to_string()
}

#[test]
fn scoped_member_lists_and_visibility_checks_use_indexes_on_every_engine() {
    let ds = generate(DEFAULT_SEED);
    for db in backends() {
        let store = db.open();
        store.load_dataset(&ds, &audit()).unwrap();
        let engine = format!("{:?}", store.backend());
        for (org, as_of) in CASES {
            let scope = Scope::subtree(oc(org), d(as_of));
            for (i, query) in pages(&store, org, as_of).iter().enumerate() {
                let plans = member_list_plans(&store, &scope, query, true);
                assert_indexed(&format!("{engine} list {org} {as_of} page {i}"), &plans);
                let statements: Vec<_> = plans.iter().map(|p| p.statement).collect();
                // The district and the province are most of the demo: their pages are
                // found along the name index; a cell's by sorting its few members.
                let walk: &[&str] = match org {
                    "VX.01.01" => &[],
                    _ => &["members.walk"],
                };
                let expected = [&["tree.place_on", "members.count"], walk, &["members.page"]];
                assert_eq!(statements, expected.concat(), "{engine} {org} {as_of}");
            }
        }
        for (root, as_of) in [("VX.01.01", "2020-07-31"), ("TQ", "2025-11-26")] {
            let code = cell_member(&store, "VX.01.01", as_of);
            let scope = Scope::subtree(oc(root), d(as_of));
            let plans = visibility_plans(&store, &scope, &code, true);
            assert_indexed(&format!("{engine} member {code} under {root}"), &plans);
            assert!(plans.iter().any(|p| p.statement == "access.member_id"));
        }

        execute_raw(
            &db.url,
            "drop index registrations_org; drop index registrations_member",
        );
        let scope = Scope::subtree(oc("VX.01.01"), d("2025-11-26"));
        let cell = list_query("VX.01.01", "2025-11-26");
        let plans = member_list_plans(&store, &scope, &cell, true);
        assert!(
            plans
                .iter()
                .any(|p| p.full_scans.iter().any(|s| s.contains("registrations"))),
            "{engine}: without its indexes registrations is read whole: {plans:?}"
        );
    }
}
