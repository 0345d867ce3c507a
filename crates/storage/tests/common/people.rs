//! The people of the small dataset (see `fixture`) and their ratings.

use super::fixture::{member, oc};
use dangvu_domain::MemberStatus;
use dangvu_domain::Rating;
use dangvu_domain::dataset::{MemberRating, MemberRecord, OrgRating};

/// Fourteen members whose histories cover every case of the membership rule.
pub fn members() -> Vec<MemberRecord> {
    use MemberStatus::*;
    vec![
        member(
            "M01",
            "Nguyễn Văn Hùng",
            "2010-05-01",
            Some("2011-05-01"),
            &[(None, "C1")],
            &[],
        ),
        member(
            "M02",
            "Đặng Thị Đào",
            "2015-09-02",
            Some("2016-09-02"),
            &[(None, "C1"), (Some("2017-03-15"), "C2")],
            &[],
        ),
        member(
            "M03",
            "Trần Văn Bình",
            "2016-01-10",
            None,
            &[(None, "C3")],
            &[],
        ),
        member(
            "M04",
            "Lê An",
            "2018-06-01",
            Some("2019-06-01"),
            &[(None, "CS")],
            &[("2020-01-01", MienSinhHoat)],
        ),
        member(
            "M05",
            "Nguyễn Thị An",
            "2012-02-01",
            Some("2013-02-01"),
            &[(None, "C4")],
            &[("2019-09-01", TuTran)],
        ),
        member(
            "M06",
            "Đỗ Văn Anh",
            "2019-03-01",
            Some("2020-03-01"),
            &[(None, "C2")],
            &[("2021-05-01", ChuyenDi)],
        ),
        member(
            "M07",
            "Phạm Hùng",
            "2005-01-01",
            Some("2006-01-01"),
            &[(None, "C1")],
            &[("2016-07-01", KhaiTru)],
        ),
        member(
            "M08",
            "Nguyễn Hùng",
            "2017-11-20",
            Some("2018-11-20"),
            &[(None, "C3")],
            &[],
        ),
        member(
            "M09",
            "Vũ Thị Lan",
            "2014-08-08",
            Some("2015-08-08"),
            &[(None, "DSC")],
            &[],
        ),
        member(
            "M10",
            "Bùi Văn Cường",
            "2016-04-01",
            Some("2017-04-01"),
            &[(None, "C1"), (Some("2018-02-01"), "DSC")],
            &[("2022-02-01", XoaTen)],
        ),
        member(
            "M11",
            "Ngô Văn Dũng",
            "2016-05-05",
            Some("2017-05-05"),
            &[(Some("2016-06-01"), "C2")],
            &[],
        ),
        member(
            "M12",
            "Hoàng Thị Mai",
            "2013-10-10",
            Some("2014-10-10"),
            &[(None, "C4"), (Some("2019-06-01"), "CS")],
            &[
                ("2017-01-01", MienSinhHoat),
                ("2018-01-01", DangSinhHoat),
                ("2023-03-01", RaKhoiDang),
            ],
        ),
        member(
            "M13",
            "Đinh Văn An",
            "2020-07-15",
            None,
            &[(Some("2020-07-15"), "C3")],
            &[],
        ),
        member(
            "M14",
            "Lý Thị Hoa",
            "2015-08-01",
            Some("2016-08-01"),
            &[
                (None, "C3"),
                (Some("2018-03-01"), "CS"),
                (Some("2019-02-01"), "C1"),
            ],
            &[],
        ),
    ]
}

/// Ratings of most members for most years of 2015–2020, of every level.
pub fn member_ratings(members: &[MemberRecord]) -> Vec<MemberRating> {
    let levels = [Rating::Htxsnv, Rating::Httnv, Rating::Htnv, Rating::Khtnv];
    let mut out = Vec::new();
    for (i, m) in members.iter().enumerate() {
        for (k, year) in (2015..=2020).enumerate() {
            if (i + k) % 5 == 4 {
                continue; // some years unrated
            }
            out.push(MemberRating {
                year,
                member: m.code.clone(),
                rating: levels[(i * 3 + k) % levels.len()],
                score: Some(60 + ((i + k) % 40) as u8),
            });
        }
    }
    out
}

/// Ratings of the grassroots organizations (and of one cell, which must not count).
pub fn org_ratings() -> Vec<OrgRating> {
    let rated = [
        (
            "G1",
            [Rating::Httnv, Rating::Htxsnv, Rating::Htnv, Rating::Httnv],
        ),
        (
            "G2",
            [Rating::Htnv, Rating::Httnv, Rating::Khtnv, Rating::Htxsnv],
        ),
        (
            "CS",
            [Rating::Htxsnv, Rating::Htnv, Rating::Httnv, Rating::Httnv],
        ),
        (
            "DS",
            [Rating::Httnv, Rating::Httnv, Rating::Htnv, Rating::Khtnv],
        ),
        (
            "C1",
            [
                Rating::Htxsnv,
                Rating::Htxsnv,
                Rating::Htxsnv,
                Rating::Htxsnv,
            ],
        ),
    ];
    let mut out = Vec::new();
    for (code, levels) in rated {
        for (year, rating) in (2016..=2019).zip(levels) {
            out.push(OrgRating {
                year,
                org: oc(code),
                rating,
                score: None,
            });
        }
    }
    out
}
