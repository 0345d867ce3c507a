//! Writing a dataset and reading the file back gives the same dataset, in both forms.

use crate::support::{d, import, sample_folder, scratch};
use dangvu_domain::admissions::{Applicant, Closing, Decision, Dossier, Introducers};
use dangvu_domain::dataset::{
    Dataset, MemberProfile, MemberRating, MemberRecord, OrgRating, OrgRecord, ParentLink,
    Registration, StatusChange,
};
use dangvu_domain::{Gender, MemberCode, MemberStatus, OrgCode, OrgType, Rating};
use dangvu_interchange::{write_csv_folder, write_xlsx};

fn org(code: &str) -> OrgCode {
    OrgCode::parse(code).unwrap()
}

fn unit(code: &str, name: &str, org_type: OrgType, parent: Option<&str>) -> OrgRecord {
    OrgRecord {
        code: org(code),
        name: name.to_string(),
        org_type,
        founded_on: None,
        dissolved_on: None,
        merged_into: None,
        parents: vec![ParentLink {
            since: None,
            parent: parent.map(org),
        }],
    }
}

fn member(code: &str, name: &str, registrations: Vec<Registration>) -> MemberRecord {
    MemberRecord {
        code: MemberCode::parse(code).unwrap(),
        profile: MemberProfile {
            full_name: name.to_string(),
            gender: Some(Gender::Nam),
            birth_date: Some(d("1961-07-01")),
            ..MemberProfile::default()
        },
        admitted_on: d("1985-01-05"),
        official_on: Some(d("1986-01-05")),
        registrations,
        statuses: Vec::new(),
    }
}

fn registered(code: &str, since: Option<&str>) -> Registration {
    Registration {
        org: org(code),
        since: since.map(d),
    }
}

/// Two admission dossiers as `ho_so_ket_nap` carries them: one admitted (member `007`), with
/// a decision number holding a slash; one closed without admission, code with leading zeros.
fn dossiers() -> Vec<Dossier> {
    let applicant = |name: &str, gender| Applicant {
        full_name: name.to_string(),
        gender,
        birth_date: d("1961-07-01"),
        ethnicity: Some("Thái".into()),
        education: None,
    };
    let mut admitted = Dossier::new(
        "HS-2020-01".into(),
        applicant("Lò Thị Mai", Gender::Nu),
        org("BM.01.C1"),
    );
    admitted.listed_on = Some(d("1984-01-02"));
    admitted.introducers = Introducers {
        first: Some(MemberCode::parse("BM-0001").unwrap()),
        second: None,
        youth_union_on: None,
    };
    admitted.resolution_on = Some(d("1984-10-01"));
    admitted.decision = Some(Decision {
        number: Some("12-QĐ/HU".into()),
        on: d("1984-11-20"),
    });
    admitted.ceremony_on = Some(d("1985-01-05"));
    admitted.member = Some(MemberCode::parse("007").unwrap());
    let mut closed = Dossier::new(
        "0042".into(),
        applicant("Vàng A Dế", Gender::Nam),
        org("BM.C8"),
    );
    closed.closing = Some(Closing {
        on: d("2019-05-06"),
        reason: String::new(),
    });
    vec![admitted, closed]
}

