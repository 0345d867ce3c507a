//! What an import is asked to do and what it answers: the request, the counts per table,
//! and the refusal with every problem found against the stored records.

use crate::StoreError;
use dangvu_domain::Date;
use dangvu_domain::dataset::Dataset;
use dangvu_domain::interchange::{Problem, Table};
use dangvu_domain::text::header_key;
use serde::Serialize;
use std::collections::HashSet;

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
}

/// How far an import is: `done` of `total` records written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImportProgress {
    /// Records handled so far.
    pub done: u64,
    /// Records in the file.
    pub total: u64,
}

/// The columns present in each table of a file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GivenColumns {
    /// `(table, column key)` of every column the file lacks, for the tables it has.
    missing: HashSet<(Table, &'static str)>,
    every_column: bool,
}

impl GivenColumns {
    /// Every column of every table (a dataset built in code, an export).
    pub fn all() -> Self {
        Self {
            missing: HashSet::new(),
            every_column: true,
        }
    }

    /// The columns named by the header rows of the tables of a file.
    pub fn from_headers<'h>(tables: impl IntoIterator<Item = (Table, &'h [String])>) -> Self {
        let mut missing = HashSet::new();
        for (table, headers) in tables {
            let keys: HashSet<String> = headers.iter().map(|h| header_key(h)).collect();
            for column in table.columns() {
                if !keys.contains(column.key) {
                    missing.insert((table, column.key));
                }
            }
        }
        Self {
            missing,
            every_column: false,
        }
    }

    /// Whether the file gave column `key` of `table`.
    pub fn has(&self, table: Table, key: &str) -> bool {
        self.every_column || !self.missing.iter().any(|(t, k)| *t == table && *k == key)
    }
}

/// What an import did (or, for a dry run, would do) to the records of one table.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ImportCounts {
    /// Records (or history entries) that did not exist.
    pub created: u64,
    /// Existing records that differed and were updated.
    pub updated: u64,
    /// Records that were already as the file says.
    pub unchanged: u64,
}

/// The counts of one table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct TableCounts {
    /// The table.
    pub table: Table,
    /// What happened to its records.
    #[serde(flatten)]
    pub counts: ImportCounts,
}

/// What an import did, table by table (written as the `after_json` of its audit row).
///
/// History tables count history entries: `chuyen_sinh_hoat` the transfers, `cap_tren_to_chuc`
/// the changes of superior and `trang_thai_dang_vien` the status changes, whether the file
/// gave them in those tables or by a changed `ma_to_chuc`, `ma_cap_tren` or `trang_thai`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportSummary {
    /// Every table, in import order.
    pub tables: Vec<TableCounts>,
    /// The date changes without a date of their own took effect.
    pub effective_on: Date,
    /// Whether everything was rolled back.
    pub dry_run: bool,
}

impl ImportSummary {
    /// A summary with zero counts.
    pub(crate) fn new(effective_on: Date, dry_run: bool) -> Self {
        let tables = Table::every()
            .map(|table| TableCounts {
                table,
                counts: ImportCounts::default(),
            })
            .collect();
        Self {
            tables,
            effective_on,
            dry_run,
        }
    }

    /// The counts of `table`.
    pub fn counts(&self, table: Table) -> ImportCounts {
        self.tables
            .iter()
            .find(|t| t.table == table)
            .map(|t| t.counts)
            .unwrap_or_default()
    }

    /// The counts of `table`, to add to.
    pub(crate) fn counts_mut(&mut self, table: Table) -> &mut ImportCounts {
        let index = self
            .tables
            .iter()
            .position(|t| t.table == table)
            .unwrap_or_else(|| {
                self.tables.push(TableCounts {
                    table,
                    counts: ImportCounts::default(),
                });
                self.tables.len() - 1
            });
        &mut self.tables[index].counts
    }

    /// Whether the import changed nothing.
    pub fn changed_nothing(&self) -> bool {
        self.tables
            .iter()
            .all(|t| t.counts.created == 0 && t.counts.updated == 0)
    }
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
