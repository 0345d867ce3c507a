//! The counts of the history tables: each dated change the file gives is created, updated
//! (the stored history has a change that day, to something else) or unchanged; a change
//! the file makes without a date of its own (a new `ma_to_chuc`, `ma_cap_tren` or an active
//! status again) counts as one created change.

use super::ImportSummary;
use super::history::{Entry, changes};
use super::records::status_entries;
use crate::dataset::{MemberRecord, OrgRecord};
use crate::dates::Date;
use crate::interchange::Table;

/// Counts the changes of superior of one organization of the file.
pub fn count_org(
    summary: &mut ImportSummary,
    stored: Option<&OrgRecord>,
    file: &OrgRecord,
    merged: &OrgRecord,
) {
    let entries = |o: &OrgRecord| -> Vec<Entry<_>> {
        o.parents
            .iter()
            .map(|l| (l.since, l.parent.clone()))
            .collect()
    };
    let before = stored.map(entries).unwrap_or_default();
    let present = |o: &OrgRecord| o.parents.last().map(|l| l.parent.clone());
    let moved = stored.is_some_and(|s| present(s) != present(merged));
    count_changes(
        summary,
        Table::CapTrenToChuc,
        &before,
        &entries(file),
        (moved, true),
    );
}

/// Counts the transfers and status changes of one member of the file.
pub fn count_member(
    summary: &mut ImportSummary,
    stored: Option<&MemberRecord>,
    file: &MemberRecord,
    merged: &MemberRecord,
) {
    let registrations = |m: &MemberRecord| -> Vec<Entry<_>> {
        m.registrations
            .iter()
            .map(|r| (r.since, r.org.clone()))
            .collect()
    };
    let before = stored.map(registrations).unwrap_or_default();
    let present = |m: &MemberRecord| m.registrations.last().map(|r| r.org.clone());
    let moved = stored.is_some_and(|s| present(s) != present(merged));
    count_changes(
        summary,
        Table::ChuyenSinhHoat,
        &before,
        &registrations(file),
        (moved, true),
    );
    let before = stored
        .map(|s| status_entries(&s.statuses))
        .unwrap_or_default();
    let present = |m: &MemberRecord| m.statuses.last().map(|c| c.status);
    let changed = stored.is_some_and(|s| present(s) != present(merged));
    count_changes(
        summary,
        Table::TrangThaiDangVien,
        &before,
        &status_entries(&file.statuses),
        (changed, false),
    );
}

/// Counts the dated changes of `file` against those of `stored`; when the file gives none
/// but the history changed, that is one change created. A status change has no origin of
/// its own (the value before it is whatever the history says), so only its new value is
/// compared: `compare_origin` is false for statuses.
fn count_changes<V: PartialEq>(
    summary: &mut ImportSummary,
    table: Table,
    stored: &[Entry<V>],
    file: &[Entry<V>],
    (changed_without_date, compare_origin): (bool, bool),
) {
    let stored_changes = changes(stored);
    let file_changes = changes(file);
    let counts = summary.counts_mut(table);
    if file_changes.is_empty() {
        if changed_without_date {
            counts.created += 1;
        }
        return;
    }
    for (day, from, to) in file_changes {
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
