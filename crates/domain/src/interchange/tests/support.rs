//! A small valid district to break one rule at a time.

use crate::dataset::Dataset;
use crate::dates::{Date, parse_date};
use crate::interchange::{Problem, RawRow, RawTable, Table, build_dataset};

pub const ORG_HEADER: &str = "ma,ten,loai,ma_cap_tren,ngay_thanh_lap,ngay_giai_the,ma_sap_nhap_vao";
pub const MEMBER_HEADER: &str = "ma,ho_ten,gioi_tinh,ngay_sinh,dan_toc,so_cccd,ngay_vao_dang,\
                                 ngay_chinh_thuc,ma_to_chuc,trang_thai,ngay_trang_thai";
pub const TRANSFER_HEADER: &str = "ma_dang_vien,ngay,tu_to_chuc,den_to_chuc";

/// Rows 2–7 of `to_chuc`: a district, a grassroots committee with two cells (the second
/// founded in 2018) and two grassroots cells, one merged into the other in 2020.
pub const BASE_ORGS: [&str; 6] = [
    "VX,Đảng bộ huyện Vị Xuyên,HUYEN,,,,",
    "VX.01,Đảng bộ xã Phong Quang,DANG_BO_CO_SO,VX,,,",
    "VX.01.C1,Chi bộ thôn 1,CHI_BO_TRUC_THUOC,VX.01,,,",
    "VX.01.C2,Chi bộ thôn 2,CHI_BO_TRUC_THUOC,VX.01,2018-01-01,,",
    "VX.C8,Chi bộ Công an xã,CHI_BO_CO_SO,VX,,,",
    "VX.C9,Chi bộ Trường học,CHI_BO_CO_SO,VX,,2020-01-01,VX.C8",
];

/// Row 2 of `dang_vien`: a full member of VX.01.C1 since 2011.
pub const BASE_MEMBER: &str =
    "M1,Nguyễn Văn An,NAM,1980-01-01,Kinh,001080000001,2010-05-01,2011-05-01,VX.01.C1,,";

/// A table from a comma-separated header and rows (no quoting: test values hold no comma);
/// rows are numbered from 2, the header being row 1.
pub fn raw(table: Table, header: &str, rows: &[&str]) -> RawTable {
    let split = |line: &str| line.split(',').map(str::to_string).collect::<Vec<_>>();
    RawTable {
        table,
        headers: split(header),
        rows: rows
            .iter()
            .enumerate()
            .map(|(i, line)| RawRow {
                number: i + 2,
                cells: split(line),
            })
            .collect(),
    }
}

/// `to_chuc` with the base rows, then `extra` from row 8 on.
pub fn orgs_with(extra: &[&str]) -> RawTable {
    let rows: Vec<&str> = BASE_ORGS.iter().chain(extra).copied().collect();
    raw(Table::ToChuc, ORG_HEADER, &rows)
}

/// `dang_vien` with the given rows from row 2 on.
pub fn members(rows: &[&str]) -> RawTable {
    raw(Table::DangVien, MEMBER_HEADER, rows)
}

/// `chuyen_sinh_hoat` with the given rows from row 2 on.
pub fn transfers(rows: &[&str]) -> RawTable {
    raw(Table::ChuyenSinhHoat, TRANSFER_HEADER, rows)
}

/// The dataset, or a panic listing the problems.
pub fn dataset(tables: &[RawTable]) -> Dataset {
    build_dataset(tables).unwrap_or_else(|problems| {
        let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
        panic!("unexpected problems:\n{}", lines.join("\n"))
    })
}

/// The problems, or a panic when the tables import.
pub fn problems(tables: &[RawTable]) -> Vec<Problem> {
    match build_dataset(tables) {
        Ok(_) => panic!("the tables imported, but a problem was expected"),
        Err(problems) => problems,
    }
}

/// The single problem of the tables, checked to be at (table, row, column).
pub fn only_problem(tables: &[RawTable], table: Table, row: usize, column: &str) -> Problem {
    let found = problems(tables);
    assert_eq!(found.len(), 1, "expected one problem, got {found:#?}");
    let problem = found.into_iter().next().unwrap();
    assert_eq!(
        (problem.table, problem.row, problem.column.as_deref()),
        (table, Some(row), Some(column)),
        "{problem:#?}"
    );
    assert!(!problem.reason_vi.is_empty() && !problem.reason_en.is_empty());
    problem
}

pub fn d(s: &str) -> Date {
    parse_date("ngay", s).unwrap()
}
