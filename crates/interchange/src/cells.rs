//! Workbook cells as text, the way the domain reads values.
//!
//! The domain parses every value from text, so a reader only has to say what a cell holds:
//! a date cell becomes `YYYY-MM-DD`, a number its digits (`2019.0` → `2019`, never `2.019E3`),
//! a boolean `TRUE`/`FALSE`, an error cell its code (`#N/A`), which the domain then reports.
//! Nothing is padded or guessed: a citizen ID typed as a number has lost its leading zeros
//! in the workbook already, and is handed over as the digits that are left, so the person
//! sees the real value in the report.

use calamine::{DataRef, ExcelDateTime, ExcelDateTimeType};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use dangvu_domain::text::header_key;

/// The largest whole number that an `f64` holds exactly (2^53).
const EXACT_WHOLE_LIMIT: f64 = 9_007_199_254_740_992.0;

/// Numbers up to this in a date column are read as years or typing slips, not as serial
/// dates: serial 2100 would be 1905-10-01, a date no Party record needs, while `1980`
/// typed into `ngay_sinh` is a year. They are handed over as numbers and reported.
const LARGEST_NON_SERIAL: f64 = 2100.0;

/// Whether a header names a date column of the format (`ngay`, `ngay_sinh`, `Ngày vào
/// Đảng`…): every date column's key is `ngay` or starts with `ngay_`.
pub(crate) fn is_date_header(header: &str) -> bool {
    let key = header_key(header);
    key == "ngay" || key.starts_with("ngay_")
}

/// The text of a cell; `date_column` turns serial numbers into dates.
pub(crate) fn cell_text(cell: &DataRef<'_>, date_column: bool, is_1904: bool) -> String {
    match cell {
        DataRef::Empty => String::new(),
        DataRef::String(text) => text.clone(),
        DataRef::SharedString(text) => (*text).to_string(),
        DataRef::Bool(flag) => if *flag { "TRUE" } else { "FALSE" }.to_string(),
        DataRef::Int(number) => number_cell_text(*number as f64, date_column, is_1904),
        DataRef::Float(number) => number_cell_text(*number, date_column, is_1904),
        DataRef::DateTime(datetime) if datetime.is_datetime() => datetime
            .as_datetime()
            .map_or_else(|| number_text(datetime.as_f64()), datetime_text),
        DataRef::DateTime(duration) => number_text(duration.as_f64()),
        DataRef::DateTimeIso(text) => iso_text(text),
        DataRef::DurationIso(text) => text.clone(),
        DataRef::Error(error) => error.to_string(),
    }
}

fn number_cell_text(number: f64, date_column: bool, is_1904: bool) -> String {
    let date = date_column.then(|| serial_date(number, is_1904)).flatten();
    date.unwrap_or_else(|| number_text(number))
}

/// A number as a person typed it: whole numbers without a fraction or exponent.
pub(crate) fn number_text(number: f64) -> String {
    if number.fract() == 0.0 && number.abs() < EXACT_WHOLE_LIMIT {
        format!("{}", number as i64)
    } else {
        format!("{number}")
    }
}

/// The date of a whole serial number (days since Excel's epoch), when it can be one.
fn serial_date(serial: f64, is_1904: bool) -> Option<String> {
    if serial.fract() != 0.0 || serial <= LARGEST_NON_SERIAL {
        return None;
    }
    ExcelDateTime::new(serial, ExcelDateTimeType::DateTime, is_1904)
        .as_datetime()
        .map(datetime_text)
}

/// `YYYY-MM-DD` for a day; a time of day is kept (`YYYY-MM-DD HH:MM:SS`), so that the
/// domain reports it instead of silently dropping it.
fn datetime_text(datetime: NaiveDateTime) -> String {
    if datetime.time() == NaiveTime::MIN {
        datetime.date().format("%Y-%m-%d").to_string()
    } else {
        datetime.format("%Y-%m-%d %H:%M:%S").to_string()
    }
}

