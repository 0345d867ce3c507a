//! The tally of a cell equals counting its members one by one, on random histories.

use super::*;
use crate::dates::{DateSentinels, find_on};
use crate::membership::is_probationary_on;
use chrono::{Datelike, Days};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

fn d(y: i32, m: u32, day: u32) -> Date {
    Date::from_ymd_opt(y, m, day).unwrap()
}

const STATUSES: [MemberStatus; 4] = [
    MemberStatus::DangSinhHoat,
    MemberStatus::MienSinhHoat,
    MemberStatus::TuTran,
    MemberStatus::ChuyenDi,
];
const RATINGS: [Rating; 4] = [Rating::Htxsnv, Rating::Httnv, Rating::Htnv, Rating::Khtnv];

/// A day in 2014–2021, so that periods meet, overlap and touch often.
fn day(rng: &mut ChaCha8Rng) -> Date {
    d(2014, 1, 1) + Days::new(rng.random_range(0..8 * 365))
}

/// A random member: statuses as consecutive periods from an open start, ratings in some
/// of the years.
fn member(rng: &mut ChaCha8Rng) -> MemberFacts {
    let admitted_on = day(rng);
    let official_on = if rng.random_bool(0.7) {
        Some(day(rng))
    } else {
        None
    };
    let mut cuts: Vec<Date> = (0..rng.random_range(0..3)).map(|_| day(rng)).collect();
    cuts.sort();
    cuts.dedup();
    let mut from = Date::MIN_SENTINEL;
    let mut statuses = Vec::new();
    for to in cuts.into_iter().chain([Date::MAX_SENTINEL]) {
        let status = STATUSES[rng.random_range(0..STATUSES.len())];
        statuses.push((Period { from, to }, status));
        from = to;
    }
    let mut ratings = Vec::new();
    for year in 2014..=2021 {
        if rng.random_bool(0.5) {
            ratings.push((year, RATINGS[rng.random_range(0..RATINGS.len())]));
        }
    }
    MemberFacts {
        admitted_on,
        official_on,
        statuses,
        ratings,
    }
}

/// A random stay: open or closed at either end.
fn registered(rng: &mut ChaCha8Rng) -> Period {
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

/// The counts on `day`, member by member, by the definitions of `crate::membership`.
fn counted_on(stays: &[Stay<'_>], on: Date) -> Counts {
    let mut c = Counts::default();
    for stay in stays.iter().filter(|s| s.registered.contains(on)) {
        let m = stay.member;
        let statuses = m.statuses.iter().filter(|(p, _)| p.contains(on));
        for (_, status) in statuses.filter(|(_, s)| s.counts_as_member()) {
            if m.admitted_on <= on {
                c.members += 1;
                c.probationary += i64::from(is_probationary_on(m.official_on, on));
                c.exempted += i64::from(*status == MemberStatus::MienSinhHoat);
            }
        }
    }
    c
}

#[test]
fn the_tally_equals_counting_member_by_member_on_every_day() {
    for seed in 0..200 {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let members: Vec<MemberFacts> = (0..rng.random_range(0..12))
            .map(|_| member(&mut rng))
            .collect();
        let stays: Vec<Stay<'_>> = members
            .iter()
            .flat_map(|m| {
                let n = rng.random_range(1..3);
                (0..n)
                    .map(|_| Stay {
                        registered: registered(&mut rng),
                        member: m,
                    })
                    .collect::<Vec<_>>()
            })
            .collect();
        let tally = tally(&stays);
        let mut on = d(2013, 12, 25);
        while on < d(2022, 1, 10) {
            assert_eq!(
                find_on(tally.counts.iter().copied(), on).unwrap_or_default(),
                counted_on(&stays, on),
                "seed {seed} on {on}"
            );
            on = on + Days::new(1);
        }
        for (period, counts) in &tally.counts {
            assert!(
                !period.is_empty() && *counts != Counts::default(),
                "seed {seed}"
            );
        }
        for pair in tally.counts.windows(2) {
            assert!(
                pair[0].0.to <= pair[1].0.from,
                "seed {seed}: ordered, disjoint"
            );
        }
        for (year, ratings) in &tally.ratings {
            let end = d(*year, 12, 31);
            let mut expected = YearRatings::default();
            for stay in stays.iter().filter(|s| s.registered.contains(end)) {
                for (_, rating) in stay.member.ratings.iter().filter(|(y, _)| y == year) {
                    expected.rated += 1;
                    expected.completed += i64::from(rating.is_completed_or_better());
                }
            }
            assert_eq!(*ratings, expected, "seed {seed} year {year}");
            assert_eq!(end.year(), *year);
        }
        let admitted: i64 = stays
            .iter()
            .filter(|s| s.registered.contains(s.member.admitted_on))
            .count() as i64;
        assert_eq!(
            tally.admissions.values().sum::<i64>(),
            admitted,
            "seed {seed}"
        );
    }
}

#[test]
fn a_probationary_member_who_becomes_official_and_is_exempted_later() {
    let member = MemberFacts {
        admitted_on: d(2016, 3, 1),
        official_on: Some(d(2017, 3, 1)),
        statuses: vec![
            (
                Period::new(None, Some(d(2019, 9, 1))),
                MemberStatus::DangSinhHoat,
            ),
            (
                Period::new(Some(d(2019, 9, 1)), None),
                MemberStatus::MienSinhHoat,
            ),
        ],
        ratings: vec![(2016, Rating::Htnv), (2018, Rating::Khtnv)],
    };
    let stays = [Stay {
        registered: Period::new(None, Some(d(2020, 5, 10))),
        member: &member,
    }];
    let tally = tally(&stays);
    let one = |probationary, exempted| Counts {
        members: 1,
        probationary,
        exempted,
    };
    assert_eq!(
        tally.counts,
        vec![
            (
                Period::new(Some(d(2016, 3, 1)), Some(d(2017, 3, 1))),
                one(1, 0)
            ),
            (
                Period::new(Some(d(2017, 3, 1)), Some(d(2019, 9, 1))),
                one(0, 0)
            ),
            (
                Period::new(Some(d(2019, 9, 1)), Some(d(2020, 5, 10))),
                one(0, 1)
            ),
        ]
    );
    assert_eq!(tally.admissions, BTreeMap::from([(d(2016, 3, 1), 1)]));
    let ratings = |rated, completed| YearRatings { rated, completed };
    assert_eq!(
        tally.ratings,
        BTreeMap::from([(2016, ratings(1, 1)), (2018, ratings(1, 0))])
    );
}
