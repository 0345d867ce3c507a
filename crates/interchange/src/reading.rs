//! Reading a path of either form (a workbook or a CSV folder) into the domain's tables,
//! and the import that goes on to build a [`Dataset`] — checking each row as it is read
//! ([`streaming`]), so that a large file is never held whole.

pub(crate) mod streaming;
#[cfg(test)]
mod tests;

use crate::csv_read::{read_folder, stream_folder};
use crate::problem::ReadProblem;
use crate::xlsx_read::{read_workbook, stream_workbook};
use dangvu_domain::dataset::Dataset;
use dangvu_domain::interchange::{DatasetBuilder, KnownCodes, RawTable, SheetRows, Table};
use std::path::Path;
use streaming::Streamed;

/// What reading a path gave: the tables read whole, and the problems met.
#[derive(Debug, Default)]
pub(crate) struct Reading {
    /// Tables read to the end, in sheet (or file name) order.
    pub tables: Vec<RawTable>,
    /// Every problem met.
    pub problems: Vec<ReadProblem>,
    /// Whether a table could not be read to the end: checking the others would then
    /// report their references into it as unknown codes.
    pub damaged: bool,
}

impl Reading {
    /// Records a problem that leaves a table, or the whole file, unread.
    pub fn fail(&mut self, problem: ReadProblem) {
        self.problems.push(problem);
        self.damaged = true;
    }
}

/// Reads the tables of an `.xlsx` workbook, or of a folder of `<table>.csv` files.
///
/// Every problem met is listed: sheets or files whose names are no table, unreadable
/// files, CSV text that is not UTF-8. The values themselves are checked by
/// [`dangvu_domain::interchange::build_dataset`] (or [`import_path`], which does both).
pub fn read_path(path: &Path) -> Result<Vec<RawTable>, Vec<ReadProblem>> {
    let reading = read_any(path);
    if reading.problems.is_empty() {
        Ok(reading.tables)
    } else {
        Err(reading.problems)
    }
}

/// Reads `path` and builds the dataset it holds, whose references may point to the
/// existing records in `known`. All-or-nothing: `Err` lists every problem, those of
/// reading first. When a table could not be read at all, only the reading problems are
/// listed (the others would be echoes of the missing table).
pub fn import_path(path: &Path, known: &KnownCodes) -> Result<Dataset, Vec<ReadProblem>> {
    check_path(path, known).map(|checked| checked.dataset)
}

/// A file read and checked: its dataset, and what each of its tables held.
#[derive(Debug)]
pub struct CheckedFile {
    /// The validated dataset.
    pub dataset: Dataset,
    /// The tables present, in the order read (their rows are dropped once checked).
    pub tables: Vec<TableRead>,
    /// The sheet row of each record of the dataset.
    pub rows: SheetRows,
}

/// What one table of a file held.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableRead {
    /// Which table.
    pub table: Table,
    /// Its rows that hold anything.
    pub rows: usize,
    /// Its header row as written.
    pub headers: Vec<String>,
}

/// Like [`import_path`], and also tells how many rows each table held and which columns
/// it had (an update leaves the columns a file lacks as they are stored). Each row is
/// checked as it is read and its text dropped at once: the file is never held whole.
pub fn check_path(path: &Path, known: &KnownCodes) -> Result<CheckedFile, Vec<ReadProblem>> {
    let mut builder = DatasetBuilder::new(known);
    let streamed = stream_any(path, &mut builder);
    let damaged = streamed.damaged;
    let (tables, mut problems) = streamed.into_parts();
    if damaged {
        return Err(problems);
    }
    match builder.finish_with_rows() {
        Ok((dataset, rows)) if problems.is_empty() => Ok(CheckedFile {
            dataset,
            tables,
            rows,
        }),
        Ok(_) => Err(problems),
        Err(found) => {
            problems.extend(found.into_iter().map(ReadProblem::from));
            Err(problems)
        }
    }
}

fn stream_any(path: &Path, builder: &mut DatasetBuilder<'_>) -> Streamed {
    if path.is_dir() {
        return stream_folder(path, builder);
    }
    if is_xlsx(path) {
        return stream_workbook(path, builder);
    }
    let mut streamed = Streamed::default();
    streamed.fail(0, not_a_table_file(path));
    streamed
}

fn is_xlsx(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
}

fn not_a_table_file(path: &Path) -> ReadProblem {
    ReadProblem::whole(
        source_name(path),
        "không phải tệp .xlsx hay thư mục chứa các tệp CSV",
        "neither an .xlsx workbook nor a folder of CSV files",
    )
}

fn read_any(path: &Path) -> Reading {
    if path.is_dir() {
        return read_folder(path);
    }
    if is_xlsx(path) {
        return read_workbook(path);
    }
    let mut reading = Reading::default();
    reading.fail(not_a_table_file(path));
    reading
}

/// The last part of a path, as shown in a report (upload paths mean nothing to people).
pub(crate) fn source_name(path: &Path) -> String {
    path.file_name()
        .unwrap_or(path.as_os_str())
        .to_string_lossy()
        .into_owned()
}
