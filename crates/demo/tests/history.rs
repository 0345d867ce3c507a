//! The members' histories: registrations, statuses, probation, and life after the term.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use chrono::Datelike;
use common::{code, day, demo, demo_tree};
use dangvu_demo::{DATA_END, DEFAULT_SEED, PROVINCE_CODE, TERM_END, TERM_START, generate};
use dangvu_domain::dataset::OrgRecord;
use dangvu_domain::dates::add_months;
use dangvu_domain::enums::Enumeration;
use dangvu_domain::summary::figures_on;
use dangvu_domain::{MemberStatus, OrgCode};
use std::collections::{BTreeMap, HashMap};

fn orgs_by_code() -> HashMap<&'static OrgCode, &'static OrgRecord> {
    demo().orgs.iter().map(|o| (&o.code, o)).collect()
}

#[test]
fn every_registration_lies_in_a_cell_that_exists_for_the_whole_registration() {
    let orgs = orgs_by_code();
    let mut checked = 0;
    for member in &demo().members {
        assert!(!member.registrations.is_empty(), "{}", member.code);
        for (period, org_code) in member.registration_periods() {
            let org = orgs[org_code];
            assert!(
                org.org_type.registers_members(),
                "{}: {org_code}",
                member.code
            );
            let life = org.life();
            assert!(
                life.from <= period.from && period.to <= life.to,
                "{}: registered in {org_code} over {period:?}, which exists over {life:?}",
                member.code
            );
            checked += 1;
        }
        let sinces: Vec<_> = member.registrations.iter().map(|r| r.since).collect();
        assert!(sinces.windows(2).all(|w| w[0] < w[1]), "{}", member.code);
    }
    assert!(checked > demo().members.len());
}

#[test]
fn status_changes_follow_admission_one_per_day() {
    for member in &demo().members {
        let days: Vec<_> = member.statuses.iter().map(|s| s.on).collect();
        assert!(days.windows(2).all(|w| w[0] < w[1]), "{}", member.code);
        assert!(
            days.iter().all(|d| *d > member.admitted_on),
            "{}",
            member.code
        );
        assert!(days.iter().all(|d| *d <= DATA_END), "{}", member.code);
        let all_but_last_count = member
            .statuses
            .iter()
            .rev()
            .skip(1)
            .all(|s| s.status.counts_as_member());
        assert!(
            all_but_last_count,
            "{}: nothing happens after leaving",
            member.code
        );
    }
}

#[test]
fn admission_ages_are_between_18_and_60_full_years() {
    for member in &demo().members {
        let birth = member.profile.birth_date.unwrap();
        let admitted = member.admitted_on;
        let mut age = admitted.year() - birth.year();
        if (admitted.month(), admitted.day()) < (birth.month(), birth.day()) {
            age -= 1;
        }
        assert!(
            (18..=60).contains(&age),
            "{}: admitted at {age}",
            member.code
        );
    }
}

#[test]
fn probation_lasts_twelve_months_unless_it_fails_or_the_data_ends() {
    let mut failed_in_term = 0;
    for member in &demo().members {
        let due = add_months(member.admitted_on, 12);
        let left = member
            .statuses
            .iter()
            .find(|s| !s.status.counts_as_member())
            .map(|s| (s.status, s.on));
        match member.official_on {
            Some(official) => {
                assert_eq!(official, due, "{}", member.code);
                assert!(member.profile.party_card_no.is_some(), "{}", member.code);
            }
            None => {
                assert!(member.profile.party_card_no.is_none(), "{}", member.code);
                let failed = left == Some((MemberStatus::XoaTen, due));
                let left_early = left.is_some_and(|(_, on)| on <= due);
                assert!(due > DATA_END || failed || left_early, "{}", member.code);
                if failed && due <= TERM_END && member.admitted_on >= TERM_START {
                    failed_in_term += 1;
                }
            }
        }
    }
    assert!((3..=8).contains(&failed_in_term), "{failed_in_term}");
}

