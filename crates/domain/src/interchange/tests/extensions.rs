//! The history tables this project adds to v1: `cap_tren_to_chuc` and `trang_thai_dang_vien`.

use super::support::*;
use crate::dataset::ParentLink;
use crate::enums::MemberStatus;
use crate::interchange::{KnownCodes, Table, build_dataset_with};
use crate::{OrgCode, dataset::StatusChange};

const PARENT_HEADER: &str = "ma_to_chuc,ngay,tu_cap_tren,den_cap_tren";
const STATUS_HEADER: &str = "ma_dang_vien,ngay,trang_thai";

/// VX.C8 moved from VX.01 to VX on 2019-01-01 (its row says VX, the present superior).
fn parent_changes(rows: &[&str]) -> crate::interchange::RawTable {
    raw(Table::CapTrenToChuc, PARENT_HEADER, rows)
}

fn statuses(rows: &[&str]) -> crate::interchange::RawTable {
    raw(Table::TrangThaiDangVien, STATUS_HEADER, rows)
}

fn oc(code: &str) -> OrgCode {
    OrgCode::parse(code).unwrap()
}

#[test]
fn changes_of_superior_make_the_parent_history() {
    let ds = dataset(&[
        orgs_with(&[]),
        parent_changes(&["VX.C8,2019-01-01,VX.01,VX", "VX.C8,2015-01-01,,VX.01"]),
    ]);
    let c8 = ds.orgs.iter().find(|o| o.code.as_str() == "VX.C8").unwrap();
    assert_eq!(
        c8.parents,
        vec![
            ParentLink {
                since: None,
                parent: None
            },
            ParentLink {
                since: Some(d("2015-01-01")),
                parent: Some(oc("VX.01"))
            },
            ParentLink {
                since: Some(d("2019-01-01")),
                parent: Some(oc("VX"))
            },
        ]
    );
    let vx01 = ds.orgs.iter().find(|o| o.code.as_str() == "VX.01").unwrap();
    assert_eq!(
        vx01.parents.len(),
        1,
        "an organization without rows keeps ma_cap_tren"
    );
}

#[test]
fn changes_of_superior_must_end_at_the_present_superior() {
    let tables = [
        orgs_with(&[]),
        parent_changes(&["VX.C8,2019-01-01,VX,VX.01"]),
    ];
    let problem = only_problem(&tables, Table::CapTrenToChuc, 2, "den_cap_tren");
    assert!(
        problem.reason_en.contains("ma_cap_tren = VX"),
        "{problem:?}"
    );
}

#[test]
fn changes_of_superior_come_with_the_organizations_row() {
    let known = KnownCodes::from_dataset(&dataset(&[orgs_with(&[])]));
    let tables = [parent_changes(&["VX.C8,2019-01-01,VX.01,VX"])];
    let found = build_dataset_with(&tables, &known).unwrap_err();
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].column.as_deref(), Some("ma_to_chuc"));
    assert!(found[0].reason_en.contains("together"), "{:?}", found[0]);
}

#[test]
fn a_superior_that_does_not_exist_yet_or_a_cycle_over_time_is_a_problem() {
    // VX.01.C2 is founded in 2018: it cannot take VX.C8 under it in 2017.
    let not_yet = [
        orgs_with(&[]),
        parent_changes(&[
            "VX.C8,2017-01-01,VX,VX.01.C2",
            "VX.C8,2019-01-01,VX.01.C2,VX",
        ]),
    ];
    only_problem(&not_yet, Table::CapTrenToChuc, 2, "den_cap_tren");
    // VX.01 under VX.C8 from 2019 while VX.C8 is under VX.01 until 2020.
    let cycle = [
        orgs_with(&[]).tap_row(3, "VX.01,Đảng bộ xã Phong Quang,DANG_BO_CO_SO,VX.C8,,,"),
        parent_changes(&["VX.01,2019-01-01,VX,VX.C8", "VX.C8,2020-01-01,VX.01,VX"]),
    ];
    let found = problems(&cycle);
    assert!(
        found
            .iter()
            .any(|p| p.table == Table::CapTrenToChuc && p.reason_en.contains("cycle")),
        "{found:#?}"
    );
}

