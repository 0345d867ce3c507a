//! The working-day calendar: which days a Party office works on.
//!
//! The Party's deadlines ("the decision within 60 working days of the cell's resolution") are
//! counted in working days of cadres and civil servants. A **working day** is a Monday–Friday
//! that is not a day off (`NGHI`), or any day worked in exchange (`LAM_BU`, usually a
//! Saturday). The system ships the official days off announced each year ([`official`]);
//! an installation adds to or corrects them with rows of the interchange table `ngay_nghi`.

pub mod official;

use crate::dates::Date;
use crate::enums::{Enumeration, enumeration};
use crate::error::DomainError;
use chrono::{Datelike, Weekday};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::LazyLock;

enumeration!(
    /// What a listed day is (`ngay_nghi.loai`).
    DayKind, "loai", {
        /// A public holiday, compensatory or swapped day off: not worked even on a weekday.
        Nghi => "NGHI", "Ngày nghỉ";
        /// A Saturday or Sunday worked in exchange for a swapped day off: counts as working.
        LamBu => "LAM_BU", "Ngày làm bù";
    }
);

/// One day an installation lists (a stored or imported `ngay_nghi` row).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarDay {
    /// The date (`ngay`, the key).
    pub day: Date,
    /// Off or worked (`loai`).
    pub kind: DayKind,
    /// Its name (`ten`), NFC, if given.
    pub name: Option<String>,
}

/// The largest `n` counted by [`WorkingCalendar::nth_working_day_after`]: about 40 years of
/// working days. Larger requests saturate here so no input can make the count run unbounded;
/// no Party deadline is anywhere near it.
pub const MAX_WORKING_DAYS: u32 = 10_000;

/// Parses a count of working days as typed by a person (`0` to [`MAX_WORKING_DAYS`]).
pub fn parse_working_days(field: &'static str, raw: &str) -> Result<u32, DomainError> {
    let value = raw.trim();
    match value.parse::<u32>() {
        Ok(n) if n <= MAX_WORKING_DAYS => Ok(n),
        _ => Err(DomainError::invalid(
            field,
            value,
            "not a whole number of working days from 0 to 10000",
        )),
    }
}

/// The days that differ from the plain Monday–Friday week.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WorkingCalendar {
    days: BTreeMap<Date, DayKind>,
}

impl WorkingCalendar {
    /// A calendar with no listed days: every Monday–Friday is worked.
    pub fn plain() -> Self {
        Self::default()
    }

    /// The calendar shipped with the system: the official days off of cadres and civil
    /// servants and the Saturdays worked in exchange (see [`official`] for the years covered).
    /// Built once per process and cloned (a few hundred entries), so counting per request
    /// stays cheap.
    pub fn official() -> Self {
        static OFFICIAL: LazyLock<WorkingCalendar> = LazyLock::new(|| {
            WorkingCalendar::plain().with_days(official::days().map(|d| (d.day, d.kind)))
        });
        OFFICIAL.clone()
    }

    /// This calendar with `days` added; a listed day replaces what the calendar said for that
    /// date, so an installation's rows correct the shipped ones. Later rows win.
    pub fn with_days(mut self, days: impl IntoIterator<Item = (Date, DayKind)>) -> Self {
        self.days.extend(days);
        self
    }

    /// What the calendar lists for `day`, if anything.
    pub fn kind_of(&self, day: Date) -> Option<DayKind> {
        self.days.get(&day).copied()
    }

    /// The listed days of `year`, in date order (what the calendar page shows).
    pub fn days_in_year(&self, year: i32) -> impl Iterator<Item = (Date, DayKind)> + '_ {
        self.days
            .iter()
            .filter(move |(d, _)| d.year() == year)
            .map(|(d, k)| (*d, *k))
    }

    /// Whether `day` is worked: Monday–Friday unless listed `NGHI`, or any `LAM_BU` day.
    pub fn is_working_day(&self, day: Date) -> bool {
        match self.kind_of(day) {
            Some(DayKind::LamBu) => true,
            Some(DayKind::Nghi) => false,
            None => !matches!(day.weekday(), Weekday::Sat | Weekday::Sun),
        }
    }

    /// The `n`-th working day after `after` (`after` itself is not counted; `n = 0` gives
    /// `after`). `n` above [`MAX_WORKING_DAYS`] counts as that maximum; at the end of the
    /// representable dates the last date is returned.
    pub fn nth_working_day_after(&self, after: Date, n: u32) -> Date {
        let n = n.min(MAX_WORKING_DAYS);
        // Every run of non-working days is made of weekends and listed days, so this many
        // steps always suffices; the bound makes termination evident.
        let max_steps = (n as usize + 1) * 7 + self.days.len();
        let mut day = after;
        let mut counted = 0;
        for _ in 0..max_steps {
            if counted == n {
                break;
            }
            match day.succ_opt() {
                Some(next) => day = next,
                None => break,
            }
            if self.is_working_day(day) {
                counted += 1;
            }
        }
        day
    }

    /// Whether `day` is "within `n` working days from `after`": on or before the `n`-th
    /// working day after it.
    pub fn within(&self, after: Date, n: u32, day: Date) -> bool {
        day <= self.nth_working_day_after(after, n)
    }
}

#[cfg(test)]
mod tests;
