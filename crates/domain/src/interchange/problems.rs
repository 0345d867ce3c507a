//! What is wrong with an import, in the form the format's import report takes: table, row
//! number, column, value, and the reason in Vietnamese and English.

use super::tables::Table;
use crate::text::nfc_trim;
use serde::Serialize;

/// One reason a file cannot be imported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// The table (sheet or file) it is in.
    pub table: Table,
    /// The 1-based sheet row (the header is row 1); `None` when it is about the whole table.
    pub row: Option<usize>,
    /// The column key (or, for an unknown column, the header as written).
    pub column: Option<String>,
    /// The value as given (NFC, trimmed); empty when the value is missing.
    pub value: String,
    /// Why, in Vietnamese.
    pub reason_vi: String,
    /// Why, in English.
    pub reason_en: String,
}

impl Problem {
    /// A problem with a cell of a row.
    pub(crate) fn cell(
        table: Table,
        row: usize,
        column: &str,
        value: &str,
        reason: Reason,
    ) -> Self {
        Self {
            table,
            row: Some(row),
            column: Some(nfc_trim(column)),
            value: nfc_trim(value),
            reason_vi: reason.vi,
            reason_en: reason.en,
        }
    }

    /// A problem with a whole table.
    pub(crate) fn whole_table(table: Table, reason: Reason) -> Self {
        Self {
            table,
            row: None,
            column: None,
            value: String::new(),
            reason_vi: reason.vi,
            reason_en: reason.en,
        }
    }
}

/// Problems kept and shown of a refused file; the rest are counted
/// ([`Problem::more`]). A person fixes a file from its first problems, and the same kind
/// of slip usually repeats down a column.
pub const MAX_PROBLEMS: usize = 1_000;

impl Problem {
    /// The last line of a report whose problems were cut at `kept`: how many more there
    /// are (placed in the table of the last problem kept).
    pub(crate) fn more(table: Table, dropped: usize, kept: usize) -> Self {
        let total = dropped + kept;
        Problem::whole_table(
            table,
            Reason::new(
                format!(
                    "còn {dropped} lỗi khác không được liệt kê (tổng cộng ít nhất {total} lỗi; chỉ hiện {kept} lỗi \
             đầu tiên). Hãy sửa các lỗi trên rồi nhập lại"
                ),
                format!(
                    "{dropped} more problems are not listed (at least {total} in all; only the first {kept} are \
             shown). Fix the ones above and import again"
                ),
            ),
        )
    }
}

/// `problems` cut to the first [`MAX_PROBLEMS`], with the line that counts the rest: for
/// lists made whole before they are shown (the checks against stored records).
pub fn capped(mut problems: Vec<Problem>) -> Vec<Problem> {
    let Some(dropped) = problems.len().checked_sub(MAX_PROBLEMS).filter(|d| *d > 0) else {
        return problems;
    };
    problems.truncate(MAX_PROBLEMS);
    if let Some(table) = problems.last().map(|p| p.table) {
        problems.push(Problem::more(table, dropped, MAX_PROBLEMS));
    }
    problems
}

impl std::fmt::Display for Problem {
    /// `dang_vien, row 7, so_cccd = "123": …` (English; the Vietnamese reason is a field).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.table)?;
        if let Some(row) = self.row {
            write!(f, ", row {row}")?;
        }
        if let Some(column) = &self.column {
            write!(f, ", {column} = {:?}", self.value)?;
        }
        write!(f, ": {}", self.reason_en)
    }
}

/// A reason in both languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Reason {
    /// Vietnamese, with diacritics.
    pub vi: String,
    /// English.
    pub en: String,
}

impl Reason {
    /// A reason from its two wordings.
    pub fn new(vi: impl Into<String>, en: impl Into<String>) -> Self {
        Self {
            vi: vi.into(),
            en: en.into(),
        }
    }

    /// A required value is empty.
    pub fn required() -> Self {
        Self::new("thiếu giá trị bắt buộc", "a value is required")
    }

    /// A code names nothing in the file nor among existing records.
    pub fn unknown_org() -> Self {
        Self::new(
            "không có tổ chức mang mã này (trong tệp hay trong dữ liệu hiện có)",
            "no organization has this code (in the file or among existing records)",
        )
    }

    /// A member code names nothing in the file nor among existing records.
    pub fn unknown_member() -> Self {
        Self::new(
            "không có đảng viên mang mã này (trong tệp hay trong dữ liệu hiện có)",
            "no member has this code (in the file or among existing records)",
        )
    }

    /// A code or key already used by an earlier row.
    pub fn duplicate(first_row: usize) -> Self {
        Self::new(
            format!("trùng với dòng {first_row}"),
            format!("duplicates row {first_row}"),
        )
    }
}

/// Reports every row whose key an earlier row already has: `keyed` yields each row's key,
/// row number and the value to show (the code).
pub(crate) fn report_duplicates<K: std::hash::Hash + Eq>(
    table: Table,
    column: &str,
    keyed: impl IntoIterator<Item = (K, usize, String)>,
    problems: &mut Vec<Problem>,
) {
    let mut first_rows = std::collections::HashMap::new();
    for (key, row, value) in keyed {
        match first_rows.get(&key) {
            Some(first) => problems.push(Problem::cell(
                table,
                row,
                column,
                &value,
                Reason::duplicate(*first),
            )),
            None => {
                first_rows.insert(key, row);
            }
        }
    }
}
