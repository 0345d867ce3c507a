//! The `trang_thai_dang_vien` table (an extension of v1, `docs/interchange-format.md`): every
//! status change of a member.
//!
//! v1's `dang_vien.trang_thai` and `ngay_trang_thai` hold the present status only; a member
//! exempted in 2021 who died in 2023 would count as active in 2022 after a v1 export. Each
//! row says that from `ngay` on the member's status is `trang_thai`. Taken in date order,
//! the last one must be the status of the member's `dang_vien` row.

use super::fields::RowReader;
use super::known::KnownCodes;
use super::members::{MemberDraft, MemberIndex};
use super::problems::{Problem, Reason};
use super::rows::Cells;
use super::tables::Table;
use crate::codes::MemberCode;
use crate::dataset::StatusChange;
use crate::enums::{Enumeration, MemberStatus};
use std::collections::HashMap;

/// A complete row, with its row number.
type Dated = (usize, StatusChange);

/// The rows of `trang_thai_dang_vien` read so far.
#[derive(Debug, Default)]
pub(crate) struct StatusRows {
    by_member: HashMap<MemberCode, Vec<Dated>>,
    incomplete: Vec<MemberCode>,
}

impl StatusRows {
    /// Reads and checks one non-empty row; `members` are the file's members.
    pub fn row(
        &mut self,
        cells: Cells<'_>,
        (members, known): (&MemberIndex, &KnownCodes),
        problems: &mut Vec<Problem>,
    ) {
        let mut row = RowReader::new(cells, problems);
        let member = row.member_code("ma_dang_vien");
        let on = row.date("ngay");
        let status = row.enumeration::<MemberStatus>("trang_thai");
        let draft = member.as_ref().and_then(|m| members.get(m));
        if let Some(member) = member.as_ref().filter(|_| draft.is_none()) {
            row.report("ma_dang_vien", outside_file(known, member));
        }
        let admitted = draft.and_then(|d| d.admitted_on);
        if on.zip(admitted).is_some_and(|(on, admitted)| on < admitted) {
            row.report(
                "ngay",
                Reason::new(
                    "ngày này trước ngày vào Đảng",
                    "this date is before the admission date (ngay_vao_dang)",
                ),
            );
        }
        match (member, on.zip(status)) {
            (Some(member), Some((on, status))) => self
                .by_member
                .entry(member)
                .or_default()
                .push((row.number(), StatusChange { status, on })),
            (Some(member), None) => self.incomplete.push(member),
            (None, _) => {}
        }
    }

    /// Checks each member's chain; returns each member's status changes in date order.
    pub fn finish(
        self,
        members: &MemberIndex,
        problems: &mut Vec<Problem>,
    ) -> HashMap<MemberCode, Vec<StatusChange>> {
        let Self {
            mut by_member,
            incomplete,
        } = self;
        for member in &incomplete {
            by_member.remove(member);
        }
        by_member
            .into_iter()
            .map(|(member, mut changes)| {
                changes.sort_by_key(|(row, c)| (c.on, *row));
                if let Some(draft) = members.get(&member) {
                    check_chain(&changes, draft, problems);
                }
                (member, changes.into_iter().map(|(_, c)| c).collect())
            })
            .collect()
    }
}

fn outside_file(known: &KnownCodes, member: &MemberCode) -> Reason {
    if known.members.contains(member) {
        Reason::new(
            "lịch sử trạng thái phải nhập cùng dòng của đảng viên trong bảng dang_vien",
            "status history is imported together with the member's row in dang_vien",
        )
    } else {
        Reason::unknown_member()
    }
}

/// Two changes on one day are a contradiction; the last change must be the status the
/// member's `dang_vien` row gives (with its date, when that row gives one).
fn check_chain(changes: &[Dated], draft: &MemberDraft, problems: &mut Vec<Problem>) {
    for pair in changes.windows(2) {
        let [(first_row, before), (row, after)] = pair else {
            continue;
        };
        if before.on == after.on {
            problems.push(Problem::cell(
                Table::TrangThaiDangVien,
                *row,
                "ngay",
                &after.on.to_string(),
                Reason::new(
                    format!("cùng ngày với dòng {first_row}"),
                    format!("same date as row {first_row}"),
                ),
            ));
        }
    }
    let Some((row, last)) = changes.last() else {
        return;
    };
    let present = draft.statuses.last();
    let expected = present.map_or(MemberStatus::DangSinhHoat, |s| s.status);
    let date_differs = present.is_some_and(|s| s.on != last.on);
    if last.status != expected || date_differs {
        let when = present.map_or_else(String::new, |s| format!(" ({})", s.on));
        problems.push(Problem::cell(
            Table::TrangThaiDangVien,
            *row,
            "trang_thai",
            last.status.code(),
            Reason::new(
                format!(
                    "thay đổi cuối cùng phải là trạng thái ở bảng dang_vien: {}{when}",
                    expected.label_vi()
                ),
                format!(
                    "the last change must be the status of the dang_vien row: {}{when}",
                    expected.code()
                ),
            ),
        ));
    }
}
