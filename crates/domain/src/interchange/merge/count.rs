//! The counts of the history tables, one per row of the table: each dated change the file
//! gives in `chuyen_sinh_hoat`, `cap_tren_to_chuc` or `trang_thai_dang_vien` is created,
//! updated (the stored history has a change that day, to something else) or unchanged,
//! and each `bat_dau_sinh_hoat` row likewise, so that a table's rows read are always its
//! created, updated and unchanged counts added up. A change the file makes without a row
//! of its own (a new `ma_to_chuc`, `ma_cap_tren` or `trang_thai`) is an update of the
//! member or organization, counted in `dang_vien` or `to_chuc`.

use super::ImportSummary;
use super::history::{Entry, changes};
use super::records::status_entries;
use crate::dataset::{MemberRecord, OrgRecord};
use crate::dates::Date;
use crate::interchange::Table;

/// Counts the `cap_tren_to_chuc` rows of one organization of the file.
pub fn count_org(summary: &mut ImportSummary, stored: Option<&OrgRecord>, file: &OrgRecord) {
    let entries = |o: &OrgRecord| -> Vec<Entry<_>> {
        o.parents
            .iter()
            .map(|l| (l.since, l.parent.clone()))
            .collect()
    };
    let before = stored.map(entries).unwrap_or_default();
    count_changes(summary, Table::CapTrenToChuc, &before, &entries(file), true);
}

/// Counts the `chuyen_sinh_hoat` and `bat_dau_sinh_hoat` rows of one member of the file,
/// and their `trang_thai_dang_vien` rows when `status_rows` (the file gave the member's
/// status history in that table, not only in the `dang_vien` row).
pub fn count_member(
    summary: &mut ImportSummary,
    stored: Option<&MemberRecord>,
    file: &MemberRecord,
    status_rows: bool,
) {
    let registrations = |m: &MemberRecord| -> Vec<Entry<_>> {
        m.registrations
            .iter()
            .map(|r| (r.since, r.org.clone()))
            .collect()
    };
    let before = stored.map(registrations).unwrap_or_default();
    count_changes(
        summary,
        Table::ChuyenSinhHoat,
        &before,
        &registrations(file),
        true,
    );
    count_start(summary, stored, file);
    if status_rows {
        let before = stored
            .map(|s| status_entries(&s.statuses))
            .unwrap_or_default();
        let entries = status_entries(&file.statuses);
        count_changes(summary, Table::TrangThaiDangVien, &before, &entries, false);
    }
}

/// The `bat_dau_sinh_hoat` row of a member (the day their first registration began).
fn count_start(summary: &mut ImportSummary, stored: Option<&MemberRecord>, file: &MemberRecord) {
    let first = |m: &MemberRecord| m.registrations.first().and_then(|r| r.since);
    let Some(start) = first(file) else {
        return;
    };
    let counts = summary.counts_mut(Table::BatDauSinhHoat);
    match stored.map(first) {
        None => counts.created += 1,
        Some(Some(day)) if day == start => counts.unchanged += 1,
        Some(_) => counts.updated += 1,
    }
}

/// Counts the dated changes of `file` (one per row of the history table) against those of
/// `stored`. A status change has no origin of its own (the value before it is whatever
/// the history says), so only its new value is compared: `compare_origin` is false for
/// statuses.
fn count_changes<V: PartialEq>(
    summary: &mut ImportSummary,
    table: Table,
    stored: &[Entry<V>],
    file: &[Entry<V>],
    compare_origin: bool,
) {
    let stored_changes = changes(stored);
    let counts = summary.counts_mut(table);
    for (day, from, to) in changes(file) {
        match find(&stored_changes, day) {
            None => counts.created += 1,
            Some((old_from, old_to)) if old_to == to && (!compare_origin || old_from == from) => {
                counts.unchanged += 1
            }
            Some(_) => counts.updated += 1,
        }
    }
}

fn find<'a, V>(changes: &[(Date, &'a V, &'a V)], day: Date) -> Option<(&'a V, &'a V)> {
    changes
        .iter()
        .find(|(d, _, _)| *d == day)
        .map(|(_, from, to)| (*from, *to))
}
