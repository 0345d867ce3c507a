//! The people: identity numbers, sheets, and a population that looks like the district's.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use chrono::Datelike;
use common::{code, demo, demo_tree};
use dangvu_demo::{DISTRICT_CODE, TERM_END};
use dangvu_domain::dataset::MemberRecord;
use dangvu_domain::membership::is_member_on;
use dangvu_domain::text::nfc_trim;
use dangvu_domain::{Gender, OrgType};
use std::collections::{BTreeMap, HashSet};

fn members_at_term_end() -> Vec<&'static MemberRecord> {
    let (tree, vx) = (demo_tree(), code(DISTRICT_CODE));
    demo()
        .members
        .iter()
        .filter(|m| is_member_on(m, TERM_END, |o| tree.is_in_subtree(o, &vx, TERM_END)))
        .collect()
}

fn assert_unique<'a>(what: &str, values: impl Iterator<Item = &'a str>) -> usize {
    let mut seen = HashSet::new();
    for value in values {
        assert!(seen.insert(value), "{what} {value} appears twice");
    }
    seen.len()
}

#[test]
fn codes_and_identity_numbers_are_unique_and_well_formed() {
    let members = &demo().members;
    assert_unique("code", members.iter().map(|m| m.code.as_str()));
    for m in members {
        let text = m.code.as_str();
        assert!(text.len() == 9 && text.starts_with("VX-"), "{text}");
        assert!(text[3..].chars().all(|c| c.is_ascii_digit()), "{text}");
        let id = m.profile.citizen_id.as_deref().unwrap();
        assert!(id.len() == 12 && id.starts_with("002"), "{id}");
        assert!(id.chars().all(|c| c.is_ascii_digit()), "{id}");
        let birth = m.profile.birth_date.unwrap();
        let sex_century = u32::from(m.profile.gender == Some(Gender::Nu))
            + if birth.year() >= 2000 { 2 } else { 0 };
        assert_eq!(id[3..4], sex_century.to_string(), "{id} for {birth}");
        assert_eq!(
            id[4..6],
            format!("{:02}", birth.year() % 100),
            "{id} for {birth}"
        );
    }
    let ids = members
        .iter()
        .filter_map(|m| m.profile.citizen_id.as_deref());
    assert_eq!(assert_unique("citizen ID", ids), members.len());
    let cvs = members.iter().filter_map(|m| m.profile.cv_no.as_deref());
    assert_eq!(assert_unique("CV number", cvs), members.len());
    let cards = members
        .iter()
        .filter_map(|m| m.profile.party_card_no.as_deref());
    assert!(assert_unique("party card", cards) > members.len() * 9 / 10);
}

#[test]
fn member_sheets_are_filled_and_nfc() {
    let members = &demo().members;
    let filled = members
        .iter()
        .filter(|m| {
            let p = &m.profile;
            [
                &p.ethnicity,
                &p.citizen_id,
                &p.hometown,
                &p.birthplace,
                &p.occupation,
                &p.general_education,
                &p.professional_qualification,
                &p.political_theory,
                &p.cv_no,
            ]
            .iter()
            .all(|field| field.as_deref().is_some_and(|v| !v.is_empty()))
                && p.gender.is_some()
                && p.birth_date.is_some()
        })
        .count();
    assert_eq!(filled, members.len());
    for m in members {
        let name = &m.profile.full_name;
        assert_eq!(&nfc_trim(name), name);
        assert!(name.split(' ').count() >= 3, "{name}");
    }
    let local = members
        .iter()
        .filter(|m| {
            m.profile
                .hometown
                .as_deref()
                .is_some_and(|h| h.ends_with("Vị Xuyên, Hà Giang"))
        })
        .count();
    assert!(local * 100 > members.len() * 80, "{local}");
    let religious = members
        .iter()
        .filter(|m| m.profile.religion.is_some())
        .count();
    assert!(religious * 100 < members.len() * 3, "{religious}");
}

#[test]
fn the_population_looks_like_the_districts() {
    let members = members_at_term_end();
    let women = members
        .iter()
        .filter(|m| m.profile.gender == Some(Gender::Nu))
        .count();
    let share = women as f64 / members.len() as f64;
    assert!((0.33..=0.43).contains(&share), "{share}");
    let mut groups: BTreeMap<&str, usize> = BTreeMap::new();
    for m in &members {
        *groups
            .entry(m.profile.ethnicity.as_deref().unwrap())
            .or_default() += 1;
    }
    println!("women {share:.3}; ethnic groups {groups:?}");
    for main in ["Tày", "Dao", "Kinh", "Nùng", "Mông"] {
        assert!(
            groups[main] * 100 > members.len() * 4,
            "{main}: {}",
            groups[main]
        );
    }
    let most = groups.iter().max_by_key(|(_, n)| **n).map(|(g, _)| *g);
    assert_eq!(most, Some("Tày"));
    assert!(groups.len() >= 7);
}

#[test]
fn cells_have_realistic_sizes() {
    let orgs: BTreeMap<_, _> = demo().orgs.iter().map(|o| (&o.code, o)).collect();
    let mut sizes: BTreeMap<_, usize> = BTreeMap::new();
    for m in members_at_term_end() {
        *sizes
            .entry(m.registration_on(TERM_END).unwrap())
            .or_default() += 1;
    }
    let mut villages: Vec<usize> = orgs
        .values()
        .filter(|o| o.name.starts_with("Chi bộ thôn") && o.is_active_on(TERM_END))
        .map(|o| sizes.get(&o.code).copied().unwrap_or(0))
        .collect();
    villages.sort_unstable();
    let median = villages[villages.len() / 2];
    println!(
        "village cells: min {}, median {median}, max {}",
        villages[0],
        villages[villages.len() - 1]
    );
    assert!((12..=24).contains(&median), "{median}");
    assert!(villages[villages.len() / 10] >= 7);
    let empty = orgs
        .values()
        .filter(|o| o.org_type.registers_members() && o.is_active_on(TERM_END))
        .filter(|o| sizes.get(&o.code).copied().unwrap_or(0) < 3)
        .count();
    assert_eq!(empty, 0, "every cell has at least three members");
    let large_grassroots_cells = orgs
        .values()
        .filter(|o| o.org_type == OrgType::ChiBoCoSo && o.is_active_on(TERM_END))
        .filter(|o| sizes.get(&o.code).copied().unwrap_or(0) >= 35)
        .count();
    assert_eq!(large_grassroots_cells, 0);
}
