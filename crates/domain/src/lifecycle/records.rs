//! Lifecycle records as a whole installation loads them (the demo, a migration from paper
//! books): exemptions with their decision, review and end, and badges awarded.

use super::badges::EarlyReason;
use super::exemption::ExemptionReason;
use crate::codes::MemberCode;
use crate::dates::Date;

/// An exemption of a member, as recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExemptionRecord {
    /// The member.
    pub member: MemberCode,
    /// The cell's decision (the status `MIEN_SINH_HOAT` begins that day).
    pub decided_on: Date,
    /// Why.
    pub reason: ExemptionReason,
    /// The next review, while open.
    pub review_on: Option<Date>,
    /// The day it ended (the member active again, or gone).
    pub ended_on: Option<Date>,
}

/// A Party badge awarded to a member.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadgeRecord {
    /// The member.
    pub member: MemberCode,
    /// Years of party age.
    pub milestone: u32,
    /// The award day.
    pub awarded_on: Date,
    /// Why early, when it was.
    pub early: Option<EarlyReason>,
}

/// The lifecycle records of an installation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LifecycleRecords {
    /// Exemptions.
    pub exemptions: Vec<ExemptionRecord>,
    /// Badges awarded.
    pub awards: Vec<BadgeRecord>,
}
