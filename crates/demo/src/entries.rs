//! How people enter the rolls: the population of 2015-08-01, admissions and arrivals.
//!
//! Admission ages are 18–59 in full years (the rule allows 18–60); the members already
//! there in 2015 were admitted decades back, some in another cell or another district.

use crate::calendar::{
    birth_for_age, day_between, day_turning, full_years, plus_days, previous_day,
};
use crate::district::CellKind;
use crate::history::{Enrolment, Sim};
use crate::lifecycle::exemption_age;
use crate::people::{Origin, draw_gender, draw_person};
use crate::pick::weighted;
use chrono::Datelike;
use dangvu_domain::{Date, DomainError, MemberStatus};
use rand::Rng;
use rand::seq::SliceRandom;

fn no_cell(day: Date) -> DomainError {
    DomainError::invalid("ngay", day.to_string(), "no cell exists on that day")
}

/// Age on 2015-08-01 of a member already registered then.
fn initial_age(rng: &mut impl Rng, kind: CellKind) -> i32 {
    let band = match kind {
        CellKind::Police | CellKind::Army => (23, 50),
        CellKind::Militia => (22, 45),
        _ if kind.is_residence() => weighted(
            rng,
            &[
                ((22, 35), 22),
                ((36, 50), 30),
                ((51, 64), 28),
                ((65, 75), 14),
                ((76, 90), 6),
            ],
            (36, 50),
        ),
        _ => (24, 58),
    };
    rng.random_range(band.0..=band.1)
}

/// Age at admission of a new member.
fn admission_age(rng: &mut impl Rng, kind: CellKind) -> i32 {
    let band = match kind {
        CellKind::Police | CellKind::Army => (21, 32),
        CellKind::Militia => (19, 30),
        _ if kind.is_residence() => weighted(
            rng,
            &[
                ((18, 25), 35),
                ((26, 35), 40),
                ((36, 50), 20),
                ((51, 59), 5),
            ],
            (26, 35),
        ),
        _ => weighted(rng, &[((23, 38), 8), ((39, 50), 2)], (23, 38)),
    };
    rng.random_range(band.0..=band.1)
}

/// A random day on which someone born on `birth` is `age` full years old, before `limit`.
fn day_aged(rng: &mut impl Rng, birth: Date, age: i32, limit: Date) -> Date {
    let last = previous_day(day_turning(birth, age + 1)).min(limit);
    day_between(rng, day_turning(birth, age), last)
}

