//! How an imported file's records meet the stored ones, decided in memory: the rules of an
//! update, with no database in sight (storage reads the stored records, hands them here,
//! and writes the [`Plan`] it gets back).
//!
//! - [`history`]: the three histories (registrations, superiors, statuses) as lists of
//!   `(since, value)` entries, and how a file's entries merge with the stored ones;
//! - [`records`]: one stored record and its row in the file make the updated record;
//! - [`count`]: the created/updated/unchanged counts of the history tables;
//! - [`plan`]: which records are new, which changed and how, and the summary;
//! - [`periods`]: histories made disjoint before they are stored ("first wins");
//! - [`summary`]: the counts an import reports and the columns its file gave.

pub mod count;
pub mod history;
pub mod periods;
pub mod plan;
pub mod records;
mod summary;

#[cfg(test)]
mod tests;

pub use periods::first_wins;
pub use plan::{ChangedMember, Ids, MergeRequest, Plan, StoredRatings, StoredRecords, plan};
pub use summary::{GivenColumns, ImportCounts, ImportSummary, TableCounts};