#[test]
fn members_move_die_and_leave_in_realistic_numbers() {
    let members = &demo().members;
    let transfers = members
        .iter()
        .flat_map(|m| m.registrations.iter().skip(1))
        .filter(|r| r.since.is_some_and(|d| d >= TERM_START))
        .count();
    assert!((300..=900).contains(&transfers), "{transfers} transfers");
    let mut by_status: BTreeMap<&str, usize> = BTreeMap::new();
    for status in members.iter().flat_map(|m| &m.statuses) {
        *by_status.entry(status.status.label_vi()).or_default() += 1;
    }
    println!("status changes: {by_status:?}, transfers: {transfers}");
    let count = |s: MemberStatus| by_status.get(s.label_vi()).copied().unwrap_or(0);
    assert!(count(MemberStatus::TuTran) > 500);
    assert!(count(MemberStatus::MienSinhHoat) > 400);
    assert!(count(MemberStatus::ChuyenDi) > 30);
    for rare in [
        MemberStatus::XoaTen,
        MemberStatus::KhaiTru,
        MemberStatus::RaKhoiDang,
    ] {
        assert!((3..=80).contains(&count(rare)), "{rare}: {}", count(rare));
    }
    let arrivals = members
        .iter()
        .filter(|m| m.registrations[0].since.is_some_and(|s| s > m.admitted_on))
        .count();
    assert!(arrivals > 100, "{arrivals} members came from elsewhere");
}

#[test]
fn activity_continues_after_the_term() {
    let mut admissions: BTreeMap<i32, usize> = BTreeMap::new();
    for member in &demo().members {
        *admissions.entry(member.admitted_on.year()).or_default() += 1;
    }
    for year in 2021..=2025 {
        let n = admissions[&year];
        assert!((150..=250).contains(&n), "{year}: {n} admissions");
    }
    let tq = code(PROVINCE_CODE);
    let today = figures_on(demo(), demo_tree(), &tq, DATA_END);
    let term = figures_on(demo(), demo_tree(), &code("VX"), TERM_END);
    println!("today {today:?}\nterm end {term:?}");
    assert_ne!(today.members, term.members);
    assert!((7000..=9500).contains(&today.members), "{today:?}");
    assert_eq!(today.cells_under_grassroots, 401);
    assert_eq!(today.grassroots_orgs, 78);
    let recognized_after = demo()
        .members
        .iter()
        .filter(|m| m.official_on.is_some_and(|d| d > TERM_END))
        .count();
    assert!(recognized_after > 800, "{recognized_after}");
}

#[test]
fn every_active_member_and_organization_is_rated_every_year() {
    let dataset = demo();
    for year in 2015..=2025 {
        let dec31 = day(year, 12, 31);
        let rated_orgs: Vec<&OrgCode> = dataset
            .org_ratings
            .iter()
            .filter(|r| r.year == year)
            .map(|r| &r.org)
            .collect();
        let expected_orgs: Vec<&OrgCode> = dataset
            .orgs
            .iter()
            .filter(|o| o.is_active_on(dec31))
            .filter(|o| o.org_type.is_grassroots() || o.org_type.registers_members())
            .map(|o| &o.code)
            .collect();
        assert!(
            rated_orgs == expected_orgs,
            "{year}: rated organizations differ"
        );
        let rated: Vec<_> = dataset
            .member_ratings
            .iter()
            .filter(|r| r.year == year)
            .map(|r| &r.member)
            .collect();
        let active: Vec<_> = dataset
            .members
            .iter()
            // Rated from six months after admission (the rule sets' minimum).
            .filter(|m| add_months(m.admitted_on, 6) <= dec31 && m.registration_on(dec31).is_some())
            .filter(|m| m.status_on(dec31) == MemberStatus::DangSinhHoat)
            .map(|m| &m.code)
            .collect();
        assert!(
            rated == active,
            "{year}: {} rated, {} active",
            rated.len(),
            active.len()
        );
        let completed = dataset
            .member_ratings
            .iter()
            .filter(|r| r.year == year && r.rating.is_completed_or_better())
            .count();
        assert!(completed * 100 >= rated.len() * 80, "{year}");
        let scored = dataset
            .member_ratings
            .iter()
            .any(|r| r.year == year && r.score.is_some());
        assert_eq!(
            scored,
            year >= 2025,
            "{year}: points only on the 2025 scale"
        );
    }
}

#[test]
fn the_same_seed_gives_the_same_dataset() {
    assert_eq!(&generate(DEFAULT_SEED), demo());
    assert_ne!(&generate(DEFAULT_SEED + 1), demo());
}
