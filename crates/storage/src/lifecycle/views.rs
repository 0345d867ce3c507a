//! What the lifecycle use cases take and give.

use dangvu_domain::Date;
use dangvu_domain::lifecycle::{
    EarlyReason, ExemptionReason, ExitKind, PartyAgeFacts, StrikeOffCase,
};
use serde::Serialize;

/// An exit to record: how, from which day, and (for xóa tên) the Charter's case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NewExit {
    /// How the member leaves.
    pub kind: ExitKind,
    /// The first day the member no longer counts.
    pub on: Date,
    /// The case of a xóa tên (required then, ignored otherwise).
    pub case: Option<StrikeOffCase>,
}

/// A badge award to record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NewBadgeAward {
    /// Years of party age.
    pub milestone: u32,
    /// The day it was awarded.
    pub awarded_on: Date,
    /// Why it was awarded before the milestone, when it was.
    pub early: Option<EarlyReason>,
}

/// A badge already awarded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BadgeAward {
    /// Years of party age.
    pub milestone: u32,
    /// The day it was awarded.
    pub awarded_on: Date,
    /// The early award's reason, if any.
    pub early: Option<EarlyReason>,
}

/// One line of a member's status timeline: a status or a registration over `[from, to)`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TimelineEntry {
    /// First day.
    pub from: Date,
    /// First day no longer valid (the open-end sentinel when open).
    pub to: Date,
    /// What held: a status code, or the organization's code for a registration.
    pub what: TimelineWhat,
}

/// What a timeline line is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum TimelineWhat {
    /// A status (its interchange code).
    Status(String),
    /// Registered in the organization of this code.
    Registered(String),
}

/// Everything the member page shows about the lifecycle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LifecycleView {
    /// What party age is computed from.
    #[serde(skip)]
    pub facts: PartyAgeFacts,
    /// Badges awarded, by milestone.
    pub awards: Vec<BadgeAward>,
    /// Statuses and registrations in date order.
    pub timeline: Vec<TimelineEntry>,
    /// Exemptions from activities, the latest first.
    pub exemptions: Vec<ExemptionView>,
}

/// An exemption decided by the cell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NewExemption {
    /// The day of the cell's decision; the member is exempted from that day.
    pub decided_on: Date,
    /// Why.
    pub reason: ExemptionReason,
    /// When the cell will look at it again (health exemptions usually have one).
    pub review_on: Option<Date>,
}

/// The cell's review of an open exemption.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExemptionReview {
    /// The day of the review.
    pub reviewed_on: Date,
    /// What the cell decided.
    pub outcome: ReviewOutcome,
}

/// What a review of an exemption decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum ReviewOutcome {
    /// The exemption goes on, to be reviewed again on the day given (or not at all).
    Keep {
        /// The next review's day.
        next_review: Option<Date>,
    },
    /// The exemption ends on the review's day: the member takes part again.
    End,
}

/// An exemption as the member's page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExemptionView {
    /// The cell's decision.
    pub decided_on: Date,
    /// Why.
    pub reason: ExemptionReason,
    /// The next review, while open.
    pub review_on: Option<Date>,
    /// The day it ended, once ended.
    pub ended_on: Option<Date>,
}
