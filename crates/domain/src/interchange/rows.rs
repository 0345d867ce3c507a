//! Rows of text as a reader hands them over, and the matching of their headers to the
//! columns of a table.
//!
//! Readers (CSV, `.xlsx`) only turn cells into text — a date cell into `YYYY-MM-DD`, a number
//! into its digits — so that every rule about values lives here, once. Rows are handed over
//! one at a time (see [`super::DatasetBuilder`]), so nothing here needs a whole table.

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
    /// Matches the `headers` of a `table` to its columns; reports unknown, repeated and
    /// missing required columns. Values in columns without a header are reported by
    /// [`Unlabeled`], which sees the rows as they come.
    pub fn match_headers(table: Table, headers: &[String], problems: &mut Vec<Problem>) -> Self {
        let mut positions = HashMap::new();
        for (index, header) in headers.iter().enumerate() {
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
        Self { table, positions }
    }

    /// The cells of `row`, addressed by column key.
    pub fn cells<'a>(&'a self, row: &'a RawRow) -> Cells<'a> {
        Cells { layout: self, row }
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

/// The first value standing under a blank or missing header, per column, found while the
/// rows stream past: each such column is reported once, at its first value.
#[derive(Debug)]
pub(crate) struct Unlabeled {
    /// Whether each column has a header (columns beyond the list have none).
    labeled: Vec<bool>,
    /// The first value of each unlabeled column: column index → (row, value).
    first: std::collections::BTreeMap<usize, (usize, String)>,
}

impl Unlabeled {
    /// A tracker for a table with these `headers`.
    pub fn new(headers: &[String]) -> Self {
        Self {
            labeled: headers.iter().map(|h| !h.trim().is_empty()).collect(),
            first: std::collections::BTreeMap::new(),
        }
    }

    /// Notes the values of `row` that stand under no header.
    pub fn see(&mut self, row: &RawRow) {
        for (index, cell) in row.cells.iter().enumerate() {
            let labeled = self.labeled.get(index).copied().unwrap_or(false);
            if labeled || cell.trim().is_empty() || self.first.contains_key(&index) {
                continue;
            }
            self.first.insert(index, (row.number, cell.clone()));
        }
    }

    /// One problem per unlabeled column with a value, in column order.
    pub fn problems(self, table: Table) -> Vec<Problem> {
        self.first
            .into_iter()
            .map(|(index, (number, value))| Problem {
                column: None,
                ..Problem::cell(table, number, "", &value, value_without_header(index))
            })
            .collect()
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
