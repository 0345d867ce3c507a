//! Reading a folder of UTF-8 CSV files named `<table>.csv` (RFC 4180, optional BOM).
//!
//! Files are read one record at a time ([`CsvRows`]), so a file is never held as text
//! besides its rows: a million-row file costs its rows, not twice its size. Row numbers are
//! those a spreadsheet shows when it opens the file: the header is row 1, a blank line is a
//! row, and a quoted value spanning lines stays in one row.
//!
//! To count rows exactly, records end at `\n` only (a `\r` before it is dropped from the
//! last value) and one `\n` is read after the end of the file, so that every record,
//! the last one included, ends with the line break that the reader's line count includes.

use crate::formula::restored;
use crate::problem::ReadProblem;
use crate::reading::streaming::{self, Found, ReadResult, Streamed, UntilProblem};
use crate::reading::{Reading, source_name};
use csv::{ByteRecord, Reader, ReaderBuilder, Terminator};
use dangvu_domain::interchange::{DatasetBuilder, RawRow, RawTable, Table};
use std::fs::File;
use std::io::{BufReader, Chain, Read};
use std::path::{Path, PathBuf};

/// Reads every `<table>.csv` of `dir`, in file name order. Other visible files are
/// reported (a misnamed file would otherwise not be imported, unnoticed); hidden files
/// and sub-folders are left alone.
pub(crate) fn read_folder(dir: &Path) -> Reading {
    let mut reading = Reading::default();
    let files = match visible_files(dir) {
        Ok(files) => files,
        Err(error) => {
            reading.fail(ReadProblem::whole(
                source_name(dir),
                format!("không đọc được thư mục ({error})"),
                format!("the folder cannot be read ({error})"),
            ));
            return reading;
        }
    };
    for path in files {
        let Some(table) = csv_table(&path) else {
            reading
                .problems
                .push(ReadProblem::unknown_table(&source_name(&path)));
            continue;
        };
        match read_table(&path, table) {
            Ok(Some(raw)) => reading.tables.push(raw),
            Ok(None) => {}
            Err(problem) => reading.fail(*problem),
        }
    }
    reading
}

/// Checks every `<table>.csv` of `dir` while reading it: the files are opened in table
/// order (organizations, then members, then what refers to them) and their rows go to
/// `builder` one at a time. Problems are those [`read_folder`] finds, in the same order.
pub(crate) fn stream_folder(dir: &Path, builder: &mut DatasetBuilder<'_>) -> Streamed {
    let mut streamed = Streamed::default();
    let files = match visible_files(dir) {
        Ok(files) => files,
        Err(error) => {
            streamed.fail(
                0,
                ReadProblem::whole(
                    source_name(dir),
                    format!("không đọc được thư mục ({error})"),
                    format!("the folder cannot be read ({error})"),
                ),
            );
            return streamed;
        }
    };
    let mut found = Vec::new();
    for (position, path) in files.into_iter().enumerate() {
        match csv_table(&path) {
            Some(table) => found.push(Found {
                position,
                table,
                source: path,
            }),
            None => streamed.problem(position, ReadProblem::unknown_table(&source_name(&path))),
        }
    }
    streaming::feed(&found, builder, &mut streamed, |path, table, builder| {
        stream_table(path, table, builder)
    });
    streamed
}

/// Feeds the rows of one file to `builder` (or reads them through); `Ok(None)` for an
/// empty file (a table not present).
fn stream_table(path: &Path, table: Table, builder: Option<&mut DatasetBuilder<'_>>) -> ReadResult {
    let rows = CsvRows::open(path, table)?;
    let headers = rows.headers().to_vec();
    let labeled = !headers.iter().all(|h| h.trim().is_empty());
    streaming::read_rows(table, headers, UntilProblem::new(rows), builder, |_| {
        labeled
    })
}

/// The table a file holds: its name is `<table>.csv` (matched like headers).
fn csv_table(path: &Path) -> Option<Table> {
    let is_csv = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    is_csv.then(|| Table::from_name(&source_name(path)))?
}

fn visible_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        if !hidden && entry.file_type()?.is_file() {
            files.push(entry.path());
        }
    }
    files.sort();
    Ok(files)
}

/// The whole table of one file; `None` for an empty file (a table not present).
fn read_table(path: &Path, table: Table) -> Result<Option<RawTable>, Box<ReadProblem>> {
    let mut rows = CsvRows::open(path, table)?;
    let headers = rows.headers().to_vec();
    let mut raw = RawTable {
        table,
        headers,
        rows: Vec::new(),
    };
    for row in &mut rows {
        raw.rows.push(row?);
    }
    let empty = raw.headers.iter().all(|h| h.trim().is_empty()) && raw.rows.is_empty();
    Ok((!empty).then_some(raw))
}

