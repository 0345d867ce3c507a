//! The organization tree: the 24 communes, the agencies, the mergers and the 2025 restructure.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{code, day, demo, demo_tree};
use dangvu_demo::{DISTRICT_CODE, PROVINCE_CODE, RESTRUCTURE_DAY, TERM_END, TERM_START};
use dangvu_domain::OrgType;
use dangvu_domain::dataset::OrgRecord;
use dangvu_domain::summary::figures_on;
use std::collections::HashSet;

const COMMUNE_COMMITTEES: [&str; 24] = [
    "Đảng bộ thị trấn Vị Xuyên",
    "Đảng bộ thị trấn Nông trường Việt Lâm",
    "Đảng bộ xã Bạch Ngọc",
    "Đảng bộ xã Cao Bồ",
    "Đảng bộ xã Đạo Đức",
    "Đảng bộ xã Kim Linh",
    "Đảng bộ xã Kim Thạch",
    "Đảng bộ xã Lao Chải",
    "Đảng bộ xã Linh Hồ",
    "Đảng bộ xã Minh Tân",
    "Đảng bộ xã Ngọc Linh",
    "Đảng bộ xã Ngọc Minh",
    "Đảng bộ xã Phong Quang",
    "Đảng bộ xã Phú Linh",
    "Đảng bộ xã Phương Tiến",
    "Đảng bộ xã Quảng Ngần",
    "Đảng bộ xã Thanh Đức",
    "Đảng bộ xã Thanh Thủy",
    "Đảng bộ xã Thuận Hòa",
    "Đảng bộ xã Thượng Sơn",
    "Đảng bộ xã Trung Thành",
    "Đảng bộ xã Tùng Bá",
    "Đảng bộ xã Việt Lâm",
    "Đảng bộ xã Xín Chải",
];

fn org(code_text: &str) -> &'static OrgRecord {
    demo()
        .orgs
        .iter()
        .find(|o| o.code.as_str() == code_text)
        .unwrap()
}

fn active_grassroots_on(date: dangvu_domain::Date) -> Vec<&'static OrgRecord> {
    let tree = demo_tree();
    let vx = code(DISTRICT_CODE);
    demo()
        .orgs
        .iter()
        .filter(|o| o.org_type.is_grassroots() && tree.is_in_subtree(&o.code, &vx, date))
        .collect()
}

#[test]
fn the_district_is_a_root_dissolved_on_the_restructure_day() {
    let vx = org(DISTRICT_CODE);
    assert_eq!(vx.name, "Đảng bộ huyện Vị Xuyên");
    assert_eq!(vx.org_type, OrgType::Huyen);
    assert_eq!(vx.dissolved_on, Some(RESTRUCTURE_DAY));
    assert_eq!(
        demo_tree().chain_on(&vx.code, TERM_END),
        Some(&[vx.code.clone()][..])
    );
}

#[test]
fn the_24_communes_and_towns_are_grassroots_committees_under_the_district() {
    let grassroots = active_grassroots_on(TERM_END);
    for name in COMMUNE_COMMITTEES {
        let commune = grassroots.iter().find(|o| o.name == name);
        let commune = commune.unwrap_or_else(|| panic!("{name} missing"));
        assert_eq!(commune.org_type, OrgType::DangBoCoSo, "{name}");
        let villages = demo()
            .orgs
            .iter()
            .filter(|o| o.parents.first().and_then(|p| p.parent.as_ref()) == Some(&commune.code))
            .filter(|o| {
                o.name.starts_with("Chi bộ thôn") || o.name.starts_with("Chi bộ tổ dân phố")
            })
            .count();
        assert!((5..=20).contains(&villages), "{name}: {villages} villages");
    }
}

#[test]
fn the_term_ends_with_27_committees_and_50_grassroots_cells() {
    let grassroots = active_grassroots_on(TERM_END);
    let committees = grassroots
        .iter()
        .filter(|o| o.org_type == OrgType::DangBoCoSo)
        .count();
    assert_eq!(committees, 27);
    assert_eq!(grassroots.len() - committees, 50);
    for name in [
        "Đảng bộ Công an huyện",
        "Đảng bộ Quân sự huyện",
        "Chi bộ Trường THPT Vị Xuyên",
        "Chi bộ Ngân hàng Nông nghiệp huyện",
    ] {
        assert!(grassroots.iter().any(|o| o.name == name), "{name}");
    }
    let sub_committees: Vec<_> = demo()
        .orgs
        .iter()
        .filter(|o| o.org_type == OrgType::DangBoBoPhan)
        .collect();
    assert_eq!(sub_committees.len(), 2);
    for sub in sub_committees {
        let cells = demo()
            .orgs
            .iter()
            .filter(|o| o.parents.first().and_then(|p| p.parent.as_ref()) == Some(&sub.code))
            .filter(|o| o.org_type == OrgType::ChiBoTrucThuoc)
            .count();
        assert!(cells >= 3, "{}", sub.name);
    }
}

