//! Party age and badges.
//!
//! Sources (docs/lifecycle.md): milestones — HD 01-HD/TW (2021) mục 18; party age from the
//! admission decision minus interruptions — HD 01-HD/TW (2021); the usual award days
//! (3/2, 19/5, 2/9, 7/11) are the practice of committees, kept here as a table so an
//! installation that awards on other days changes one line.

use crate::dates::Date;
use chrono::{Datelike, Months};

/// Years of party age at which a badge is awarded.
pub const MILESTONES: [u32; 12] = [30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90];

/// The usual award days (month, day): founding of the Party, President Hồ Chí Minh's
/// birthday, National Day, the October Revolution.
pub const AWARD_DAYS: [(u32, u32); 4] = [(2, 3), (5, 19), (9, 2), (11, 7)];

/// Whole years of party age on `day`, counted from `start` (the decision, else the
/// ceremony) minus `interrupted_days`; `None` before `start`.
pub fn party_age_on(start: Date, interrupted_days: i64, day: Date) -> Option<u32> {
    let counted_start = start.checked_add_signed(chrono::Duration::days(interrupted_days))?;
    if day < counted_start {
        return None;
    }
    let mut years = day.year() - counted_start.year();
    if (day.month(), day.day()) < (counted_start.month(), counted_start.day()) {
        years -= 1;
    }
    u32::try_from(years).ok()
}

/// The first usual award day on or after `day`.
pub fn award_day_on_or_after(day: Date) -> Option<Date> {
    [day.year(), day.year() + 1].into_iter().find_map(|year| {
        AWARD_DAYS
            .iter()
            .filter_map(|&(m, d)| Date::from_ymd_opt(year, m, d))
            .find(|award| *award >= day)
    })
}

/// The next badge of a member whose party age counts from `start`, as seen on `day`: the
/// first milestone not yet reached before `day`'s award round, the day it is reached, and
/// the award day it falls due on. `None` after the last milestone.
pub fn next_badge(start: Date, day: Date) -> Option<(u32, Date, Date)> {
    MILESTONES.iter().find_map(|&years| {
        let reached = start.checked_add_months(Months::new(years * 12))?;
        let award = award_day_on_or_after(reached)?;
        (award >= day).then_some((years, reached, award))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        crate::dates::parse_date("d", s).unwrap()
    }

    #[test]
    fn party_age_counts_whole_years_from_the_start_less_interruptions() {
        assert_eq!(party_age_on(d("1990-05-19"), 0, d("2020-05-18")), Some(29));
        assert_eq!(party_age_on(d("1990-05-19"), 0, d("2020-05-19")), Some(30));
        assert_eq!(
            party_age_on(d("1990-05-19"), 365, d("2020-05-19")),
            Some(29)
        );
        assert_eq!(party_age_on(d("1990-05-19"), 0, d("1990-05-18")), None);
    }

    #[test]
    fn the_award_day_is_the_first_usual_one_on_or_after_the_milestone() {
        assert_eq!(
            award_day_on_or_after(d("2020-01-10")),
            Some(d("2020-02-03"))
        );
        assert_eq!(
            award_day_on_or_after(d("2020-02-03")),
            Some(d("2020-02-03"))
        );
        assert_eq!(
            award_day_on_or_after(d("2020-05-20")),
            Some(d("2020-09-02"))
        );
        assert_eq!(
            award_day_on_or_after(d("2020-11-08")),
            Some(d("2021-02-03"))
        );
    }

    #[test]
    fn the_next_badge_is_the_first_milestone_whose_award_day_has_not_passed() {
        // Admitted 19/12/1995: 30 years on 19/12/2025, awarded 3/2/2026.
        let start = d("1995-12-19");
        assert_eq!(
            next_badge(start, d("2025-11-26")),
            Some((30, d("2025-12-19"), d("2026-02-03")))
        );
        assert_eq!(
            next_badge(start, d("2026-02-03")),
            Some((30, d("2025-12-19"), d("2026-02-03")))
        );
        assert_eq!(
            next_badge(start, d("2026-02-04")),
            Some((40, d("2035-12-19"), d("2036-02-03")))
        );
        // 45 comes between 40 and 50.
        assert_eq!(
            next_badge(d("1980-03-01"), d("2021-01-01")).map(|b| b.0),
            Some(45)
        );
        assert_eq!(next_badge(d("1930-01-01"), d("2026-01-01")), None);
    }
}
