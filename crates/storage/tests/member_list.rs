//! The member list: Vietnamese name order, diacritic-free search, keyset pages and scope.

// Helpers outside #[test] functions fail loudly too.
#![allow(clippy::unwrap_used, clippy::panic)]

mod common;

use common::fixture::{d, dataset, mc, oc};
use common::{audit, backends};
use dangvu_domain::membership::is_member_on;
use dangvu_domain::text::name_sort_key;
use dangvu_domain::tree::TreeHistory;
use dangvu_domain::{Date, OrgCode};
use dangvu_storage::{MemberCursor, MemberQuery, Scope, Store, StoreError};

fn everything() -> Scope {
    Scope::whole_installation(d("2025-11-26"))
}

fn query(org: &str, as_of: &str, search: Option<&str>, limit: u32) -> MemberQuery {
    MemberQuery {
        org: oc(org),
        as_of: d(as_of),
        search: search.map(str::to_string),
        after: None,
        limit,
    }
}

fn names(store: &Store, q: &MemberQuery) -> Vec<String> {
    let page = store.members(&everything(), q).unwrap();
    page.rows.into_iter().map(|r| r.full_name).collect()
}

/// Every row of every page, following the cursors.
fn all_pages(store: &Store, mut q: MemberQuery) -> (Vec<String>, u64) {
    let mut codes = Vec::new();
    let mut total = None;
    loop {
        let page = store.members(&everything(), &q).unwrap();
        assert!(page.rows.len() <= q.limit as usize);
        total.get_or_insert(page.total);
        codes.extend(page.rows.iter().map(|r| r.code.to_string()));
        match page.next {
            // The cursor survives its text form, as it does in links.
            Some(next) => q.after = Some(MemberCursor::decode(&next.encode()).unwrap()),
            None => return (codes, total.unwrap()),
        }
    }
}

#[test]
fn members_are_listed_by_given_name_then_middle_then_family_name() {
    let ds = dataset();
    let tree = TreeHistory::build(&ds.orgs).unwrap();
    let root = oc("T");
    for db in backends() {
        let store = db.open();
        store.load_dataset(&ds, &audit()).unwrap();
        for day in ["2016-07-01", "2019-01-01", "2020-07-31", "2026-01-01"] {
            let day: Date = d(day);
            let mut expected: Vec<&str> = ds
                .members
                .iter()
                .filter(|m| is_member_on(m, day, |o| tree.is_in_subtree(o, &root, day)))
                .map(|m| m.profile.full_name.as_str())
                .collect();
            expected.sort_by_key(|n| name_sort_key(n));
            let got = names(&store, &query("T", &day.to_string(), None, 500));
            assert_eq!(got, expected, "on {day}");
        }
        let got = names(&store, &query("H", "2020-07-31", None, 3));
        assert_eq!(got, ["Lê An", "Đinh Văn An", "Đỗ Văn Anh"]);
    }
}

#[test]
fn search_ignores_diacritics_and_accepts_the_given_name_first() {
    let ds = dataset();
    for db in backends() {
        let store = db.open();
        store.load_dataset(&ds, &audit()).unwrap();
        let find = |text: &str| names(&store, &query("T", "2020-07-31", Some(text), 500));
        assert_eq!(find("nguyen van hung"), ["Nguyễn Văn Hùng"]);
        assert_eq!(find("NGUYỄN  văn"), ["Nguyễn Văn Hùng"]);
        assert_eq!(find("hung"), ["Nguyễn Hùng", "Nguyễn Văn Hùng"]);
        assert_eq!(find("hùng nguyễn"), ["Nguyễn Hùng", "Nguyễn Văn Hùng"]);
        assert_eq!(find("dang"), ["Đặng Thị Đào"]);
        assert_eq!(find("đào"), ["Đặng Thị Đào"]);
        assert!(find("xyz").is_empty());
        assert_eq!(find("   ").len(), 10, "blank search lists everyone");
        let page = store
            .members(&everything(), &query("T", "2020-07-31", Some("an"), 500))
            .unwrap();
        assert_eq!(page.total, page.rows.len() as u64);
        assert!(page.rows.iter().all(|r| r.full_name.contains("An")));
    }
}

#[test]
fn pages_cover_every_member_exactly_once() {
    let ds = dataset();
    for db in backends() {
        let store = db.open();
        store.load_dataset(&ds, &audit()).unwrap();
        let everyone = store
            .members(&everything(), &query("T", "2020-07-31", None, 500))
            .unwrap();
        let expected: Vec<String> = everyone.rows.iter().map(|r| r.code.to_string()).collect();
        assert_eq!(everyone.total, 10);
        assert_eq!(everyone.next, None);
        for limit in [1, 2, 3, 7] {
            let (codes, total) = all_pages(&store, query("T", "2020-07-31", None, limit));
            assert_eq!(codes, expected, "limit {limit}");
            assert_eq!(total, 10);
        }
        // A limit out of range is clamped, not an error.
        let one = store
            .members(&everything(), &query("T", "2020-07-31", None, 0))
            .unwrap();
        assert_eq!(one.rows.len(), 1);
    }
}

