//! `dang_vien`: members.

use super::support::*;
use crate::dataset::{Registration, StatusChange};
use crate::interchange::{KnownCodes, Table, build_dataset_with};
use crate::{Gender, MemberStatus};
use unicode_normalization::UnicodeNormalization;

fn member_row(replace: &str, with: &str) -> String {
    assert!(BASE_MEMBER.contains(replace), "{replace}");
    BASE_MEMBER.replacen(replace, with, 1)
}

fn only_member_problem(row: &str, column: &str) -> crate::interchange::Problem {
    only_problem(
        &[orgs_with(&[]), members(&[row])],
        Table::DangVien,
        2,
        column,
    )
}

#[test]
fn a_row_becomes_a_member_registered_in_its_cell_from_the_beginning() {
    let ds = dataset(&[orgs_with(&[]), members(&[BASE_MEMBER])]);
    let m = &ds.members[0];
    assert_eq!(m.code.as_str(), "M1");
    assert_eq!(m.profile.gender, Some(Gender::Nam));
    assert_eq!(m.profile.birth_date, Some(d("1980-01-01")));
    assert_eq!(m.profile.ethnicity.as_deref(), Some("Kinh"));
    assert_eq!(m.profile.religion, None);
    assert_eq!(m.official_on, Some(d("2011-05-01")));
    assert_eq!(
        m.registrations,
        vec![Registration {
            org: m.registrations[0].org.clone(),
            since: None
        }]
    );
    assert_eq!(m.registrations[0].org.as_str(), "VX.01.C1");
    assert!(m.statuses.is_empty());
}

#[test]
fn citizen_ids_keep_their_leading_zeros() {
    let ds = dataset(&[orgs_with(&[]), members(&[BASE_MEMBER])]);
    assert_eq!(
        ds.members[0].profile.citizen_id.as_deref(),
        Some("001080000001")
    );
}

#[test]
fn a_citizen_id_that_is_not_twelve_digits_is_a_problem() {
    for bad in ["01080000001", "00108000000A", "001 080 000 001"] {
        let problem = only_member_problem(&member_row("001080000001", bad), "so_cccd");
        assert_eq!(problem.value, bad);
    }
}

#[test]
fn decomposed_text_is_stored_composed_and_trimmed() {
    let nfd_name: String = "  Đặng   Thị Hoà  ".nfd().collect();
    let nfd_gender: String = "Nữ".nfd().collect();
    let row = member_row("Nguyễn Văn An,NAM", &format!("{nfd_name},{nfd_gender}"));
    let ds = dataset(&[orgs_with(&[]), members(&[&row])]);
    assert_eq!(ds.members[0].profile.full_name, "Đặng Thị Hoà");
    assert_eq!(ds.members[0].profile.gender, Some(Gender::Nu));
}

#[test]
fn an_unknown_gender_is_a_problem() {
    only_member_problem(&member_row("NAM", "X"), "gioi_tinh");
}

#[test]
fn a_missing_admission_date_is_a_problem() {
    only_member_problem(&member_row("2010-05-01", ""), "ngay_vao_dang");
}

#[test]
fn an_impossible_birth_date_is_a_problem() {
    only_member_problem(&member_row("1980-01-01", "31/02/1980"), "ngay_sinh");
}

#[test]
fn an_official_date_before_admission_is_a_problem() {
    only_member_problem(&member_row("2011-05-01", "01/05/2009"), "ngay_chinh_thuc");
}

#[test]
fn a_status_with_its_date_is_a_status_change() {
    let row = member_row(",,", ",Miễn sinh hoạt,15/06/2019");
    let ds = dataset(&[orgs_with(&[]), members(&[&row])]);
    let change = StatusChange {
        status: MemberStatus::MienSinhHoat,
        on: d("2019-06-15"),
    };
    assert_eq!(ds.members[0].statuses, vec![change]);
}

#[test]
fn an_active_status_adds_no_change_even_with_a_date() {
    let row = member_row(",,", ",DANG_SINH_HOAT,2019-06-15");
    let ds = dataset(&[orgs_with(&[]), members(&[&row])]);
    assert!(ds.members[0].statuses.is_empty());
}

#[test]
fn a_status_other_than_active_needs_its_date() {
    only_member_problem(&member_row(",,", ",TU_TRAN,"), "ngay_trang_thai");
}

#[test]
fn a_status_dated_before_admission_is_a_problem() {
    only_member_problem(&member_row(",,", ",XOA_TEN,2009-01-01"), "ngay_trang_thai");
}

#[test]
fn an_unknown_status_is_a_problem() {
    only_member_problem(&member_row(",,", ",NGHI_HUU,2019-01-01"), "trang_thai");
}

