//! What can be wrong when reading a file, in the shape of the import report.
//!
//! The domain's [`Problem`] is always about a table of the format. Reading a file can also
//! go wrong outside any table: a sheet or CSV file whose name is no table, a workbook that
//! cannot be opened. [`ReadProblem`] carries both, so the person importing sees one list:
//! the source (file or sheet as named), table, row, column, value and the reason in
//! Vietnamese and English.

use dangvu_domain::interchange::{Problem, Table};
use serde::Serialize;

/// One reason a file cannot be imported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReadProblem {
    /// The file or sheet as named (`dang_vien.csv`, `Sheet1`, `danh_sach.xlsx`).
    pub source: String,
    /// The table, when the source is one.
    pub table: Option<Table>,
    /// The 1-based row (the header is row 1); `None` when about the whole source.
    pub row: Option<usize>,
    /// The column key, or the header as written.
    pub column: Option<String>,
    /// The value as given; empty when not about a value.
    pub value: String,
    /// Why, in Vietnamese.
    pub reason_vi: String,
    /// Why, in English.
    pub reason_en: String,
}

impl ReadProblem {
    /// A problem with a whole file or sheet.
    pub fn whole(source: impl Into<String>, vi: impl Into<String>, en: impl Into<String>) -> Self {
        Self {
            source: source.into(),
            table: None,
            row: None,
            column: None,
            value: String::new(),
            reason_vi: vi.into(),
            reason_en: en.into(),
        }
    }

    /// A sheet or file whose name is no table of the format.
    pub fn unknown_table(source: &str) -> Self {
        let names: Vec<&str> = Table::every().map(|t| t.name()).collect();
        Self::whole(
            source,
            format!(
                "tên không phải bảng của định dạng trao đổi; dùng {}",
                names.join(", ")
            ),
            format!(
                "the name is no table of the format; use {}",
                names.join(", ")
            ),
        )
    }

    /// The same problem, placed in `table` (and its row).
    pub fn in_table(mut self, table: Table, row: Option<usize>) -> Self {
        self.table = Some(table);
        self.row = row;
        self
    }

    /// A value of the file that a stored record already has (storage refused it as a
    /// conflict on `field`, its column or `citizen_id`): the import writes nothing. Storage
    /// only finds this while writing, so every caller (command line, pages, API) turns the
    /// refusal into the same line of the report.
    pub fn conflict(field: &str) -> Self {
        let column = match field {
            "citizen_id" => "so_cccd",
            other => other,
        };
        Self {
            column: Some(column.to_string()),
            ..Self::whole(
                Table::DangVien.name(),
                format!("giá trị của cột {column} đã thuộc về một đảng viên khác đang lưu"),
                format!("a value of column {column} already belongs to another stored member"),
            )
            .in_table(Table::DangVien, None)
        }
    }

    /// A problem of the rules, found after reading; its source is the table name.
    pub fn from_domain(problem: Problem) -> Self {
        Self {
            source: problem.table.name().to_string(),
            table: Some(problem.table),
            row: problem.row,
            column: problem.column,
            value: problem.value,
            reason_vi: problem.reason_vi,
            reason_en: problem.reason_en,
        }
    }
}

impl From<Problem> for ReadProblem {
    fn from(problem: Problem) -> Self {
        Self::from_domain(problem)
    }
}

impl std::fmt::Display for ReadProblem {
    /// `Sheet1: …` or `dang_vien.csv, row 7, so_cccd = "123": …` (English).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.source)?;
        if let Some(row) = self.row {
            write!(f, ", row {row}")?;
        }
        if let Some(column) = &self.column {
            write!(f, ", {column} = {:?}", self.value)?;
        }
        write!(f, ": {}", self.reason_en)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_sheet_names_itself_and_the_tables() {
        let problem = ReadProblem::unknown_table("Sheet1");
        let shown = problem.to_string();
        assert!(shown.starts_with("Sheet1: "), "{shown}");
        assert!(shown.contains("dang_vien") && problem.reason_vi.contains("to_chuc"));
        assert_eq!(problem.table, None);
    }

    #[test]
    fn a_conflict_on_the_citizen_id_names_the_file_column() {
        let problem = ReadProblem::conflict("citizen_id");
        assert_eq!(problem.column.as_deref(), Some("so_cccd"));
        assert_eq!(problem.table, Some(Table::DangVien));
        assert!(problem.reason_vi.contains("so_cccd") && problem.reason_en.contains("so_cccd"));
    }
}
