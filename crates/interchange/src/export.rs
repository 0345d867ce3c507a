//! A [`Dataset`] as the rows of the tables of interchange v1 and its three history
//! extensions, for both writers.
//!
//! v1 keeps the present state with the transfer history, so a dataset is written as:
//! `to_chuc.ma_cap_tren` = the superior of the organization's last parent link;
//! `dang_vien.ma_to_chuc` = the last registration; one `chuyen_sinh_hoat` row per change of
//! registration (the day the next one begins); `trang_thai`/`ngay_trang_thai` = the last
//! status change. The extensions (`docs/interchange-format.md`) carry what v1 cannot: one
//! `cap_tren_to_chuc` row per change of superior, and for members with more than one status
//! change one `trang_thai_dang_vien` row per change, and one `bat_dau_sinh_hoat` row per
//! member whose first registration has a start date. Not written: the start date of a first
//! superior (parent periods are cut to the organization's life anyway) and the member-sheet
//! fields beyond the v1 columns (no figure depends on them). Enumerations are written as
//! their codes.

use dangvu_domain::admissions::Dossier;
use dangvu_domain::dataset::{Dataset, MemberRecord, OrgRecord};
use dangvu_domain::enums::{Enumeration, MemberStatus};
use dangvu_domain::interchange::{DossierEnd, Table};
use dangvu_domain::ratings::Commitment;
use dangvu_domain::{Date, MemberCode, OrgCode};

/// One cell to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Value {
    /// Text, written as a text cell so that codes and IDs keep their leading zeros.
    Text(String),
    /// A whole number (`nam`, `diem`).
    Whole(i64),
    /// Nothing.
    Empty,
}

impl Value {
    /// The value as CSV text.
    pub fn to_text(&self) -> String {
        match self {
            Value::Text(text) => text.clone(),
            Value::Whole(number) => number.to_string(),
            Value::Empty => String::new(),
        }
    }
}

/// Calls `write` with each row of `table`, in dataset order, cells in column order.
pub(crate) fn for_each_row<E>(
    ds: &Dataset,
    table: Table,
    mut write: impl FnMut(&[Value]) -> Result<(), E>,
) -> Result<(), E> {
    match table {
        Table::ToChuc => ds.orgs.iter().try_for_each(|o| write(&org_row(o))),
        Table::DangVien => ds.members.iter().try_for_each(|m| write(&member_row(m))),
        Table::ChuyenSinhHoat => ds
            .members
            .iter()
            .flat_map(transfer_rows)
            .try_for_each(|row| write(&row)),
        Table::DanhGiaDangVien => ds.member_ratings.iter().try_for_each(|r| {
            let member = text(r.member.as_str());
            write(&[year(r.year), member, code(r.rating), score(r.score)])
        }),
        Table::DanhGiaToChuc => ds.org_ratings.iter().try_for_each(|r| {
            let org = text(r.org.as_str());
            write(&[year(r.year), org, code(r.rating), score(r.score)])
        }),
        Table::CapTrenToChuc => ds
            .orgs
            .iter()
            .flat_map(parent_change_rows)
            .try_for_each(|row| write(&row)),
        Table::BatDauSinhHoat => ds
            .members
            .iter()
            .filter_map(|m| {
                let first = m.registrations.first()?;
                let on = first.since?;
                Some([
                    text(m.code.as_str()),
                    date(Some(on)),
                    text(first.org.as_str()),
                ])
            })
            .try_for_each(|row| write(&row)),
        Table::NgayNghi => ds.calendar_days.iter().try_for_each(|d| {
            write(&[
                date(Some(d.day)),
                code(d.kind),
                optional_text(d.name.as_deref()),
            ])
        }),
        Table::HoSoKetNap => ds.dossiers.iter().try_for_each(|x| write(&dossier_row(x))),
        Table::KetQuaThang => ds.monthly_results.iter().try_for_each(|r| {
            write(&[
                text(r.member.as_str()),
                text(&r.month.to_string()),
                code(r.level),
                optional_text(r.note.as_deref()),
            ])
        }),
        Table::CamKet => ds
            .commitments
            .iter()
            .try_for_each(|c| write(&commitment_row(c))),
        Table::TrangThaiDangVien => ds
            .members
            .iter()
            .filter(|m| m.statuses.len() > 1)
            .flat_map(|m| {
                m.statuses
                    .iter()
                    .map(|s| [text(m.code.as_str()), date(Some(s.on)), code(s.status)])
            })
            .try_for_each(|row| write(&row)),
    }
}

