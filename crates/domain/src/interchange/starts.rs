//! The `bat_dau_sinh_hoat` table (an extension of v1, `docs/interchange-format.md`): the day a
//! member's first registration in this installation began.
//!
//! In v1 a member is registered in their first organization "from the beginning". A member
//! who arrived from another province in 2018 would then count in the district's figures of
//! 2016 after an export. A row says that the member's registration history starts on `ngay`
//! in `ma_to_chuc` (admitted there, or arrived from outside): it must be the first
//! organization of the history (the first transfer's `tu_to_chuc`, or `dang_vien.ma_to_chuc`
//! without transfers), before the first transfer, and that organization must exist then.

use super::fields::RowReader;
use super::known::{KnownCodes, OrgIndex};
use super::members::MemberIndex;
use super::problems::{Problem, Reason, report_duplicates};
use super::rows::Cells;
use super::tables::Table;
use super::transfers::TransfersByMember;
use crate::codes::MemberCode;
use crate::dates::Date;
use std::collections::HashMap;

/// What the rows are checked against.
pub(crate) struct StartContext<'c> {
    /// The members of the file, by code.
    pub members: &'c MemberIndex,
    /// Their transfers.
    pub transfers: &'c TransfersByMember,
    /// Organizations of the file and existing ones.
    pub orgs: &'c OrgIndex<'c>,
    /// Existing records.
    pub known: &'c KnownCodes,
}

/// The rows of `bat_dau_sinh_hoat` read so far.
#[derive(Debug, Default)]
pub(crate) struct StartRows {
    starts: HashMap<MemberCode, Date>,
    keyed: Vec<(MemberCode, usize, String)>,
}

impl StartRows {
    /// Reads and checks one non-empty row.
    pub fn row(
        &mut self,
        cells: Cells<'_>,
        context: &StartContext<'_>,
        problems: &mut Vec<Problem>,
    ) {
        let mut row = RowReader::new(cells, problems);
        let member = row.member_code("ma_dang_vien");
        let on = row.date("ngay");
        let org = row.org_code("ma_to_chuc");
        let Some(member) = member else { return };
        self.keyed
            .push((member.clone(), row.number(), member.to_string()));
        let Some(draft) = context.members.get(&member) else {
            row.report("ma_dang_vien", outside_file(context.known, &member));
            return;
        };
        let history = context.transfers.get(&member).map(Vec::as_slice);
        let first_transfer = history.and_then(<[_]>::first);
        let first_org = first_transfer.map(|t| &t.from).or(draft.org.as_ref());
        if org.as_ref().is_some_and(|o| Some(o) != first_org) {
            let expected = first_org.map_or_else(String::new, ToString::to_string);
            row.report(
                "ma_to_chuc",
                Reason::new(
                    format!("phải là tổ chức đầu tiên trong quá trình sinh hoạt: {expected}"),
                    format!(
                        "must be the first organization of the registration history: {expected}"
                    ),
                ),
            );
        } else if let Some((day, org)) = on.zip(org.as_ref())
            && !context.orgs.is_active_on(org, day)
        {
            row.report(
                "ngay",
                Reason::new(
                    format!("tổ chức {org} không tồn tại vào ngày này"),
                    format!("organization {org} does not exist on this date"),
                ),
            );
        }
        if let Some((_, first)) = on.zip(first_transfer).filter(|(day, t)| *day >= t.on) {
            row.report(
                "ngay",
                Reason::new(
                    format!("phải trước lần chuyển sinh hoạt đầu tiên ({})", first.on),
                    format!("must be before the first transfer ({})", first.on),
                ),
            );
        } else if let Some(day) = on {
            self.starts.insert(member, day);
        }
    }

    /// Reports members given twice; returns the day each member's registration history
    /// starts.
    pub fn finish(self, problems: &mut Vec<Problem>) -> HashMap<MemberCode, Date> {
        report_duplicates(Table::BatDauSinhHoat, "ma_dang_vien", self.keyed, problems);
        self.starts
    }
}

fn outside_file(known: &KnownCodes, member: &MemberCode) -> Reason {
    if known.members.contains(member) {
        Reason::new(
            "ngày bắt đầu sinh hoạt phải nhập cùng dòng của đảng viên trong bảng dang_vien",
            "the start of registration is imported together with the member's row in dang_vien",
        )
    } else {
        Reason::unknown_member()
    }
}
