//! Party badges (Huy hiệu Đảng): which milestone is next, the award day it is due on, and
//! how early a badge may be awarded as an exception.
//!
//! Sources: HD 01-HD/TW (2021) mục 18 — milestones 30, 40, 45 … 90 years of party age;
//! seriously ill members may receive 30–65-year badges up to 12 months early and 70–90-year
//! badges up to 24 months early; posthumous awards up to 12 months early (domain.md §2.5).
//! The usual award days 3/2, 19/5, 2/9, 7/11 are the practice recorded in domain.md [I].

use super::party_age::{PartyAgeFacts, reaches_on};
use crate::dates::Date;
use crate::enums::{Enumeration, enumeration};
use crate::error::DomainError;
use chrono::{Datelike, Months};
use serde::{Deserialize, Serialize};

/// The badge milestones in years of party age.
pub const MILESTONES: [u32; 12] = [30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90];

/// The usual award days (month, day): founding of the Party, President Hồ Chí Minh's
/// birthday, National Day, the October Revolution.
pub const AWARD_DAYS: [(u32, u32); 4] = [(2, 3), (5, 19), (9, 2), (11, 7)];

enumeration!(
    /// Why a badge is awarded before its milestone (an allowed exception).
    EarlyReason, "ly_do_tang_som", {
        /// The member is seriously ill.
        SeriousIllness => "OM_NANG", "Ốm nặng";
        /// The member has died (posthumous award).
        Posthumous => "TRUY_TANG", "Truy tặng";
    }
);

/// The next badge a member is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BadgeDue {
    /// Years of party age.
    pub milestone: u32,
    /// The day the member reaches it.
    pub reached_on: Date,
    /// The first award day on or after `reached_on`.
    pub award_day: Date,
}

/// The first usual award day on or after `day`.
pub fn award_day_on_or_after(day: Date) -> Date {
    for year in [day.year(), day.year() + 1] {
        for (m, d) in AWARD_DAYS {
            if let Some(award) = Date::from_ymd_opt(year, m, d)
                && award >= day
            {
                return award;
            }
        }
    }
    day
}

/// The badge a committee prepares on `day`: the first milestone, not yet awarded, whose
/// award day is `day` or later (the due list shows the coming award rounds; a milestone
/// whose round has passed is a matter for the member's page, not a reminder).
pub fn upcoming_badge(facts: &PartyAgeFacts, awarded: &[u32], day: Date) -> Option<BadgeDue> {
    MILESTONES
        .into_iter()
        .filter(|m| !awarded.contains(m))
        .find_map(|milestone| {
            let reached_on = reaches_on(facts, milestone)?;
            let award_day = award_day_on_or_after(reached_on);
            (award_day >= day).then_some(BadgeDue {
                milestone,
                reached_on,
                award_day,
            })
        })
}

/// The smallest milestone above every badge already awarded, with its award day; `None`
/// when the member has no party age or has all badges.
pub fn next_badge(facts: &PartyAgeFacts, awarded: &[u32]) -> Option<BadgeDue> {
    let highest = awarded.iter().copied().max().unwrap_or(0);
    let milestone = MILESTONES.into_iter().find(|m| *m > highest)?;
    let reached_on = reaches_on(facts, milestone)?;
    Some(BadgeDue {
        milestone,
        reached_on,
        award_day: award_day_on_or_after(reached_on),
    })
}

/// How many months before the milestone a badge may be awarded for `reason`.
pub fn months_early_allowed(milestone: u32, reason: EarlyReason) -> u32 {
    match reason {
        EarlyReason::Posthumous => 12,
        EarlyReason::SeriousIllness if milestone >= 70 => 24,
        EarlyReason::SeriousIllness => 12,
    }
}