#[test]
fn list_rows_show_the_status_and_cell_on_the_day() {
    let ds = dataset();
    for db in backends() {
        let store = db.open();
        store.load_dataset(&ds, &audit()).unwrap();
        let page = store
            .members(&everything(), &query("CS", "2020-07-31", Some("le an"), 10))
            .unwrap();
        let row = &page.rows[0];
        assert_eq!(row.code, mc("M04"));
        assert_eq!(row.status, dangvu_domain::MemberStatus::MienSinhHoat);
        assert_eq!(row.org.code, oc("CS"));
        assert_eq!(row.official_on, Some(d("2019-06-01")));
    }
}

fn assert_not_found(result: Result<impl std::fmt::Debug, StoreError>, code: &str) {
    match result {
        Err(StoreError::NotFound { code: c, .. }) => assert_eq!(c, code),
        other => panic!("expected NotFound for {code}, got {other:?}"),
    }
}

#[test]
fn outside_the_scope_looks_exactly_like_missing() {
    let ds = dataset();
    for db in backends() {
        let store = db.open();
        store.load_dataset(&ds, &audit()).unwrap();
        let today = d("2020-07-31");
        let g1 = Scope::subtree(oc("G1"), today);
        // Inside: G1's cells and members, including C3 which joined G1 in 2019.
        assert!(store.org(&g1, &oc("C3"), today).is_ok());
        assert!(store.member(&g1, &mc("M03")).is_ok());
        assert!(store.figures(&g1, &oc("G1"), today).is_ok());
        // Outside: CS and its members, the superior H, the other root.
        let missing: OrgCode = oc("NOPE");
        for org in [oc("CS"), oc("H"), oc("DS"), missing.clone()] {
            let code = org.to_string();
            assert_not_found(store.org(&g1, &org, today), &code);
            assert_not_found(store.figures(&g1, &org, today), &code);
            assert_not_found(store.children(&g1, &org, today), &code);
            let mut q = query("T", "2020-07-31", None, 10);
            q.org = org.clone();
            assert_not_found(store.members(&g1, &q), &code);
        }
        for member in ["M04", "M09", "NOPE"] {
            assert_not_found(store.member(&g1, &mc(member)), member);
        }
        // A member who left is judged by their last registration: M10 left C1 for DSC.
        assert_not_found(store.member(&g1, &mc("M10")), "M10");
        let ds_scope = Scope::subtree(oc("DS"), today);
        assert!(store.member(&ds_scope, &mc("M10")).is_ok());
        // Roots under a scope: only the scope root.
        let roots = store.roots(&g1, today).unwrap();
        assert_eq!(roots.len(), 1);
        assert_eq!(roots[0].code, oc("G1"));
        let all: Vec<String> = store
            .roots(&everything(), today)
            .unwrap()
            .into_iter()
            .map(|r| r.code.to_string())
            .collect();
        assert_eq!(all, ["DS", "T"]);
    }
}

#[test]
fn a_districts_pages_found_along_the_name_index_are_its_members_in_list_order() {
    // The demo district is most of its database, so its pages are found by walking the
    // name index; a cell's by sorting its members. Both must list exactly the members the
    // domain counts, in the order of the name key then the code.
    let ds = dangvu_demo::generate(dangvu_demo::DEFAULT_SEED);
    let tree = TreeHistory::build(&ds.orgs).unwrap();
    for db in backends() {
        let store = db.open();
        store.load_dataset(&ds, &audit()).unwrap();
        for (root, day) in [
            ("VX", "2020-07-31"),
            ("VX.01.01", "2020-07-31"),
            ("TQ", "2025-11-26"),
        ] {
            let on: Date = d(day);
            let mut expected: Vec<(String, String)> = ds
                .members
                .iter()
                .filter(|m| is_member_on(m, on, |o| tree.is_in_subtree(o, &oc(root), on)))
                .map(|m| {
                    (
                        name_sort_key(&m.profile.full_name),
                        m.code.as_str().to_string(),
                    )
                })
                .collect();
            expected.sort();
            let expected: Vec<String> = expected.into_iter().map(|(_, code)| code).collect();
            let (listed, total) = all_pages(&store, query(root, day, None, 50));
            assert_eq!(listed, expected, "{root} on {day} ({:?})", store.backend());
            assert_eq!(total, expected.len() as u64);
        }
    }
}