/// The rows of one CSV file of the format, read one record at a time. Blank rows are
/// skipped. The iteration ends at the first problem (the rest of the file cannot be
/// trusted then).
pub struct CsvRows {
    reader: Reader<Chain<BufReader<File>, &'static [u8]>>,
    source: String,
    table: Table,
    headers: Vec<String>,
    record: ByteRecord,
    /// Line breaks inside quoted values so far: each makes one line that is no row.
    inner_line_breaks: u64,
    finished: bool,
}

impl CsvRows {
    /// Opens `path` as the file of `table` and reads its header row.
    pub fn open(path: &Path, table: Table) -> Result<Self, Box<ReadProblem>> {
        let source = source_name(path);
        let file = File::open(path).map_err(|e| io_problem(&source, table, &e))?;
        let reader = ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .terminator(Terminator::Any(b'\n'))
            .from_reader(BufReader::new(file).chain(&b"\n"[..]));
        let mut rows = Self {
            reader,
            source,
            table,
            headers: Vec::new(),
            record: ByteRecord::new(),
            inner_line_breaks: 0,
            finished: false,
        };
        if let Some(header) = rows.next_record()? {
            rows.headers = header.cells;
        }
        Ok(rows)
    }

    /// The header row as written (empty for an empty file).
    pub fn headers(&self) -> &[String] {
        &self.headers
    }

    fn next_record(&mut self) -> Result<Option<RawRow>, Box<ReadProblem>> {
        let read = self.reader.read_byte_record(&mut self.record);
        if !read.map_err(|e| self.csv_problem(&e))? {
            return Ok(None);
        }
        let breaks = self
            .record
            .iter()
            .flatten()
            .filter(|b| **b == b'\n')
            .count();
        self.inner_line_breaks += breaks as u64;
        // The line count includes this record's own line break and those inside it.
        let end_line = self.reader.position().line();
        let number = usize::try_from(end_line.saturating_sub(self.inner_line_breaks + 1))
            .unwrap_or(usize::MAX);
        let last = self.record.len().saturating_sub(1);
        let mut cells = Vec::with_capacity(self.record.len());
        for (index, field) in self.record.iter().enumerate() {
            let field = match field.strip_suffix(b"\r") {
                Some(before_cr) if index == last => before_cr,
                _ => field,
            };
            let text =
                std::str::from_utf8(field).map_err(|_| self.not_utf8(number, index, field))?;
            cells.push(restored(text).to_string());
        }
        Ok(Some(RawRow { number, cells }))
    }

    /// The reader failed (an I/O error: with flexible records and bytes, nothing else).
    fn csv_problem(&self, error: &csv::Error) -> Box<ReadProblem> {
        let problem = ReadProblem::whole(
            self.source.as_str(),
            format!("không đọc được tệp CSV ({error})"),
            format!("the CSV file cannot be read ({error})"),
        );
        Box::new(problem.in_table(self.table, None))
    }

    fn not_utf8(&self, row: usize, index: usize, field: &[u8]) -> Box<ReadProblem> {
        let column = self.headers.get(index).cloned();
        let problem = ReadProblem::whole(
            self.source.as_str(),
            "tệp không phải văn bản UTF-8; hãy lưu lại dưới dạng \"CSV UTF-8\"",
            "the file is not UTF-8 text; save it again as \"CSV UTF-8\"",
        );
        Box::new(ReadProblem {
            column: column.or_else(|| Some(format!("#{}", index + 1))),
            value: String::from_utf8_lossy(field).into_owned(),
            ..problem.in_table(self.table, Some(row))
        })
    }
}

impl Iterator for CsvRows {
    type Item = Result<RawRow, Box<ReadProblem>>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.finished {
            match self.next_record() {
                Ok(Some(row)) if row.is_blank() => continue,
                Ok(Some(row)) => return Some(Ok(row)),
                Ok(None) => self.finished = true,
                Err(problem) => {
                    self.finished = true;
                    return Some(Err(problem));
                }
            }
        }
        None
    }
}

fn io_problem(source: &str, table: Table, error: &std::io::Error) -> Box<ReadProblem> {
    let problem = ReadProblem::whole(
        source,
        format!("không mở được tệp ({error})"),
        format!("the file cannot be opened ({error})"),
    );
    Box::new(problem.in_table(table, None))
}
