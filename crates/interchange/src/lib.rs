//! The files of interchange format v1 (`docs/interchange-format.md`): an `.xlsx`
//! workbook with one sheet per table, or a folder of `<table>.csv` files.
//!
//! Reading only turns cells into text; every rule about values lives in the domain's
//! [`DatasetBuilder`](dangvu_domain::interchange::DatasetBuilder). [`check_path`] and
//! [`import_path`] stream: each row is fed to the builder as it is read and its text
//! dropped, tables in dependency order, so a million-member file is never held as text
//! next to its dataset. [`read_path`] gives the whole tables as
//! [`RawTable`](dangvu_domain::interchange::RawTable)s, for tools that want them.
//! Writing ([`write_xlsx`], [`write_csv_folder`]) produces files that read back into the same
//! dataset, and [`write_template`] the blank workbook people fill in; [`summary_workbook`] is the summary
//! report as a workbook. No database here:
//! storing a dataset is the storage crate's work.

mod cells;
mod csv_read;
mod csv_write;
mod export;
mod formula;
mod labels;
mod problem;
mod reading;
mod report;
mod results_sheet;
mod summary;
mod unpack;
mod xlsx_read;
mod xlsx_write;

pub use csv_read::CsvRows;
pub use csv_write::write_csv_folder;
pub use labels::column_label;
pub use problem::ReadProblem;
pub use reading::{CheckedFile, TableRead, check_path, import_path, read_path};
pub use report::write_problem_report;
pub use results_sheet::{RESULTS_SHEET, results_workbook};
pub use summary::{SUMMARY_SHEET, SummaryBook, summary_workbook};
pub use unpack::ratio_bound;
pub use xlsx_write::{write_template, write_xlsx};

/// Why a file could not be written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The file system refused (folder missing, no space, no permission).
    #[error("cannot write the file: {0}")]
    Io(#[from] std::io::Error),
    /// Writing a CSV file failed.
    #[error("cannot write the CSV file: {0}")]
    Csv(#[from] csv::Error),
    /// Writing the workbook failed.
    #[error("cannot write the workbook: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
}
