//! Monthly results (`ket_qua_thang`): the level a cell records for each of its members at
//! its monthly meeting, and the "monthly measure" of a year that the year-end rating rests
//! on ("the cell takes the monthly results as the measure for the year-end rating").
//!
//! The sources say the year-end level should rest on the monthly record but give no rule
//! for turning twelve months into one level. The measure here is the best level reached or
//! exceeded in at least a share of the recorded months; the share is a parameter
//! ([`MonthlyShare`]) whose default, one half, is this project's choice, not the Party's.

use crate::codes::MemberCode;
use crate::dates::Date;
use crate::enums::{Enumeration, Rating};
use chrono::Datelike;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar month (`thang`, written `YYYY-MM`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Month {
    year: i32,
    month: u32,
}

impl Month {
    /// The month `month` (1–12) of `year`, if both are valid.
    pub fn new(year: i32, month: u32) -> Option<Month> {
        let first = Date::from_ymd_opt(year, month, 1)?;
        Some(Month {
            year: first.year(),
            month,
        })
    }

    /// The month holding `day`.
    pub fn of(day: Date) -> Month {
        Month {
            year: day.year(),
            month: day.month(),
        }
    }

    /// Reads `YYYY-MM` (also `MM/YYYY`, as people write it); `None` when it names no month.
    pub fn parse(raw: &str) -> Option<Month> {
        let raw = raw.trim();
        let (year, month) = match raw.split_once('-') {
            Some((y, m)) => (y, m),
            None => raw.split_once('/').map(|(m, y)| (y, m))?,
        };
        if year.len() != 4 || !(1..=2).contains(&month.len()) {
            return None;
        }
        let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if !all_digits(year) || !all_digits(month) {
            return None;
        }
        Month::new(year.parse().ok()?, month.parse().ok()?)
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month number, 1–12.
    pub fn number(self) -> u32 {
        self.month
    }

    /// The first day of the month (how it is stored).
    pub fn first_day(self) -> Date {
        // Checked when the month was made.
        Date::from_ymd_opt(self.year, self.month, 1).unwrap_or(Date::MIN)
    }

    /// The first day of the next month: the month is `[first_day, next_first_day)`.
    pub fn next_first_day(self) -> Date {
        let (year, month) = if self.month == 12 {
            (self.year + 1, 1)
        } else {
            (self.year, self.month + 1)
        };
        Date::from_ymd_opt(year, month, 1).unwrap_or(Date::MAX)
    }

    /// The last day of the month.
    pub fn last_day(self) -> Date {
        self.next_first_day().pred_opt().unwrap_or(Date::MAX)
    }

    /// The twelve months of `year` (none for a year a date cannot hold).
    pub fn of_year(year: i32) -> impl Iterator<Item = Month> {
        (1..=12).filter_map(move |m| Month::new(year, m))
    }
}

impl std::fmt::Display for Month {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl Serialize for Month {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Month {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Month::parse(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("not a month (YYYY-MM): {text}")))
    }
}

/// One member's result for one month (a row of `ket_qua_thang`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthlyResult {
    /// The member.
    pub member: MemberCode,
    /// The month.
    pub month: Month,
    /// The level the cell recorded.
    pub level: Rating,
    /// A note (why, what was missed).
    pub note: Option<String>,
}

/// The share of the recorded months a level must be reached or exceeded in to be the
/// year's measure, as a fraction. The sources give no number: [`MonthlyShare::DEFAULT`]
/// (one half) is this project's choice, kept as a parameter so that a committee's own rule
/// (two thirds, all months) can replace it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthlyShare {
    /// Numerator.
    pub part: u32,
    /// Denominator (not zero).
    pub whole: u32,
}

impl MonthlyShare {
    /// One half of the recorded months.
    pub const DEFAULT: MonthlyShare = MonthlyShare { part: 1, whole: 2 };

    /// Whether `count` of `recorded` months is at least this share.
    fn reached(self, count: usize, recorded: usize) -> bool {
        // count / recorded >= part / whole, in integers.
        let whole = self.whole.max(1) as usize;
        count * whole >= self.part as usize * recorded
    }
}

impl Default for MonthlyShare {
    fn default() -> Self {
        Self::DEFAULT
    }
}

/// The monthly measure of a year from the levels of its recorded months: the best level
/// reached or exceeded in at least `share` of them. `None` when no month is recorded (the
/// measure says nothing then). With the default share, months HTTNV ×6 and HTNV ×6 give
/// HTTNV; HTXSNV ×5, HTNV ×7 give HTNV.
pub fn monthly_measure(levels: &[Rating], share: MonthlyShare) -> Option<Rating> {
    if levels.is_empty() {
        return None;
    }
    // Levels in order from the best: `Rating` is declared best first.
    Rating::ALL.iter().copied().find(|&level| {
        let reached = levels.iter().filter(|l| **l <= level).count();
        share.reached(reached, levels.len())
    })
}

