//! A member's record while the simulation writes it, with what the simulation needs.

use crate::district::Cell;
use dangvu_domain::dataset::{MemberRecord, Registration, StatusChange};
use dangvu_domain::{Date, Gender, MemberStatus};

/// A member's record while it is being written, with what the simulation needs.
#[derive(Debug, Clone)]
pub(crate) struct Draft {
    /// The record (its `official_on` and card number are settled at the end).
    pub record: MemberRecord,
    /// The cell (index in `District::cells`) of each registration, in the same order.
    pub cells: Vec<usize>,
    /// Sex.
    pub gender: Gender,
    /// Birth date.
    pub birth: Date,
    /// The commune the member calls home.
    pub home_commune: usize,
    /// A probationary member who will not be recognized.
    pub fails_probation: bool,
    /// From this year on the member does not complete their duties (before leaving).
    pub troubled_from: Option<i32>,
}

impl Draft {
    /// The cell of the latest registration.
    pub fn current_cell(&self) -> usize {
        self.cells.last().copied().unwrap_or(0)
    }

    /// The first day of the latest registration.
    pub fn registered_since(&self) -> Option<Date> {
        self.record.registrations.last().and_then(|r| r.since)
    }

    /// The day of the latest status change.
    pub fn last_status_change(&self) -> Option<Date> {
        self.record.statuses.last().map(|s| s.on)
    }

    /// The cell where the member is registered on `day`.
    pub fn cell_on(&self, day: Date) -> Option<usize> {
        let mut found = None;
        for (registration, cell) in self.record.registrations.iter().zip(&self.cells) {
            if registration.since.is_none_or(|since| since <= day) {
                found = Some(*cell);
            } else {
                break;
            }
        }
        found
    }

    /// The member's status on `day`.
    pub fn status_on(&self, day: Date) -> MemberStatus {
        self.record
            .statuses
            .iter()
            .take_while(|s| s.on <= day)
            .last()
            .map_or(MemberStatus::DangSinhHoat, |s| s.status)
    }

    /// Whether a status change may be dated `day`: after admission and after any other.
    pub fn may_change_status_on(&self, day: Date) -> bool {
        self.record.admitted_on < day && self.last_status_change().is_none_or(|d| d < day)
    }

    /// Moves the member to `cell` from `day` on.
    pub fn register(&mut self, cell: &Cell, cell_index: usize, day: Date) {
        self.record.registrations.push(Registration {
            org: cell.code.clone(),
            since: Some(day),
        });
        self.cells.push(cell_index);
    }

    /// Records a status change on `day`.
    pub fn change_status(&mut self, status: MemberStatus, day: Date) {
        self.record.statuses.push(StatusChange { status, on: day });
    }
}