#[test]
fn codes_follow_the_tree() {
    let mut seen = HashSet::new();
    for o in &demo().orgs {
        assert!(seen.insert(o.code.clone()), "{} twice", o.code);
        let text = o.code.as_str();
        let parts: Vec<&str> = text.split('.').collect();
        match o.org_type {
            OrgType::DangBoCoSo | OrgType::ChiBoCoSo => assert_eq!(parts.len(), 2, "{text}"),
            OrgType::DangBoBoPhan => assert!(text.ends_with(".BP1"), "{text}"),
            OrgType::ChiBoTrucThuoc => assert!(parts.len() >= 3, "{text}"),
            OrgType::Xa => assert!(text.starts_with("TQ.X"), "{text}"),
            _ => assert_eq!(parts.len(), 1, "{text}"),
        }
        if parts.len() > 1 && o.org_type != OrgType::Xa {
            assert_eq!(parts[0], DISTRICT_CODE);
        }
    }
}

#[test]
fn eight_agencies_merge_during_the_term_and_their_members_follow() {
    let dataset = demo();
    let tree = demo_tree();
    let merged: Vec<&OrgRecord> = dataset
        .orgs
        .iter()
        .filter(|o| o.merged_into.is_some())
        .collect();
    assert_eq!(merged.len(), 8);
    for from in merged {
        let on = from.dissolved_on.unwrap();
        assert!(TERM_START < on && on <= TERM_END, "{}: {on}", from.name);
        assert!(from.org_type.is_grassroots());
        let target = from.merged_into.as_ref().unwrap();
        assert!(org(target.as_str()).org_type.is_grassroots());
        assert!(org(target.as_str()).is_active_on(on));
        let eve = on.pred_opt().unwrap();
        let mut moved = 0;
        for member in &dataset.members {
            if member.registration_on(eve) != Some(&from.code) {
                continue;
            }
            let after = member.registration_on(on).unwrap();
            assert!(
                tree.is_in_subtree(after, target, on),
                "{} → {after}",
                member.code
            );
            assert!(member.registrations.iter().any(|r| r.since == Some(on)));
            moved += 1;
        }
        assert!(moved >= 2, "{}: {moved} members moved", from.name);
    }
}

#[test]
fn since_the_restructure_the_province_holds_todays_structure() {
    let tree = demo_tree();
    let (tq, vx) = (code(PROVINCE_CODE), code(DISTRICT_CODE));
    let today = day(2026, 1, 1);
    assert_eq!(tree.chain_on(&vx, today), None);
    assert_eq!(tree.chain_on(&tq, day(2025, 6, 30)), None);
    assert_eq!(org(PROVINCE_CODE).org_type, OrgType::Tinh);
    let communes: Vec<&OrgRecord> = demo()
        .orgs
        .iter()
        .filter(|o| o.org_type == OrgType::Xa)
        .collect();
    assert!((8..=12).contains(&communes.len()));
    for commune in &communes {
        assert_eq!(
            tree.chain_on(&commune.code, today),
            Some(&[tq.clone(), commune.code.clone()][..])
        );
        assert!(commune.name.starts_with("Đảng bộ xã "));
    }
    let before = figures_on(demo(), tree, &vx, day(2025, 6, 30));
    let after = figures_on(demo(), tree, &tq, RESTRUCTURE_DAY);
    assert_eq!(before.grassroots_orgs, after.grassroots_orgs);
    assert_eq!(before.cells_under_grassroots, after.cells_under_grassroots);
    for grassroots in demo()
        .orgs
        .iter()
        .filter(|o| o.org_type.is_grassroots() && o.is_active_on(today))
    {
        let chain = tree.chain_on(&grassroots.code, today).unwrap();
        assert_eq!(chain.len(), 3, "{}", grassroots.code);
        assert!(communes.iter().any(|c| c.code == chain[1]));
    }
}