/// An ISO 8601 date cell (`2020-03-15` or `2020-03-15T00:00:00`) as a day when it is one.
fn iso_text(text: &str) -> String {
    if let Ok(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return datetime_text(date.and_time(NaiveTime::MIN));
    }
    NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f")
        .map_or_else(|_| text.to_string(), datetime_text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use dangvu_domain::interchange::Table;

    fn date_cell(serial: f64) -> DataRef<'static> {
        DataRef::DateTime(ExcelDateTime::new(
            serial,
            ExcelDateTimeType::DateTime,
            false,
        ))
    }

    #[test]
    fn every_date_column_and_only_those_is_a_date_header() {
        for table in Table::every() {
            for column in table.columns() {
                let is_date = matches!(
                    column.key,
                    "ngay"
                        | "ngay_sinh"
                        | "ngay_vao_dang"
                        | "ngay_chinh_thuc"
                        | "ngay_trang_thai"
                        | "ngay_thanh_lap"
                        | "ngay_giai_the"
                        | "ngay_vao_danh_sach"
                        | "ngay_nghi_quyet_chi_bo"
                        | "ngay_quyet_dinh"
                        | "ngay_ket_nap"
                        | "ngay_ket_thuc"
                        | "ngay_ky"
                        | "ngay_danh_gia"
                );
                assert_eq!(is_date_header(column.key), is_date, "{}", column.key);
            }
        }
        assert!(is_date_header("Ngày vào Đảng"));
        assert!(!is_date_header("ngayx") && !is_date_header("Năm"));
    }

    #[test]
    fn whole_numbers_lose_their_fraction_only() {
        assert_eq!(cell_text(&DataRef::Float(2019.0), false, false), "2019");
        assert_eq!(
            cell_text(&DataRef::Float(2_109_690_402.0), false, false),
            "2109690402"
        );
        assert_eq!(cell_text(&DataRef::Float(12.5), false, false), "12.5");
        assert_eq!(cell_text(&DataRef::Int(-3), false, false), "-3");
        assert_eq!(
            cell_text(&DataRef::Float(1e20), false, false),
            "100000000000000000000"
        );
    }

    #[test]
    fn serial_numbers_are_dates_in_date_columns_only() {
        assert_eq!(cell_text(&DataRef::Int(43905), true, false), "2020-03-15");
        assert_eq!(
            cell_text(&DataRef::Float(43905.0), true, true),
            "2024-03-16"
        );
        assert_eq!(cell_text(&DataRef::Int(43905), false, false), "43905");
        assert_eq!(cell_text(&DataRef::Int(1980), true, false), "1980");
        assert_eq!(cell_text(&DataRef::Float(43905.5), true, false), "43905.5");
    }

    #[test]
    fn date_cells_are_days_and_keep_a_time_of_day() {
        assert_eq!(cell_text(&date_cell(43905.0), false, false), "2020-03-15");
        assert_eq!(cell_text(&date_cell(29221.0), true, false), "1980-01-01");
        assert_eq!(
            cell_text(&date_cell(43905.5), true, false),
            "2020-03-15 12:00:00"
        );
        let iso = DataRef::DateTimeIso("2020-03-15T00:00:00".to_string());
        assert_eq!(cell_text(&iso, true, false), "2020-03-15");
        let iso_day = DataRef::DateTimeIso("2020-03-15".to_string());
        assert_eq!(cell_text(&iso_day, false, false), "2020-03-15");
    }

    #[test]
    fn text_booleans_and_errors_are_given_as_written() {
        let text = DataRef::SharedString("002109690402");
        assert_eq!(cell_text(&text, false, false), "002109690402");
        assert_eq!(cell_text(&DataRef::Bool(true), false, false), "TRUE");
        let error = DataRef::Error(calamine::CellErrorType::NA);
        assert_eq!(cell_text(&error, true, false), "#N/A");
        assert_eq!(cell_text(&DataRef::Empty, true, false), "");
    }
}
