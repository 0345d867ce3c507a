//! The demo's rating rounds: one closed round a year from 2015 to the last year rated
//! (the district's until the district level was abolished, the province's after), made from
//! the ratings the demo already draws, and one round under way for the current year, opened
//! by the province a month before the year ends.

use crate::ratings::{FIRST_YEAR, LAST_YEAR};
use crate::{DISTRICT_CODE, PROVINCE_CODE, RESTRUCTURE_DAY};
use chrono::Datelike;
use dangvu_domain::Date;

/// A round to load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoundPlan {
    /// The committee opening it.
    pub org: &'static str,
    /// The year rated.
    pub year: i32,
    /// Opened on.
    pub opened_on: Date,
    /// Steps due by.
    pub deadline: Date,
    /// A closed round of history (else a round under way).
    pub history: bool,
}

/// The rounds, oldest first, as they stand on `today`.
pub fn plan(today: Date) -> Vec<RoundPlan> {
    let day = |y: i32, m: u32, d: u32| Date::from_ymd_opt(y, m, d).unwrap_or(today);
    let committee = |year: i32| {
        if day(year, 12, 31) < RESTRUCTURE_DAY {
            DISTRICT_CODE
        } else {
            PROVINCE_CODE
        }
    };
    let mut rounds: Vec<RoundPlan> = (FIRST_YEAR..=LAST_YEAR.min(today.year() - 1))
        .map(|year| RoundPlan {
            org: committee(year),
            year,
            opened_on: day(year, 11, 15),
            deadline: day(year, 12, 25),
            history: true,
        })
        .collect();
    let year = today.year();
    let opened_on = day(year, 11, 1).min(today);
    rounds.push(RoundPlan {
        org: committee(year),
        year,
        opened_on,
        deadline: day(year, 12, 25).max(today),
        history: false,
    });
    rounds
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn history_until_last_year_and_one_round_under_way() {
        let today = Date::from_ymd_opt(2025, 11, 26).unwrap();
        let rounds = plan(today);
        assert_eq!(rounds.first().unwrap().year, 2015);
        assert_eq!(rounds.first().unwrap().org, "VX");
        let last = rounds.last().unwrap();
        assert_eq!((last.year, last.history, last.org), (2025, false, "TQ"));
        assert!(last.opened_on <= today && last.deadline >= today);
        assert_eq!(rounds.iter().filter(|r| r.history).count(), 10);
    }
}
