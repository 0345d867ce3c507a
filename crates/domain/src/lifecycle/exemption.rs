//! Exemption from Party work and activities (miễn công tác và sinh hoạt đảng): guidance for
//! the cell, never a refusal — the cell decides (Charter Art. 7; QĐ 24 mục 7.1).
//!
//! HD 27-HD/BTCTW (26/3/2009): "tuổi cao" is past working age under the Labour Code then in
//! force — men over 60, women over 55; "sức khỏe yếu" is an illness of 3 months or more.
//! domain.md §2.7 says to verify these against HD 06-HD/TW (2025) since the Labour Code 2019
//! raised retirement ages, so the thresholds are a dated rule set, not constants.

use crate::dates::Date;
use crate::enums::{Enumeration, Gender, enumeration};
use chrono::Datelike;
use serde::{Deserialize, Serialize};

enumeration!(
    /// Why a member is exempted.
    ExemptionReason, "ly_do_mien", {
        /// Advanced age.
        Age => "TUOI_CAO", "Tuổi cao";
        /// Weak health.
        Health => "SUC_KHOE", "Sức khỏe yếu";
        /// Another case of HD 27 1.2 (family visit, itinerant work …).
        Other => "KHAC", "Trường hợp khác";
    }
);

/// The thresholds of one guidance, valid from `since`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExemptionRules {
    /// First day these thresholds apply.
    pub since: Date,
    /// Men are "of advanced age" above this many years.
    pub men_over: u32,
    /// Women are "of advanced age" above this many years.
    pub women_over: u32,
    /// An illness of at least this many months counts as weak health.
    pub illness_months: u32,
}

/// The guidances in force over time, oldest first. Add a row for a newer rule.
pub const RULES: [ExemptionRules; 1] = [ExemptionRules {
    since: match Date::from_ymd_opt(2009, 3, 26) {
        Some(d) => d,
        None => Date::MIN,
    },
    men_over: 60,
    women_over: 55,
    illness_months: 3,
}];

/// The rules in force on `day` (the oldest when `day` precedes them all).
pub fn rules_on(day: Date) -> ExemptionRules {
    RULES
        .iter()
        .rev()
        .find(|r| r.since <= day)
        .copied()
        .unwrap_or(RULES[0])
}

/// What the guidance says about a requested exemption.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExemptionGuidance {
    /// The reason matches the guidance.
    Fits,
    /// Age: the member is not yet past the age (years required shown).
    BelowAge(u32),
    /// Health: the illness is shorter than the guidance's minimum (months shown).
    IllnessTooShort(u32),
    /// No threshold to check (other reasons, or facts unknown).
    NothingToCheck,
}

/// Guidance for an exemption decided on `on` for `reason`; the cell may still decide
/// otherwise (the result is shown, not enforced).
pub fn exemption_guidance(
    reason: ExemptionReason,
    on: Date,
    birth: Option<Date>,
    gender: Option<Gender>,
    illness_months: Option<u32>,
) -> ExemptionGuidance {
    let rules = rules_on(on);
    match reason {
        ExemptionReason::Age => match (birth, gender) {
            (Some(birth), Some(gender)) => {
                let over = match gender {
                    Gender::Nam => rules.men_over,
                    Gender::Nu => rules.women_over,
                };
                if age_on(birth, on) > over {
                    ExemptionGuidance::Fits
                } else {
                    ExemptionGuidance::BelowAge(over)
                }
            }
            _ => ExemptionGuidance::NothingToCheck,
        },
        ExemptionReason::Health => match illness_months {
            Some(m) if m >= rules.illness_months => ExemptionGuidance::Fits,
            Some(_) => ExemptionGuidance::IllnessTooShort(rules.illness_months),
            None => ExemptionGuidance::NothingToCheck,
        },
        ExemptionReason::Other => ExemptionGuidance::NothingToCheck,
    }
}

/// Completed years of age on `on`.
fn age_on(birth: Date, on: Date) -> u32 {
    let mut years = on.year() - birth.year();
    if (on.month(), on.day()) < (birth.month(), birth.day()) {
        years -= 1;
    }
    u32::try_from(years).unwrap_or(0)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn guidance_table() {
        use ExemptionGuidance::*;
        use ExemptionReason::*;
        let on = d(2026, 1, 1);
        let cases = [
            (
                "man of 61",
                Age,
                Some(d(1964, 12, 1)),
                Some(Gender::Nam),
                None,
                Fits,
            ),
            (
                "man of exactly 60",
                Age,
                Some(d(1965, 12, 1)),
                Some(Gender::Nam),
                None,
                BelowAge(60),
            ),
            (
                "woman of 56",
                Age,
                Some(d(1969, 12, 1)),
                Some(Gender::Nu),
                None,
                Fits,
            ),
            (
                "woman of 50",
                Age,
                Some(d(1975, 6, 1)),
                Some(Gender::Nu),
                None,
                BelowAge(55),
            ),
            (
                "no birth date",
                Age,
                None,
                Some(Gender::Nu),
                None,
                NothingToCheck,
            ),
            ("illness of 3 months", Health, None, None, Some(3), Fits),
            (
                "illness of 2 months",
                Health,
                None,
                None,
                Some(2),
                IllnessTooShort(3),
            ),
            ("other reason", Other, None, None, None, NothingToCheck),
        ];
        for (name, reason, birth, gender, months, want) in cases {
            assert_eq!(
                exemption_guidance(reason, on, birth, gender, months),
                want,
                "{name}"
            );
        }
    }
}
