//! Pre-summed figures kept by differences equal the figures summed from scratch, row for
//! row, on random units, paths and sequences of writes.

use super::*;
use crate::dates::{DateSentinels, find_on};
use chrono::Days;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::collections::BTreeMap;

fn d(y: i32, m: u32, day: u32) -> Date {
    Date::from_ymd_opt(y, m, day).unwrap()
}

fn day(rng: &mut ChaCha8Rng) -> Date {
    d(2014, 1, 1) + Days::new(rng.random_range(0..6 * 365))
}

fn period(rng: &mut ChaCha8Rng) -> Period {
    let (a, b) = (day(rng), day(rng));
    let from = if rng.random_bool(0.2) {
        Date::MIN_SENTINEL
    } else {
        a.min(b)
    };
    let to = if rng.random_bool(0.3) {
        Date::MAX_SENTINEL
    } else {
        a.max(b)
    };
    Period { from, to }
}

fn counts(rng: &mut ChaCha8Rng) -> SubtreeCounts {
    SubtreeCounts {
        members: rng.random_range(0..5),
        probationary: rng.random_range(0..2),
        exempted: rng.random_range(0..2),
        grassroots_orgs: rng.random_range(0..2),
        cells_under_grassroots: 0,
    }
}

fn contribution(rng: &mut ChaCha8Rng) -> Contribution {
    let years = (0..rng.random_range(0..3))
        .map(|_| {
            let year = rng.random_range(2014..2020);
            let counts = YearCounts {
                members_rated: rng.random_range(0..4),
                members_completed: 1,
                orgs_rated: rng.random_range(0..2),
                orgs_good: 0,
            };
            (year, (d(year, 12, 31), counts))
        })
        .collect();
    Contribution {
        counts: (0..rng.random_range(0..4))
            .map(|_| (period(rng), counts(rng)))
            .collect(),
        admissions: (0..rng.random_range(0..3))
            .map(|_| (day(rng), rng.random_range(1..3)))
            .collect(),
        years,
    }
}

/// Consecutive periods of a unit's path among organizations 1–4.
fn paths(rng: &mut ChaCha8Rng, unit: i64) -> Vec<UnitPath> {
    let mut cuts: Vec<Date> = (0..rng.random_range(0..3)).map(|_| day(rng)).collect();
    cuts.sort();
    cuts.dedup();
    let mut from = Date::MIN_SENTINEL;
    let mut out = Vec::new();
    for to in cuts.into_iter().chain([Date::MAX_SENTINEL]) {
        let mut ids: Vec<i64> = (1..=4).filter(|_| rng.random_bool(0.5)).collect();
        ids.push(unit);
        out.push(UnitPath {
            period: Period { from, to },
            ids,
        });
        from = to;
    }
    out
}

type Unit = (Vec<UnitPath>, Contribution);

/// The counts on `day` of an organization's stored periods, as storage reads them.
fn counts_on(periods: &[(Period, SubtreeCounts)], day: Date) -> SubtreeCounts {
    find_on(periods.iter().copied(), day).unwrap_or_default()
}

/// The stored state: every organization's periods, admissions and years.
#[derive(Debug, Default, PartialEq)]
struct Stored {
    counts: BTreeMap<i64, Vec<(Period, SubtreeCounts)>>,
    admissions: BTreeMap<(i64, Date), i64>,
    years: BTreeMap<(i64, i32), YearCounts>,
}

impl Stored {
    /// Applies `changes` as storage does: reads the periods ending on or after a bound no
    /// later than the first change, deletes them and writes their rewrite.
    fn apply(&mut self, mut changes: Changes, rng: &mut ChaCha8Rng) {
        changes.prune();
        for (org, steps) in &changes.counts {
            let first = steps.first().unwrap();
            let bound = if rng.random_bool(0.5) {
                first
            } else {
                Date::MIN_SENTINEL
            };
            let rows = self.counts.entry(*org).or_default();
            let keep: Vec<_> = rows.iter().filter(|(p, _)| p.to < bound).cloned().collect();
            let read: Vec<_> = rows
                .iter()
                .filter(|(p, _)| p.to >= bound)
                .cloned()
                .collect();
            *rows = keep.into_iter().chain(rewrite(&read, steps)).collect();
        }
        self.counts.retain(|_, rows| !rows.is_empty());
        for (key, n) in changes.admissions {
            *self.admissions.entry(key).or_default() += n;
        }
        self.admissions.retain(|_, n| *n != 0);
        for (key, c) in changes.years {
            self.years.entry(key).or_default().add(c, 1);
        }
        self.years.retain(|_, c| !c.is_zero());
    }
}

