//! Random member histories and the check of every stored figure against the domain's
//! reference over what the store holds (its export): shared by the tests of the cells'
//! tallies and of the subtrees' pre-summed figures.

#![allow(dead_code, clippy::unwrap_used, clippy::panic)]

use super::audit;
use super::fixture::{d, mc, oc, orgs, sample_days};
use dangvu_domain::dataset::{
    Dataset, MemberRating, MemberRecord, OrgRating, Registration, StatusChange,
};
use dangvu_domain::summary::{SummaryParams, compute, figures_on};
use dangvu_domain::tree::TreeHistory;
use dangvu_domain::{Date, MemberStatus, Rating};
use dangvu_storage::{GivenColumns, ImportRequest, Scope, Store};
use rand::Rng;
use rand_chacha::ChaCha8Rng;

/// Cells that exist from 2016 to the end of the fixture.
pub const CELLS: [&str; 5] = ["C1", "C2", "C4", "CS", "DSC"];
pub const STATUSES: [MemberStatus; 5] = [
    MemberStatus::DangSinhHoat,
    MemberStatus::MienSinhHoat,
    MemberStatus::TuTran,
    MemberStatus::ChuyenDi,
    MemberStatus::KhaiTru,
];
pub const RATINGS: [Rating; 4] = [Rating::Htxsnv, Rating::Httnv, Rating::Htnv, Rating::Khtnv];

pub fn everything() -> Scope {
    Scope::whole_installation(d("2025-11-26"))
}

/// `n` distinct days of 2016-06-01 … 2024-12-31, in order.
pub fn days(rng: &mut ChaCha8Rng, n: usize) -> Vec<Date> {
    let mut days: Vec<Date> = (0..n)
        .map(|_| d("2016-06-01") + chrono::Days::new(rng.random_range(0..3100)))
        .collect();
    days.sort();
    days.dedup();
    days
}

pub fn pick<T: Copy>(rng: &mut ChaCha8Rng, of: &[T]) -> T {
    of[rng.random_range(0..of.len())]
}

/// A member with a random history: admitted, maybe official a year later, moved between
/// cells and through statuses on random days.
pub fn random_member(rng: &mut ChaCha8Rng, code: &str) -> MemberRecord {
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
        profile: super::fixture::member(code, "Nguyễn Văn An", "2016-01-01", None, &[], &[])
            .profile,
        admitted_on,
        official_on,
        registrations,
        statuses,
    }
}

pub fn random_ratings(rng: &mut ChaCha8Rng, members: &[MemberRecord]) -> Vec<MemberRating> {
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
pub fn assert_agrees_with_reference(store: &Store, context: &str) {
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
pub fn import_as(store: &Store, ds: &Dataset, dry_run: bool) {
    let request = ImportRequest {
        dataset: ds,
        columns: &GivenColumns::all(),
        effective_on: d("2025-01-01"),
        dry_run,
        progress: None,
        rows: None,
    };
    store.import(&everything(), &request, &audit()).unwrap();
}

pub fn import(store: &Store, ds: &Dataset) {
    import_as(store, ds, false);
}

/// Every organization's figures on every sample day.
pub fn all_figures(store: &Store) -> Vec<dangvu_domain::summary::Figures> {
    let mut all = Vec::new();
    for day in sample_days() {
        for org in orgs() {
            all.push(store.figures(&everything(), &org.code, day).unwrap());
        }
    }
    all
}

/// Ratings of the grassroots organizations in random years.
pub fn random_org_ratings(rng: &mut ChaCha8Rng) -> Vec<OrgRating> {
    let mut ratings = Vec::new();
    for org in ["G1", "G2", "CS", "DS"] {
        for year in 2016..=2024 {
            if rng.random_bool(0.5) {
                ratings.push(OrgRating {
                    year,
                    org: oc(org),
                    rating: pick(rng, &RATINGS),
                    score: None,
                });
            }
        }
    }
    ratings
}
