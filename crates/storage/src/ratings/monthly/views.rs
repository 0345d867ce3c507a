//! What the monthly results' use cases take and give.

use dangvu_domain::ratings::Month;
use dangvu_domain::{MemberCode, OrgCode, Rating};
use serde::Serialize;

/// One member's result as a cell records it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MonthlyEntry {
    /// The member.
    pub member: MemberCode,
    /// The level.
    pub level: Rating,
    /// A note.
    pub note: Option<String>,
}

/// A member of a cell in a month, with the result recorded (if any).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellMonthRow {
    /// The member.
    pub member: MemberCode,
    /// Full name.
    pub full_name: String,
    /// The level recorded, if any.
    pub level: Option<Rating>,
    /// The note recorded.
    pub note: Option<String>,
}

/// A cell's members in a month (registered there on any day of it), in name order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellMonth {
    /// The cell.
    pub cell: OrgCode,
    /// Its name.
    pub cell_name: String,
    /// The month.
    pub month: Month,
    /// Its members.
    pub rows: Vec<CellMonthRow>,
}

/// A member of a subtree with the levels of the twelve months of a year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberMonths {
    /// The member.
    pub member: MemberCode,
    /// Full name.
    pub full_name: String,
    /// The cell the member is registered in on the reference day.
    pub cell: OrgCode,
    /// January to December.
    pub months: [Option<Rating>; 12],
}
