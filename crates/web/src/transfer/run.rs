//! The import use case of the pages and the API, the same steps as `dangvu import`: the
//! codes the caller's scope already has, the file checked against them, then the scoped
//! import in one transaction — dry (everything checked, then rolled back) or real.
//!
//! A refusal at any step is a list of [`ReadProblem`]s, whether the file broke a rule, the
//! stored records refused it (outside the scope, a cycle with stored superiors) or a value
//! already belongs to another record; only a failure of storage itself is an error.

use dangvu_domain::Date;
use dangvu_domain::interchange::Table;
use dangvu_interchange::{CheckedFile, ReadProblem, check_path};
use dangvu_storage::{
    AuditContext, GivenColumns, ImportError, ImportProgress, ImportRequest, ImportSummary, Scope,
    Store, StoreError,
};
use serde::Serialize;
use std::path::Path;

/// What an import did, or would do, table by table, with the rows each table held.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct ImportReport {
    /// Whether nothing was written (a preview).
    pub dry_run: bool,
    /// The day changes without a date of their own take effect.
    pub effective_on: Date,
    /// The tables the file held or the import changed, in import order.
    pub tables: Vec<TableReport>,
}

/// The figures of one table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub(crate) struct TableReport {
    /// The table.
    pub table: Table,
    /// Rows of the file that hold anything.
    pub rows_read: u64,
    /// Records (or history entries) created.
    pub created: u64,
    /// Records updated.
    pub updated: u64,
    /// Records already as the file says.
    pub unchanged: u64,
}

impl ImportReport {
    fn new(summary: &ImportSummary, file: &[(Table, usize)]) -> Self {
        let tables = summary
            .tables
            .iter()
            .filter_map(|t| {
                let rows: usize = file
                    .iter()
                    .filter(|(table, _)| *table == t.table)
                    .map(|(_, n)| n)
                    .sum();
                let c = t.counts;
                (rows > 0 || c.created + c.updated > 0).then_some(TableReport {
                    table: t.table,
                    rows_read: rows as u64,
                    created: c.created,
                    updated: c.updated,
                    unchanged: c.unchanged,
                })
            })
            .collect();
        Self {
            dry_run: summary.dry_run,
            effective_on: summary.effective_on,
            tables,
        }
    }
}

/// How an import ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// Imported (or, for a dry run, importable): the figures.
    Imported(ImportReport),
    /// Refused, nothing written: every problem found.
    Refused(Vec<ReadProblem>),
}

/// Checks the file at `path` against the records `scope` reaches and imports it as
/// `audit` (storage writes the audit row of a real import), telling `progress` how far
/// the writing is.
#[tracing::instrument(skip_all, fields(dry_run), err)]
pub(crate) fn check_and_import(
    store: &Store,
    scope: &Scope,
    audit: &AuditContext,
    path: &Path,
    effective_on: Date,
    dry_run: bool,
    progress: Option<&(dyn Fn(ImportProgress) + Sync)>,
) -> Result<Outcome, StoreError> {
    let known = store.known_codes(scope)?;
    let CheckedFile { dataset, tables } = match check_path(path, &known) {
        Ok(checked) => checked,
        Err(problems) => return Ok(Outcome::Refused(problems)),
    };
    let columns =
        GivenColumns::from_headers(tables.iter().map(|t| (t.table, t.headers.as_slice())));
    let request = ImportRequest {
        dataset: &dataset,
        columns: &columns,
        effective_on,
        dry_run,
        progress,
    };
    let read: Vec<(Table, usize)> = tables.iter().map(|t| (t.table, t.rows)).collect();
    match store.import(scope, &request, audit) {
        Ok(summary) => Ok(Outcome::Imported(ImportReport::new(&summary, &read))),
        Err(ImportError::Refused(problems)) => Ok(Outcome::Refused(
            problems.into_iter().map(ReadProblem::from).collect(),
        )),
        Err(ImportError::Store(StoreError::Conflict { field })) => {
            Ok(Outcome::Refused(vec![ReadProblem::conflict(&field)]))
        }
        Err(ImportError::Store(error)) => Err(error),
    }
}