/// One row per change of superior: the day the next link begins, from the previous
/// superior to the next (empty = none). Links without a day, or that repeat the superior
/// before them, change nothing and are skipped.
fn parent_change_rows(org: &OrgRecord) -> Vec<[Value; 4]> {
    org.parents
        .windows(2)
        .filter_map(|pair| {
            let [before, after] = pair else { return None };
            let on = after.since.filter(|_| before.parent != after.parent)?;
            Some([
                text(org.code.as_str()),
                date(Some(on)),
                optional_code(before.parent.as_ref()),
                optional_code(after.parent.as_ref()),
            ])
        })
        .collect()
}

fn org_row(org: &OrgRecord) -> Vec<Value> {
    let parent = org.parents.last().and_then(|link| link.parent.as_ref());
    vec![
        text(org.code.as_str()),
        text(&org.name),
        code(org.org_type),
        optional_code(parent),
        date(org.founded_on),
        date(org.dissolved_on),
        optional_code(org.merged_into.as_ref()),
    ]
}

fn member_row(member: &MemberRecord) -> Vec<Value> {
    let profile = &member.profile;
    let last_status = member.statuses.last();
    let status = last_status.map_or(MemberStatus::DangSinhHoat, |s| s.status);
    let registered = member.registrations.last().map(|r| &r.org);
    vec![
        text(member.code.as_str()),
        text(&profile.full_name),
        profile.gender.map_or(Value::Empty, code),
        date(profile.birth_date),
        optional_text(profile.ethnicity.as_deref()),
        optional_text(profile.religion.as_deref()),
        optional_text(profile.citizen_id.as_deref()),
        optional_text(profile.hometown.as_deref()),
        date(Some(member.admitted_on)),
        date(member.official_on),
        optional_code(registered),
        code(status),
        date(last_status.map(|s| s.on)),
    ]
}

/// One row per change of registration: the day the next registration begins, from the
/// previous organization to the next. A registration without a start date after the first
/// one has no day to write and is skipped.
fn transfer_rows(member: &MemberRecord) -> Vec<[Value; 4]> {
    member
        .registrations
        .windows(2)
        .filter_map(|pair| {
            let [before, after] = pair else { return None };
            let on = after.since?;
            Some([
                text(member.code.as_str()),
                date(Some(on)),
                text(before.org.as_str()),
                text(after.org.as_str()),
            ])
        })
        .collect()
}

/// A dossier in the columns of `ho_so_ket_nap`; a closed one has `ket_thuc` =
/// `KHONG_KET_NAP`.
fn dossier_row(x: &Dossier) -> Vec<Value> {
    let a = &x.applicant;
    let member = |c: Option<&MemberCode>| optional_text(c.map(MemberCode::as_str));
    let decision = x.decision.as_ref();
    vec![
        text(&x.code),
        text(&a.full_name),
        code(a.gender),
        date(Some(a.birth_date)),
        optional_text(a.ethnicity.as_deref()),
        text(x.cell.as_str()),
        date(x.listed_on),
        member(x.introducers.first.as_ref()),
        member(x.introducers.second.as_ref()),
        date(x.resolution_on),
        date(decision.map(|d| d.on)),
        optional_text(decision.and_then(|d| d.number.as_deref())),
        date(x.ceremony_on),
        member(x.member.as_ref()),
        match x.closing {
            Some(_) => code(DossierEnd::KhongKetNap),
            None => Value::Empty,
        },
        date(x.closing.as_ref().map(|c| c.on)),
    ]
}

