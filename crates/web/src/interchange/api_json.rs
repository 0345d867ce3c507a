//! The JSON bodies of the import API: what an import did, and the problems of a refused
//! file (each with its source, row, column and reasons in both languages).

use crate::api::schema::ErrorDetail;
use dangvu_app::{ImportReport, ReadProblem};
use dangvu_domain::Date;
use serde::Serialize;
use utoipa::ToSchema;

/// What an import did (or, for a dry run, would do).
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct ImportResultJson {
    /// Whether nothing was written.
    pub dry_run: bool,
    /// The day changes without a date of their own took effect.
    pub effective_on: Date,
    /// The tables the file held or the import changed, in import order.
    pub tables: Vec<TableCountsJson>,
    /// Rows imported as given that break a rule the format reports without refusing (a
    /// `ho_so_ket_nap` decision past its deadline, no awareness course…).
    pub findings: Vec<ProblemJson>,
}

/// The figures of one table.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct TableCountsJson {
    /// The table (`to_chuc`, `dang_vien`, …).
    #[schema(example = "dang_vien")]
    pub table: String,
    /// Rows of the file that hold anything.
    pub rows_read: u64,
    /// Records (or history entries) created.
    pub created: u64,
    /// Records updated.
    pub updated: u64,
    /// Records already as the file says.
    pub unchanged: u64,
}

/// A refused import: the error and every problem, nothing written.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct ImportRefusedJson {
    /// `import_refused`.
    pub error: ErrorDetail,
    /// Every problem found.
    pub problems: Vec<ProblemJson>,
}

/// One problem of a file.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct ProblemJson {
    /// The file or sheet as named.
    pub source: String,
    /// The table, when the source is one.
    pub table: Option<String>,
    /// The 1-based row (the header is row 1); null when about the whole source.
    pub row: Option<u64>,
    /// The column.
    pub column: Option<String>,
    /// The value as given.
    pub value: String,
    /// Why, in Vietnamese.
    pub reason_vi: String,
    /// Why, in English.
    pub reason_en: String,
}

impl From<&ReadProblem> for ProblemJson {
    fn from(p: &ReadProblem) -> Self {
        Self {
            source: p.source.clone(),
            table: p.table.map(|t| t.name().to_string()),
            row: p.row.map(|r| r as u64),
            column: p.column.clone(),
            value: p.value.clone(),
            reason_vi: p.reason_vi.clone(),
            reason_en: p.reason_en.clone(),
        }
    }
}

impl From<ImportReport> for ImportResultJson {
    fn from(report: ImportReport) -> Self {
        Self {
            findings: report.findings.iter().map(ProblemJson::from).collect(),
            dry_run: report.dry_run,
            effective_on: report.effective_on,
            tables: report
                .tables
                .into_iter()
                .map(|t| TableCountsJson {
                    table: t.table.name().to_string(),
                    rows_read: t.rows_read,
                    created: t.created,
                    updated: t.updated,
                    unchanged: t.unchanged,
                })
                .collect(),
        }
    }
}