fn from_scratch(units: &[Unit], rng: &mut ChaCha8Rng) -> Stored {
    let mut changes = Changes::default();
    for (paths, unit) in units {
        for path in paths {
            changes.add(path, unit, 1);
        }
    }
    let mut stored = Stored::default();
    stored.apply(changes, rng);
    stored
}

/// The value on `day` counted unit by unit, without any of the machinery.
fn counted_on(units: &[Unit], org: i64, on: Date) -> SubtreeCounts {
    let mut total = SubtreeCounts::default();
    for (paths, unit) in units {
        for path in paths.iter().filter(|p| p.ids.contains(&org)) {
            for (period, c) in &unit.counts {
                if period.contains(on) && path.period.contains(on) {
                    total.add(*c, 1);
                }
            }
        }
    }
    total
}

/// Admissions on `day` counted unit by unit.
fn admitted_on(units: &[Unit], org: i64, on: Date) -> i64 {
    let mut total = 0;
    for (paths, unit) in units {
        for path in paths.iter().filter(|p| p.ids.contains(&org)) {
            for (day, n) in &unit.admissions {
                if *day == on && path.period.contains(on) {
                    total += n;
                }
            }
        }
    }
    total
}

#[test]
fn figures_kept_by_differences_equal_figures_from_scratch() {
    let mut rng = ChaCha8Rng::seed_from_u64(20261205);
    for _ in 0..200 {
        let mut units: Vec<Unit> = (0..rng.random_range(1..6))
            .map(|i| (paths(&mut rng, 10 + i), contribution(&mut rng)))
            .collect();
        let mut stored = from_scratch(&[], &mut rng);
        // Write the units one at a time, then rewrite some of them: each write takes the
        // unit's contribution before and after, as storage does.
        let mut written: Vec<Unit> = Vec::new();
        for unit in &units {
            let mut changes = Changes::default();
            for path in &unit.0 {
                changes.add(path, &unit.1, 1);
            }
            stored.apply(changes, &mut rng);
            written.push(unit.clone());
        }
        for _ in 0..3 {
            let i = rng.random_range(0..units.len());
            let replacement: Unit = if rng.random_bool(0.5) {
                (units[i].0.clone(), contribution(&mut rng))
            } else {
                (paths(&mut rng, 10 + i as i64), units[i].1.clone())
            };
            let mut changes = Changes::default();
            for path in &units[i].0 {
                changes.add(path, &units[i].1, -1);
            }
            for path in &replacement.0 {
                changes.add(path, &replacement.1, 1);
            }
            stored.apply(changes, &mut rng);
            units[i] = replacement;
        }
        let expected = from_scratch(&units, &mut rng);
        assert_eq!(stored, expected);
        for ((org, on), n) in &stored.admissions {
            assert_eq!(*n, admitted_on(&units, *org, *on));
        }
        for org in 1..=14 {
            let rows = stored.counts.get(&org).cloned().unwrap_or_default();
            for _ in 0..20 {
                let on = day(&mut rng);
                assert_eq!(counts_on(&rows, on), counted_on(&units, org, on));
            }
        }
    }
}

#[test]
fn stored_periods_are_canonical() {
    let mut steps = Steps::default();
    let one = SubtreeCounts {
        members: 1,
        ..SubtreeCounts::default()
    };
    steps.add(
        Period::new(Some(d(2020, 1, 1)), Some(d(2020, 6, 1))),
        one,
        1,
    );
    steps.add(Period::new(Some(d(2020, 6, 1)), None), one, 1);
    steps.add(Period::new(Some(d(2021, 1, 1)), None), one, 1);
    steps.add(Period::new(Some(d(2021, 1, 1)), None), one, -1);
    let rows = rewrite(&[], &steps);
    assert_eq!(rows, vec![(Period::new(Some(d(2020, 1, 1)), None), one)]);
    let mut undo = Steps::default();
    undo.add(Period::new(Some(d(2020, 3, 1)), None), one, -1);
    let rows = rewrite(&rows, &undo);
    assert_eq!(
        rows,
        vec![(Period::new(Some(d(2020, 1, 1)), Some(d(2020, 3, 1))), one)]
    );
    assert_eq!(counts_on(&rows, d(2020, 2, 29)), one);
    assert!(counts_on(&rows, d(2020, 3, 1)).is_zero());
}

#[test]
fn an_organization_counts_itself_by_its_kind() {
    assert_eq!(SubtreeCounts::of_org(OrgType::ChiBoCoSo).grassroots_orgs, 1);
    let under = SubtreeCounts::of_org(OrgType::ChiBoTrucThuoc);
    assert_eq!(
        (under.grassroots_orgs, under.cells_under_grassroots),
        (0, 1)
    );
    assert!(SubtreeCounts::of_org(OrgType::Huyen).is_zero());
}
