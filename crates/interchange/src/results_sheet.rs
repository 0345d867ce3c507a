//! A year's rating results as the workbook a committee sends upward (issue 13): title rows,
//! then one row per organization directly under the committee with its own level, the
//! number of its members rated and their count at each level, then a totals row.
//!
//! Years of the old scheme (until 2017) head the level columns and write the organizations'
//! levels with that scheme's labels, as the documents of those years did. Counts are
//! numbers, so that Excel sums them.

use crate::WriteError;
use dangvu_domain::Rating;
use dangvu_domain::enums::Enumeration;
use dangvu_domain::ratings::statistics::sheet::ResultsSheet;
use dangvu_domain::ratings::statistics::{Rated, count_of, level_label};
use dangvu_domain::summary::term::LevelCounts;
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, Worksheet};

/// The name of the sheet.
pub const RESULTS_SHEET: &str = "Kết quả xếp loại";

/// The columns before the levels.
const LEADING: [&str; 4] = [
    "STT",
    "Tổ chức đảng",
    "Xếp loại tổ chức",
    "Đảng viên được xếp loại",
];

/// The workbook's bytes.
pub fn results_workbook(sheet: &ResultsSheet) -> Result<Vec<u8>, WriteError> {
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name(RESULTS_SHEET)?;
    ws.set_column_width(0, 6.0)?;
    ws.set_column_width(1, 36.0)?;
    for column in 2..8 {
        ws.set_column_width(column, 18.0)?;
    }
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_border(FormatBorder::Thin);
    let cell = Format::new().set_border(FormatBorder::Thin);
    let count = cell.clone().set_num_format("#,##0");
    let bold = cell.clone().set_bold();
    let title = format!(
        "KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG TỔ CHỨC ĐẢNG VÀ ĐẢNG VIÊN NĂM {}",
        sheet.year
    );
    ws.write_string_with_format(0, 0, &title, &Format::new().set_bold().set_font_size(14))?;
    let org = format!("Đơn vị: {} (mã {})", sheet.name, sheet.code);
    ws.write_string_with_format(1, 0, &org, &Format::new().set_bold())?;
    let note = "Mỗi dòng: một tổ chức trực thuộc ngày 31/12; đảng viên tính theo nơi sinh hoạt ngày 31/12.";
    ws.write_string(2, 0, note)?;
    for (column, label) in (0u16..).zip(LEADING) {
        ws.write_string_with_format(4, column, label, &header)?;
    }
    for (column, level) in (4u16..).zip(Rating::ALL) {
        let label = level_label(sheet.year, *level, Rated::Member);
        ws.write_string_with_format(4, column, label, &header)?;
    }
    let mut row = 5;
    for (n, r) in (1u32..).zip(&sheet.rows) {
        ws.write_number_with_format(row, 0, f64::from(n), &cell)?;
        ws.write_string_with_format(row, 1, format!("{} ({})", r.name, r.code), &cell)?;
        let rating = r.rating.map(|l| level_label(sheet.year, l, Rated::Org));
        ws.write_string_with_format(row, 2, rating.unwrap_or(""), &cell)?;
        levels(ws, row, &r.members, &count)?;
        row += 1;
    }
    ws.write_string_with_format(row, 0, "", &bold)?;
    ws.write_string_with_format(row, 1, "Tổng cộng", &bold)?;
    let rated_orgs = format!("{} tổ chức được xếp loại", sheet.org_totals().total());
    ws.write_string_with_format(row, 2, &rated_orgs, &bold)?;
    levels(ws, row, &sheet.member_totals(), &count.set_bold())?;
    ws.set_landscape();
    ws.set_paper_size(9); // A4
    ws.set_print_fit_to_pages(1, 0);
    Ok(book.save_to_buffer()?)
}

/// The members rated and their count at each level, from column 3.
fn levels(ws: &mut Worksheet, row: u32, c: &LevelCounts, f: &Format) -> Result<(), WriteError> {
    ws.write_number_with_format(row, 3, c.total() as f64, f)?;
    for (column, level) in (4u16..).zip(Rating::ALL) {
        ws.write_number_with_format(row, column, count_of(c, *level) as f64, f)?;
    }
    Ok(())
}
