//! The `dang_vien` table: the member sheet, key dates, current registration and status.

use super::fields::RowReader;
use super::known::OrgIndex;
use super::problems::{Problem, Reason};
use super::rows::Cells;
use super::tables::Table;
use crate::codes::{MemberCode, OrgCode};
use crate::dataset::{MemberProfile, MemberRecord, Registration, StatusChange};
use crate::dates::Date;
use crate::enums::{Enumeration, MemberStatus};
use std::collections::HashMap;

/// A `dang_vien` row as read: required fields are `None` when missing or invalid.
#[derive(Debug, Clone)]
pub(crate) struct MemberDraft {
    pub row: usize,
    pub code: Option<MemberCode>,
    pub full_name: Option<String>,
    pub profile: MemberProfile,
    pub admitted_on: Option<Date>,
    pub official_on: Option<Date>,
    pub org: Option<OrgCode>,
    pub statuses: Vec<StatusChange>,
}

impl MemberDraft {
    /// The record, when every required field was read; `registrations` comes from the
    /// member's transfers. Takes the draft apart: a million rows are never held twice.
    pub fn into_record(self, registrations: Vec<Registration>) -> Option<MemberRecord> {
        let profile = MemberProfile {
            full_name: self.full_name?,
            gender: Some(self.profile.gender?),
            birth_date: Some(self.profile.birth_date?),
            ..self.profile
        };
        Some(MemberRecord {
            code: self.code?,
            profile,
            admitted_on: self.admitted_on?,
            official_on: self.official_on,
            registrations,
            statuses: self.statuses,
        })
    }
}

/// Reads one non-empty row of `dang_vien`; `orgs` resolves `ma_to_chuc`; a birth, an
/// admission or a full membership after `today` is refused.
pub(crate) fn read_member(
    cells: Cells<'_>,
    orgs: &OrgIndex<'_>,
    today: Option<Date>,
    problems: &mut Vec<Problem>,
) -> MemberDraft {
    let mut row = RowReader::new(cells, problems).not_after(today);
    let mut draft = MemberDraft {
        row: row.number(),
        code: row.member_code("ma"),
        full_name: row.text("ho_ten"),
        profile: read_profile(&mut row),
        admitted_on: row.past_date("ngay_vao_dang"),
        official_on: row.past_date("ngay_chinh_thuc"),
        org: row.org_code("ma_to_chuc"),
        statuses: Vec::new(),
    };
    draft.statuses = read_status(&mut row, draft.admitted_on);
    check_official_date(&draft, &mut row);
    if let Some(reason) = draft
        .org
        .as_ref()
        .and_then(|o| registration_problem(orgs, o))
    {
        row.report("ma_to_chuc", reason);
    }
    draft
}

/// The `dang_vien` rows of a file, by code (the first row of each code).
#[derive(Debug, Default)]
pub(crate) struct MemberIndex {
    drafts: Vec<MemberDraft>,
    by_code: HashMap<MemberCode, usize>,
}

impl MemberIndex {
    /// Indexes `drafts`, reporting member codes used by more than one row.
    pub fn new(drafts: Vec<MemberDraft>, problems: &mut Vec<Problem>) -> Self {
        let mut by_code: HashMap<MemberCode, usize> = HashMap::with_capacity(drafts.len());
        for (index, draft) in drafts.iter().enumerate() {
            let Some(code) = &draft.code else { continue };
            if let Some(first) = by_code.get(code).and_then(|i| drafts.get(*i)) {
                problems.push(Problem::cell(
                    Table::DangVien,
                    draft.row,
                    "ma",
                    code.as_str(),
                    Reason::duplicate(first.row),
                ));
            } else {
                by_code.insert(code.clone(), index);
            }
        }
        Self { drafts, by_code }
    }

    /// The first row of `code`.
    pub fn get(&self, code: &MemberCode) -> Option<&MemberDraft> {
        self.by_code.get(code).and_then(|i| self.drafts.get(*i))
    }

    /// Whether a row of the file has `code`.
    pub fn contains_key(&self, code: &MemberCode) -> bool {
        self.by_code.contains_key(code)
    }

    /// Every row, in file order; the index is dropped first, so its codes are freed
    /// before the records are built.
    pub fn into_drafts(self) -> Vec<MemberDraft> {
        drop(self.by_code);
        self.drafts
    }
}

/// Why a member cannot be registered in `org`: it names nothing, or it is not a cell.
pub(crate) fn registration_problem(orgs: &OrgIndex<'_>, org: &OrgCode) -> Option<Reason> {
    let Some(facts) = orgs.get(org) else {
        return Some(Reason::unknown_org());
    };
    let org_type = facts.org_type.filter(|t| !t.registers_members())?;
    Some(Reason::new(
        format!(
            "đảng viên chỉ sinh hoạt chính thức ở chi bộ; tổ chức này là {}",
            org_type.label_vi()
        ),
        format!(
            "members are registered only in cells (CHI_BO_CO_SO, CHI_BO_TRUC_THUOC); \
             this organization is {}",
            org_type.code()
        ),
    ))
}

fn read_profile(row: &mut RowReader<'_, '_>) -> MemberProfile {
    MemberProfile {
        gender: row.enumeration("gioi_tinh"),
        birth_date: row.past_date("ngay_sinh"),
        ethnicity: row.text("dan_toc"),
        religion: row.text("ton_giao"),
        citizen_id: row.citizen_id("so_cccd"),
        hometown: row.text("que_quan"),
        ..MemberProfile::default()
    }
}

/// The status change of a row: none while active (`DANG_SINH_HOAT`, or empty); otherwise
/// the status from `ngay_trang_thai`, which is then required and not before admission.
fn read_status(row: &mut RowReader<'_, '_>, admitted_on: Option<Date>) -> Vec<StatusChange> {
    let status = row.enumeration::<MemberStatus>("trang_thai");
    let on = row.date("ngay_trang_thai");
    let Some(status) = status.filter(|s| *s != MemberStatus::DangSinhHoat) else {
        return Vec::new();
    };
    if on.is_none() && row.is_blank("ngay_trang_thai") {
        row.report(
            "ngay_trang_thai",
            Reason::new(
                format!("cần ngày bắt đầu trạng thái {}", status.label_vi()),
                format!("status {} needs the date it began", status.code()),
            ),
        );
    }
    let Some(on) = on else { return Vec::new() };
    if admitted_on.is_some_and(|admitted| on < admitted) {
        row.report("ngay_trang_thai", before_admission());
    }
    vec![StatusChange { status, on }]
}

fn check_official_date(draft: &MemberDraft, row: &mut RowReader<'_, '_>) {
    let pair = draft.official_on.zip(draft.admitted_on);
    if pair.is_some_and(|(official, admitted)| official < admitted) {
        row.report("ngay_chinh_thuc", before_admission());
    }
}

fn before_admission() -> Reason {
    Reason::new(
        "ngày này trước ngày vào Đảng",
        "this date is before the admission date (ngay_vao_dang)",
    )
}