#[test]
fn an_unknown_organization_is_a_problem() {
    only_member_problem(&member_row("VX.01.C1", "VX.01.C7"), "ma_to_chuc");
}

#[test]
fn a_member_registered_in_an_organization_that_is_not_a_cell_is_a_problem() {
    let problem = only_member_problem(&member_row("VX.01.C1", "VX.01"), "ma_to_chuc");
    assert!(
        problem.reason_vi.contains("Đảng bộ cơ sở"),
        "{}",
        problem.reason_vi
    );
}

#[test]
fn a_member_code_used_twice_is_a_problem() {
    let second = member_row("Nguyễn Văn An", "Trần Thị Bình");
    let tables = [orgs_with(&[]), members(&[BASE_MEMBER, &second])];
    only_problem(&tables, Table::DangVien, 3, "ma");
}

#[test]
fn a_member_may_be_registered_in_an_existing_cell() {
    let existing = dataset(&[orgs_with(&[])]);
    let known = KnownCodes::from_dataset(&existing);
    let ds = build_dataset_with(&[members(&[BASE_MEMBER])], &known).unwrap();
    assert_eq!(ds.members.len(), 1);
    assert!(ds.orgs.is_empty());
}

#[test]
fn every_bad_field_of_a_row_is_reported() {
    let row = "M1,Nguyễn Văn An,X,1980-02-30,Kinh,1,2010-05-01,,VX.01.C1,,";
    let found = problems(&[orgs_with(&[]), members(&[row])]);
    let columns: Vec<_> = found.iter().filter_map(|p| p.column.as_deref()).collect();
    assert_eq!(columns, vec!["gioi_tinh", "ngay_sinh", "so_cccd"]);
}

#[test]
fn a_birth_admission_or_full_membership_after_the_day_of_the_import_is_refused() {
    let known = KnownCodes {
        today: Some(d("2025-11-26")),
        ..KnownCodes::none()
    };
    for (column, from, to) in [
        ("ngay_sinh", "1980-01-01", "2090-01-01"),
        ("ngay_vao_dang", "2010-05-01", "2025-11-27"),
        ("ngay_chinh_thuc", "2011-05-01", "2099-05-01"),
    ] {
        let row = member_row(from, to);
        let tables = [orgs_with(&[]), members(&[&row])];
        let found = build_dataset_with(&tables, &known).unwrap_err();
        let problem = found
            .iter()
            .find(|p| p.column.as_deref() == Some(column))
            .unwrap_or_else(|| panic!("{column}: {found:#?}"));
        assert!(problem.reason_vi.contains("26/11/2025"), "{problem:#?}");
        assert!(problem.reason_en.contains("cannot be in the future"));
    }
    // A birth in 2090 is read as given by a file read on its own, and on a later day.
    let row = member_row("1980-01-01", "2090-01-01");
    let tables = [orgs_with(&[]), members(&[&row])];
    let later = KnownCodes {
        today: Some(d("2100-01-01")),
        ..KnownCodes::none()
    };
    assert!(build_dataset_with(&tables, &later).is_ok());
    assert!(build_dataset_with(&tables, &KnownCodes::none()).is_ok());
}

#[test]
fn a_value_with_a_control_character_is_a_problem_of_its_cell() {
    for (column, from, to) in [
        ("ho_ten", "Nguyễn Văn An", "Nguyễn\u{0}Văn An"),
        ("dan_toc", "Kinh", "Ki\u{1b}nh"),
        ("ma", "M1", "M\u{0}1"),
    ] {
        let problem = only_member_problem(&member_row(from, to), column);
        assert!(
            problem.reason_en.contains("control character"),
            "{problem:#?}"
        );
    }
    let spaced = member_row("Nguyễn Văn An", "Nguyễn\tVăn\r\nAn");
    let ds = dataset(&[orgs_with(&[]), members(&[&spaced])]);
    assert_eq!(ds.members[0].profile.full_name, "Nguyễn Văn An");
}

#[test]
fn a_file_of_many_bad_rows_keeps_the_first_problems_and_counts_the_rest() {
    use crate::interchange::MAX_PROBLEMS;
    let bad = member_row("001080000001", "12");
    let rows: Vec<String> = (0..MAX_PROBLEMS + 500)
        .map(|i| bad.replacen("M1", &format!("M{i}"), 1))
        .collect();
    let rows: Vec<&str> = rows.iter().map(String::as_str).collect();
    let found = problems(&[orgs_with(&[]), members(&rows)]);
    assert_eq!(found.len(), MAX_PROBLEMS + 1);
    let last = found.last().unwrap();
    assert_eq!(last.row, None);
    assert!(last.reason_en.starts_with("500 more problems"), "{last:#?}");
    assert!(last.reason_en.contains("1500 in all"));
    assert!(last.reason_vi.contains("còn 500 lỗi khác"));
}