/// A commitment in the columns of `cam_ket`.
fn commitment_row(c: &Commitment) -> Vec<Value> {
    let evaluation = c.evaluation.as_ref();
    vec![
        text(&c.code),
        year(c.year),
        text(c.org.as_str()),
        text(c.signer.as_str()),
        code(c.post),
        optional_text(c.recipient.as_ref().map(MemberCode::as_str)),
        text(&c.content),
        date(Some(c.signed_on)),
        evaluation.map_or(Value::Empty, |e| code(e.outcome)),
        date(evaluation.map(|e| e.on)),
    ]
}

fn text(value: &str) -> Value {
    Value::Text(value.to_string())
}

fn optional_text(value: Option<&str>) -> Value {
    value.map_or(Value::Empty, text)
}

fn optional_code(value: Option<&OrgCode>) -> Value {
    value.map_or(Value::Empty, |c| text(c.as_str()))
}

fn code(value: impl Enumeration) -> Value {
    text(value.code())
}

fn date(value: Option<Date>) -> Value {
    value.map_or(Value::Empty, |d| {
        Value::Text(d.format("%Y-%m-%d").to_string())
    })
}

fn year(value: i32) -> Value {
    Value::Whole(i64::from(value))
}

fn score(value: Option<u8>) -> Value {
    value.map_or(Value::Empty, |s| Value::Whole(i64::from(s)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use dangvu_domain::dataset::{MemberProfile, Registration, StatusChange};
    use dangvu_domain::{Gender, MemberCode};

    fn d(s: &str) -> Date {
        Date::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn member() -> MemberRecord {
        let org = |c: &str| OrgCode::parse(c).unwrap();
        MemberRecord {
            code: MemberCode::parse("M1").unwrap(),
            profile: MemberProfile {
                full_name: "Lò Thị Mai".into(),
                gender: Some(Gender::Nu),
                birth_date: Some(d("1990-02-03")),
                citizen_id: Some("002190000001".into()),
                ..MemberProfile::default()
            },
            admitted_on: d("2015-05-19"),
            official_on: None,
            registrations: vec![
                Registration {
                    org: org("A"),
                    since: None,
                },
                Registration {
                    org: org("B"),
                    since: Some(d("2018-01-02")),
                },
                Registration {
                    org: org("C"),
                    since: Some(d("2020-03-04")),
                },
            ],
            statuses: vec![
                StatusChange {
                    status: MemberStatus::MienSinhHoat,
                    on: d("2021-01-01"),
                },
                StatusChange {
                    status: MemberStatus::TuTran,
                    on: d("2023-06-07"),
                },
            ],
        }
    }

    fn rows(ds: &Dataset, table: Table) -> Vec<Vec<String>> {
        let mut out = Vec::new();
        for_each_row::<()>(ds, table, |row| {
            out.push(row.iter().map(Value::to_text).collect());
            Ok(())
        })
        .unwrap();
        out
    }

    #[test]
    fn a_member_row_holds_the_last_registration_and_status() {
        let ds = Dataset {
            members: vec![member()],
            ..Dataset::default()
        };
        let row = &rows(&ds, Table::DangVien)[0];
        let keys: Vec<&str> = Table::DangVien.columns().iter().map(|c| c.key).collect();
        let at = |key: &str| row[keys.iter().position(|k| *k == key).unwrap()].as_str();
        assert_eq!(at("ma_to_chuc"), "C");
        assert_eq!(
            (at("trang_thai"), at("ngay_trang_thai")),
            ("TU_TRAN", "2023-06-07")
        );
        assert_eq!((at("gioi_tinh"), at("so_cccd")), ("NU", "002190000001"));
        assert_eq!((at("ngay_chinh_thuc"), at("dan_toc")), ("", ""));
        assert_eq!(row.len(), keys.len());
    }

    #[test]
    fn each_change_of_registration_is_one_transfer_row() {
        let ds = Dataset {
            members: vec![member()],
            ..Dataset::default()
        };
        assert_eq!(
            rows(&ds, Table::ChuyenSinhHoat),
            vec![
                vec!["M1", "2018-01-02", "A", "B"],
                vec!["M1", "2020-03-04", "B", "C"],
            ]
        );
    }
}
