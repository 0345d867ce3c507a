//! The summary report (`docs/summary-report.md`) as a workbook people take to a meeting or
//! paste into a document: one sheet headed by the organization, the period and the day of
//! the figures, then the figures, the ratings per year and the admissions per year.
//!
//! Counts are numbers and percentages are fractions formatted as percentages, so that Excel
//! sums and charts them; labels are Vietnamese, the language of the documents they go into.

use crate::WriteError;
use dangvu_domain::Date;
use dangvu_domain::summary::{RatingYear, SummaryReport};
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, Worksheet};

/// The name of the sheet.
pub const SUMMARY_SHEET: &str = "Báo cáo tổng hợp";

/// What the workbook shows: the report, the organization it is about and the admissions
/// of each year of the period.
#[derive(Debug, Clone, Copy)]
pub struct SummaryBook<'a> {
    /// The organization's name (its code is in the report).
    pub org_name: &'a str,
    /// The figures.
    pub report: &'a SummaryReport,
    /// Members admitted in each year of the period (they add up to `report.admitted`).
    pub admissions: &'a [(i32, u64)],
}

/// The labels of the stock figures and the admissions, in the order of the document.
const FIGURES: [&str; 6] = [
    "Tổ chức cơ sở đảng",
    "Chi bộ trực thuộc đảng ủy cơ sở",
    "Đảng viên",
    "Đảng viên dự bị",
    "Đảng viên miễn sinh hoạt",
    "Kết nạp trong kỳ",
];

/// The headings of the ratings table.
const RATINGS: [&str; 7] = [
    "Năm",
    "TCCS đảng được xếp loại",
    "Hoàn thành tốt nhiệm vụ trở lên",
    "Tỷ lệ",
    "Đảng viên được xếp loại",
    "Hoàn thành nhiệm vụ trở lên",
    "Tỷ lệ",
];

/// Cell formats of the sheet.
struct Formats {
    title: Format,
    bold: Format,
    header: Format,
    count: Format,
    percent: Format,
    year: Format,
}

impl Formats {
    fn new() -> Self {
        let header = Format::new()
            .set_bold()
            .set_text_wrap()
            .set_align(FormatAlign::Center)
            .set_border(FormatBorder::Thin);
        let bordered = Format::new().set_border(FormatBorder::Thin);
        Self {
            title: Format::new().set_bold().set_font_size(14),
            bold: Format::new().set_bold(),
            header,
            count: bordered.clone().set_num_format("#,##0"),
            percent: bordered.clone().set_num_format("0.0%"),
            year: bordered.set_align(FormatAlign::Center),
        }
    }
}

/// The workbook's bytes.
pub fn summary_workbook(book: &SummaryBook<'_>) -> Result<Vec<u8>, WriteError> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name(SUMMARY_SHEET)?;
    sheet.set_column_width(0, 34.0)?;
    for column in 1..7 {
        sheet.set_column_width(column, 16.0)?;
    }
    let f = Formats::new();
    let row = heading(sheet, &f, book)?;
    let row = figures(sheet, &f, book.report, row + 1)?;
    let row = ratings(sheet, &f, &book.report.ratings, row + 1)?;
    admissions(sheet, &f, book.admissions, row + 1)?;
    sheet.set_landscape();
    sheet.set_paper_size(9); // A4
    sheet.set_print_fit_to_pages(1, 0);
    Ok(workbook.save_to_buffer()?)
}

/// A percentage with one decimal as the fraction Excel formats (85.7 → 0.857, the double
/// nearest to it rather than 85.7 / 100's neighbour).
fn fraction(pct: f64) -> f64 {
    (pct * 10.0).round() / 1000.0
}

/// `dd/mm/yyyy`, as Vietnamese documents write dates.
fn vi_date(day: Date) -> String {
    day.format("%d/%m/%Y").to_string()
}

/// The title, the organization, the period and the day of the figures; the next free row.
fn heading(sheet: &mut Worksheet, f: &Formats, book: &SummaryBook<'_>) -> Result<u32, WriteError> {
    let r = book.report;
    sheet.write_string_with_format(0, 0, "BÁO CÁO TỔNG HỢP", &f.title)?;
    let org = format!("Tổ chức: {} (mã {})", book.org_name, r.org);
    sheet.write_string_with_format(1, 0, &org, &f.bold)?;
    let period = format!(
        "Kỳ báo cáo: từ ngày {} đến ngày {}",
        vi_date(r.from),
        vi_date(r.to)
    );
    sheet.write_string(2, 0, &period)?;
    let as_of = format!(
        "Số liệu tổ chức và đảng viên tính đến ngày {}",
        vi_date(r.as_of)
    );
    sheet.write_string(3, 0, &as_of)?;
    Ok(4)
}

/// The stock figures and the admissions of the period, one per row; the next free row.
fn figures(
    sheet: &mut Worksheet,
    f: &Formats,
    r: &SummaryReport,
    start: u32,
) -> Result<u32, WriteError> {
    sheet.write_string_with_format(start, 0, "Chỉ tiêu", &f.header)?;
    sheet.write_string_with_format(start, 1, "Số lượng", &f.header)?;
    let values = [
        r.grassroots_orgs,
        r.cells_under_grassroots,
        r.members,
        r.members_probationary,
        r.members_exempted,
        r.admitted,
    ];
    let mut row = start + 1;
    for (label, value) in FIGURES.iter().zip(values) {
        sheet.write_string_with_format(row, 0, *label, &f.year)?;
        sheet.write_number_with_format(row, 1, value as f64, &f.count)?;
        row += 1;
    }
    Ok(row)
}