/// Whether a year-end level stands above the member's monthly record: a level better than
/// the measure (nothing to compare when no month is recorded). The year-end page flags it
/// for the committee to look at; it is not a refusal.
pub fn above_monthly_record(measure: Option<Rating>, year_end_level: Rating) -> bool {
    measure.is_some_and(|m| year_end_level < m)
}

/// Why a month's results cannot be recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MonthlyProblem {
    /// The month has not begun yet (`today`'s month is the latest one recorded).
    FutureMonth {
        /// The month asked for.
        month: Month,
    },
    /// A member is given twice in the same month.
    Repeated {
        /// The member.
        member: MemberCode,
    },
}

impl MonthlyProblem {
    /// The message, Vietnamese then English.
    pub fn message(&self) -> String {
        match self {
            MonthlyProblem::FutureMonth { month } => format!(
                "tháng {month} chưa đến: chỉ ghi kết quả của tháng này hoặc các tháng trước / \
                 month {month} has not come yet: only this month's or earlier results are recorded"
            ),
            MonthlyProblem::Repeated { member } => format!(
                "đảng viên {member} có hai kết quả trong cùng một tháng / member {member} is \
                 given twice in the same month"
            ),
        }
    }
}

/// The checks of a month's results that need nothing stored: the month is not later than
/// `today`'s, and no member is given twice.
pub fn check_month(
    month: Month,
    members: &[&MemberCode],
    today: Date,
) -> Result<(), MonthlyProblem> {
    if month > Month::of(today) {
        return Err(MonthlyProblem::FutureMonth { month });
    }
    let mut seen = std::collections::BTreeSet::new();
    for member in members {
        if !seen.insert(*member) {
            return Err(MonthlyProblem::Repeated {
                member: (*member).clone(),
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use Rating::*;

    fn day(y: i32, m: u32, d: u32) -> Date {
        Date::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn months_read_and_write_as_year_dash_month() {
        let m = Month::parse("2024-03").unwrap();
        assert_eq!((m.year(), m.number()), (2024, 3));
        assert_eq!(m.to_string(), "2024-03");
        assert_eq!(Month::parse("3/2024"), Some(m));
        assert_eq!(Month::parse(" 2024-3 "), Some(m));
        for bad in [
            "2024-13",
            "2024-00",
            "24-03",
            "2024",
            "2024-03-01",
            "x-y",
            "",
        ] {
            assert_eq!(Month::parse(bad), None, "{bad}");
        }
        assert_eq!(m.first_day(), day(2024, 3, 1));
        assert_eq!(Month::new(2024, 2).unwrap().last_day(), day(2024, 2, 29));
        assert_eq!(
            Month::new(2024, 12).unwrap().next_first_day(),
            day(2025, 1, 1)
        );
        assert_eq!(Month::of_year(2024).count(), 12);
        assert_eq!(Month::of(day(2025, 11, 26)).to_string(), "2025-11");
    }

    #[test]
    fn the_measure_is_the_best_level_held_in_half_the_recorded_months() {
        let cases: &[(&[Rating], Option<Rating>)] = &[
            (&[], None),
            (&[Httnv; 12], Some(Httnv)),
            (&[Httnv, Httnv, Httnv, Htnv, Htnv, Htnv], Some(Httnv)),
            (&[Htxsnv, Htxsnv, Htnv, Htnv, Htnv], Some(Htnv)),
            (&[Htxsnv, Httnv, Htnv, Khtnv], Some(Httnv)),
            (&[Khtnv, Khtnv, Htnv], Some(Khtnv)),
            (&[Htxsnv], Some(Htxsnv)),
        ];
        for (levels, expected) in cases {
            assert_eq!(
                monthly_measure(levels, MonthlyShare::DEFAULT),
                *expected,
                "{levels:?}"
            );
        }
        // A stricter share asks more months of the level.
        let all = MonthlyShare { part: 1, whole: 1 };
        assert_eq!(monthly_measure(&[Httnv, Httnv, Htnv], all), Some(Htnv));
    }

    #[test]
    fn a_year_end_level_better_than_the_measure_is_flagged() {
        assert!(above_monthly_record(Some(Httnv), Htxsnv));
        assert!(!above_monthly_record(Some(Httnv), Httnv));
        assert!(!above_monthly_record(Some(Httnv), Htnv));
        assert!(!above_monthly_record(None, Htxsnv));
    }

    #[test]
    fn future_months_and_repeated_members_are_refused() {
        let a = MemberCode::parse("DV1").unwrap();
        let b = MemberCode::parse("DV2").unwrap();
        let today = day(2025, 11, 26);
        let nov = Month::new(2025, 11).unwrap();
        assert_eq!(check_month(nov, &[&a, &b], today), Ok(()));
        let dec = Month::new(2025, 12).unwrap();
        let refused = check_month(dec, &[&a], today).unwrap_err();
        assert!(refused.message().contains("2025-12"));
        assert_eq!(
            check_month(nov, &[&a, &b, &a], today),
            Err(MonthlyProblem::Repeated { member: a.clone() })
        );
    }
}
