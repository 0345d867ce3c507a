//! Who counts as a Party member of a subtree on a day — the one definition.
//!
//! Interchange v1: a member counts on day D when the admission date is on or before D, the
//! official registration on D is in the subtree, and the status on D is active or exempted
//! (a status dated after D means the member was still active on D). Storage answers the same
//! question in SQL over the periods of [`crate::dataset::MemberRecord`] and through the
//! cells' tallies (`crate::summary::cells`); its tests check that all agree.

use crate::codes::OrgCode;
use crate::dataset::MemberRecord;
use crate::dates::Date;
use crate::enums::MemberStatus;

/// Whether `member` is a Party member of the subtree on `day`; `in_subtree` tells whether
/// an organization is in the subtree as the tree stands on `day`.
pub fn is_member_on(
    member: &MemberRecord,
    day: Date,
    in_subtree: impl Fn(&OrgCode) -> bool,
) -> bool {
    member.admitted_on <= day
        && member.registration_on(day).is_some_and(in_subtree)
        && member.status_on(day).counts_as_member()
}

/// Whether a member whose full membership began on `official_on` (`None`: not yet) is
/// still probationary on `day` — the one definition (storage counts with it through the
/// cells' tallies of `crate::summary::cells`).
pub fn is_probationary_on(official_on: Option<Date>, day: Date) -> bool {
    official_on.is_none_or(|official| official > day)
}

/// Whether a member who counts on `day` is exempted then.
pub fn is_exempted_on(member: &MemberRecord, day: Date) -> bool {
    member.status_on(day) == MemberStatus::MienSinhHoat
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::MemberCode;
    use crate::dataset::{MemberProfile, Registration, StatusChange};
    use crate::dates::parse_date;

    fn d(s: &str) -> Date {
        parse_date("ngay", s).unwrap()
    }
    fn code(s: &str) -> OrgCode {
        OrgCode::parse(s).unwrap()
    }

    /// Admitted 2016-03-01 in C1, moved to C2 on 2018-05-10, status change on 2019-09-01.
    fn member(status: Option<MemberStatus>) -> MemberRecord {
        MemberRecord {
            code: MemberCode::parse("M1").unwrap(),
            profile: MemberProfile::default(),
            admitted_on: d("2016-03-01"),
            official_on: Some(d("2017-03-01")),
            registrations: vec![
                Registration {
                    org: code("C1"),
                    since: None,
                },
                Registration {
                    org: code("C2"),
                    since: Some(d("2018-05-10")),
                },
            ],
            statuses: status
                .map(|s| StatusChange {
                    status: s,
                    on: d("2019-09-01"),
                })
                .into_iter()
                .collect(),
        }
    }

    #[test]
    fn a_member_is_probationary_until_the_full_membership_day() {
        let official = Some(d("2021-05-01"));
        assert!(is_probationary_on(None, d("2030-01-01")));
        assert!(is_probationary_on(official, d("2021-04-30")));
        assert!(!is_probationary_on(official, d("2021-05-01")));
    }

    #[test]
    fn membership_table() {
        use MemberStatus::*;
        let in_c1 = |o: &OrgCode| o.as_str() == "C1";
        let in_c2 = |o: &OrgCode| o.as_str() == "C2";
        // (status change on 2019-09-01, day, subtree is C2?, expected)
        let cases: &[(Option<MemberStatus>, &str, bool, bool)] = &[
            (None, "2016-02-29", false, false),             // before admission
            (None, "2016-03-01", false, true),              // admission day, in C1
            (None, "2018-05-09", false, true),              // last day in C1
            (None, "2018-05-10", false, false),             // moved out of C1 ...
            (None, "2018-05-10", true, true),               // ... into C2
            (Some(TuTran), "2019-08-31", true, true),       // status date after D: still active
            (Some(TuTran), "2019-09-01", true, false),      // deceased from that day
            (Some(MienSinhHoat), "2020-01-01", true, true), // exempted still counts
            (Some(ChuyenDi), "2020-01-01", true, false),
            (Some(XoaTen), "2020-01-01", true, false),
            (Some(KhaiTru), "2020-01-01", true, false),
            (Some(RaKhoiDang), "2020-01-01", true, false),
            (Some(DangSinhHoat), "2020-01-01", true, true),
        ];
        for (status, day, c2, expected) in cases {
            let m = member(*status);
            let got = if *c2 {
                is_member_on(&m, d(day), in_c2)
            } else {
                is_member_on(&m, d(day), in_c1)
            };
            assert_eq!(got, *expected, "status {status:?} on {day} in C2={c2}");
        }
    }

    #[test]
    fn probation_ends_on_the_official_date() {
        let m = member(None);
        assert!(m.is_probationary_on(d("2017-02-28")));
        assert!(!m.is_probationary_on(d("2017-03-01")));
        assert!(is_exempted_on(
            &member(Some(MemberStatus::MienSinhHoat)),
            d("2019-09-01")
        ));
    }
}
