//! The figures read from the cells' tallies equal the domain's member-by-member reference
//! on random histories, after a load and after imports that move members, change their
//! statuses, days and ratings, and add new ones — on both engines. The reference is computed
//! over what the store holds afterwards (its export), so the test checks that every write
//! kept the tallies of every cell it touched.

// Helpers outside #[test] functions fail loudly too.
#![allow(clippy::unwrap_used, clippy::panic)]

mod common;

use common::fixture::{d, mc, oc, orgs, sample_days};
use common::{audit, backends};
use dangvu_domain::dataset::{Dataset, MemberRating, MemberRecord, Registration, StatusChange};
use dangvu_domain::summary::{SummaryParams, compute, figures_on};
use dangvu_domain::tree::TreeHistory;
use dangvu_domain::{Date, MemberStatus, Rating};
use dangvu_storage::{GivenColumns, ImportRequest, Scope, Store};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// Cells that exist from 2016 to the end of the fixture.
const CELLS: [&str; 5] = ["C1", "C2", "C4", "CS", "DSC"];
const STATUSES: [MemberStatus; 5] = [
    MemberStatus::DangSinhHoat,
    MemberStatus::MienSinhHoat,
    MemberStatus::TuTran,
    MemberStatus::ChuyenDi,
    MemberStatus::KhaiTru,
];
const RATINGS: [Rating; 4] = [Rating::Htxsnv, Rating::Httnv, Rating::Htnv, Rating::Khtnv];

fn everything() -> Scope {
    Scope::whole_installation(d("2025-11-26"))
}

/// `n` distinct days of 2016-06-01 … 2024-12-31, in order.
fn days(rng: &mut ChaCha8Rng, n: usize) -> Vec<Date> {
    let mut days: Vec<Date> = (0..n)
        .map(|_| d("2016-06-01") + chrono::Days::new(rng.random_range(0..3100)))
        .collect();
    days.sort();
    days.dedup();
    days
}

fn pick<T: Copy>(rng: &mut ChaCha8Rng, of: &[T]) -> T {
    of[rng.random_range(0..of.len())]
}

/// A member with a random history: admitted, maybe official a year later, moved between
/// cells and through statuses on random days.
fn random_member(rng: &mut ChaCha8Rng, code: &str) -> MemberRecord {
    let admitted_on = days(rng, 1)[0];
    let official_on = rng
        .random_bool(0.7)
        .then(|| admitted_on + chrono::Months::new(12));
    let mut registrations = vec![Registration {
        org: oc(pick(rng, &CELLS)),
        since: None,
    }];
    let moves = rng.random_range(0..3);
    for since in days(rng, moves) {
        registrations.push(Registration {
            org: oc(pick(rng, &CELLS)),
            since: Some(since),
        });
    }
    let changes = rng.random_range(0..3);
    let statuses = days(rng, changes)
        .into_iter()
        .map(|on| StatusChange {
            status: pick(rng, &STATUSES),
            on,
        })
        .collect();
    MemberRecord {
        code: mc(code),
        profile: common::fixture::member(code, "Nguyễn Văn An", "2016-01-01", None, &[], &[])
            .profile,
        admitted_on,
        official_on,
        registrations,
        statuses,
    }
}

fn random_ratings(rng: &mut ChaCha8Rng, members: &[MemberRecord]) -> Vec<MemberRating> {
    let mut ratings = Vec::new();
    for m in members {
        for year in 2016..=2024 {
            if rng.random_bool(0.4) {
                ratings.push(MemberRating {
                    year,
                    member: m.code.clone(),
                    rating: pick(rng, &RATINGS),
                    score: None,
                });
            }
        }
    }
    ratings
}

/// The stored figures and summaries equal the reference over what the store holds.
fn assert_agrees_with_reference(store: &Store, context: &str) {
    let held = store.export(&everything(), None, &audit()).unwrap();
    let tree = TreeHistory::build(&held.orgs).unwrap();
    for day in sample_days() {
        for org in &held.orgs {
            let expected = figures_on(&held, &tree, &org.code, day);
            let got = store.figures(&everything(), &org.code, day).unwrap();
            assert_eq!(got, expected, "{context}: {} on {day}", org.code);
        }
    }
    for root in ["T", "G1", "DS", "C4"] {
        let params = SummaryParams::new(oc(root), d("2016-01-01"), d("2024-12-31"), None);
        let params = params.unwrap();
        let got = store.summary(&everything(), &params).unwrap();
        assert_eq!(got, compute(&held, &tree, &params), "{context}: {root}");
    }
}

/// Imports `ds` over the stored records (checked and rolled back when `dry_run`).
fn import_as(store: &Store, ds: &Dataset, dry_run: bool) {
    let request = ImportRequest {
        dataset: ds,
        columns: &GivenColumns::all(),
        effective_on: d("2025-01-01"),
        dry_run,
        progress: None,
    };
    store.import(&everything(), &request, &audit()).unwrap();
}

fn import(store: &Store, ds: &Dataset) {
    import_as(store, ds, false);
}

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

/// Every organization's figures on every sample day.
fn all_figures(store: &Store) -> Vec<dangvu_domain::summary::Figures> {
    let mut all = Vec::new();
    for day in sample_days() {
        for org in orgs() {
            all.push(store.figures(&everything(), &org.code, day).unwrap());
        }
    }
    all
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
