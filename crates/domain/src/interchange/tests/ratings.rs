//! `danh_gia_dang_vien` and `danh_gia_to_chuc`: yearly ratings.

use super::support::*;
use crate::Rating;
use crate::interchange::{KnownCodes, RawTable, Table, build_dataset_with};

fn member_ratings(rows: &[&str]) -> RawTable {
    raw(
        Table::DanhGiaDangVien,
        "nam,ma_dang_vien,xep_loai,diem",
        rows,
    )
}

fn org_ratings(rows: &[&str]) -> RawTable {
    raw(Table::DanhGiaToChuc, "Năm,Mã tổ chức,Xếp loại", rows)
}

fn rating_problem(rows: &[&str], row: usize, column: &str) -> crate::interchange::Problem {
    let tables = [
        orgs_with(&[]),
        members(&[BASE_MEMBER]),
        member_ratings(rows),
    ];
    only_problem(&tables, Table::DanhGiaDangVien, row, column)
}

#[test]
fn ratings_accept_codes_and_vietnamese_labels_with_points() {
    let tables = [
        orgs_with(&[]),
        members(&[BASE_MEMBER]),
        member_ratings(&["2019,M1,Hoàn thành tốt nhiệm vụ,85", "2020,M1,HTXSNV,"]),
        org_ratings(&["2019,VX.01,HTNV", "2019,VX.01.C1,KHTNV"]),
    ];
    let ds = dataset(&tables);
    let first = &ds.member_ratings[0];
    assert_eq!(
        (first.year, first.rating, first.score),
        (2019, Rating::Httnv, Some(85))
    );
    assert_eq!(ds.member_ratings[1].score, None);
    assert_eq!(
        ds.org_ratings.len(),
        2,
        "cells that are not grassroots may be rated"
    );
    assert_eq!(ds.org_ratings[1].rating, Rating::Khtnv);
}

#[test]
fn points_above_one_hundred_are_a_problem() {
    rating_problem(&["2019,M1,HTTNV,101"], 2, "diem");
}

#[test]
fn points_that_are_not_a_whole_number_are_a_problem() {
    rating_problem(&["2019,M1,HTTNV,85.5"], 2, "diem");
}

#[test]
fn a_year_that_is_not_plausible_is_a_problem() {
    for bad in ["1890", "20190", "năm 2019"] {
        rating_problem(&[&format!("{bad},M1,HTTNV,")], 2, "nam");
    }
}

#[test]
fn a_year_written_as_a_spreadsheet_number_is_read() {
    let tables = [
        orgs_with(&[]),
        members(&[BASE_MEMBER]),
        member_ratings(&["2019.0,M1,HTNV,90.0"]),
    ];
    assert_eq!(dataset(&tables).member_ratings[0].score, Some(90));
}

#[test]
fn an_unknown_level_is_a_problem() {
    rating_problem(&["2019,M1,Giỏi,"], 2, "xep_loai");
}

#[test]
fn two_ratings_of_a_member_for_one_year_are_a_problem() {
    rating_problem(
        &["2019,M1,HTTNV,", "2020,M1,HTTNV,", "2019,M1,HTNV,"],
        4,
        "ma_dang_vien",
    );
}

#[test]
fn a_rating_of_an_unknown_member_is_a_problem() {
    rating_problem(&["2019,M2,HTTNV,"], 2, "ma_dang_vien");
}

#[test]
fn a_rating_of_an_existing_member_needs_no_member_row() {
    let mut known = KnownCodes::none();
    known
        .members
        .insert(crate::MemberCode::parse("M7").unwrap());
    let ds = build_dataset_with(&[member_ratings(&["2019,M7,HTNV,"])], &known).unwrap();
    assert_eq!(ds.member_ratings[0].member.as_str(), "M7");
}

#[test]
fn a_rating_of_an_unknown_organization_is_a_problem() {
    let tables = [
        orgs_with(&[]),
        org_ratings(&["2019,VX.01,HTNV", "2019,VX.05,HTNV"]),
    ];
    only_problem(&tables, Table::DanhGiaToChuc, 3, "ma_to_chuc");
}

#[test]
fn two_ratings_of_an_organization_for_one_year_are_a_problem() {
    let tables = [
        orgs_with(&[]),
        org_ratings(&["2019,VX.01,HTNV", "2019,VX.01,HTTNV"]),
    ];
    only_problem(&tables, Table::DanhGiaToChuc, 3, "ma_to_chuc");
}

#[test]
fn each_record_keeps_its_sheet_row_past_blank_rows() {
    let known = KnownCodes::none();
    let mut builder = crate::interchange::DatasetBuilder::new(&known);
    let with_blank = |t: RawTable| {
        let mut t = t;
        for row in &mut t.rows {
            row.number += 1;
        }
        t.rows.insert(
            0,
            crate::interchange::RawRow {
                number: 2,
                cells: vec![String::new()],
            },
        );
        t
    };
    let orgs = with_blank(orgs_with(&[]));
    builder.table(Table::ToChuc, &orgs.headers, &orgs.rows);
    let people = members(&[BASE_MEMBER]);
    builder.table(Table::DangVien, &people.headers, &people.rows);
    let rated = with_blank(org_ratings(&["2019,VX.01,HTNV", "2019,VX.01.C1,KHTNV"]));
    builder.table(Table::DanhGiaToChuc, &rated.headers, &rated.rows);
    let (ds, rows) = builder.finish_with_rows().unwrap();
    assert_eq!(ds.orgs[1].code.as_str(), "VX.01");
    assert_eq!(rows.orgs[..2], [3, 4]);
    assert_eq!(rows.members, [2]);
    assert_eq!(rows.org_ratings, [3, 4]);
    assert!(rows.member_ratings.is_empty() && rows.status_rows.is_empty());
}
