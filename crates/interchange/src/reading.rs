//! Reading a path of either form (a workbook or a CSV folder) into the domain's tables,
//! and the import that goes on to build a [`Dataset`].

use crate::csv_read::read_folder;
use crate::problem::ReadProblem;
use crate::xlsx_read::read_workbook;
use dangvu_domain::dataset::Dataset;
use dangvu_domain::interchange::{KnownCodes, RawTable, build_dataset_with};
use std::path::Path;

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
    let mut reading = read_any(path);
    if reading.damaged {
        return Err(reading.problems);
    }
    match build_dataset_with(&reading.tables, known) {
        Ok(dataset) if reading.problems.is_empty() => Ok(dataset),
        Ok(_) => Err(reading.problems),
        Err(problems) => {
            reading
                .problems
                .extend(problems.into_iter().map(ReadProblem::from));
            Err(reading.problems)
        }
    }
}

fn read_any(path: &Path) -> Reading {
    if path.is_dir() {
        return read_folder(path);
    }
    let is_xlsx = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
    if is_xlsx {
        return read_workbook(path);
    }
    let mut reading = Reading::default();
    reading.fail(ReadProblem::whole(
        source_name(path),
        "không phải tệp .xlsx hay thư mục chứa các tệp CSV",
        "neither an .xlsx workbook nor a folder of CSV files",
    ));
    reading
}

/// The last part of a path, as shown in a report (upload paths mean nothing to people).
pub(crate) fn source_name(path: &Path) -> String {
    path.file_name()
        .unwrap_or(path.as_os_str())
        .to_string_lossy()
        .into_owned()
}
