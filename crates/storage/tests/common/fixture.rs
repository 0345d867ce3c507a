//! A small hand-made dataset with every kind of history the figures depend on.
//!
//! Tree (T = province):
//! - `T` ─ `H` (district, dissolved 2025-07-01) ─ `G1`, `G2`, `CS`; `X1` (commune, founded
//!   2025-07-01) takes over `G1` on that day.
//! - `G1` ─ `C1`, `C2` (founded 2016), `P` (sub-committee) ─ `C4`; `C3` joins it in 2019.
//! - `G2` ─ `C3`; `G2` merges into `G1` on 2019-01-01 (dissolved, `C3` moves).
//! - `CS` is a grassroots cell under `H`, founded 2014, moved under `X1` in 2025.
//! - `DS` is a second root (a grassroots committee of its own) with cell `DSC`.
//!
//! Members move, leave, die, are exempted and expelled; ratings cover 2015–2020.

use super::people;
use dangvu_domain::dataset::{
    Dataset, MemberProfile, MemberRecord, OrgRecord, ParentLink, Registration, StatusChange,
};
use dangvu_domain::dates::parse_date;
use dangvu_domain::{Date, Gender, MemberCode, MemberStatus, OrgCode, OrgType};

pub fn d(s: &str) -> Date {
    parse_date("test", s).unwrap()
}

pub fn oc(s: &str) -> OrgCode {
    OrgCode::parse(s).unwrap()
}

pub fn mc(s: &str) -> MemberCode {
    MemberCode::parse(s).unwrap()
}

type Life<'a> = (Option<&'a str>, Option<&'a str>);

fn org(
    code: &str,
    org_type: OrgType,
    life: Life<'_>,
    parents: &[(Option<&str>, Option<&str>)],
    merged_into: Option<&str>,
) -> OrgRecord {
    OrgRecord {
        code: oc(code),
        name: format!("Tổ chức {code}"),
        org_type,
        founded_on: life.0.map(d),
        dissolved_on: life.1.map(d),
        merged_into: merged_into.map(oc),
        parents: parents
            .iter()
            .map(|(since, parent)| ParentLink {
                since: since.map(d),
                parent: parent.map(oc),
            })
            .collect(),
    }
}

/// A member: code, name, admitted, official, registrations (since, cell), status changes.
pub fn member(
    code: &str,
    name: &str,
    admitted: &str,
    official: Option<&str>,
    registrations: &[(Option<&str>, &str)],
    statuses: &[(&str, MemberStatus)],
) -> MemberRecord {
    MemberRecord {
        code: mc(code),
        profile: MemberProfile {
            full_name: name.to_string(),
            gender: Some(if name.contains(" Thị ") {
                Gender::Nu
            } else {
                Gender::Nam
            }),
            birth_date: Some(d("1980-01-01")),
            citizen_id: Some(format!("0010800{code:0>5}")),
            ..MemberProfile::default()
        },
        admitted_on: d(admitted),
        official_on: official.map(d),
        registrations: registrations
            .iter()
            .map(|(since, org)| Registration {
                org: oc(org),
                since: since.map(d),
            })
            .collect(),
        statuses: statuses
            .iter()
            .map(|(on, status)| StatusChange {
                status: *status,
                on: d(on),
            })
            .collect(),
    }
}

/// The organizations of the tree described above.
pub fn orgs() -> Vec<OrgRecord> {
    use OrgType::*;
    let end = Some("2025-07-01");
    vec![
        org("T", Tinh, (None, None), &[(None, None)], None),
        org("H", Huyen, (None, end), &[(None, Some("T"))], None),
        org("X1", Xa, (end, None), &[(None, Some("T"))], None),
        org(
            "G1",
            DangBoCoSo,
            (None, None),
            &[(None, Some("H")), (end, Some("X1"))],
            None,
        ),
        org(
            "G2",
            DangBoCoSo,
            (None, Some("2019-01-01")),
            &[(None, Some("H"))],
            Some("G1"),
        ),
        org(
            "CS",
            ChiBoCoSo,
            (Some("2014-03-01"), None),
            &[(None, Some("H")), (end, Some("X1"))],
            None,
        ),
        org(
            "C1",
            ChiBoTrucThuoc,
            (None, None),
            &[(None, Some("G1"))],
            None,
        ),
        org(
            "C2",
            ChiBoTrucThuoc,
            (Some("2016-01-01"), None),
            &[(None, Some("G1"))],
            None,
        ),
        org(
            "C3",
            ChiBoTrucThuoc,
            (None, None),
            &[(None, Some("G2")), (Some("2019-01-01"), Some("G1"))],
            None,
        ),
        org("P", DangBoBoPhan, (None, None), &[(None, Some("G1"))], None),
        org(
            "C4",
            ChiBoTrucThuoc,
            (None, None),
            &[(None, Some("P"))],
            None,
        ),
        org("DS", DangBoCoSo, (None, None), &[(None, None)], None),
        org(
            "DSC",
            ChiBoTrucThuoc,
            (None, None),
            &[(None, Some("DS"))],
            None,
        ),
    ]
}

/// The whole small dataset.
pub fn dataset() -> Dataset {
    let members = people::members();
    Dataset {
        orgs: orgs(),
        member_ratings: people::member_ratings(&members),
        members,
        org_ratings: people::org_ratings(),
        calendar_days: Vec::new(),
        dossiers: Vec::new(),
        monthly_results: Vec::new(),
        commitments: Vec::new(),
    }
}

/// Days worth checking: regular samples and the days around every change in the data.
pub fn sample_days() -> Vec<Date> {
    let mut days: Vec<Date> = (2004..=2027)
        .flat_map(|y| [d(&format!("{y}-01-01")), d(&format!("{y}-07-01"))])
        .collect();
    for s in [
        "2014-02-28",
        "2016-01-09",
        "2016-01-10",
        "2016-06-30",
        "2017-03-14",
        "2017-03-15",
        "2018-12-31",
        "2019-06-01",
        "2019-08-31",
        "2019-09-01",
        "2020-07-14",
        "2020-07-15",
        "2025-06-30",
        "2025-07-01",
    ] {
        days.push(d(s));
    }
    days
}
