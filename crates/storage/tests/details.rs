//! Organization and member pages: ancestors on the day, histories oldest first.

mod common;

use common::fixture::{d, dataset, mc, oc};
use common::{audit, backends};
use dangvu_domain::{MemberStatus, Period, Rating};
use dangvu_storage::Scope;

fn everything() -> Scope {
    Scope::whole_installation(d("2025-11-26"))
}

fn codes(refs: &[dangvu_storage::OrgRef]) -> Vec<String> {
    refs.iter().map(|r| r.code.to_string()).collect()
}

#[test]
fn an_organization_shows_its_ancestors_on_the_day_and_its_whole_parent_history() {
    let ds = dataset();
    for db in backends() {
        let store = db.open();
        store.load_dataset(&ds, &audit()).unwrap();
        let before = store
            .org(&everything(), &oc("C3"), d("2018-06-01"))
            .unwrap();
        assert_eq!(codes(&before.ancestors), ["T", "H", "G2"]);
        let after = store
            .org(&everything(), &oc("C3"), d("2025-07-01"))
            .unwrap();
        assert_eq!(codes(&after.ancestors), ["T", "X1", "G1"]);
        assert!(after.active);
        let history: Vec<(Period, Option<String>)> = after
            .parent_history
            .iter()
            .map(|p| (p.period, p.parent.as_ref().map(|r| r.code.to_string())))
            .collect();
        assert_eq!(
            history,
            [
                (Period::new(None, Some(d("2019-01-01"))), Some("G2".into())),
                (Period::new(Some(d("2019-01-01")), None), Some("G1".into())),
            ]
        );
        let merged = store
            .org(&everything(), &oc("G2"), d("2020-01-01"))
            .unwrap();
        assert!(!merged.active);
        assert!(merged.ancestors.is_empty());
        assert_eq!(
            merged.merged_into.map(|r| r.code.to_string()),
            Some("G1".into())
        );
        assert_eq!(merged.dissolved_on, Some(d("2019-01-01")));
        assert_eq!(merged.org.name, "Tổ chức G2");
        let root = store.org(&everything(), &oc("T"), d("2020-01-01")).unwrap();
        assert!(root.ancestors.is_empty() && root.active);
    }
}

#[test]
fn a_member_shows_registrations_statuses_and_ratings_oldest_first() {
    let ds = dataset();
    for db in backends() {
        let store = db.open();
        store.load_dataset(&ds, &audit()).unwrap();
        let m = store.member(&everything(), &mc("M12")).unwrap();
        assert_eq!(m.profile.full_name, "Hoàng Thị Mai");
        assert_eq!(m.profile.gender, Some(dangvu_domain::Gender::Nu));
        assert_eq!(m.profile, ds.members[11].profile);
        assert_eq!(m.admitted_on, d("2013-10-10"));
        let regs: Vec<String> = m
            .registrations
            .iter()
            .map(|r| r.org.code.to_string())
            .collect();
        assert_eq!(regs, ["C4", "CS"]);
        assert_eq!(
            m.registrations[1].period,
            Period::new(Some(d("2019-06-01")), None)
        );
        let statuses: Vec<MemberStatus> = m.statuses.iter().map(|s| s.status).collect();
        use MemberStatus::*;
        assert_eq!(
            statuses,
            [DangSinhHoat, MienSinhHoat, DangSinhHoat, RaKhoiDang]
        );
        let years: Vec<i32> = m.ratings.iter().map(|r| r.year).collect();
        let mut sorted = years.clone();
        sorted.sort();
        assert_eq!(years, sorted);
        let expected: Vec<(i32, Rating)> = ds
            .member_ratings
            .iter()
            .filter(|r| r.member == mc("M12"))
            .map(|r| (r.year, r.rating))
            .collect();
        let got: Vec<(i32, Rating)> = m.ratings.iter().map(|r| (r.year, r.rating)).collect();
        assert_eq!(got, expected);
    }
}
