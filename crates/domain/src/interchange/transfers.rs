//! The `chuyen_sinh_hoat` table: official transfers, which make a member's registration
//! history.
//!
//! Transfers are taken in date order, whatever their order in the file. Before the first
//! one the member is registered in its `tu_to_chuc`; each one registers the member in its
//! `den_to_chuc` from its `ngay`; the last destination must be `dang_vien.ma_to_chuc`.

use super::fields::RowReader;
use super::known::{KnownCodes, OrgIndex};
use super::members::{MemberIndex, registration_problem};
use super::problems::{Problem, Reason};
use super::rows::Cells;
use super::tables::Table;
use crate::codes::{MemberCode, OrgCode};
use crate::dataset::Registration;
use crate::dates::Date;
use std::collections::HashMap;

/// A complete `chuyen_sinh_hoat` row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Transfer {
    pub row: usize,
    pub on: Date,
    pub from: OrgCode,
    pub to: OrgCode,
}

/// Each member's transfers, in date order.
pub(crate) type TransfersByMember = HashMap<MemberCode, Vec<Transfer>>;

/// What the transfer rows are checked against.
pub(crate) struct TransferContext<'c> {
    /// The members of the file, by code.
    pub members: &'c MemberIndex,
    /// Organizations of the file and existing ones.
    pub orgs: &'c OrgIndex<'c>,
    /// Existing records.
    pub known: &'c KnownCodes,
}

/// The rows of `chuyen_sinh_hoat` read so far.
#[derive(Debug, Default)]
pub(crate) struct TransferRows {
    by_member: TransfersByMember,
    incomplete: Vec<MemberCode>,
}

impl TransferRows {
    /// Reads and checks one non-empty row.
    pub fn row(
        &mut self,
        cells: Cells<'_>,
        context: &TransferContext<'_>,
        problems: &mut Vec<Problem>,
    ) {
        let mut row = RowReader::new(cells, problems);
        let member = row.member_code("ma_dang_vien");
        let transfer = read_transfer(&mut row, context);
        if let Some(member) = &member {
            check_member(&mut row, member, context);
        }
        match (member, transfer) {
            (Some(member), Some(t)) => self.by_member.entry(member).or_default().push(t),
            (Some(member), None) => self.incomplete.push(member),
            (None, _) => {}
        }
    }

    /// Checks each member's chain, and returns the complete transfers of each member in
    /// date order.
    pub fn finish(
        self,
        context: &TransferContext<'_>,
        problems: &mut Vec<Problem>,
    ) -> TransfersByMember {
        let Self {
            mut by_member,
            incomplete,
        } = self;
        // A member with an unreadable transfer has an unknowable chain: check the others only.
        for member in &incomplete {
            by_member.remove(member);
        }
        for (member, transfers) in &mut by_member {
            transfers.sort_by_key(|t| (t.on, t.row));
            let current = context.members.get(member).and_then(|d| d.org.as_ref());
            check_chain(transfers, current, problems);
        }
        by_member
    }
}

/// The registrations of a member registered in `current` after `transfers`.
pub(crate) fn registrations(current: &OrgCode, transfers: &[Transfer]) -> Vec<Registration> {
    let Some(first) = transfers.first() else {
        return vec![Registration {
            org: current.clone(),
            since: None,
        }];
    };
    let mut out = vec![Registration {
        org: first.from.clone(),
        since: None,
    }];
    out.extend(transfers.iter().map(|t| Registration {
        org: t.to.clone(),
        since: Some(t.on),
    }));
    out
}

fn read_transfer(row: &mut RowReader<'_, '_>, context: &TransferContext<'_>) -> Option<Transfer> {
    let on = row.date("ngay");
    let from = row.org_code("tu_to_chuc");
    let to = row.org_code("den_to_chuc");
    for (key, org) in [("tu_to_chuc", &from), ("den_to_chuc", &to)] {
        if let Some(reason) = org
            .as_ref()
            .and_then(|o| registration_problem(context.orgs, o))
        {
            row.report(key, reason);
        }
    }
    let arrival = on.zip(to.as_ref());
    if let Some((day, _)) = arrival.filter(|(day, to)| !context.orgs.is_active_on(to, *day)) {
        row.report(
            "den_to_chuc",
            Reason::new(
                format!("tổ chức chuyển đến không tồn tại vào ngày {day}"),
                format!("the destination does not exist on {day}"),
            ),
        );
    }
    if from.is_some() && from == to {
        row.report(
            "den_to_chuc",
            Reason::new(
                "nơi chuyển đến trùng nơi chuyển đi",
                "the destination is the origin",
            ),
        );
    }
    Some(Transfer {
        row: row.number(),
        on: on?,
        from: from?,
        to: to?,
    })
}

/// The member must be a row of this file: its registration history is rebuilt from its
/// `dang_vien` row and all its transfers together.
fn check_member(row: &mut RowReader<'_, '_>, member: &MemberCode, context: &TransferContext<'_>) {
    if context.members.contains_key(member) {
        return;
    }
    let reason = if context.known.members.contains(member) {
        Reason::new(
            "chuyển sinh hoạt phải nhập cùng dòng của đảng viên trong bảng dang_vien",
            "transfers are imported together with the member's row in dang_vien",
        )
    } else {
        Reason::unknown_member()
    };
    row.report("ma_dang_vien", reason);
}

/// Transfers in date order must chain and end where the member is registered now.
fn check_chain(transfers: &[Transfer], current: Option<&OrgCode>, problems: &mut Vec<Problem>) {
    for pair in transfers.windows(2) {
        let [before, after] = pair else { continue };
        if before.on == after.on {
            problems.push(at(after, "ngay", after.on.to_string(), same_day(before)));
        } else if before.to != after.from {
            problems.push(at(
                after,
                "tu_to_chuc",
                after.from.to_string(),
                broken(before),
            ));
        }
    }
    let (Some(last), Some(current)) = (transfers.last(), current) else {
        return;
    };
    if &last.to != current {
        let reason = Reason::new(
            format!("lần chuyển cuối cùng phải đến tổ chức hiện tại ma_to_chuc = {current}"),
            format!(
                "the last transfer must end in the current organization ma_to_chuc = {current}"
            ),
        );
        problems.push(at(last, "den_to_chuc", last.to.to_string(), reason));
    }
}

fn at(transfer: &Transfer, column: &str, value: String, reason: Reason) -> Problem {
    Problem::cell(Table::ChuyenSinhHoat, transfer.row, column, &value, reason)
}

fn same_day(other: &Transfer) -> Reason {
    Reason::new(
        format!("cùng ngày với lần chuyển ở dòng {}", other.row),
        format!("same date as the transfer in row {}", other.row),
    )
}

fn broken(before: &Transfer) -> Reason {
    Reason::new(
        format!(
            "không nối tiếp lần chuyển trước (dòng {}, ngày {}, đến {})",
            before.row, before.on, before.to
        ),
        format!(
            "does not follow on from the previous transfer (row {}, {}, to {})",
            before.row, before.on, before.to
        ),
    )
}
