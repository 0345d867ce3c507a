//! The rules of Đảng vụ, with no I/O.
//!
//! Everything that decides a figure or validates a value lives here, so that the storage,
//! web and command-line layers only move data. Dates are inputs (never read from the clock
//! here); text is NFC; enumerations carry the codes and Vietnamese labels of the interchange
//! format (`docs/interchange-format.md`).

pub mod actor;
pub mod admissions;
pub mod calendar;
pub mod codes;
pub mod dataset;
pub mod dates;
pub mod due;
pub mod enums;
pub mod error;
pub mod interchange;
pub mod lifecycle;
pub mod membership;
pub mod privacy;
pub mod ratings;
pub mod roles;
pub mod standing;
pub mod summary;
pub mod text;
pub mod tree;

pub use codes::{MemberCode, OrgCode};
pub use dates::{Date, Period};
pub use enums::{Gender, MemberStatus, OrgType, Rating};
pub use error::DomainError;
