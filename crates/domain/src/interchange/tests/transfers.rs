//! `chuyen_sinh_hoat`: transfers and the registration history they make.

use super::support::*;
use crate::MemberCode;
use crate::dataset::Registration;
use crate::interchange::{KnownCodes, Table, build_dataset_with};

/// M1, registered in VX.C8 now.
fn member_now_in_c8() -> String {
    BASE_MEMBER.replace("VX.01.C1", "VX.C8")
}

fn transfer_problem(rows: &[&str], row: usize, column: &str) -> crate::interchange::Problem {
    let tables = [
        orgs_with(&[]),
        members(&[&member_now_in_c8()]),
        transfers(rows),
    ];
    only_problem(&tables, Table::ChuyenSinhHoat, row, column)
}

fn registrations(rows: &[&str]) -> Vec<(String, Option<String>)> {
    let ds = dataset(&[
        orgs_with(&[]),
        members(&[&member_now_in_c8()]),
        transfers(rows),
    ]);
    let show = |r: &Registration| (r.org.to_string(), r.since.map(|d| d.to_string()));
    ds.members[0].registrations.iter().map(show).collect()
}

#[test]
fn transfers_make_the_registration_history() {
    let rows = [
        "M1,2019-03-01,VX.01.C1,VX.01.C2",
        "M1,01/06/2020,VX.01.C2,VX.C8",
    ];
    assert_eq!(
        registrations(&rows),
        vec![
            ("VX.01.C1".to_string(), None),
            ("VX.01.C2".to_string(), Some("2019-03-01".to_string())),
            ("VX.C8".to_string(), Some("2020-06-01".to_string())),
        ]
    );
}

#[test]
fn transfers_are_taken_in_date_order_whatever_the_row_order() {
    let in_order = [
        "M1,2019-03-01,VX.01.C1,VX.01.C2",
        "M1,2020-06-01,VX.01.C2,VX.C8",
    ];
    let reversed = [in_order[1], in_order[0]];
    assert_eq!(registrations(&reversed), registrations(&in_order));
}

#[test]
fn transfers_whose_dates_contradict_their_chain_are_a_problem() {
    // Row order chains (C1 → C2 → C8) but the dates put C2 → C8 first.
    let rows = [
        "M1,2020-06-01,VX.01.C1,VX.01.C2",
        "M1,2019-03-01,VX.01.C2,VX.C8",
    ];
    let found = problems(&[
        orgs_with(&[]),
        members(&[&member_now_in_c8()]),
        transfers(&rows),
    ]);
    assert!(!found.is_empty());
    assert!(
        found.iter().all(|p| p.table == Table::ChuyenSinhHoat),
        "{found:#?}"
    );
}

#[test]
fn transfers_that_do_not_chain_are_a_problem() {
    let rows = [
        "M1,2019-03-01,VX.01.C1,VX.01.C2",
        "M1,2020-06-01,VX.01.C1,VX.C8",
    ];
    let problem = transfer_problem(&rows, 3, "tu_to_chuc");
    assert!(problem.reason_en.contains("row 2"), "{}", problem.reason_en);
}

#[test]
fn the_last_transfer_must_end_in_the_current_organization() {
    transfer_problem(&["M1,2019-03-01,VX.01.C1,VX.01.C2"], 2, "den_to_chuc");
}

#[test]
fn two_transfers_on_the_same_date_are_a_problem() {
    let rows = [
        "M1,2019-03-01,VX.01.C1,VX.01.C2",
        "M1,01/03/2019,VX.01.C2,VX.C8",
    ];
    transfer_problem(&rows, 3, "ngay");
}

#[test]
fn a_transfer_into_an_organization_not_yet_founded_is_a_problem() {
    // VX.01.C2 is founded on 2018-01-01.
    let rows = [
        "M1,2017-03-01,VX.01.C1,VX.01.C2",
        "M1,2020-06-01,VX.01.C2,VX.C8",
    ];
    transfer_problem(&rows, 2, "den_to_chuc");
}

#[test]
fn a_transfer_into_an_organization_already_ended_is_a_problem() {
    // VX.C9 merged into VX.C8 on 2020-01-01.
    let rows = ["M1,2020-01-01,VX.01.C1,VX.C9", "M1,2020-06-01,VX.C9,VX.C8"];
    transfer_problem(&rows, 2, "den_to_chuc");
}

#[test]
fn a_transfer_out_of_an_organization_on_its_last_day_is_fine() {
    // The members of a merged cell move on the merger date, when the cell has ended.
    let rows = ["M1,2019-03-01,VX.01.C1,VX.C9", "M1,2020-01-01,VX.C9,VX.C8"];
    assert_eq!(registrations(&rows).len(), 3);
}

#[test]
fn a_transfer_into_an_organization_that_is_not_a_cell_is_a_problem() {
    let rows = ["M1,2019-03-01,VX.01.C1,VX.01", "M1,2020-06-01,VX.01,VX.C8"];
    let found = problems(&[
        orgs_with(&[]),
        members(&[&member_now_in_c8()]),
        transfers(&rows),
    ]);
    let places: Vec<_> = found.iter().map(|p| (p.row, p.column.as_deref())).collect();
    assert_eq!(
        places,
        vec![
            (Some(2), Some("den_to_chuc")),
            (Some(3), Some("tu_to_chuc"))
        ]
    );
}

#[test]
fn a_transfer_from_an_unknown_organization_is_a_problem() {
    transfer_problem(&["M1,2019-03-01,VX.01.C5,VX.C8"], 2, "tu_to_chuc");
}

#[test]
fn a_transfer_to_the_same_organization_is_a_problem() {
    let rows = ["M1,2019-03-01,VX.C8,VX.C8"];
    transfer_problem(&rows, 2, "den_to_chuc");
}

#[test]
fn a_transfer_of_an_unknown_member_is_a_problem() {
    let rows = [
        "M1,2019-03-01,VX.01.C1,VX.C8",
        "M9,2019-03-01,VX.01.C1,VX.C8",
    ];
    transfer_problem(&rows, 3, "ma_dang_vien");
}

#[test]
fn a_transfer_of_an_existing_member_needs_the_member_row_too() {
    let mut known = KnownCodes::from_dataset(&dataset(&[orgs_with(&[])]));
    known.members.insert(MemberCode::parse("M1").unwrap());
    let tables = [transfers(&["M1,2019-03-01,VX.01.C1,VX.C8"])];
    let found = build_dataset_with(&tables, &known).unwrap_err();
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].column.as_deref(), Some("ma_dang_vien"));
    assert!(found[0].reason_en.contains("dang_vien"));
}

#[test]
fn a_transfer_into_an_existing_cell_checks_its_life() {
    let known = KnownCodes::from_dataset(&dataset(&[orgs_with(&[])]));
    let tables = [
        members(&[&member_now_in_c8().replace("VX.C8", "VX.01.C2")]),
        transfers(&["M1,2017-03-01,VX.01.C1,VX.01.C2"]),
    ];
    let found = build_dataset_with(&tables, &known).unwrap_err();
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        (found[0].row, found[0].column.as_deref()),
        (Some(2), Some("den_to_chuc"))
    );
}
