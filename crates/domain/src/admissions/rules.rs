//! The numbers of the admission rules, by the date they apply on.
//!
//! Several of them are marked [I] in domain.md (inferred, not confirmed in a source: the
//! two-thirds majority of the cell's resolution for *admission*), and the implementing
//! regulations of the Charter were replaced in 2016, 2021 and twice in 2025. Each
//! regulation is one [`RuleSet`] with the day it took effect; a step is judged by the set in
//! force on the day it happened, so history recorded under an older rule keeps its meaning
//! when a newer one changes a number.

use crate::dates::Date;

/// The numbers of the admission rules under one regulation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleSet {
    /// The first day the set applies (the earliest set also applies before it).
    pub effective_from: Date,
    /// The regulation, as (number, issuing body, date) — never a number alone.
    pub source: &'static str,
    /// The cell's resolution passes with `for * den >= official * num` [I for admission].
    pub majority: (u32, u32),
    /// Votes without that majority either way before the superior decides.
    pub votes_before_superior: usize,
    /// Youngest age in full months at the cell's resolution (18 years).
    pub min_age_months: u32,
    /// Oldest age in full months without a decision of a committee directly under the
    /// Centre (60 years).
    pub max_age_months: u32,
    /// Years an awareness-course certificate stays valid.
    pub course_valid_years: u32,
    /// Working days from the cell's resolution to the admission decision.
    pub decision_working_days: u32,
    /// Working days from the decision to the ceremony.
    pub ceremony_working_days: u32,
    /// Months of probation from the ceremony.
    pub probation_months: u32,
    /// Working days after probation ends for the cell's review.
    pub review_working_days: u32,
}

const fn day(y: i32, m: u32, d: u32) -> Date {
    match Date::from_ymd_opt(y, m, d) {
        Some(d) => d,
        None => Date::MIN,
    }
}

/// The same numbers under every regulation found so far; only the source changes.
const fn set(effective_from: Date, source: &'static str) -> RuleSet {
    RuleSet {
        effective_from,
        source,
        majority: (2, 3),
        votes_before_superior: 3,
        min_age_months: 18 * 12,
        max_age_months: 60 * 12,
        course_valid_years: 5,
        decision_working_days: 60,
        ceremony_working_days: 30,
        probation_months: 12,
        review_working_days: 30,
    }
}

/// Every rule set, oldest first.
pub const RULE_SETS: &[RuleSet] = &[
    set(day(2016, 7, 25), "QĐ 29-QĐ/TW (BCH TW, 25/7/2016)"),
    set(day(2021, 7, 30), "QĐ 24-QĐ/TW (BCH TW, 30/7/2021)"),
    set(day(2025, 1, 20), "QĐ 232-QĐ/TW (BCH TW, 20/01/2025)"),
    set(day(2025, 7, 1), "QĐ 294-QĐ/TW (BCH TW, 26/5/2025)"),
];

/// The rule set in force on `on`: the latest that took effect on or before it, or the
/// earliest for days before any (the older guidance is taken to have had the same numbers).
pub fn rules_on(on: Date) -> &'static RuleSet {
    let first = &RULE_SETS[0];
    RULE_SETS
        .iter()
        .rev()
        .find(|s| s.effective_from <= on)
        .unwrap_or(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_day_is_judged_by_the_regulation_in_force() {
        let cases = [
            (day(2015, 9, 1), "QĐ 29-QĐ/TW (BCH TW, 25/7/2016)"),
            (day(2021, 7, 29), "QĐ 29-QĐ/TW (BCH TW, 25/7/2016)"),
            (day(2021, 7, 30), "QĐ 24-QĐ/TW (BCH TW, 30/7/2021)"),
            (day(2025, 6, 30), "QĐ 232-QĐ/TW (BCH TW, 20/01/2025)"),
            (day(2026, 11, 26), "QĐ 294-QĐ/TW (BCH TW, 26/5/2025)"),
        ];
        for (on, source) in cases {
            assert_eq!(rules_on(on).source, source, "{on}");
        }
    }
}
