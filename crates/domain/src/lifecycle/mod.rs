//! Lifecycle of a member after admission: party age, Party badges, exemptions, exits and
//! transfers, as pure rules (domain.md §2.4–2.8).
//!
//! Every function takes the dates it needs; nothing here reads the clock. Numbers that the
//! Party has changed over time (exemption ages) are a versioned rule set chosen by date,
//! so a later regulation is a new row rather than an edit of an old one.

pub mod badges;
pub mod exemption;
pub mod exits;
pub mod party_age;
pub mod records;
pub mod transfer_steps;
pub mod transfers;

pub use badges::{
    BadgeDue, EarlyReason, MILESTONES, award_day_on_or_after, next_badge, upcoming_badge,
};
pub use exemption::{ExemptionGuidance, ExemptionReason, exemption_guidance};
pub use exits::{ExitKind, StrikeOffCase};
pub use party_age::{PartyAgeFacts, party_age_days, party_age_years};
pub use transfer_steps::{TransferDays, TransferRecord, TransferStage, TransferStep};
pub use transfers::{TransferKind, temporary_length_ok, transfer_deadline};