#[test]
fn status_rows_make_the_status_history() {
    let member = BASE_MEMBER.replace("VX.01.C1,,", "VX.01.C1,TU_TRAN,2023-06-07");
    let ds = dataset(&[
        orgs_with(&[]),
        members(&[&member]),
        statuses(&["M1,2023-06-07,TU_TRAN", "M1,01/01/2021,Miễn sinh hoạt"]),
    ]);
    assert_eq!(
        ds.members[0].statuses,
        vec![
            StatusChange {
                status: MemberStatus::MienSinhHoat,
                on: d("2021-01-01")
            },
            StatusChange {
                status: MemberStatus::TuTran,
                on: d("2023-06-07")
            },
        ]
    );
}

#[test]
fn the_last_status_row_must_be_the_members_status() {
    let tables = [
        orgs_with(&[]),
        members(&[BASE_MEMBER]),
        statuses(&["M1,2021-01-01,MIEN_SINH_HOAT"]),
    ];
    only_problem(&tables, Table::TrangThaiDangVien, 2, "trang_thai");
    let before_admission = [
        orgs_with(&[]),
        members(&[BASE_MEMBER]),
        statuses(&[
            "M1,2001-01-01,MIEN_SINH_HOAT",
            "M1,2012-01-01,DANG_SINH_HOAT",
        ]),
    ];
    only_problem(&before_admission, Table::TrangThaiDangVien, 2, "ngay");
}

/// Replaces one row of a table (rows are numbered from 2).
trait TapRow {
    fn tap_row(self, row: usize, line: &str) -> Self;
}

impl TapRow for crate::interchange::RawTable {
    fn tap_row(mut self, row: usize, line: &str) -> Self {
        let cells = line.split(',').map(str::to_string).collect();
        self.rows[row - 2].cells = cells;
        self
    }
}

fn starts(rows: &[&str]) -> crate::interchange::RawTable {
    raw(Table::BatDauSinhHoat, "ma_dang_vien,ngay,ma_to_chuc", rows)
}

#[test]
fn a_start_row_dates_the_first_registration() {
    let ds = dataset(&[
        orgs_with(&[]),
        members(&[BASE_MEMBER]),
        starts(&["M1,2018-02-01,VX.01.C1"]),
    ]);
    assert_eq!(ds.members[0].registrations[0].since, Some(d("2018-02-01")));
    // Without the table, the first registration holds from the beginning.
    let plain = dataset(&[orgs_with(&[]), members(&[BASE_MEMBER])]);
    assert_eq!(plain.members[0].registrations[0].since, None);
}

#[test]
fn a_start_row_must_name_the_first_organization_before_the_first_transfer() {
    let tables = [
        orgs_with(&[]),
        members(&[BASE_MEMBER]),
        starts(&["M1,2018-02-01,VX.C8"]),
    ];
    only_problem(&tables, Table::BatDauSinhHoat, 2, "ma_to_chuc");
    let moved = BASE_MEMBER.replace("VX.01.C1", "VX.C8");
    let after_transfer = [
        orgs_with(&[]),
        members(&[&moved]),
        transfers(&["M1,2019-03-01,VX.01.C1,VX.C8"]),
        starts(&["M1,2019-03-01,VX.01.C1"]),
    ];
    only_problem(&after_transfer, Table::BatDauSinhHoat, 2, "ngay");
    // VX.01.C2 is founded in 2018.
    let c2 = BASE_MEMBER.replace("VX.01.C1", "VX.01.C2");
    let not_yet = [
        orgs_with(&[]),
        members(&[&c2]),
        starts(&["M1,2017-02-01,VX.01.C2"]),
    ];
    only_problem(&not_yet, Table::BatDauSinhHoat, 2, "ngay");
}
