//! The lifecycle of a member after admission (`dangvu_domain::lifecycle`): exits, badge
//! awards and party-age interruptions stored, read through the scope, each write with its
//! audit row in the same transaction.
//!
//! A member is in scope when the scope reaches them (`tree::access::visible_member`); out of
//! scope they are "not found". Writes that change statuses or registrations refresh the
//! pre-summed figures of the cells touched (docs/architecture.md, "Adding a workflow", 7).

mod due;
mod exemption_due;
mod exemptions;
mod facts;
pub(crate) mod history;
mod load;
mod use_cases;
mod views;

pub use due::BADGE_LOOKAHEAD_DAYS;
pub use exemption_due::EXEMPTION_LOOKAHEAD_DAYS;
pub use views::*;
