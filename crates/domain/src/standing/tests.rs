use super::*;
use crate::dates::parse_date;
use MemberStatus::*;

/// Status periods, as storage keeps them.
type History = [(Period, MemberStatus)];
/// "Status from this day on" entries.
type Changes<'a> = [(MemberStatus, &'a str)];

fn d(s: &str) -> Date {
    parse_date("ngay", s).unwrap()
}

/// Status periods from "status from this day on" entries, as storage keeps them.
fn history(changes: &[(MemberStatus, &str)]) -> Vec<(Period, MemberStatus)> {
    let mut out: Vec<(Period, MemberStatus)> = Vec::new();
    for (status, from) in changes {
        if let Some(last) = out.last_mut() {
            last.0.to = d(from);
        }
        out.push((Period::new(Some(d(from)), None), *status));
    }
    out
}

#[test]
fn the_profile_heads_a_member_with_the_status_of_the_day() {
    let official = Some(d("2016-03-01"));
    let died = history(&[(DangSinhHoat, "2015-03-01"), (TuTran, "2022-09-24")]);
    let cases: &[(Option<Date>, &History, &str, Standing)] = &[
        (official, &died, "2016-02-29", Standing::Probationary),
        (official, &died, "2016-03-01", Standing::Official),
        (official, &died, "2022-09-23", Standing::Official),
        (official, &died, "2022-09-24", Standing::Status(TuTran)),
        (None, &died, "2030-01-01", Standing::Status(TuTran)),
        (None, &[], "2030-01-01", Standing::Probationary),
        (
            official,
            &history(&[(MienSinhHoat, "2020-01-01")]),
            "2021-01-01",
            Standing::Status(MienSinhHoat),
        ),
        (
            official,
            &history(&[(KhaiTru, "2020-01-01")]),
            "2021-01-01",
            Standing::Status(KhaiTru),
        ),
    ];
    for (official_on, statuses, day, expected) in cases {
        assert_eq!(
            standing_on(*official_on, statuses, d(day)),
            *expected,
            "on {day}"
        );
    }
    assert!(Standing::Status(TuTran).has_left());
    assert!(!Standing::Status(MienSinhHoat).has_left() && !Standing::Official.has_left());
}

#[test]
fn a_member_leaves_with_the_run_of_exits_that_ends_the_history() {
    let cases: &[(&Changes, Option<(&str, MemberStatus)>)] = &[
        (&[], None),
        (&[(DangSinhHoat, "2015-01-01")], None),
        (&[(MienSinhHoat, "2015-01-01")], None),
        (&[(TuTran, "2018-01-03")], Some(("2018-01-03", TuTran))),
        (
            &[(MienSinhHoat, "2015-01-01"), (TuTran, "2018-01-03")],
            Some(("2018-01-03", TuTran)),
        ),
        (
            &[(ChuyenDi, "2019-01-01"), (TuTran, "2020-01-01")],
            Some(("2019-01-01", ChuyenDi)),
        ),
        (
            &[(ChuyenDi, "2019-01-01"), (DangSinhHoat, "2020-01-01")],
            None,
        ),
        (&[(XoaTen, "2019-01-01")], Some(("2019-01-01", XoaTen))),
        (
            &[(RaKhoiDang, "2019-01-01")],
            Some(("2019-01-01", RaKhoiDang)),
        ),
    ];
    for (changes, expected) in cases {
        let expected = expected.map(|(day, status)| (d(day), status));
        assert_eq!(left_party(&history(changes)), expected, "{changes:?}");
    }
}

#[test]
fn an_account_stops_on_the_day_its_member_left_the_party() {
    for exit in [TuTran, KhaiTru, XoaTen, RaKhoiDang, ChuyenDi] {
        let statuses = history(&[(DangSinhHoat, "2010-01-01"), (exit, "2018-01-03")]);
        assert_eq!(
            account_closed_on(&statuses, d("2018-01-02")),
            None,
            "{exit:?}"
        );
        assert_eq!(
            account_closed_on(&statuses, d("2018-01-03")),
            Some(d("2018-01-03")),
            "{exit:?}"
        );
        assert_eq!(
            account_closed_on(&statuses, d("2026-12-04")),
            Some(d("2018-01-03"))
        );
    }
    let exempted = history(&[(MienSinhHoat, "2018-01-03")]);
    assert_eq!(account_closed_on(&exempted, d("2026-12-04")), None);
    let back = history(&[(ChuyenDi, "2018-01-03"), (DangSinhHoat, "2019-01-01")]);
    assert_eq!(account_closed_on(&back, d("2026-12-04")), None);
    assert_eq!(account_closed_on(&back, d("2018-06-01")), None);
}

#[test]
fn a_registration_open_at_the_exit_ends_on_the_exit_day() {
    let open = Period::new(Some(d("2010-01-01")), None);
    let closed = Period::new(Some(d("2010-01-01")), Some(d("2015-01-01")));
    let exit = Some(d("2022-09-24"));
    assert_eq!(
        registration_until_exit(open, exit),
        Period::new(Some(d("2010-01-01")), Some(d("2022-09-24")))
    );
    assert_eq!(registration_until_exit(closed, exit), closed);
    assert_eq!(registration_until_exit(open, None), open);
    let after = Period::new(Some(d("2023-01-01")), None);
    assert_eq!(registration_until_exit(after, exit), after);
}
