//! Party age (tuổi đảng): counted from the admission decision's date, minus the periods the
//! member did not take part in Party activities.
//!
//! Source: HD 01-HD/TW (2021) — "tuổi đảng được tính từ ngày ban hành quyết định kết nạp";
//! when no decision survives, the admission date on the party card; the Charter subtracts
//! "thời gian không tham gia sinh hoạt đảng". Only official members have a party age.
//! Legacy members whose age was fixed under older rules carry an override (domain.md §2.4).

use crate::dates::{Date, Period};
use chrono::Datelike;

/// What party age is computed from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartyAgeFacts {
    /// The competent committee's admission decision date, when known.
    pub decision: Option<Date>,
    /// The admission (ceremony) date.
    pub admitted: Option<Date>,
    /// Whether the member has been recognized as official; probationary members have none.
    pub official: bool,
    /// Interruptions `[from, to)` that do not count.
    pub interruptions: Vec<Period>,
    /// For legacy members: the day their party age is counted from, as fixed by older rules;
    /// it replaces the decision/admission date (interruptions still subtract).
    pub override_start: Option<Date>,
}

impl PartyAgeFacts {
    /// The day party age starts: override, else decision, else admission.
    pub fn start(&self) -> Option<Date> {
        self.override_start.or(self.decision).or(self.admitted)
    }
}

/// Party age in days on `as_of`; `None` for non-official members or when no start is known.
pub fn party_age_days(facts: &PartyAgeFacts, as_of: Date) -> Option<i64> {
    if !facts.official {
        return None;
    }
    let start = facts.start()?;
    if as_of < start {
        return Some(0);
    }
    let total = (as_of - start).num_days();
    Some(total - interrupted_days(&facts.interruptions, start, as_of))
}

/// Days of the interruptions within `[start, as_of)`, overlapping ones counted once.
fn interrupted_days(periods: &[Period], start: Date, as_of: Date) -> i64 {
    let mut clipped: Vec<(Date, Date)> = periods
        .iter()
        .map(|p| (p.from.max(start), p.to.min(as_of)))
        .filter(|(from, to)| from < to)
        .collect();
    clipped.sort();
    let mut days = 0;
    let mut reached = start;
    for (from, to) in clipped {
        let from = from.max(reached);
        if from < to {
            days += (to - from).num_days();
            reached = to;
        }
    }
    days
}

/// The day a member reaches `years` of party age: the start shifted by the years and by the
/// interrupted days before it. `None` when the member has no party age.
pub fn reaches_on(facts: &PartyAgeFacts, years: u32) -> Option<Date> {
    if !facts.official {
        return None;
    }
    let start = facts.start()?;
    let mut day = add_years(start, years)?;
    // Each pass pushes the day by the interruptions it newly covers; interruptions are
    // finite, so this ends after at most one pass per interruption.
    for _ in 0..=facts.interruptions.len() {
        let shifted = add_years(start, years)?
            + chrono::Duration::days(interrupted_days(&facts.interruptions, start, day));
        if shifted == day {
            break;
        }
        day = shifted;
    }
    Some(day)
}

/// Whole years of party age on `as_of` (the number a badge milestone is compared with).
pub fn party_age_years(facts: &PartyAgeFacts, as_of: Date) -> Option<u32> {
    party_age_days(facts, as_of)?;
    let mut years = 0;
    while reaches_on(facts, years + 1).is_some_and(|d| d <= as_of) && years < 200 {
        years += 1;
    }
    Some(years)
}

/// `day` plus `years`; 29 February falls back to 28 February.
pub(crate) fn add_years(day: Date, years: u32) -> Option<Date> {
    let year = day.year() + i32::try_from(years).ok()?;
    day.with_year(year)
        .or_else(|| Date::from_ymd_opt(year, day.month(), 28))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::from_ymd_opt(y, m, day).unwrap()
    }

    fn facts(decision: Option<Date>, admitted: Option<Date>) -> PartyAgeFacts {
        PartyAgeFacts {
            decision,
            admitted,
            official: true,
            interruptions: vec![],
            override_start: None,
        }
    }

    #[test]
    fn table_of_party_ages() {
        let gap = Period::new(Some(d(2001, 1, 1)), Some(d(2003, 1, 1)));
        let cases: Vec<(&str, PartyAgeFacts, Date, Option<u32>)> = vec![
            (
                "decision date counts",
                facts(Some(d(1990, 3, 1)), Some(d(1990, 5, 19))),
                d(2020, 3, 1),
                Some(30),
            ),
            (
                "day before the anniversary",
                facts(Some(d(1990, 3, 1)), None),
                d(2020, 2, 28),
                Some(29),
            ),
            (
                "admission date when no decision",
                facts(None, Some(d(1990, 5, 19))),
                d(2020, 5, 19),
                Some(30),
            ),
            ("no dates, no age", facts(None, None), d(2020, 1, 1), None),
            (
                "probationary: no age",
                PartyAgeFacts {
                    official: false,
                    ..facts(Some(d(2019, 1, 1)), None)
                },
                d(2020, 6, 1),
                None,
            ),
            (
                "interruption subtracts",
                PartyAgeFacts {
                    interruptions: vec![gap],
                    ..facts(Some(d(1990, 1, 1)), None)
                },
                d(2020, 1, 1),
                Some(28),
            ),
            (
                "interruption then anniversary",
                PartyAgeFacts {
                    interruptions: vec![gap],
                    ..facts(Some(d(1990, 1, 1)), None)
                },
                d(2022, 1, 1),
                Some(30),
            ),
            (
                "override for legacy members",
                PartyAgeFacts {
                    override_start: Some(d(1980, 1, 1)),
                    ..facts(Some(d(1990, 1, 1)), None)
                },
                d(2020, 1, 1),
                Some(40),
            ),
        ];
        for (name, f, on, want) in cases {
            assert_eq!(party_age_years(&f, on), want, "{name}");
        }
    }

    #[test]
    fn overlapping_interruptions_count_once() {
        let f = PartyAgeFacts {
            interruptions: vec![
                Period::new(Some(d(2000, 1, 1)), Some(d(2000, 1, 11))),
                Period::new(Some(d(2000, 1, 6)), Some(d(2000, 1, 21))),
            ],
            ..facts(Some(d(1999, 1, 1)), None)
        };
        let plain = party_age_days(&facts(Some(d(1999, 1, 1)), None), d(2001, 1, 1)).unwrap();
        assert_eq!(party_age_days(&f, d(2001, 1, 1)).unwrap(), plain - 20);
    }
}
