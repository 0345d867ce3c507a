//! `ket_qua_thang` (interchange v2): members' monthly results, one row per member and month.
//! Whether the member was registered in a cell that month is the storage import's check
//! (it needs the registrations stored); here are the row's own and its member reference.

use super::fields::RowReader;
use super::known::KnownCodes;
use super::members::MemberIndex;
use super::problems::{Problem, Reason, report_duplicates};
use super::rows::Cells;
use super::tables::Table;
use crate::codes::MemberCode;
use crate::ratings::{Month, MonthlyResult};

/// The rows of `ket_qua_thang` read so far, their sheet rows, and their keys.
#[derive(Debug, Default)]
pub(crate) struct MonthlyRows {
    results: Vec<MonthlyResult>,
    rows: Vec<usize>,
    keys: Vec<((MemberCode, Month), usize, String)>,
}

impl MonthlyRows {
    /// Reads one non-empty row.
    pub fn row(
        &mut self,
        cells: Cells<'_>,
        (members, known): (&MemberIndex, &KnownCodes),
        problems: &mut Vec<Problem>,
    ) {
        let mut row = RowReader::new(cells, problems);
        let member = row.member_code("ma_dang_vien");
        if member
            .as_ref()
            .is_some_and(|m| !members.contains_key(m) && !known.members.contains(m))
        {
            row.report("ma_dang_vien", Reason::unknown_member());
        }
        let month = read_month(&mut row, known);
        let level = row.enumeration("muc");
        let note = row.text("ghi_chu");
        if let (Some(member), Some(month)) = (&member, month) {
            let key = (member.clone(), month);
            self.keys.push((key, row.number(), member.to_string()));
        }
        if let (Some(member), Some(month), Some(level)) = (member, month, level) {
            self.rows.push(row.number());
            self.results.push(MonthlyResult {
                member,
                month,
                level,
                note,
            });
        }
    }

    /// Reports a (member, month) given twice; returns the results and their sheet rows.
    pub fn finish(self, problems: &mut Vec<Problem>) -> (Vec<MonthlyResult>, Vec<usize>) {
        report_duplicates(Table::KetQuaThang, "ma_dang_vien", self.keys, problems);
        (self.results, self.rows)
    }
}

/// The month under `thang`: `YYYY-MM`, not after the import's month.
fn read_month(row: &mut RowReader<'_, '_>, known: &KnownCodes) -> Option<Month> {
    let raw = row.text("thang")?;
    // A month typed into a spreadsheet often becomes the date of its first day.
    let parsed =
        Month::parse(&raw).or_else(|| crate::dates::parse_date("thang", &raw).ok().map(Month::of));
    let Some(month) = parsed else {
        row.report(
            "thang",
            Reason::new(
                "tháng phải viết dạng YYYY-MM (ví dụ 2024-03)",
                "a month is written YYYY-MM (e.g. 2024-03)",
            ),
        );
        return None;
    };
    if known.today.is_some_and(|today| month > Month::of(today)) {
        row.report(
            "thang",
            Reason::new(
                "tháng này chưa đến: không thể có kết quả",
                "this month has not come yet: it cannot have a result",
            ),
        );
        return None;
    }
    Some(month)
}
