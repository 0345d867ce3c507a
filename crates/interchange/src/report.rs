//! The problem report of an import, as a file people open next to the file they imported:
//! `.xlsx` (one sheet) or `.csv`, one row per problem, headed in Vietnamese and English.

use crate::formula::neutralized;
use crate::{ReadProblem, WriteError};
use rust_xlsxwriter::{Format, Workbook};
use std::path::Path;

/// The header row: source, table, row, column, value, reason (vi), reason (en).
const HEADERS: [&str; 7] = [
    "Tệp / Source",
    "Bảng / Table",
    "Dòng / Row",
    "Cột / Column",
    "Giá trị / Value",
    "Lý do",
    "Reason",
];

/// Writes `problems` to `path`, as a workbook when it ends in `.xlsx` and as UTF-8 CSV
/// (with a byte order mark, so that Excel shows the Vietnamese text) otherwise.
pub fn write_problem_report(problems: &[ReadProblem], path: &Path) -> Result<(), WriteError> {
    let is_xlsx = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
    if is_xlsx {
        write_xlsx_report(problems, path)
    } else {
        write_csv_report(problems, path)
    }
}

fn cells(problem: &ReadProblem) -> [String; 7] {
    [
        problem.source.clone(),
        problem
            .table
            .map(|t| t.name().to_string())
            .unwrap_or_default(),
        problem.row.map(|r| r.to_string()).unwrap_or_default(),
        problem.column.clone().unwrap_or_default(),
        problem.value.clone(),
        problem.reason_vi.clone(),
        problem.reason_en.clone(),
    ]
}

fn write_csv_report(problems: &[ReadProblem], path: &Path) -> Result<(), WriteError> {
    let mut file = std::fs::File::create(path)?;
    std::io::Write::write_all(&mut file, b"\xEF\xBB\xBF")?;
    let mut writer = csv::Writer::from_writer(file);
    writer.write_record(HEADERS)?;
    for problem in problems {
        // The value column repeats what the file held: a formula must stay text here too.
        let row = cells(problem).map(|cell| neutralized(&cell).into_owned());
        writer.write_record(row)?;
    }
    writer.flush()?;
    Ok(())
}

fn write_xlsx_report(problems: &[ReadProblem], path: &Path) -> Result<(), WriteError> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("loi_nhap")?;
    let bold = Format::new().set_bold();
    let text = Format::new().set_num_format("@");
    for (index, header) in (0u16..).zip(HEADERS) {
        sheet.write_string_with_format(0, index, header, &bold)?;
        let width = if index >= 5 { 60.0 } else { 16.0 };
        sheet.set_column_width(index, width)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    for (row, problem) in (1u32..).zip(problems) {
        for (index, value) in (0u16..).zip(cells(problem)) {
            match problem.row.filter(|_| index == 2) {
                Some(number) => sheet.write_number(row, index, number as f64)?,
                None => sheet.write_string_with_format(row, index, &value, &text)?,
            };
        }
    }
    book.save(path)?;
    Ok(())
}
