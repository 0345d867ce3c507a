//! Checking a workbook while reading it: sheets are opened by name in table order and
//! their cells are turned into rows as they stream in (see [`crate::reading::streaming`]).

use super::{SheetRows, Workbook, sheet_has_values, unreadable_sheet};
use crate::cells::cell_text;
use crate::problem::ReadProblem;
use crate::reading::source_name;
use crate::reading::streaming::{self, Found, ReadResult, Streamed, UntilProblem};
use calamine::{Reader, XlsxCellReader, XlsxError, open_workbook};
use dangvu_domain::interchange::{DatasetBuilder, RawRow, Table};
use std::fs::File;
use std::io::BufReader;
use std::path::Path;

/// Checks every sheet of the workbook at `path` while reading it: sheets are read by name
/// in table order (organizations, then members, then what refers to them) and their rows
/// go to `builder` one at a time. Problems are those [`super::read_workbook`] finds, in
/// the same order.
pub(crate) fn stream_workbook(path: &Path, builder: &mut DatasetBuilder<'_>) -> Streamed {
    let mut streamed = Streamed::default();
    if let Err(problem) = super::bounds::check_parts(path, &source_name(path)) {
        streamed.fail(0, *problem);
        return streamed;
    }
    let mut book: Workbook = match open_workbook(path) {
        Ok(book) => book,
        Err(error) => {
            streamed.fail(
                0,
                ReadProblem::whole(
                    source_name(path),
                    format!("không mở được tệp .xlsx ({error})"),
                    format!("the .xlsx workbook cannot be opened ({error})"),
                ),
            );
            return streamed;
        }
    };
    let mut found = Vec::new();
    for (position, sheet) in book.sheet_names().into_iter().enumerate() {
        match Table::from_name(&sheet) {
            Some(table) => found.push(Found {
                position,
                table,
                source: sheet,
            }),
            None if sheet_has_values(&mut book, &sheet) => {
                streamed.problem(position, ReadProblem::unknown_table(&sheet));
            }
            None => {}
        }
    }
    streaming::feed(&found, builder, &mut streamed, |sheet, table, builder| {
        stream_sheet(&mut book, sheet, table, builder)
    });
    streamed
}

/// Feeds the rows of one sheet to `builder` (or reads them through); `Ok(None)` for a
/// sheet with no value at all (a table not present).
fn stream_sheet(
    book: &mut Workbook,
    sheet: &str,
    table: Table,
    builder: Option<&mut DatasetBuilder<'_>>,
) -> ReadResult {
    let unreadable = |error: XlsxError| Box::new(unreadable_sheet(sheet, table, &error));
    let mut stream = SheetStream::open(book, sheet, table).map_err(unreadable)?;
    stream.read_headers()?;
    let headers = stream.rows.raw.headers.clone();
    streaming::read_rows(table, headers, UntilProblem::new(stream), builder, |s| {
        s.rows.any_value
    })
}

/// The rows of a sheet as its cells stream in.
struct SheetStream<'a> {
    cells: XlsxCellReader<'a, BufReader<File>>,
    rows: SheetRows,
    is_1904: bool,
    sheet: String,
    done: bool,
}

impl<'a> SheetStream<'a> {
    fn open(book: &'a mut Workbook, sheet: &str, table: Table) -> Result<Self, XlsxError> {
        let is_1904 = book.has_1904_epoch();
        Ok(Self {
            cells: book.worksheet_cells_reader(sheet)?,
            rows: SheetRows::new(table),
            is_1904,
            sheet: sheet.to_string(),
            done: false,
        })
    }

    /// Reads cells until the header row is complete (a cell of a later row, or the end).
    fn read_headers(&mut self) -> Result<(), Box<ReadProblem>> {
        while !self.done && self.rows.current.is_none() {
            self.step()?;
        }
        Ok(())
    }

    /// Places the next cell, or notes the end of the sheet.
    fn step(&mut self) -> Result<(), Box<ReadProblem>> {
        let table = self.rows.raw.table;
        let next = self.cells.next_cell().map_err(|error| {
            self.done = true;
            Box::new(unreadable_sheet(&self.sheet, table, &error))
        })?;
        let Some(cell) = next else {
            self.done = true;
            self.rows.flush();
            return Ok(());
        };
        let (row, column) = cell.get_position();
        let (row, column) = (row as usize, column as usize);
        let date_column = row > 0 && self.rows.is_date_column(column);
        let text = cell_text(cell.get_value(), date_column, self.is_1904);
        self.rows.put(row, column, text);
        Ok(())
    }
}

impl Iterator for SheetStream<'_> {
    type Item = Result<RawRow, Box<ReadProblem>>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            // A row is complete when the first cell of the next one arrives.
            if let Some(row) = self.rows.raw.rows.pop() {
                return Some(Ok(row));
            }
            if self.done {
                return None;
            }
            if let Err(problem) = self.step() {
                return Some(Err(problem));
            }
        }
    }
}
