//! The member's life in the Party after admission: party age and Party badges.
//!
//! Party age counts from the day the competent committee signed the admission decision
//! (HD 01-HD/TW 2021; the ceremony day when no decision is recorded), minus recorded
//! interruptions; the badge (Huy hiệu Đảng) is awarded at 30, 40, 45 … 90 years of party
//! age (HD 01-HD/TW 2021 mục 18), on one of the usual award days.

pub mod badges;

pub use badges::{AWARD_DAYS, MILESTONES, award_day_on_or_after, next_badge, party_age_on};
