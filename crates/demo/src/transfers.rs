//! The demo's transfers of Party activity (docs/transfers.md), relative to the demo's
//! "today": official transfers received a few months ago, a couple in transit, one
//! overdue (decided long before, introduced, never registered), one cancelled, and
//! temporary attendances, one of them over.
//!
//! Every official transfer moves a member between two cells of the same grassroots
//! organization, so the figures of grassroots organizations and everything above them
//! stay as the rest of the demo makes them; each transfer takes its own cells, and the
//! organizations the web tests work in (`VX.01`, `VX.02`, `VX.04`) are left alone.
//! Deterministic: derived from the dataset alone.

use chrono::{Duration, Months};
use dangvu_domain::dataset::{Dataset, MemberRecord, OrgRecord, Registration};
use dangvu_domain::enums::{MemberStatus, OrgType};
use dangvu_domain::lifecycle::{TransferKind, TransferRecord};
use dangvu_domain::{Date, MemberCode, OrgCode};
use std::collections::BTreeMap;

/// Organizations whose members the web tests pick: no demo transfer touches them.
const LEFT_ALONE: [&str; 3] = ["VX.01", "VX.02", "VX.04"];

/// The demo's transfers on `today`.
pub fn transfers(dataset: &Dataset, today: Date) -> Vec<TransferRecord> {
    let pairs = cell_pairs(dataset, today);
    let days = |n: i64| today - Duration::days(n);
    let mut out = Vec::new();
    let mut pairs = pairs.into_iter();
    let mut next = || pairs.next();
    let official = |(member, to): (MemberCode, OrgCode), decided: i64| TransferRecord {
        member,
        to_org: to,
        kind: TransferKind::ChinhThuc,
        decision_on: days(decided),
        introduced_on: None,
        received_on: None,
        end_on: None,
        cancelled: None,
    };
    // Received: decided, introduced within the week, registered within weeks.
    for (decided, introduced, received) in [(120, 115, 100), (75, 72, 63)] {
        if let Some(pair) = next() {
            out.push(TransferRecord {
                introduced_on: Some(days(introduced)),
                received_on: Some(days(received)),
                ..official(pair, decided)
            });
        }
    }
    // In transit (introduced) and just decided.
    if let Some(pair) = next() {
        out.push(TransferRecord {
            introduced_on: Some(days(26)),
            ..official(pair, 30)
        });
    }
    if let Some(pair) = next() {
        out.push(official(pair, 6));
    }
    // Overdue: more than 60 working days without registration.
    if let Some(pair) = next() {
        out.push(TransferRecord {
            introduced_on: Some(days(123)),
            ..official(pair, 130)
        });
    }
    // Cancelled before it was received.
    if let Some(pair) = next() {
        out.push(TransferRecord {
            cancelled: Some((days(40), "Đảng viên không chuyển công tác nữa".into())),
            ..official(pair, 50)
        });
    }
    // Temporary attendances: work under way, study under way, work over.
    for (kind, from, months) in [
        (TransferKind::TamThoiCongTac, 60, 6),
        (TransferKind::TamThoiHocTap, 100, 18),
        (TransferKind::TamThoiCongTac, 400, 6),
    ] {
        if let Some((member, to)) = next() {
            let first = days(from);
            out.push(TransferRecord {
                kind,
                decision_on: first,
                end_on: first.checked_add_months(Months::new(months)),
                ..official((member, to), from)
            });
        }
    }
    out
}

/// (member, receiving cell) pairs, each in a grassroots organization of its own: a member
/// long registered in one cell, and another cell of the same organization.
fn cell_pairs(dataset: &Dataset, today: Date) -> Vec<(MemberCode, OrgCode)> {
    let settled = today - Duration::days(600);
    let cells: BTreeMap<&OrgCode, &OrgRecord> = dataset
        .orgs
        .iter()
        .filter(|o| o.org_type == OrgType::ChiBoTrucThuoc)
        .filter(|o| o.dissolved_on.is_none() && o.founded_on.is_none_or(|f| f < settled))
        .filter(|o| !LEFT_ALONE.iter().any(|l| o.code.as_str().starts_with(l)))
        .map(|o| (&o.code, o))
        .collect();
    let mut by_parent: BTreeMap<&OrgCode, Vec<&OrgCode>> = BTreeMap::new();
    for (code, org) in &cells {
        let parent = org.parents.last().and_then(|p| p.parent.as_ref());
        if let Some(parent) = parent.filter(|_| org.parents.len() == 1) {
            by_parent.entry(parent).or_default().push(code);
        }
    }
    let mut settled_in: BTreeMap<&OrgCode, &MemberRecord> = BTreeMap::new();
    for m in &dataset.members {
        let last = m.registrations.last();
        let active = m
            .statuses
            .last()
            .is_none_or(|s| s.status == MemberStatus::DangSinhHoat);
        let long_there = |r: &&Registration| r.since.is_none_or(|s| s < settled);
        if let Some(reg) = last.filter(long_there)
            && active
            && m.admitted_on < settled
            && cells.contains_key(&reg.org)
        {
            settled_in.entry(&reg.org).or_insert(m);
        }
    }
    by_parent
        .values()
        .filter_map(|cells| {
            let (from, to) = (cells.first()?, cells.get(1)?);
            let member = settled_in.get(from)?;
            Some((member.code.clone(), (*to).clone()))
        })
        .collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;
    use dangvu_domain::lifecycle::temporary_length_ok;

    #[test]
    fn the_demo_has_each_kind_of_transfer_on_distinct_cells() {
        let dataset = crate::generate(crate::DEFAULT_SEED);
        let today = Date::from_ymd_opt(2025, 11, 26).unwrap();
        let all = transfers(&dataset, today);
        assert_eq!(all.len(), 9, "{all:#?}");
        let official = all.iter().filter(|t| t.kind == TransferKind::ChinhThuc);
        assert_eq!(official.filter(|t| t.received_on.is_some()).count(), 2);
        for t in all.iter().filter(|t| t.kind != TransferKind::ChinhThuc) {
            assert!(temporary_length_ok(
                t.kind,
                t.decision_on,
                t.end_on.unwrap()
            ));
        }
        let mut cells: Vec<&OrgCode> = all.iter().map(|t| &t.to_org).collect();
        cells.sort();
        cells.dedup();
        assert_eq!(cells.len(), all.len(), "each transfer its own cells");
    }
}