impl Sim<'_> {
    /// Registers `count` members on `start`, all admitted before it, in admission order.
    pub fn seed_population(
        &mut self,
        rng: &mut impl Rng,
        count: u32,
        start: Date,
    ) -> Result<(), DomainError> {
        let mut people = Vec::with_capacity(count as usize);
        for _ in 0..count {
            people.push(self.initial_member(rng, start)?);
        }
        people.sort_by_key(|(_, enrolment)| enrolment.admitted_on);
        for (person, enrolment) in people {
            self.enroll(person, enrolment)?;
        }
        Ok(())
    }

    fn initial_member(
        &mut self,
        rng: &mut impl Rng,
        start: Date,
    ) -> Result<(crate::people::Person, Enrolment), DomainError> {
        let cell_index = self
            .pick_cell(rng, start, |_, c| c.founded_on.is_none())
            .ok_or_else(|| no_cell(start))?;
        let cell = self.cell(cell_index).ok_or_else(|| no_cell(start))?;
        // Counted now, so that the next picks see this cell fuller.
        self.count_in(cell_index);
        let age = initial_age(rng, cell.kind);
        let birth = birth_for_age(rng, start, age);
        let oldest = (age - 1).min(45);
        // Nobody on the rolls was admitted before 1951, a few years after the first cell.
        let youngest = (1951 - birth.year()).clamp(18, oldest);
        let admission = weighted(rng, &[(28.clamp(youngest, oldest), 6), (oldest, 4)], oldest);
        let admission_age = rng.random_range(youngest..=admission);
        let admitted_on = day_aged(rng, birth, admission_age, previous_day(start));
        let last_day = previous_day(start);
        let first_move = plus_days(admitted_on, 365);
        let roll: f64 = rng.random();
        let (origin, registrations) = if roll < 0.10 && first_move < last_day {
            let arrival = day_between(rng, first_move, last_day);
            (Origin::Elsewhere, vec![(cell_index, arrival)])
        } else if roll < 0.18 && first_move < last_day {
            let residence = cell.kind.is_residence();
            let first = self
                .pick_cell(rng, start, |i, c| {
                    i != cell_index && c.founded_on.is_none() && c.kind.is_residence() == residence
                })
                .unwrap_or(cell_index);
            let moved = day_between(rng, first_move, last_day);
            (
                Origin::Local,
                vec![(first, admitted_on), (cell_index, moved)],
            )
        } else {
            (Origin::Local, vec![(cell_index, admitted_on)])
        };
        let gender = draw_gender(rng, cell.kind);
        let person = draw_person(rng, &mut self.ids, cell, (gender, birth), origin);
        let enrolment = Enrolment {
            admitted_on,
            registrations,
            fails_probation: false,
        };
        Ok((person, enrolment))
    }

    /// Exempts `count` elderly members living in villages or residential groups before `start`.
    pub fn seed_exemptions(&mut self, rng: &mut impl Rng, count: u32, start: Date) {
        let district = self.district;
        let settled = |draft: &crate::draft::Draft| {
            let residence = district
                .cells
                .get(draft.current_cell())
                .is_some_and(|c| c.kind.is_residence());
            residence && plus_days(draft.record.admitted_on, 365) < start
        };
        let mut elderly: Vec<usize> = (0..self.drafts.len())
            .filter(|&m| {
                self.drafts.get(m).is_some_and(|d| {
                    settled(d) && full_years(d.birth, start) >= exemption_age(d.gender)
                })
            })
            .collect();
        elderly.shuffle(rng);
        if elderly.len() < count as usize {
            let mut others: Vec<usize> = (0..self.drafts.len())
                .filter(|m| !elderly.contains(m))
                .filter(|&m| self.drafts.get(m).is_some_and(settled))
                .collect();
            others.sort_by_key(|&m| self.drafts.get(m).map(|d| d.birth));
            elderly.extend(others);
        }
        for member in elderly.into_iter().take(count as usize) {
            let Some(draft) = self.drafts.get_mut(member) else {
                continue;
            };
            let last_day = previous_day(start);
            let eligible = day_turning(draft.birth, exemption_age(draft.gender))
                .max(plus_days(draft.record.admitted_on, 1))
                .min(last_day);
            let day = day_between(rng, eligible, last_day);
            draft.change_status(MemberStatus::MienSinhHoat, day);
            self.working.remove(member);
            self.exempted.insert(member);
        }
    }

    /// Admits a new member on `day` into a cell chosen by size; returns the member's index.
    pub fn admit(
        &mut self,
        rng: &mut impl Rng,
        day: Date,
        fails: bool,
    ) -> Result<usize, DomainError> {
        // A member whose probation fails leaves the rolls a year later: only from a cell
        // that lasts, so that the open registration never outlives its cell.
        let cell_index = self
            .pick_cell(rng, day, |_, c| !fails || c.is_permanent())
            .ok_or_else(|| no_cell(day))?;
        let cell = self.cell(cell_index).ok_or_else(|| no_cell(day))?;
        let age = admission_age(rng, cell.kind);
        let birth = birth_for_age(rng, day, age);
        let gender = draw_gender(rng, cell.kind);
        let person = draw_person(rng, &mut self.ids, cell, (gender, birth), Origin::Local);
        let enrolment = Enrolment {
            admitted_on: day,
            registrations: vec![(cell_index, day)],
            fails_probation: fails,
        };
        self.count_in(cell_index);
        self.enroll(person, enrolment)
    }

    /// A member admitted elsewhere transfers in on `day`.
    pub fn arrive(&mut self, rng: &mut impl Rng, day: Date) -> Result<usize, DomainError> {
        let cell_index = self
            .pick_cell(rng, day, |_, _| true)
            .ok_or_else(|| no_cell(day))?;
        let cell = self.cell(cell_index).ok_or_else(|| no_cell(day))?;
        let age = rng.random_range(24..=50);
        let birth = birth_for_age(rng, day, age);
        let admission_age = rng.random_range(18..=(age - 1).min(40));
        let limit = day.checked_sub_days(chrono::Days::new(30)).unwrap_or(day);
        let admitted_on = day_aged(rng, birth, admission_age, limit);
        let gender = draw_gender(rng, cell.kind);
        let person = draw_person(rng, &mut self.ids, cell, (gender, birth), Origin::Elsewhere);
        let enrolment = Enrolment {
            admitted_on,
            registrations: vec![(cell_index, day)],
            fails_probation: false,
        };
        self.count_in(cell_index);
        self.enroll(person, enrolment)
    }
}
