//! `ngay_nghi` (interchange v2): days of the working-day calendar, one row per date, that
//! add to or correct the shipped calendar (`crate::calendar`).

use super::fields::RowReader;
use super::problems::{Problem, Reason, report_duplicates};
use super::rows::Cells;
use super::tables::Table;
use crate::calendar::{CalendarDay, DayKind};
use crate::dates::Date;

/// The rows of `ngay_nghi` read so far, and their dates for the duplicate check.
#[derive(Debug, Default)]
pub(crate) struct CalendarRows {
    days: Vec<CalendarDay>,
    keys: Vec<(Date, usize, String)>,
}

impl CalendarRows {
    /// Reads one non-empty row.
    pub fn row(&mut self, cells: Cells<'_>, problems: &mut Vec<Problem>) {
        let mut row = RowReader::new(cells, problems);
        let day = row.date("ngay");
        let kind = row.enumeration::<DayKind>("loai");
        let name = row.text("ten");
        if let Some(day) = day {
            self.keys.push((day, row.number(), day.to_string()));
        }
        if let (Some(day), Some(kind)) = (day, kind) {
            self.days.push(CalendarDay { day, kind, name });
        }
    }

    /// Reports a date given twice; returns the days.
    pub fn finish(self, problems: &mut Vec<Problem>) -> Vec<CalendarDay> {
        report_duplicates(Table::NgayNghi, "ngay", self.keys, problems);
        self.days
    }
}

/// The refusal of a file with `ngay_nghi` rows imported by an account that does not reach
/// the whole installation: the calendar is the installation's, kept by its administrators.
pub fn calendar_needs_whole_installation() -> Problem {
    Problem::whole_table(
        Table::NgayNghi,
        Reason::new(
            "chỉ quản trị viên (phạm vi toàn hệ thống) được nhập bảng ngay_nghi: lịch ngày làm việc là của cả hệ thống; hãy bỏ bảng này khỏi tệp hoặc nhờ quản trị viên nhập".to_string(),
            "only an administrator (the whole installation) may import the ngay_nghi table: the working-day calendar belongs to the whole installation; remove the table from the file or ask an administrator to import it".to_string(),
        ),
    )
}