/// Checks an award on `award_on` for `milestone` reached on `reached_on`: on or after the
/// milestone always passes; earlier needs a reason and must be within its allowance.
pub fn check_award(
    milestone: u32,
    reached_on: Date,
    award_on: Date,
    early: Option<EarlyReason>,
) -> Result<(), DomainError> {
    if !MILESTONES.contains(&milestone) {
        return Err(DomainError::invalid(
            "moc",
            milestone.to_string(),
            "not a badge milestone",
        ));
    }
    if award_on >= reached_on {
        return Ok(());
    }
    let Some(reason) = early else {
        return Err(DomainError::invalid(
            "ngay_tang",
            award_on.to_string(),
            "party age not reached; an early award needs a reason",
        ));
    };
    let earliest = reached_on
        .checked_sub_months(Months::new(months_early_allowed(milestone, reason)))
        .unwrap_or(reached_on);
    if award_on < earliest {
        return Err(DomainError::invalid(
            "ngay_tang",
            award_on.to_string(),
            "earlier than the allowed early award",
        ));
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn award_days_table() {
        let cases = [
            (d(2020, 1, 10), d(2020, 2, 3)),
            (d(2020, 2, 3), d(2020, 2, 3)),
            (d(2020, 2, 4), d(2020, 5, 19)),
            (d(2020, 6, 1), d(2020, 9, 2)),
            (d(2020, 9, 3), d(2020, 11, 7)),
            (d(2020, 11, 8), d(2021, 2, 3)),
        ];
        for (day, want) in cases {
            assert_eq!(award_day_on_or_after(day), want, "{day}");
        }
    }

    #[test]
    fn next_badge_skips_awarded_milestones() {
        let facts = PartyAgeFacts {
            decision: Some(d(1986, 6, 1)),
            admitted: None,
            official: true,
            interruptions: vec![],
            override_start: None,
        };
        let first = next_badge(&facts, &[]).unwrap();
        assert_eq!((first.milestone, first.award_day), (30, d(2016, 9, 2)));
        let second = next_badge(&facts, &[30]).unwrap();
        assert_eq!((second.milestone, second.award_day), (40, d(2026, 9, 2)));
        assert_eq!(next_badge(&facts, &[90]), None);
    }

    #[test]
    fn early_award_table() {
        let reached = d(2030, 6, 1);
        let ill = Some(EarlyReason::SeriousIllness);
        let dead = Some(EarlyReason::Posthumous);
        let cases = [
            ("on time", 30, d(2030, 9, 2), None, true),
            ("early without reason", 30, d(2030, 2, 3), None, false),
            ("ill, 30y, 12 months", 30, d(2029, 6, 1), ill, true),
            ("ill, 30y, 13 months", 30, d(2029, 5, 1), ill, false),
            ("ill, 70y, 24 months", 70, d(2028, 6, 1), ill, true),
            ("posthumous, 70y, 13 months", 70, d(2029, 5, 1), dead, false),
            ("not a milestone", 35, d(2030, 9, 2), None, false),
        ];
        for (name, m, on, why, ok) in cases {
            assert_eq!(check_award(m, reached, on, why).is_ok(), ok, "{name}");
        }
    }

    #[test]
    fn the_upcoming_badge_is_the_first_unawarded_milestone_whose_round_has_not_passed() {
        let d = |s| crate::dates::parse_date("d", s).unwrap();
        let facts = PartyAgeFacts {
            decision: None,
            admitted: Some(d("1995-12-19")),
            official: true,
            interruptions: Vec::new(),
            override_start: None,
        };
        let due = upcoming_badge(&facts, &[], d("2025-11-26")).unwrap();
        assert_eq!((due.milestone, due.award_day), (30, d("2026-02-03")));
        assert_eq!(
            upcoming_badge(&facts, &[30], d("2025-11-26"))
                .unwrap()
                .milestone,
            40
        );
        assert_eq!(
            upcoming_badge(&facts, &[], d("2026-02-04"))
                .unwrap()
                .milestone,
            40
        );
    }
}
