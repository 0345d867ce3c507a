//! The agenda: every dated event of the simulation, in the order they are applied.
//!
//! Within a day, structural events come first (a merger moves members before anyone is
//! admitted into or leaves a cell that no longer exists), then admissions, then changes of
//! registration, then changes of status. Ties keep the order of scheduling, so a seed
//! always gives the same history.

use crate::calendar::{day_between, plus_days, ymd};
use crate::district::District;
use crate::plan::{Phase, Plan};
use chrono::Datelike;
use dangvu_domain::dates::add_months;
use dangvu_domain::{Date, MemberStatus};
use rand::Rng;
use rand::seq::SliceRandom;
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// What happens on a day; the variant order is the order within a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Action {
    /// A merger (index in `District::merges`).
    Merge(usize),
    /// A cell is founded (index in `District::cells`) and receives its first members.
    Found(usize),
    /// A new member is admitted; `fails` marks one whose probation will not be recognized.
    Admit {
        /// Whether the probation fails.
        fails: bool,
    },
    /// A member admitted elsewhere transfers in.
    Arrive,
    /// The end of a failed probation of a member (member index).
    FailProbation(usize),
    /// A transfer between cells of the district.
    Transfer,
    /// An exemption from Party work and activities.
    Exempt,
    /// A death, of an exempted member or of an active one.
    Die {
        /// Whether the member was exempted.
        exempted: bool,
    },
    /// Leaving the Party's rolls here (moved out, struck, expelled, resigned).
    Leave(MemberStatus),
}

/// The pending events, earliest first.
#[derive(Debug, Default)]
pub(crate) struct Agenda {
    heap: BinaryHeap<Reverse<(Date, Action, u64)>>,
    next_seq: u64,
}

impl Agenda {
    /// Schedules `action` on `day`.
    pub fn push(&mut self, day: Date, action: Action) {
        self.heap.push(Reverse((day, action, self.next_seq)));
        self.next_seq += 1;
    }

    /// The next event.
    pub fn pop(&mut self) -> Option<(Date, Action)> {
        self.heap
            .pop()
            .map(|Reverse((day, action, _))| (day, action))
    }
}

/// Every event of the plan, with the mergers and foundings of the tree.
pub(crate) fn schedule(plan: &Plan, district: &District, rng: &mut impl Rng) -> Agenda {
    let mut agenda = Agenda::default();
    for (index, merge) in district.merges.iter().enumerate() {
        agenda.push(merge.on, Action::Merge(index));
    }
    for (index, cell) in district.cells.iter().enumerate() {
        if let Some(founded) = cell.founded_on {
            agenda.push(founded, Action::Found(index));
        }
    }
    for phase in &plan.phases {
        schedule_admissions(&mut agenda, phase, rng);
        schedule_others(&mut agenda, phase, rng);
    }
    agenda
}

fn schedule_admissions(agenda: &mut Agenda, phase: &Phase, rng: &mut impl Rng) {
    let days: Vec<Date> = (0..phase.counts.admissions)
        .map(|_| admission_day(rng, phase.from, phase.to))
        .collect();
    let mut can_fail: Vec<usize> = (0..days.len())
        .filter(|&i| {
            days.get(i)
                .is_some_and(|d| add_months(*d, 12) <= phase.probation_cutoff)
        })
        .collect();
    can_fail.shuffle(rng);
    can_fail.truncate(phase.counts.failed_probations as usize);
    for (index, day) in days.into_iter().enumerate() {
        let fails = can_fail.contains(&index);
        agenda.push(day, Action::Admit { fails });
    }
}

fn schedule_others(agenda: &mut Agenda, phase: &Phase, rng: &mut impl Rng) {
    let c = phase.counts;
    let kinds = [
        (c.arrivals, Action::Arrive),
        (c.transfers, Action::Transfer),
        (c.exemptions, Action::Exempt),
        (c.deaths_active, Action::Die { exempted: false }),
        (c.deaths_exempted, Action::Die { exempted: true }),
        (c.moved_out, Action::Leave(MemberStatus::ChuyenDi)),
        (c.struck_off, Action::Leave(MemberStatus::XoaTen)),
        (c.expelled, Action::Leave(MemberStatus::KhaiTru)),
        (c.resigned, Action::Leave(MemberStatus::RaKhoiDang)),
    ];
    for (count, action) in kinds {
        for _ in 0..count {
            agenda.push(day_between(rng, phase.from, phase.to), action);
        }
    }
}

/// Admission ceremonies cluster around 3 February, 19 May and 2 September.
fn admission_day(rng: &mut impl Rng, from: Date, to: Date) -> Date {
    if rng.random_bool(0.35) {
        let year = rng.random_range(from.year()..=to.year());
        let (month, day) = [(2, 3), (5, 19), (9, 2)][rng.random_range(0..3)];
        let candidate = plus_days(ymd(year, month, day), rng.random_range(0..=10));
        if from <= candidate && candidate <= to {
            return candidate;
        }
    }
    day_between(rng, from, to)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_come_out_by_day_then_kind_then_scheduling_order() {
        let mut agenda = Agenda::default();
        let day = ymd(2018, 9, 1);
        agenda.push(day, Action::Transfer);
        agenda.push(day, Action::Merge(3));
        agenda.push(ymd(2018, 8, 31), Action::Leave(MemberStatus::TuTran));
        agenda.push(day, Action::Admit { fails: false });
        agenda.push(day, Action::Transfer);
        let order: Vec<Action> = std::iter::from_fn(|| agenda.pop())
            .map(|(_, a)| a)
            .collect();
        assert_eq!(
            order,
            vec![
                Action::Leave(MemberStatus::TuTran),
                Action::Merge(3),
                Action::Admit { fails: false },
                Action::Transfer,
                Action::Transfer,
            ]
        );
    }
}
