//! What an import is asked to do and what it answers: the request, the counts per table,
//! and the refusal with every problem found against the stored records.

use crate::StoreError;
use dangvu_domain::Date;
use dangvu_domain::dataset::Dataset;
pub use dangvu_domain::interchange::merge::{
    GivenColumns, ImportCounts, ImportSummary, TableCounts,
};
use dangvu_domain::interchange::{Problem, SheetRows};

/// An import: a validated dataset (see `dangvu_domain::interchange::build_dataset_with`)
/// and how to apply it.
#[derive(Clone, Copy)]
pub struct ImportRequest<'a> {
    /// The records of the file.
    pub dataset: &'a Dataset,
    /// The columns the file had: a column it lacks leaves the stored value as it is.
    pub columns: &'a GivenColumns,
    /// The date a change without a date of its own takes effect: a member whose
    /// `ma_to_chuc` changed without a `chuyen_sinh_hoat` row is transferred on this day, an
    /// organization whose `ma_cap_tren` changed moves on this day, a member listed as active
    /// again is active from this day. The command line passes today.
    pub effective_on: Date,
    /// Compute the counts, check every constraint, then roll everything back.
    pub dry_run: bool,
    /// Told how far the writing is, for a progress bar.
    pub progress: Option<&'a (dyn Fn(ImportProgress) + Sync)>,
    /// Where the records were read in the file (`None`: a dataset built in code): a
    /// refusal names the row, and the history tables count their own rows.
    pub rows: Option<&'a SheetRows>,
}

/// How far an import is: `done` of `total` records written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImportProgress {
    /// Records handled so far.
    pub done: u64,
    /// Records in the file.
    pub total: u64,
}

/// Why an import was refused or failed. Nothing was written either way.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file is valid on its own but not against the stored records (outside the
    /// caller's scope, a transfer into an organization that no longer exists, superiors
    /// that would form a cycle with stored ones): every problem found.
    #[error("the import was refused: {} problem(s)", .0.len())]
    Refused(Vec<Problem>),
    /// Storage failed, or a value is already used by another record.
    #[error(transparent)]
    Store(#[from] StoreError),
}
