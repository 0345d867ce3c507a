//! What happens to members already on the rolls: transfers, exemptions and exits.
//!
//! Nobody leaves the rolls from a cell that will be dissolved (see `history`), so a death
//! or a transfer out always falls in a cell that lasts. Retiring officials move their
//! registration to the village or residential group of their home commune.

use crate::calendar::full_years;
use crate::draft::Draft;
use crate::history::Sim;
use crate::lifecycle::{exemption_age, exemption_chance, exit_chance};
use chrono::Datelike;
use dangvu_domain::{Date, MemberStatus};
use rand::Rng;

impl Sim<'_> {
    fn draft_is(&self, member: usize, test: impl Fn(&Draft) -> bool) -> bool {
        self.drafts.get(member).is_some_and(test)
    }

    fn age_of(&self, member: usize, day: Date) -> i32 {
        self.drafts
            .get(member)
            .map_or(0, |d| full_years(d.birth, day))
    }

    /// May leave the rolls on `day`: in a lasting cell, no other status change that day.
    fn may_leave(&self, member: usize, day: Date) -> bool {
        let district = self.district;
        self.draft_is(member, |d| {
            let lasting = district
                .cells
                .get(d.current_cell())
                .is_some_and(|c| c.is_permanent());
            lasting && d.may_change_status_on(day)
        })
    }

    /// A transfer between two cells of the district.
    pub fn transfer(&mut self, rng: &mut impl Rng, day: Date) {
        // Members of an agency about to merge stay until the merger moves them.
        let district = self.district;
        let movable = |m: usize| {
            self.draft_is(m, |d| {
                let lasting = district
                    .cells
                    .get(d.current_cell())
                    .is_some_and(|c| c.is_permanent());
                lasting
                    && d.record.admitted_on < day
                    && d.registered_since().is_none_or(|s| s < day)
            })
        };
        let Some(member) = self.working.find(rng, movable, |_, _| true) else {
            return;
        };
        let Some(destination) = self.destination(rng, member, day) else {
            return;
        };
        self.relocate(member, destination, day);
    }

    fn destination(&self, rng: &mut impl Rng, member: usize, day: Date) -> Option<usize> {
        let draft = self.drafts.get(member)?;
        let current = draft.current_cell();
        let here = self.cell(current)?;
        let age = full_years(draft.birth, day);
        let home = draft.home_commune;
        let chosen = if !here.kind.is_residence() && age >= 55 {
            self.pick_cell(rng, day, |i, c| {
                i != current && c.kind.is_residence() && c.commune == home
            })
        } else if here.kind.is_residence() && rng.random_bool(0.6) {
            self.pick_cell(rng, day, |i, c| {
                i != current && c.kind.is_residence() && c.commune == here.commune
            })
        } else {
            let residence = here.kind.is_residence();
            self.pick_cell(rng, day, |i, c| {
                i != current && c.kind.is_residence() == residence
            })
        };
        chosen.or_else(|| self.pick_cell(rng, day, |i, _| i != current))
    }

    /// A cell founded on `day` receives three to five members of its commune.
    pub fn found(&mut self, rng: &mut impl Rng, cell_index: usize, day: Date) {
        let Some(cell) = self.cell(cell_index) else {
            return;
        };
        let district = self.district;
        for _ in 0..rng.random_range(3..=5) {
            let nearby = |m: usize| {
                self.draft_is(m, |d| {
                    let here = d.current_cell();
                    let same_commune = district
                        .cells
                        .get(here)
                        .is_some_and(|c| c.commune == cell.commune && c.is_active_on(day));
                    same_commune
                        && here != cell_index
                        && d.record.admitted_on < day
                        && d.registered_since().is_none_or(|s| s < day)
                })
            };
            let Some(member) = self.working.find(rng, nearby, |_, _| true) else {
                return;
            };
            self.relocate(member, cell_index, day);
        }
    }

    /// An elderly member living in a village or residential group is exempted.
    pub fn exempt<R: Rng>(&mut self, rng: &mut R, day: Date) {
        let district = self.district;
        let at_home = |m: usize, min_age: fn(&Draft) -> i32| {
            self.draft_is(m, |d| {
                let residence = district
                    .cells
                    .get(d.current_cell())
                    .is_some_and(|c| c.kind.is_residence());
                residence && d.may_change_status_on(day) && full_years(d.birth, day) >= min_age(d)
            })
        };
        let due = |m: usize| at_home(m, |d| exemption_age(d.gender));
        let willing = |rng: &mut R, m: usize| {
            let gender = self.drafts.get(m).map(|d| d.gender);
            let age = self.age_of(m, day);
            gender.is_some_and(|g| rng.random_bool(exemption_chance(age, g)))
        };
        let found = self
            .working
            .find(rng, due, willing)
            .or_else(|| self.working.find(rng, |m| at_home(m, |_| 50), |_, _| true));
        let Some(member) = found else { return };
        if let Some(draft) = self.drafts.get_mut(member) {
            draft.change_status(MemberStatus::MienSinhHoat, day);
        }
        self.working.remove(member);
        self.exempted.insert(member);
    }

    /// A death; an exempted member when asked for and one can be found, else an active one.
    pub fn die<R: Rng>(&mut self, rng: &mut R, day: Date, exempted: bool) {
        if exempted {
            let may_die = |m: usize| self.draft_is(m, |d| d.may_change_status_on(day));
            let likely = |rng: &mut R, m: usize| {
                rng.random_bool(exit_chance(MemberStatus::TuTran, self.age_of(m, day)))
            };
            if let Some(member) = self.exempted.find(rng, may_die, likely) {
                self.strike(member, MemberStatus::TuTran, day);
                return;
            }
        }
        self.leave(rng, day, MemberStatus::TuTran);
    }

    /// An active member leaves the rolls with `status`.
    pub fn leave<R: Rng>(&mut self, rng: &mut R, day: Date, status: MemberStatus) {
        let may_leave = |m: usize| self.may_leave(m, day);
        let likely =
            |rng: &mut R, m: usize| rng.random_bool(exit_chance(status, self.age_of(m, day)));
        let Some(member) = self.working.find(rng, may_leave, likely) else {
            return;
        };
        self.strike(member, status, day);
    }

    /// A probationary member is not recognized: the name is struck when probation ends.
    pub fn fail_probation(&mut self, member: usize, day: Date) {
        self.strike(member, MemberStatus::XoaTen, day);
        if let Some(draft) = self.drafts.get_mut(member) {
            draft.troubled_from = Some(draft.record.admitted_on.year());
        }
    }
}
