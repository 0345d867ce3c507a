//! Workbooks written by another program (openpyxl, see `tests/fixtures/make_fixtures.py`).

use crate::support::{d, fixture, import, problems};
use dangvu_domain::dataset::{Registration, StatusChange};
use dangvu_domain::interchange::Table;
use dangvu_domain::{Gender, MemberStatus, OrgCode, OrgType, Rating};

#[test]
fn a_vietnamese_workbook_imports_with_every_value_understood() {
    let ds = import(&fixture("district_vi.xlsx"));
    let types: Vec<OrgType> = ds.orgs.iter().map(|o| o.org_type).collect();
    assert_eq!(
        types,
        [
            OrgType::Huyen,
            OrgType::DangBoCoSo,
            OrgType::ChiBoTrucThuoc,
            OrgType::ChiBoCoSo
        ]
    );
    assert_eq!(ds.orgs[1].name, "Đảng bộ xã Phong Quang", "NFC");
    assert_eq!(ds.orgs[2].founded_on, Some(d("1976-03-02")), "date cell");
    assert_eq!(
        ds.orgs[3].founded_on,
        Some(d("2019-08-15")),
        "DD/MM/YYYY text"
    );

    let nhung = &ds.members[0];
    assert_eq!(nhung.profile.full_name, "Nguyễn Thị Hồng Nhung");
    assert_eq!(nhung.profile.gender, Some(Gender::Nu));
    assert_eq!(nhung.profile.birth_date, Some(d("1985-09-05")));
    assert_eq!(nhung.profile.ethnicity.as_deref(), Some("Tày"));
    assert_eq!(nhung.profile.citizen_id.as_deref(), Some("001085000123"));
    assert_eq!(
        nhung.profile.hometown.as_deref(),
        Some("Phong Quang, Vị Xuyên")
    );
    assert_eq!(nhung.admitted_on, d("2010-05-19"));
    assert_eq!(nhung.official_on, Some(d("2011-05-19")), "serial number");

    let duc = &ds.members[1];
    assert_eq!(duc.profile.citizen_id.as_deref(), Some("010050000007"));
    assert_eq!(duc.profile.religion.as_deref(), Some("Phật giáo"));
    assert_eq!(duc.profile.birth_date, Some(d("1950-01-31")));
    assert_eq!(
        duc.statuses,
        [StatusChange {
            status: MemberStatus::TuTran,
            on: d("2022-11-30")
        }]
    );
    let org = |c: &str| OrgCode::parse(c).unwrap();
    assert_eq!(
        duc.registrations,
        [
            Registration {
                org: org("VX.01.C1"),
                since: None
            },
            Registration {
                org: org("VX.C8"),
                since: Some(d("2019-09-01"))
            },
        ]
    );

    let ratings: Vec<(i32, Rating, Option<u8>)> = ds
        .member_ratings
        .iter()
        .map(|r| (r.year, r.rating, r.score))
        .collect();
    assert_eq!(
        ratings,
        [
            (2020, Rating::Httnv, Some(85)),
            (2021, Rating::Htxsnv, None)
        ]
    );
    assert_eq!(ds.org_ratings[0].rating, Rating::Htnv);
}

#[test]
fn every_problem_of_a_workbook_is_reported_at_once() {
    let found = problems(&fixture("problems.xlsx"));
    let places: Vec<(&str, Option<usize>, Option<&str>, &str)> = found
        .iter()
        .map(|p| {
            (
                p.source.as_str(),
                p.row,
                p.column.as_deref(),
                p.value.as_str(),
            )
        })
        .collect();
    assert_eq!(
        places,
        [
            ("Sheet1", None, None, ""),
            ("dang_vien", Some(1), Some("Ghi chú"), "Ghi chú"),
            ("dang_vien", Some(2), Some("ngay_sinh"), "31/02/2020"),
            ("dang_vien", Some(3), Some("so_cccd"), "2109690402"),
            ("dang_vien", Some(3), Some("ma_to_chuc"), "VX.99"),
        ],
        "{found:#?}"
    );
    assert!(found[1..].iter().all(|p| p.table == Some(Table::DangVien)));
    assert!(
        found
            .iter()
            .all(|p| !p.reason_vi.is_empty() && !p.reason_en.is_empty())
    );
}

#[test]
fn a_path_that_is_no_workbook_nor_folder_is_reported_by_name() {
    let dir = crate::support::scratch("not_a_workbook");
    let fake = dir.join("danh_sach.xlsx");
    std::fs::write(&fake, "ma,ten\n").unwrap();
    let found = problems(&fake);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        (found[0].source.as_str(), found[0].table),
        ("danh_sach.xlsx", None)
    );
    assert!(
        found[0].reason_en.contains("cannot be opened"),
        "{found:#?}"
    );
    let ods = dir.join("danh_sach.ods");
    std::fs::write(&ods, "").unwrap();
    let found = problems(&ods);
    assert!(
        found[0]
            .reason_en
            .contains("neither an .xlsx workbook nor a folder")
    );
}
