//! Importing a file: check, preview, write.
//!
//! A refusal at any step is a list of [`ReadProblem`]s, whether the file broke a rule, the
//! stored records refused it (outside the scope, a cycle with stored superiors) or a value
//! already belongs to another record; only a failure of storage itself is an error.

use crate::{App, Caller, Error, ImportProgress, ReadProblem, StoreError};
use dangvu_domain::Date;
use dangvu_domain::interchange::{KnownCodes, Table};
use dangvu_interchange::{CheckedFile, check_path, write_problem_report};
use dangvu_storage::{GivenColumns, ImportError, ImportRequest, ImportSummary};
use serde::Serialize;
use std::path::Path;

/// What an import did, or would do, table by table, with the rows each table held.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportReport {
    /// Whether nothing was written (a preview).
    pub dry_run: bool,
    /// The day changes without a date of their own take effect.
    pub effective_on: Date,
    /// The tables the file held or the import changed, in import order.
    pub tables: Vec<TableReport>,
    /// What the file breaks without being refused (a late admission decision, no
    /// awareness course…): the rows were imported as they are, and these are listed.
    pub findings: Vec<ReadProblem>,
}

/// The figures of one table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct TableReport {
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
    /// Whether the import creates or updates nothing: the file is as stored.
    pub fn changes_nothing(&self) -> bool {
        self.tables.iter().all(|t| t.created == 0 && t.updated == 0)
    }

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
            findings: summary
                .findings
                .iter()
                .cloned()
                .map(ReadProblem::from)
                .collect(),
        }
    }
}

/// How an import ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportOutcome {
    /// Imported (or, for a preview, importable): the figures.
    Imported(ImportReport),
    /// Refused, nothing written: every problem found.
    Refused(Vec<ReadProblem>),
}

impl App {
    /// Checks the interchange file at `path` (a workbook or a CSV folder) against the
    /// records the caller reaches and imports it in one transaction as the caller — or,
    /// with `dry_run`, checks and writes everything, then rolls back. Changes without a
    /// date of their own take effect on `effective_on`; `progress` hears how far the
    /// writing is.
    #[tracing::instrument(skip_all, fields(dry_run), err)]
    pub fn import_file(
        &self,
        caller: &Caller,
        path: &Path,
        effective_on: Date,
        dry_run: bool,
        progress: Option<&(dyn Fn(ImportProgress) + Sync)>,
    ) -> Result<ImportOutcome, Error> {
        if let Some(refusal) = self.probing_refusal(caller)? {
            return Ok(ImportOutcome::Refused(vec![refusal]));
        }
        let scope = caller.scope();
        let known = KnownCodes {
            today: Some(scope.today()),
            ..self.store.known_codes(scope)?
        };
        let CheckedFile {
            dataset,
            tables,
            rows,
        } = match check_path(path, &known) {
            Ok(checked) => checked,
            Err(problems) => return Ok(ImportOutcome::Refused(problems)),
        };
        let columns =
            GivenColumns::from_headers(tables.iter().map(|t| (t.table, t.headers.as_slice())));
        let request = ImportRequest {
            dataset: &dataset,
            columns: &columns,
            effective_on,
            dry_run,
            progress,
            rows: Some(&rows),
        };
        let read: Vec<(Table, usize)> = tables.iter().map(|t| (t.table, t.rows)).collect();
        match self.store.import(scope, &request, caller.audit()) {
            Ok(summary) => Ok(ImportOutcome::Imported(ImportReport::new(&summary, &read))),
            Err(ImportError::Refused(problems)) => Ok(ImportOutcome::Refused(
                problems.into_iter().map(ReadProblem::from).collect(),
            )),
            Err(ImportError::Store(StoreError::Conflict { field })) => {
                self.record_conflict(caller, &field)?;
                Ok(ImportOutcome::Refused(vec![ReadProblem::conflict(&field)]))
            }
            Err(ImportError::Store(error)) => Err(error.into()),
        }
    }

    /// Writes the problems of a refused import as a report file (`.xlsx` or `.csv`, by
    /// the path's extension), in the interchange format's labels.
    pub fn write_problem_report(&self, problems: &[ReadProblem], path: &Path) -> Result<(), Error> {
        Ok(write_problem_report(problems, path)?)
    }

    /// The problems of a refused import as the bytes of an `.xlsx` report, for a download.
    pub fn problem_report_bytes(&self, problems: &[ReadProblem]) -> Result<Vec<u8>, Error> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("report.xlsx");
        write_problem_report(problems, &path)?;
        Ok(std::fs::read(&path)?)
    }
}