/// A small district with every kind of value v1 carries: leading zeros, commas and quotes
/// in text, transfers, exits, a merger, probation, ratings with and without points.
fn district() -> Dataset {
    let mut school = unit(
        "BM.C9",
        "Chi bộ Trường \"Hoa Ban\"",
        OrgType::ChiBoCoSo,
        Some("BM"),
    );
    school.dissolved_on = Some(d("2020-01-01"));
    school.merged_into = Some(org("BM.C8"));
    let mut hamlet = unit(
        "BM.01.C2",
        "Chi bộ thôn 2",
        OrgType::ChiBoTrucThuoc,
        Some("BM.01"),
    );
    hamlet.founded_on = Some(d("2018-01-01"));
    let mut mai = member("007", "Lò Thị Mai", vec![registered("BM.01.C1", None)]);
    mai.profile = MemberProfile {
        gender: Some(Gender::Nu),
        ethnicity: Some("Thái".into()),
        religion: Some("Công giáo".into()),
        citizen_id: Some("000190012345".into()),
        hometown: Some("Thôn 3, xã Bản Mế".into()),
        ..mai.profile
    };
    mai.official_on = None;
    let mut tu = member(
        "BM-0001",
        "Giàng Seo Tư",
        vec![
            registered("BM.C9", None),
            registered("BM.01.C1", Some("2015-03-02")),
            registered("BM.C8", Some("2019-12-31")),
        ],
    );
    tu.statuses = vec![StatusChange {
        status: MemberStatus::MienSinhHoat,
        on: d("2021-06-30"),
    }];
    Dataset {
        orgs: vec![
            unit("BM", "Đảng bộ huyện Bản Mế", OrgType::Huyen, None),
            unit(
                "BM.01",
                "Đảng bộ xã Bản Mế",
                OrgType::DangBoCoSo,
                Some("BM"),
            ),
            unit(
                "BM.01.C1",
                "Chi bộ thôn 1",
                OrgType::ChiBoTrucThuoc,
                Some("BM.01"),
            ),
            hamlet,
            unit(
                "BM.C8",
                "Chi bộ Công an, Quân sự",
                OrgType::ChiBoCoSo,
                Some("BM"),
            ),
            school,
        ],
        members: vec![tu, mai],
        member_ratings: vec![
            MemberRating {
                year: 2020,
                member: MemberCode::parse("007").unwrap(),
                rating: Rating::Htxsnv,
                score: Some(95),
            },
            MemberRating {
                year: 2021,
                member: MemberCode::parse("BM-0001").unwrap(),
                rating: Rating::Khtnv,
                score: None,
            },
        ],
        org_ratings: vec![OrgRating {
            year: 2019,
            org: org("BM.C9"),
            rating: Rating::Htnv,
            score: Some(0),
        }],
        calendar_days: Vec::new(),
        dossiers: dossiers(),
        monthly_results: Vec::new(),
        commitments: Vec::new(),
    }
}

#[test]
fn a_district_survives_a_workbook() {
    let original = district();
    let path = scratch("round_trip_xlsx").join("district.xlsx");
    write_xlsx(&original, &path).unwrap();
    assert_eq!(import(&path), original);
}

#[test]
fn a_district_survives_a_csv_folder() {
    let original = district();
    let dir = scratch("round_trip_csv");
    write_csv_folder(&original, &dir).unwrap();
    assert_eq!(import(&dir), original);
    let members = std::fs::read_to_string(dir.join("dang_vien.csv")).unwrap();
    assert!(members.contains(",000190012345,"), "{members}");
    assert!(members.contains("\"Thôn 3, xã Bản Mế\""), "{members}");
}

#[test]
fn names_that_look_like_formulas_are_text_in_csv_and_read_back_as_given() {
    let mut original = district();
    let [first, second] = &mut original.members[..] else {
        panic!("the district has two members");
    };
    first.profile.full_name = "=HYPERLINK(\"http://x\")".into();
    first.profile.hometown = Some("+cmd|' /C calc'!A0".into());
    second.profile.full_name = "@SUM(1)".into();
    second.profile.hometown = Some("-2+3".into());
    second.profile.religion = Some("'quoted".into());
    let dir = scratch("round_trip_formulas");
    write_csv_folder(&original, &dir).unwrap();
    let members = std::fs::read_to_string(dir.join("dang_vien.csv")).unwrap();
    assert!(
        members.contains(",\"'=HYPERLINK(\"\"http://x\"\")\","),
        "{members}"
    );
    assert!(members.contains(",'@SUM(1),"), "{members}");
    assert!(members.contains(",'-2+3,"), "{members}");
    for line in members.lines() {
        for cell in line.split(',') {
            let cell = cell.trim_start_matches('"');
            assert!(!cell.starts_with(['=', '+', '-', '@']), "{cell} in {line}");
        }
    }
    assert_eq!(import(&dir), original);
}

#[test]
fn an_empty_dataset_writes_every_table_with_its_header() {
    let dir = scratch("round_trip_empty");
    write_csv_folder(&Dataset::default(), &dir).unwrap();
    let orgs = std::fs::read_to_string(dir.join("to_chuc.csv")).unwrap();
    assert_eq!(
        orgs.trim_end(),
        "ma,ten,loai,ma_cap_tren,ngay_thanh_lap,ngay_giai_the,ma_sap_nhap_vao"
    );
    assert_eq!(import(&dir), Dataset::default());
}

#[test]
fn the_sample_district_survives_both_forms() {
    let sample = import(&sample_folder());
    assert_eq!(sample.orgs.len(), 224);
    assert_eq!(sample.members.len(), 3388);
    let scratch = scratch("round_trip_sample");
    let workbook = scratch.join("sample.xlsx");
    write_xlsx(&sample, &workbook).unwrap();
    assert_eq!(import(&workbook), sample);
    let folder = scratch.join("csv");
    write_csv_folder(&sample, &folder).unwrap();
    assert_eq!(import(&folder), sample);
}
