//! Writing a dataset as an `.xlsx` workbook of interchange v1, and the blank template.
//!
//! Every column but `nam` and `diem` is formatted as text (`@`), its cells included: codes
//! and citizen IDs keep their leading zeros, and a date typed later into the sheet stays
//! the text the person typed (`15/03/2020`) instead of being turned into a date by the
//! rules of whatever locale Excel runs in.

use crate::WriteError;
use crate::export::{Value, for_each_row};
use crate::labels::column_label;
use dangvu_domain::dataset::Dataset;
use dangvu_domain::interchange::{Column, Table};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet};
use std::path::Path;

/// The header row of a written workbook.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Headers {
    /// Column keys (`ho_ten`): exports, read by programs as well as people.
    Keys,
    /// Vietnamese labels (`Họ tên`): the blank template, filled in by people.
    Labels,
}

/// Writes `ds` to `path` as an interchange v1 workbook: one sheet per table (the v1 tables,
/// then the history extensions when they have rows), column keys as headers, dates
/// `YYYY-MM-DD`, codes and IDs as text cells.
pub fn write_xlsx(ds: &Dataset, path: &Path) -> Result<(), WriteError> {
    let mut book = workbook(ds, Headers::Keys)?;
    book.save(path)?;
    Ok(())
}

/// Writes the blank template: one sheet per v1 table, a header row of Vietnamese labels
/// that match the column keys, and the text format on every code, ID and date column.
/// The result is the same on every run (its creation date is fixed), so the committed
/// `templates/interchange-v1.xlsx` is what this writes.
pub fn write_template(path: &Path) -> Result<(), WriteError> {
    let mut book = workbook(&Dataset::default(), Headers::Labels)?;
    let created = ExcelDateTime::from_ymd(2025, 1, 1)?;
    book.set_properties(
        &DocProperties::new()
            .set_title("Mẫu nhập liệu Đảng vụ — định dạng trao đổi v1")
            .set_creation_datetime(&created),
    );
    book.save(path)?;
    Ok(())
}

fn workbook(ds: &Dataset, headers: Headers) -> Result<Workbook, WriteError> {
    let mut book = Workbook::new();
    let extensions = Table::EXTENSIONS
        .into_iter()
        .chain(Table::V2)
        .filter(|t| headers == Headers::Keys && has_rows(ds, *t));
    for table in Table::ALL.into_iter().chain(extensions) {
        let sheet = book.add_worksheet();
        sheet.set_name(table.name())?;
        write_sheet(sheet, ds, table, headers)?;
    }
    Ok(book)
}

fn write_sheet(
    sheet: &mut Worksheet,
    ds: &Dataset,
    table: Table,
    headers: Headers,
) -> Result<(), WriteError> {
    let text = Format::new().set_num_format("@");
    let bold = Format::new().set_bold();
    for (index, column) in (0u16..).zip(table.columns()) {
        let header = match headers {
            Headers::Keys => column.key,
            Headers::Labels => column_label(column.key),
        };
        sheet.write_string_with_format(0, index, header, &bold)?;
        sheet.set_column_width(index, column_width(column))?;
        if !is_number_column(column) {
            sheet.set_column_format(index, &text)?;
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    let mut row_index = 0u32;
    for_each_row(ds, table, |row| {
        row_index += 1;
        for (index, value) in (0u16..).zip(row) {
            match value {
                Value::Text(value) => {
                    sheet.write_string_with_format(row_index, index, value, &text)?;
                }
                Value::Whole(number) => {
                    sheet.write_number(row_index, index, *number as f64)?;
                }
                Value::Empty => {}
            }
        }
        Ok::<(), WriteError>(())
    })
}

/// Whether `table` has at least one row to write.
fn has_rows(ds: &Dataset, table: Table) -> bool {
    for_each_row(ds, table, |_| Err(())).is_err()
}

/// `nam` and `diem` hold numbers; every other column holds text, dates included.
fn is_number_column(column: &Column) -> bool {
    matches!(column.key, "nam" | "diem")
}

fn column_width(column: &Column) -> f64 {
    match column.key {
        "ten" | "ho_ten" | "que_quan" => 32.0,
        "nam" | "diem" | "gioi_tinh" => 10.0,
        _ => 16.0,
    }
}