/// The ratings per year (a percentage left blank when nothing was rated); the next free row.
fn ratings(
    sheet: &mut Worksheet,
    f: &Formats,
    years: &[RatingYear],
    start: u32,
) -> Result<u32, WriteError> {
    sheet.write_string_with_format(start, 0, "Kết quả xếp loại chất lượng theo năm", &f.bold)?;
    if years.is_empty() {
        let none = "Không có kết quả xếp loại trong khoảng thời gian này.";
        sheet.write_string(start + 1, 0, none)?;
        return Ok(start + 2);
    }
    for (column, label) in (0u16..).zip(RATINGS) {
        sheet.write_string_with_format(start + 1, column, label, &f.header)?;
    }
    let mut row = start + 2;
    for y in years {
        sheet.write_number_with_format(row, 0, f64::from(y.year), &f.year)?;
        let counts = [
            (1, y.orgs_rated),
            (2, y.orgs_good_or_better),
            (4, y.members_rated),
            (5, y.members_completed_or_better),
        ];
        for (column, value) in counts {
            sheet.write_number_with_format(row, column, value as f64, &f.count)?;
        }
        for (column, pct) in [
            (3, y.orgs_good_or_better_pct),
            (6, y.members_completed_or_better_pct),
        ] {
            match pct {
                Some(pct) => {
                    sheet.write_number_with_format(row, column, fraction(pct), &f.percent)?
                }
                None => sheet.write_blank(row, column, &f.percent)?,
            };
        }
        row += 1;
    }
    Ok(row)
}

/// The admissions of each year, then their total (the report's `admitted`).
fn admissions(
    sheet: &mut Worksheet,
    f: &Formats,
    years: &[(i32, u64)],
    start: u32,
) -> Result<(), WriteError> {
    sheet.write_string_with_format(start, 0, "Kết nạp đảng viên theo năm", &f.bold)?;
    sheet.write_string_with_format(start + 1, 0, "Năm", &f.header)?;
    sheet.write_string_with_format(start + 1, 1, "Số đảng viên kết nạp", &f.header)?;
    let mut row = start + 2;
    for (year, admitted) in years {
        sheet.write_number_with_format(row, 0, f64::from(*year), &f.year)?;
        sheet.write_number_with_format(row, 1, *admitted as f64, &f.count)?;
        row += 1;
    }
    let total: u64 = years.iter().map(|(_, n)| n).sum();
    sheet.write_string_with_format(row, 0, "Cộng", &f.header)?;
    sheet.write_number_with_format(row, 1, total as f64, &f.count)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{Data, Reader, Xlsx};

    fn day(s: &str) -> Date {
        dangvu_domain::dates::parse_date("d", s).unwrap()
    }

    fn report() -> SummaryReport {
        let org = dangvu_domain::OrgCode::parse("VX").unwrap();
        let params = dangvu_domain::summary::SummaryParams::new(
            org,
            day("2019-01-01"),
            day("2020-07-31"),
            None,
        )
        .unwrap();
        let figures = dangvu_domain::summary::Figures {
            grassroots_orgs: 77,
            members: 7312,
            ..Default::default()
        };
        let ratings = vec![RatingYear {
            year: 2019,
            orgs_rated: 77,
            orgs_good_or_better: 66,
            orgs_good_or_better_pct: Some(85.7),
            members_rated: 0,
            members_completed_or_better: 0,
            members_completed_or_better_pct: None,
        }];
        SummaryReport::new(&params, figures, 300, ratings)
    }

    fn cells(bytes: Vec<u8>) -> Vec<Vec<Data>> {
        let mut book = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
        let range = book.worksheet_range(SUMMARY_SHEET).unwrap();
        range.rows().map(<[Data]>::to_vec).collect()
    }

    #[test]
    fn the_sheet_names_the_organization_and_holds_numbers_and_fractions() {
        let report = report();
        let admissions = [(2019, 180), (2020, 120)];
        let book = SummaryBook {
            org_name: "Đảng bộ huyện Vị Xuyên",
            report: &report,
            admissions: &admissions,
        };
        let rows = cells(summary_workbook(&book).unwrap());
        let text = |r: usize, c: usize| rows[r][c].to_string();
        assert_eq!(text(1, 0), "Tổ chức: Đảng bộ huyện Vị Xuyên (mã VX)");
        assert!(text(2, 0).contains("01/01/2019") && text(2, 0).contains("31/07/2020"));
        let find = |label: &str| rows.iter().position(|r| r[0] == label).unwrap();
        assert_eq!(rows[find("Đảng viên")][1], Data::Float(7312.0));
        let year = rows.iter().find(|r| r[0] == Data::Float(2019.0)).unwrap();
        assert_eq!(year[1], Data::Float(77.0));
        assert_eq!(year[3], Data::Float(0.857));
        assert_eq!(year[6], Data::Empty, "nothing rated: no percentage");
        assert_eq!(rows[find("Cộng")][1], Data::Float(300.0));
    }
}
