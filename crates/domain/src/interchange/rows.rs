//! Rows of text as a reader hands them over, and the matching of their headers to the
//! columns of a table.
//!
//! Readers (CSV, `.xlsx`) only turn cells into text — a date cell into `YYYY-MM-DD`, a number
//! into its digits — so that every rule about values lives here, once.

use super::problems::{Problem, Reason};
use super::tables::Table;
use crate::text::header_key;
use std::collections::HashMap;

/// One table as read from a sheet or a CSV file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawTable {
    /// Which table.
    pub table: Table,
    /// The header row (row 1), as written.
    pub headers: Vec<String>,
    /// The rows after the header, empty ones included (they are skipped here).
    pub rows: Vec<RawRow>,
}

/// One row of cells as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawRow {
    /// The 1-based sheet row; the header is row 1, so the first data row is usually 2.
    pub number: usize,
    /// The cells, left to right, as text.
    pub cells: Vec<String>,
}

impl RawRow {
    /// Whether every cell is blank: such rows are skipped.
    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(|c| c.trim().is_empty())
    }
}

/// Where each known column of a table is, after matching the headers.
#[derive(Debug, Clone)]
pub(crate) struct Layout {
    table: Table,
    positions: HashMap<&'static str, usize>,
}

impl Layout {
    /// Matches the headers of `raw` to the columns of its table; reports unknown, repeated
    /// and missing required columns, and values in columns without a header.
    pub fn match_headers(raw: &RawTable, problems: &mut Vec<Problem>) -> Self {
        let table = raw.table;
        let mut positions = HashMap::new();
        for (index, header) in raw.headers.iter().enumerate() {
            let key = header_key(header);
            if key.is_empty() {
                continue;
            }
            if let Some(column) = table.column(&key) {
                if positions.insert(column.key, index).is_some() {
                    problems.push(Problem::cell(table, 1, header, header, repeated_column()));
                }
            } else {
                problems.push(Problem::cell(
                    table,
                    1,
                    header,
                    header,
                    unknown_column(table),
                ));
            }
        }
        for column in table.columns().iter().filter(|c| c.required) {
            if !positions.contains_key(column.key) {
                problems.push(Problem::cell(table, 1, column.key, "", missing_column()));
            }
        }
        report_values_without_header(raw, problems);
        Self { table, positions }
    }

    /// The rows that hold anything, each with a reader of its cells.
    pub fn rows<'a>(&'a self, raw: &'a RawTable) -> impl Iterator<Item = Cells<'a>> {
        raw.rows
            .iter()
            .filter(|r| !r.is_blank())
            .map(move |row| Cells { layout: self, row })
    }
}

/// The cells of one row, addressed by column key.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Cells<'a> {
    layout: &'a Layout,
    row: &'a RawRow,
}

impl<'a> Cells<'a> {
    /// The table the row belongs to.
    pub fn table(&self) -> Table {
        self.layout.table
    }

    /// The sheet row number.
    pub fn number(&self) -> usize {
        self.row.number
    }

    /// The trimmed text under `key`; `None` when the table has no such column at all
    /// (already reported with the header), `Some("")` for an empty cell.
    pub fn get(&self, key: &str) -> Option<&'a str> {
        let index = *self.layout.positions.get(key)?;
        Some(self.row.cells.get(index).map_or("", |c| c.trim()))
    }

    /// The text under `key`, empty when absent.
    pub fn text(&self, key: &str) -> &'a str {
        self.get(key).unwrap_or("")
    }
}

/// Reports, once per column, the first value standing under a blank or missing header.
fn report_values_without_header(raw: &RawTable, problems: &mut Vec<Problem>) {
    let width = raw.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    for index in 0..width {
        if raw.headers.get(index).is_some_and(|h| !h.trim().is_empty()) {
            continue;
        }
        let first = raw.rows.iter().find_map(|row| {
            let cell = row.cells.get(index)?;
            (!cell.trim().is_empty()).then_some((row.number, cell))
        });
        if let Some((number, value)) = first {
            problems.push(Problem {
                column: None,
                ..Problem::cell(raw.table, number, "", value, value_without_header(index))
            });
        }
    }
}

fn unknown_column(table: Table) -> Reason {
    let keys: Vec<&str> = table.columns().iter().map(|c| c.key).collect();
    let keys = keys.join(", ");
    Reason::new(
        format!("cột không có trong bảng {table}; các cột hợp lệ: {keys}"),
        format!("not a column of table {table}; its columns are: {keys}"),
    )
}

fn repeated_column() -> Reason {
    Reason::new("cột này xuất hiện hai lần", "this column appears twice")
}

fn missing_column() -> Reason {
    Reason::new(
        "thiếu cột bắt buộc ở dòng tiêu đề",
        "a required column is missing from the header row",
    )
}

fn value_without_header(index: usize) -> Reason {
    let position = index + 1;
    Reason::new(
        format!("có giá trị ở cột thứ {position}, cột này không có tiêu đề"),
        format!("a value in column {position}, which has no header"),
    )
}
