//! The figures of one cell, pre-aggregated so that a subtree's figures are a sum over its
//! cells instead of a count over its members.
//!
//! A member's registration and status changes are the only events that move a cell's
//! counts, so the counts of a cell are a step function of the day: [`tally`] turns every
//! stay of a member in the cell into the periods over which the counts are constant, the
//! admissions per day and the ratings per year. Storage keeps these rows beside the records
//! they are derived from, rewritten for the cells a change touches in the change's own
//! transaction; a subtree's figures on a day are then one row per cell. The definitions
//! are those of [`crate::membership`] and [`super::compute`], and the tests below hold the
//! tallies equal to counting member by member.

use crate::dates::{Date, Period, year_end};
use crate::enums::{MemberStatus, Rating};
use std::collections::BTreeMap;

/// What a cell's figures need to know about one member.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberFacts {
    /// Day of admission.
    pub admitted_on: Date,
    /// Day of full membership (`None`: not yet).
    pub official_on: Option<Date>,
    /// The status periods as stored.
    pub statuses: Vec<(Period, MemberStatus)>,
    /// The ratings by year.
    pub ratings: Vec<(i32, Rating)>,
}

/// One registration period of a member in the cell.
#[derive(Debug, Clone, Copy)]
pub struct Stay<'a> {
    /// When the member was registered in the cell.
    pub registered: Period,
    /// The member.
    pub member: &'a MemberFacts,
}

/// Members of a cell on a day, by the figures' definitions.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Party members (active or exempted).
    pub members: i64,
    /// Of them, probationary.
    pub probationary: i64,
    /// Of them, exempted.
    pub exempted: i64,
}

impl Counts {
    fn add(&mut self, delta: Counts, sign: i64) {
        self.members += sign * delta.members;
        self.probationary += sign * delta.probationary;
        self.exempted += sign * delta.exempted;
    }

    fn is_zero(&self) -> bool {
        *self == Counts::default()
    }
}

/// Rated members registered in a cell on 31 December of a year.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct YearRatings {
    /// Rated members.
    pub rated: i64,
    /// Of them, completed or better.
    pub completed: i64,
}

/// Everything the summary counts about one cell.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CellTally {
    /// The periods over which the counts are constant and not zero, in order, disjoint.
    pub counts: Vec<(Period, Counts)>,
    /// Members admitted on each day while registered in the cell.
    pub admissions: BTreeMap<Date, i64>,
    /// Ratings of each year of members registered in the cell on 31 December.
    pub ratings: BTreeMap<i32, YearRatings>,
}

/// The tally of a cell from the stays of its members (every registration period in it).
///
/// A stay counts as many times as the status periods it meets, as the storage's join does:
/// the records keep one status per day, so that is once.
pub fn tally(stays: &[Stay<'_>]) -> CellTally {
    let mut steps: BTreeMap<Date, Counts> = BTreeMap::new();
    let mut tally = CellTally::default();
    for stay in stays {
        let member = stay.member;
        let admitted = Period {
            from: member.admitted_on,
            to: Period::ALWAYS.to,
        };
        for (period, status) in &member.statuses {
            if !status.counts_as_member() {
                continue;
            }
            let counted = stay.registered.intersect(period).intersect(&admitted);
            add_stay(&mut steps, counted, member.official_on, *status);
        }
        if stay.registered.contains(member.admitted_on) {
            *tally.admissions.entry(member.admitted_on).or_default() += 1;
        }
        for (year, rating) in &member.ratings {
            if year_end(*year).is_some_and(|day| stay.registered.contains(day)) {
                let entry = tally.ratings.entry(*year).or_default();
                entry.rated += 1;
                entry.completed += i64::from(rating.is_completed_or_better());
            }
        }
    }
    tally.counts = periods_of(&steps);
    tally
}

/// Adds a counted period to the steps: +1 member at its start, −1 at its end, probationary
/// until the full-membership day, exempted throughout when the status is exemption.
fn add_stay(
    steps: &mut BTreeMap<Date, Counts>,
    counted: Period,
    official_on: Option<Date>,
    status: MemberStatus,
) {
    if counted.is_empty() {
        return;
    }
    let exempted = i64::from(status == MemberStatus::MienSinhHoat);
    let whole = Counts {
        members: 1,
        probationary: 0,
        exempted,
    };
    steps.entry(counted.from).or_default().add(whole, 1);
    steps.entry(counted.to).or_default().add(whole, -1);
    // Probationary on every day before the full-membership day
    // (`crate::membership::is_probationary_on`); the domain's tests hold the two equal.
    let probation = Period {
        from: counted.from,
        to: official_on.map_or(counted.to, |day| day.min(counted.to)),
    };
    if !probation.is_empty() {
        let one = Counts {
            probationary: 1,
            ..Counts::default()
        };
        steps.entry(probation.from).or_default().add(one, 1);
        steps.entry(probation.to).or_default().add(one, -1);
    }
}

/// The running sum of the steps as periods of constant, non-zero counts.
fn periods_of(steps: &BTreeMap<Date, Counts>) -> Vec<(Period, Counts)> {
    let mut periods: Vec<(Period, Counts)> = Vec::new();
    let mut running = Counts::default();
    let mut since: Option<Date> = None;
    for (day, delta) in steps {
        if delta.is_zero() {
            continue;
        }
        if let Some(from) = since.filter(|_| !running.is_zero()) {
            periods.push((Period { from, to: *day }, running));
        }
        running.add(*delta, 1);
        since = Some(*day);
    }
    periods
}

#[cfg(test)]
mod tests;
