//! Reading an `.xlsx` workbook: one sheet per table, sheet name = table name.
//!
//! Cells are streamed sheet by sheet (calamine's cell reader), so a sheet is never held
//! as a grid besides its rows of text. Row and column positions are the sheet's own: the
//! header is row 1 wherever the first value stands, so a table that starts lower or further
//! right is reported (values without a header) instead of being shifted silently.

mod bounds;
mod stream;

pub(crate) use stream::stream_workbook;

use crate::cells::{cell_text, is_date_header};
use crate::problem::ReadProblem;
use crate::reading::{Reading, source_name};
use calamine::{Reader, Xlsx, XlsxError, open_workbook};
use dangvu_domain::interchange::{RawRow, RawTable, Table};
use std::fs::File;
use std::io::BufReader;
use std::path::Path;

type Workbook = Xlsx<BufReader<File>>;

/// Reads every sheet of the workbook at `path`.
pub(crate) fn read_workbook(path: &Path) -> Reading {
    let mut reading = Reading::default();
    let file = source_name(path);
    if let Err(problem) = bounds::check_parts(path, &file) {
        reading.fail(*problem);
        return reading;
    }
    let mut book: Workbook = match open_workbook(path) {
        Ok(book) => book,
        Err(error) => {
            reading.fail(ReadProblem::whole(
                file,
                format!("không mở được tệp .xlsx ({error})"),
                format!("the .xlsx workbook cannot be opened ({error})"),
            ));
            return reading;
        }
    };
    for sheet in book.sheet_names() {
        let Some(table) = Table::from_name(&sheet) else {
            if sheet_has_values(&mut book, &sheet) {
                reading.problems.push(ReadProblem::unknown_table(&sheet));
            }
            continue;
        };
        match read_sheet(&mut book, &sheet, table) {
            Ok(None) => {}
            Ok(Some(raw)) => reading.tables.push(raw),
            Err(error) => reading.fail(unreadable_sheet(&sheet, table, &error)),
        }
    }
    reading
}

/// The table of a sheet; `None` for a sheet with no value at all (a table not present).
fn read_sheet(
    book: &mut Workbook,
    sheet: &str,
    table: Table,
) -> Result<Option<RawTable>, XlsxError> {
    let is_1904 = book.has_1904_epoch();
    let mut cells = book.worksheet_cells_reader(sheet)?;
    let mut sheet_rows = SheetRows::new(table);
    while let Some(cell) = cells.next_cell()? {
        let (row, column) = cell.get_position();
        let (row, column) = (row as usize, column as usize);
        let date_column = row > 0 && sheet_rows.is_date_column(column);
        sheet_rows.put(
            row,
            column,
            cell_text(cell.get_value(), date_column, is_1904),
        );
    }
    Ok(sheet_rows.finish())
}

fn sheet_has_values(book: &mut Workbook, sheet: &str) -> bool {
    let Ok(mut cells) = book.worksheet_cells_reader(sheet) else {
        return true;
    };
    while let Ok(Some(cell)) = cells.next_cell() {
        if !cell_text(cell.get_value(), false, false).trim().is_empty() {
            return true;
        }
    }
    false
}

/// Cells arriving in sheet order (row by row, left to right), gathered into a table.
struct SheetRows {
    raw: RawTable,
    date_columns: Vec<bool>,
    current: Option<RawRow>,
    any_value: bool,
}

impl SheetRows {
    fn new(table: Table) -> Self {
        Self {
            raw: RawTable {
                table,
                headers: Vec::new(),
                rows: Vec::new(),
            },
            date_columns: Vec::new(),
            current: None,
            any_value: false,
        }
    }

    fn is_date_column(&self, column: usize) -> bool {
        self.date_columns.get(column).copied().unwrap_or(false)
    }

    /// Places the text of the cell at 0-based (`row`, `column`).
    fn put(&mut self, row: usize, column: usize, text: String) {
        if text.is_empty() {
            return;
        }
        self.any_value = true;
        if row == 0 {
            place(&mut self.raw.headers, column, text);
            self.date_columns = self.raw.headers.iter().map(|h| is_date_header(h)).collect();
            return;
        }
        let number = row + 1;
        if self.current.as_ref().is_some_and(|r| r.number != number) {
            self.flush();
        }
        let current = self.current.get_or_insert_with(|| RawRow {
            number,
            cells: Vec::new(),
        });
        place(&mut current.cells, column, text);
    }

    fn flush(&mut self) {
        if let Some(row) = self.current.take().filter(|r| !r.is_blank()) {
            self.raw.rows.push(row);
        }
    }

    fn finish(mut self) -> Option<RawTable> {
        self.flush();
        self.any_value.then_some(self.raw)
    }
}

/// Sets `cells[column]`, filling the columns before it with empty text.
fn place(cells: &mut Vec<String>, column: usize, text: String) {
    if cells.len() <= column {
        cells.resize(column + 1, String::new());
    }
    cells[column] = text;
}

fn unreadable_sheet(sheet: &str, table: Table, error: &XlsxError) -> ReadProblem {
    ReadProblem::whole(
        sheet,
        format!("không đọc được trang tính ({error})"),
        format!("the sheet cannot be read ({error})"),
    )
    .in_table(table, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_placed_at_their_sheet_positions() {
        let mut rows = SheetRows::new(Table::DanhGiaToChuc);
        rows.put(0, 0, "nam".into());
        rows.put(0, 1, "Ngày".into());
        rows.put(2, 1, "x".into());
        rows.put(2, 3, "y".into());
        rows.put(3, 0, String::new());
        rows.put(4, 0, "2020".into());
        assert!(rows.is_date_column(1) && !rows.is_date_column(0) && !rows.is_date_column(9));
        let raw = rows.finish().unwrap();
        assert_eq!(raw.headers, vec!["nam", "Ngày"]);
        let numbers: Vec<usize> = raw.rows.iter().map(|r| r.number).collect();
        assert_eq!(numbers, vec![3, 5]);
        assert_eq!(raw.rows[0].cells, vec!["", "x", "", "y"]);
    }

    #[test]
    fn a_sheet_without_values_is_not_a_table() {
        let mut rows = SheetRows::new(Table::ToChuc);
        rows.put(0, 0, String::new());
        assert_eq!(rows.finish(), None);
    }
}
