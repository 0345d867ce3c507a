//! The rules of an update on whole records, without a database: a file's registration
//! history merged with the stored one, statuses, superiors, the counts, and the plan.

use super::*;
use crate::codes::{MemberCode, OrgCode};
use crate::dataset::{
    Dataset, MemberProfile, MemberRating, MemberRecord, OrgRecord, ParentLink, Registration,
    StatusChange,
};
use crate::dates::{Date, Period, find_on};
use crate::enums::{MemberStatus, OrgType, Rating};
use crate::interchange::Table;
use std::collections::HashMap;

fn d(s: &str) -> Date {
    Date::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn org(code: &str) -> OrgCode {
    OrgCode::parse(code).unwrap()
}

fn cell(code: &str, parent: Option<&str>) -> OrgRecord {
    OrgRecord {
        code: org(code),
        name: format!("Chi bộ {code}"),
        org_type: OrgType::ChiBoCoSo,
        founded_on: Some(d("2000-01-01")),
        dissolved_on: None,
        merged_into: None,
        parents: vec![ParentLink {
            since: None,
            parent: parent.map(org),
        }],
    }
}

fn member(
    registrations: &[(Option<&str>, &str)],
    statuses: &[(&str, MemberStatus)],
) -> MemberRecord {
    MemberRecord {
        code: MemberCode::parse("DV001").unwrap(),
        profile: MemberProfile {
            full_name: "Nguyễn Văn An".into(),
            ..MemberProfile::default()
        },
        admitted_on: d("2010-05-01"),
        official_on: Some(d("2011-05-01")),
        registrations: registrations
            .iter()
            .map(|(since, code)| Registration {
                org: org(code),
                since: since.map(d),
            })
            .collect(),
        statuses: statuses
            .iter()
            .map(|(on, status)| StatusChange {
                status: *status,
                on: d(on),
            })
            .collect(),
    }
}

const EFFECTIVE: &str = "2025-03-01";

#[test]
fn a_new_present_cell_is_a_transfer_on_the_effective_day() {
    let stored = member(&[(None, "CB1"), (Some("2015-01-01"), "CB2")], &[]);
    let file = member(&[(None, "CB3")], &[]);
    let merged = records::merge_member(&stored, &file, &GivenColumns::all(), d(EFFECTIVE));
    assert_eq!(merged.registration_on(d("2020-01-01")), Some(&org("CB2")));
    assert_eq!(merged.registration_on(d(EFFECTIVE)), Some(&org("CB3")));
    assert_eq!(merged.registrations.len(), 3);
    let (sheet, registrations, statuses) = records::member_differences(&stored, &merged);
    assert_eq!((sheet, registrations, statuses), (false, true, false));
}

#[test]
fn the_same_present_cell_changes_nothing() {
    let stored = member(&[(None, "CB1"), (Some("2015-01-01"), "CB2")], &[]);
    let file = member(&[(None, "CB2")], &[]);
    let merged = records::merge_member(&stored, &file, &GivenColumns::all(), d(EFFECTIVE));
    assert_eq!(merged, stored);
}

#[test]
fn a_member_who_left_moves_on_the_day_they_left() {
    let stored = member(&[(None, "CB1")], &[("2020-06-01", MemberStatus::ChuyenDi)]);
    let file = member(&[(None, "CB2")], &[("2020-06-01", MemberStatus::ChuyenDi)]);
    let merged = records::merge_member(&stored, &file, &GivenColumns::all(), d(EFFECTIVE));
    assert_eq!(
        merged.registrations.last(),
        Some(&Registration {
            org: org("CB2"),
            since: Some(d("2020-06-01"))
        })
    );
}

#[test]
fn a_superior_the_file_lacks_is_kept() {
    let stored = cell("CB1", Some("DB1"));
    let file = cell("CB1", Some("DB2"));
    let lacking = GivenColumns::from_headers([(Table::ToChuc, &["ma_to_chuc".to_string()][..])]);
    let kept = records::merge_org(&stored, &file, &lacking, d(EFFECTIVE));
    assert!(!records::org_differs(&stored, &kept));
    let moved = records::merge_org(&stored, &file, &GivenColumns::all(), d(EFFECTIVE));
    assert!(records::org_differs(&stored, &moved));
    assert_eq!(
        moved.parents.last().and_then(|l| l.since),
        Some(d(EFFECTIVE))
    );
}

#[test]
fn first_wins_keeps_what_find_on_reads() {
    let p = |from: i32, to: i32| Period {
        from: Date::from_ymd_opt(from, 1, 1).unwrap(),
        to: Date::from_ymd_opt(to, 1, 1).unwrap(),
    };
    let overlapping = vec![
        (p(2000, 2020), 'a'),
        (p(2010, 2030), 'b'),
        (p(1990, 2040), 'c'),
    ];
    let disjoint = first_wins(overlapping.clone());
    for year in 1985..2045 {
        let day = Date::from_ymd_opt(year, 6, 1).unwrap();
        assert_eq!(
            find_on(disjoint.clone(), day),
            find_on(overlapping.clone(), day)
        );
        let holding = disjoint.iter().filter(|(p, _)| p.contains(day)).count();
        assert!(holding <= 1, "{day}: {holding} periods");
    }
}

#[test]
fn history_rows_count_as_created_updated_or_unchanged() {
    let stored = member(&[(None, "CB1"), (Some("2015-01-01"), "CB2")], &[]);
    let file = member(
        &[
            (None, "CB1"),
            (Some("2015-01-01"), "CB2"),
            (Some("2024-01-01"), "CB3"),
        ],
        &[],
    );
    let mut summary = ImportSummary::new(d(EFFECTIVE), false);
    count::count_member(&mut summary, Some(&stored), &file, true);
    let transfers = summary.counts(Table::ChuyenSinhHoat);
    assert_eq!(
        (transfers.created, transfers.updated, transfers.unchanged),
        (1, 0, 1)
    );

    let moved = member(&[(None, "CB1"), (Some("2015-01-01"), "CB9")], &[]);
    let mut summary = ImportSummary::new(d(EFFECTIVE), false);
    count::count_member(&mut summary, Some(&stored), &moved, true);
    assert_eq!(summary.counts(Table::ChuyenSinhHoat).updated, 1);

    // A move by a new ma_to_chuc alone has no row: the member is updated, no transfer row
    // is counted.
    let present = member(&[(None, "CB4")], &[]);
    let mut summary = ImportSummary::new(d(EFFECTIVE), false);
    count::count_member(&mut summary, Some(&stored), &present, true);
    assert_eq!(summary.counts(Table::ChuyenSinhHoat), Default::default());
}

#[test]
fn statuses_count_only_when_given_in_their_table_and_starts_count_once() {
    let mut stored = member(&[(Some("2010-03-01"), "CB1")], &[]);
    stored.statuses = vec![StatusChange {
        status: MemberStatus::TuTran,
        on: d("2022-09-24"),
    }];
    let mut summary = ImportSummary::new(d(EFFECTIVE), false);
    count::count_member(&mut summary, Some(&stored), &stored, false);
    assert_eq!(summary.counts(Table::TrangThaiDangVien), Default::default());
    let start = summary.counts(Table::BatDauSinhHoat);
    assert_eq!((start.created, start.updated, start.unchanged), (0, 0, 1));
    count::count_member(&mut summary, Some(&stored), &stored, true);
    assert_eq!(summary.counts(Table::TrangThaiDangVien).unchanged, 1);
    let later = member(&[(Some("2011-03-01"), "CB1")], &[]);
    count::count_member(&mut summary, Some(&stored), &later, false);
    count::count_member(&mut summary, None, &later, false);
    let start = summary.counts(Table::BatDauSinhHoat);
    assert_eq!((start.created, start.updated, start.unchanged), (1, 1, 2));
}

#[test]
fn the_plan_tells_new_changed_and_unchanged_records_apart() {
    let stored_orgs = vec![cell("CB1", None), cell("CB2", None)];
    let org_ids: Ids = [("CB1".to_string(), 1), ("CB2".to_string(), 2)].into();
    let mut renamed = cell("CB2", None);
    renamed.name = "Chi bộ mới".into();
    let rating = MemberRating {
        year: 2024,
        member: MemberCode::parse("DV001").unwrap(),
        rating: Rating::Httnv,
        score: None,
    };
    let dataset = Dataset {
        orgs: vec![cell("CB1", None), renamed, cell("CB3", None)],
        member_ratings: vec![rating],
        ..Dataset::default()
    };
    let member_ids: Ids = [("DV001".to_string(), 7)].into();
    let member_ratings: StoredRatings = [((7, 2024), (Rating::Htnv, None))].into();
    let stored = StoredRecords {
        orgs: &stored_orgs,
        org_ids: &org_ids,
        member_ids: &member_ids,
        members: &HashMap::new(),
        member_ratings: &member_ratings,
        org_ratings: &StoredRatings::new(),
    };
    let request = MergeRequest {
        dataset: &dataset,
        columns: &GivenColumns::all(),
        effective_on: d(EFFECTIVE),
        dry_run: true,
        rows: None,
    };
    let plan = plan(&stored, &request);
    let orgs = plan.summary.counts(Table::ToChuc);
    assert_eq!((orgs.created, orgs.updated, orgs.unchanged), (1, 1, 1));
    assert_eq!(plan.changed_orgs.len(), 1);
    assert_eq!(plan.changed_orgs[0].0, 2);
    assert_eq!(plan.all_orgs.len(), 3);
    assert!(plan.changes_tree());
    assert_eq!(plan.member_ratings.1.len(), 1);
    assert_eq!(plan.summary.counts(Table::DanhGiaDangVien).updated, 1);
    assert!(plan.summary.dry_run);
}
