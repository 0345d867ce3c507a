//! Header matching, empty rows and tables as wholes.

use super::support::*;
use crate::interchange::{RawRow, Table, build_dataset};
use unicode_normalization::UnicodeNormalization;

#[test]
fn vietnamese_headers_with_diacritics_match_their_column_keys() {
    let header = "Mã,Họ tên,Giới tính,Ngày sinh,Dân tộc,Số CCCD,Ngày vào Đảng,\
                  Ngày chính thức,MÃ TỔ CHỨC,Trạng thái,Ngày-trạng-thái";
    let ds = dataset(&[orgs_with(&[]), raw(Table::DangVien, header, &[BASE_MEMBER])]);
    let member = &ds.members[0];
    assert_eq!(member.profile.full_name, "Nguyễn Văn An");
    assert_eq!(member.admitted_on, d("2010-05-01"));
    assert_eq!(member.registrations[0].org.as_str(), "VX.01.C1");
}

#[test]
fn decomposed_headers_match_like_composed_ones() {
    let header: String = MEMBER_HEADER
        .replace("ho_ten", "Họ tên")
        .replace("ngay_vao_dang", "Ngày vào Đảng")
        .nfd()
        .collect();
    let ds = dataset(&[
        orgs_with(&[]),
        raw(Table::DangVien, &header, &[BASE_MEMBER]),
    ]);
    assert_eq!(ds.members[0].admitted_on, d("2010-05-01"));
}

#[test]
fn an_unknown_column_is_named_in_the_report() {
    let header = format!("{MEMBER_HEADER},Ghi chú");
    let row = format!("{BASE_MEMBER},chuyển từ tỉnh khác");
    let tables = [orgs_with(&[]), raw(Table::DangVien, &header, &[&row])];
    let problem = only_problem(&tables, Table::DangVien, 1, "Ghi chú");
    assert_eq!(problem.value, "Ghi chú");
    assert!(
        problem.reason_vi.contains("ho_ten"),
        "lists the valid columns"
    );
}

#[test]
fn a_missing_required_column_is_one_problem_not_one_per_row() {
    let header = MEMBER_HEADER.replace(",ngay_sinh", "");
    let row = BASE_MEMBER.replace(",1980-01-01", "");
    let second = row.replace("M1,", "M2,");
    let tables = [
        orgs_with(&[]),
        raw(Table::DangVien, &header, &[&row, &second]),
    ];
    only_problem(&tables, Table::DangVien, 1, "ngay_sinh");
}

#[test]
fn an_optional_column_may_be_left_out() {
    let header = "ma,ten,loai,ma_cap_tren";
    let ds = dataset(&[raw(Table::ToChuc, header, &["VX,Huyện ủy,HUYEN,"])]);
    assert_eq!(ds.orgs[0].founded_on, None);
}

#[test]
fn a_column_given_twice_is_a_problem() {
    let header = format!("{ORG_HEADER},Tên");
    let rows: Vec<String> = BASE_ORGS.iter().map(|r| format!("{r},x")).collect();
    let rows: Vec<&str> = rows.iter().map(String::as_str).collect();
    only_problem(
        &[raw(Table::ToChuc, &header, &rows)],
        Table::ToChuc,
        1,
        "Tên",
    );
}

#[test]
fn a_value_under_no_header_is_reported_without_a_column() {
    let mut table = orgs_with(&[]);
    table.rows[2].cells.push("lạc chỗ".to_string());
    let found = problems(&[table]);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!((found[0].row, found[0].column.as_deref()), (Some(4), None));
    assert_eq!(found[0].value, "lạc chỗ");
}

#[test]
fn empty_rows_are_skipped() {
    let mut table = orgs_with(&[]);
    table.rows.insert(
        1,
        RawRow {
            number: 3,
            cells: vec![" ".into(), String::new()],
        },
    );
    table.rows.push(RawRow {
        number: 99,
        cells: Vec::new(),
    });
    assert_eq!(dataset(&[table]).orgs.len(), BASE_ORGS.len());
}

#[test]
fn tables_not_given_are_not_imported() {
    let ds = dataset(&[orgs_with(&[])]);
    assert_eq!(ds.orgs.len(), BASE_ORGS.len());
    assert!(ds.members.is_empty() && ds.member_ratings.is_empty());
    assert_eq!(build_dataset(&[]), Ok(Default::default()));
}

#[test]
fn a_table_given_twice_is_a_problem_of_the_whole_table() {
    let found = problems(&[orgs_with(&[]), orgs_with(&[])]);
    let twice: Vec<_> = found.iter().filter(|p| p.row.is_none()).collect();
    assert_eq!(twice.len(), 1, "{found:#?}");
    assert_eq!(twice[0].table, Table::ToChuc);
}

#[test]
fn every_problem_of_a_file_is_listed_in_table_then_row_order() {
    let tables = [
        orgs_with(&["VX.02,Đảng bộ xã 2,XA_CU,VX,,,"]),
        members(&[
            "M1,Nguyễn Văn An,NAM,31/02/1980,Kinh,12345,2010-05-01,2011-05-01,VX.01.C1,,",
            "M2,,NU,1980-01-01,Kinh,,2010-05-01,,VX.01.C1,,",
        ]),
    ];
    let found = problems(&tables);
    let places: Vec<_> = found
        .iter()
        .map(|p| (p.table, p.row, p.column.as_deref()))
        .collect();
    assert_eq!(
        places,
        vec![
            (Table::ToChuc, Some(8), Some("loai")),
            (Table::DangVien, Some(2), Some("ngay_sinh")),
            (Table::DangVien, Some(2), Some("so_cccd")),
            (Table::DangVien, Some(3), Some("ho_ten")),
        ]
    );
    assert!(found.iter().all(|p| p.reason_vi != p.reason_en));
}
