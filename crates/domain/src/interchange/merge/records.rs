//! One stored record and its row in a file make the updated record.
//!
//! Values of the file's columns replace the stored ones; a column the file lacks leaves the
//! stored value; fields v1 has no column for (birthplace, occupation, …) are kept. Histories
//! follow the rules of [`super::history`]. A change without a date of its own takes
//! effect on the import's `effective_on` — or, for a record that had already ended by then,
//! on its last day (an organization) or on the day the member left, since v1 says a member
//! who left is listed where they were registered when they left.

use super::GivenColumns;
use super::history::{Entry, apply_dated, set_current, start_at};
use super::periods::first_wins;
use crate::codes::OrgCode;
use crate::dataset::StatusChange;
use crate::dataset::{MemberProfile, MemberRecord, OrgRecord, ParentLink, Registration};
use crate::dates::Date;
use crate::enums::MemberStatus;
use crate::interchange::Table;

/// The stored organization updated by its row in the file.
pub fn merge_org(
    stored: &OrgRecord,
    file: &OrgRecord,
    columns: &GivenColumns,
    effective_on: Date,
) -> OrgRecord {
    let given = |key| columns.has(Table::ToChuc, key);
    let pick =
        |key, theirs: Option<Date>, ours: Option<Date>| if given(key) { theirs } else { ours };
    let dissolved_on = pick("ngay_giai_the", file.dissolved_on, stored.dissolved_on);
    let day = match dissolved_on {
        Some(end) if end <= effective_on => end.pred_opt().unwrap_or(end),
        _ => effective_on,
    };
    let stored_links: Vec<Entry<Option<OrgCode>>> = stored
        .parents
        .iter()
        .map(|l| (l.since, l.parent.clone()))
        .collect();
    let dated: Vec<(Date, Option<OrgCode>)> = file
        .parents
        .iter()
        .skip(1)
        .filter_map(|l| l.since.map(|s| (s, l.parent.clone())))
        .collect();
    let links = if !dated.is_empty() {
        let origin = file.parents.first().map(|l| &l.parent);
        apply_dated(&stored_links, origin, &dated)
    } else if given("ma_cap_tren") {
        let present = file.parents.last().and_then(|l| l.parent.clone());
        set_current(&stored_links, &present, day)
    } else {
        stored_links
    };
    OrgRecord {
        code: stored.code.clone(),
        name: file.name.clone(),
        org_type: file.org_type,
        founded_on: pick("ngay_thanh_lap", file.founded_on, stored.founded_on),
        dissolved_on,
        merged_into: if given("ma_sap_nhap_vao") {
            file.merged_into.clone()
        } else {
            stored.merged_into.clone()
        },
        parents: links
            .into_iter()
            .map(|(since, parent)| ParentLink { since, parent })
            .collect(),
    }
}

/// Whether two versions of an organization differ in anything stored.
pub fn org_differs(a: &OrgRecord, b: &OrgRecord) -> bool {
    (
        &a.name,
        a.org_type,
        a.founded_on,
        a.dissolved_on,
        &a.merged_into,
    ) != (
        &b.name,
        b.org_type,
        b.founded_on,
        b.dissolved_on,
        &b.merged_into,
    ) || a.parent_periods() != b.parent_periods()
}

/// The stored member updated by their row (and history rows) in the file.
pub fn merge_member(
    stored: &MemberRecord,
    file: &MemberRecord,
    columns: &GivenColumns,
    effective_on: Date,
) -> MemberRecord {
    let given = |key| columns.has(Table::DangVien, key);
    let pick = |key, theirs: &Option<String>, ours: &Option<String>| {
        if given(key) { theirs } else { ours }.clone()
    };
    let (p, s) = (&file.profile, &stored.profile);
    let profile = MemberProfile {
        full_name: p.full_name.clone(),
        gender: p.gender.or(s.gender),
        birth_date: p.birth_date.or(s.birth_date),
        ethnicity: pick("dan_toc", &p.ethnicity, &s.ethnicity),
        religion: pick("ton_giao", &p.religion, &s.religion),
        citizen_id: pick("so_cccd", &p.citizen_id, &s.citizen_id),
        hometown: pick("que_quan", &p.hometown, &s.hometown),
        ..s.clone()
    };
    let statuses = merge_statuses(stored, file, given("trang_thai"), effective_on);
    let left_on = statuses
        .last()
        .filter(|c| !c.status.counts_as_member() && c.on <= effective_on)
        .map(|c| c.on);
    MemberRecord {
        code: stored.code.clone(),
        profile,
        admitted_on: file.admitted_on,
        official_on: if given("ngay_chinh_thuc") {
            file.official_on
        } else {
            stored.official_on
        },
        registrations: merge_registrations(stored, file, left_on.unwrap_or(effective_on)),
        statuses,
    }
}

/// Whether the file gave transfer rows for the member (else only the present `ma_to_chuc`).
pub fn has_transfers(file: &MemberRecord) -> bool {
    file.registrations.len() > 1
}

fn merge_registrations(stored: &MemberRecord, file: &MemberRecord, day: Date) -> Vec<Registration> {
    let stored_entries: Vec<Entry<OrgCode>> = stored
        .registrations
        .iter()
        .map(|r| (r.since, r.org.clone()))
        .collect();
    let dated: Vec<(Date, OrgCode)> = file
        .registrations
        .iter()
        .skip(1)
        .filter_map(|r| r.since.map(|s| (s, r.org.clone())))
        .collect();
    let entries = match (dated.is_empty(), file.registrations.last()) {
        (false, _) => {
            let origin = file.registrations.first().map(|r| &r.org);
            apply_dated(&stored_entries, origin, &dated)
        }
        (true, Some(present)) => set_current(&stored_entries, &present.org, day),
        (true, None) => stored_entries,
    };
    let start = file.registrations.first().and_then(|r| r.since);
    let entries = match start {
        Some(start) => start_at(entries, start),
        None => entries,
    };
    entries
        .into_iter()
        .map(|(since, org)| Registration { org, since })
        .collect()
}

/// The stored status history as entries, starting with "active".
pub fn status_entries(statuses: &[StatusChange]) -> Vec<Entry<MemberStatus>> {
    let mut entries = vec![(None, MemberStatus::DangSinhHoat)];
    entries.extend(statuses.iter().map(|c| (Some(c.on), c.status)));
    entries
}

fn merge_statuses(
    stored: &MemberRecord,
    file: &MemberRecord,
    status_given: bool,
    effective_on: Date,
) -> Vec<StatusChange> {
    let stored_entries = status_entries(&stored.statuses);
    let entries = if !file.statuses.is_empty() {
        let dated: Vec<(Date, MemberStatus)> =
            file.statuses.iter().map(|c| (c.on, c.status)).collect();
        apply_dated(&stored_entries, None, &dated)
    } else if status_given {
        set_current(&stored_entries, &MemberStatus::DangSinhHoat, effective_on)
    } else {
        stored_entries
    };
    entries
        .into_iter()
        .filter_map(|(since, status)| since.map(|on| StatusChange { status, on }))
        .collect()
}

/// What differs between two versions of a member: (sheet, registrations, statuses).
pub fn member_differences(a: &MemberRecord, b: &MemberRecord) -> (bool, bool, bool) {
    (
        (&a.profile, a.admitted_on, a.official_on) != (&b.profile, b.admitted_on, b.official_on),
        first_wins(a.registration_periods()) != first_wins(b.registration_periods()),
        first_wins(a.status_periods()) != first_wins(b.status_periods()),
    )
}
