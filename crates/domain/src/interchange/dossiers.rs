//! `ho_so_ket_nap` (interchange v2): admission dossiers, one row per dossier code.
//!
//! A row is read into a [`Dossier`] holding only what the table carries. What needs the
//! stored records — the introducers' membership on the resolution day, the admitted
//! member's `ngay_vao_dang`, the installation's working days — is judged by storage in the
//! import's transaction with `crate::admissions::interchange::judge_row`; here are the
//! checks of the row itself and of its references.

use super::fields::RowReader;
use super::known::{KnownCodes, OrgIndex};
use super::members::MemberIndex;
use super::problems::{Problem, Reason, report_duplicates};
use super::rows::Cells;
use super::tables::Table;
use crate::admissions::{self, Applicant, Check, Closing, Decision, Dossier, Introducers};
use crate::codes::{MemberCode, OrgCode};
use crate::dates::Date;
use crate::enums::{Enumeration, enumeration};
use serde::{Deserialize, Serialize};

enumeration!(
    /// How a dossier ended without admission (`ho_so_ket_nap.ket_thuc`).
    DossierEnd, "ket_thuc", {
        /// Closed without admission.
        KhongKetNap => "KHONG_KET_NAP", "Không kết nạp";
    }
);

/// What a row's references are checked against: the file's organizations and members,
/// then the records the caller can see (a code outside the scope reads as unknown). The
/// rows of `cam_ket` are checked against the same.
pub(crate) struct DossierContext<'a, 'k> {
    pub orgs: &'a OrgIndex<'k>,
    pub members: &'a MemberIndex,
    pub known: &'k KnownCodes,
}

impl DossierContext<'_, '_> {
    pub(crate) fn is_member(&self, code: &MemberCode) -> bool {
        self.members.contains_key(code) || self.known.members.contains(code)
    }
}

/// The rows of `ho_so_ket_nap` read so far, their sheet rows, and their codes for the
/// duplicate check.
#[derive(Debug, Default)]
pub(crate) struct DossierRows {
    dossiers: Vec<Dossier>,
    rows: Vec<usize>,
    keys: Vec<(String, usize, String)>,
}

impl DossierRows {
    /// Reads one non-empty row.
    pub fn row(
        &mut self,
        cells: Cells<'_>,
        context: &DossierContext<'_, '_>,
        problems: &mut Vec<Problem>,
    ) {
        let mut row = RowReader::new(cells, problems).not_after(context.known.today);
        let code = row.member_code("ma").map(|c| c.as_str().to_owned());
        let full_name = row.text("ho_ten");
        let gender = row.enumeration("gioi_tinh");
        let birth_date = row.past_date("ngay_sinh");
        let ethnicity = row.text("dan_toc");
        let cell = row.org_code("ma_chi_bo");
        if let Some(reason) = cell.as_ref().and_then(|c| cell_problem(context.orgs, c)) {
            row.report("ma_chi_bo", reason);
        }
        let member = |row: &mut RowReader<'_, '_>, key: &str| {
            let code = row.member_code(key)?;
            if context.is_member(&code) {
                Some(code)
            } else {
                row.report(key, Reason::unknown_member());
                None
            }
        };
        let introducers = Introducers {
            first: member(&mut row, "ma_nguoi_gioi_thieu_1"),
            second: member(&mut row, "ma_nguoi_gioi_thieu_2"),
            youth_union_on: None,
        };
        let admitted = member(&mut row, "ma_dang_vien");
        let listed_on = row.date("ngay_vao_danh_sach");
        let resolution_on = row.date("ngay_nghi_quyet_chi_bo");
        let decision = read_decision(&mut row);
        let ceremony_on = row.past_date("ngay_ket_nap");
        let closing = read_closing(&mut row);
        if let Some(code) = &code {
            self.keys.push((code.clone(), row.number(), code.clone()));
        }
        let number = row.number();
        let (Some(code), Some(full_name), Some(gender), Some(birth_date), Some(cell)) =
            (code, full_name, gender, birth_date, cell)
        else {
            return;
        };
        let applicant = Applicant {
            full_name,
            gender,
            birth_date,
            ethnicity,
            education: None,
        };
        let mut dossier = Dossier::new(code, applicant, cell);
        dossier.listed_on = listed_on;
        dossier.introducers = introducers;
        dossier.resolution_on = resolution_on;
        dossier.decision = decision;
        dossier.ceremony_on = ceremony_on;
        dossier.member = admitted;
        dossier.closing = closing;
        self.dossiers.push(dossier);
        self.rows.push(number);
    }

    /// Reports a code given twice; returns the dossiers and their sheet rows.
    pub fn finish(self, problems: &mut Vec<Problem>) -> (Vec<Dossier>, Vec<usize>) {
        report_duplicates(Table::HoSoKetNap, "ma", self.keys, problems);
        (self.dossiers, self.rows)
    }
}

/// The decision: its day, and its number, which needs the day.
fn read_decision(row: &mut RowReader<'_, '_>) -> Option<Decision> {
    let on = row.date("ngay_quyet_dinh");
    let number = row.text("so_quyet_dinh");
    if number.is_some() && on.is_none() && row.is_blank("ngay_quyet_dinh") {
        row.report("ngay_quyet_dinh", together("so_quyet_dinh"));
    }
    on.map(|on| Decision { number, on })
}

/// The closing: `ket_thuc` and `ngay_ket_thuc` come together.
fn read_closing(row: &mut RowReader<'_, '_>) -> Option<Closing> {
    let end = row.enumeration::<DossierEnd>("ket_thuc");
    let on = row.date("ngay_ket_thuc");
    if end.is_some() && row.is_blank("ngay_ket_thuc") {
        row.report("ngay_ket_thuc", together("ket_thuc"));
    }
    if on.is_some() && row.is_blank("ket_thuc") {
        row.report("ket_thuc", together("ngay_ket_thuc"));
    }
    end.and(on).map(|on| Closing {
        on,
        reason: String::new(),
    })
}

fn together(other: &str) -> Reason {
    Reason::new(
        format!("cần có giá trị khi đã ghi {other}"),
        format!("required when {other} is given"),
    )
}

/// Why a dossier cannot belong to `org`: it names nothing the caller can see, or it is
/// not a cell.
fn cell_problem(orgs: &OrgIndex<'_>, org: &OrgCode) -> Option<Reason> {
    let Some(facts) = orgs.get(org) else {
        return Some(Reason::unknown_org());
    };
    let org_type = facts.org_type.filter(|t| !t.registers_members())?;
    Some(Reason::new(
        format!(
            "hồ sơ kết nạp do chi bộ xét; tổ chức này là {}",
            org_type.label_vi()
        ),
        format!(
            "a dossier is considered by a cell (CHI_BO_CO_SO, CHI_BO_TRUC_THUOC); this \
             organization is {}",
            org_type.code()
        ),
    ))
}

/// A failure of `judge_row` on the dossier of sheet row `row`, as a problem of the import
/// report: the column and value it is about, the rule's message in both languages.
pub fn dossier_problem(
    dossier: &Dossier,
    row: Option<usize>,
    failed: &admissions::Problem,
) -> Problem {
    let date = |d: Option<Date>| d.map(|d| d.to_string()).unwrap_or_default();
    let decision_on = dossier.decision.as_ref().map(|d| d.on);
    let (column, value) = match failed.check {
        Check::DatesOutOfOrder if failed.detail.contains("ngay_vao_dang") => (
            "ma_dang_vien",
            dossier
                .member
                .as_ref()
                .map(|m| m.to_string())
                .unwrap_or_default(),
        ),
        Check::DatesOutOfOrder => {
            // The detail reads `earlier-column day > later-column day`: the later column is
            // the one to fix; the stored proposal has no column, the resolution precedes it.
            let column = match failed.detail.split(' ').nth(3) {
                Some("ngay_vao_danh_sach") => "ngay_vao_danh_sach",
                Some("ngay_nghi_quyet_chi_bo" | "ngay_de_nghi") => "ngay_nghi_quyet_chi_bo",
                Some("ngay_quyet_dinh") => "ngay_quyet_dinh",
                _ => "ngay_ket_nap",
            };
            (column, failed.detail.clone())
        }
        Check::MissingStep => ("ngay_quyet_dinh", String::new()),
        Check::IntroducerNotOfficial => {
            let second = dossier.introducers.second.as_ref();
            let column = if second.is_some_and(|c| c.as_str() == failed.detail) {
                "ma_nguoi_gioi_thieu_2"
            } else {
                "ma_nguoi_gioi_thieu_1"
            };
            (column, failed.detail.clone())
        }
        Check::AgeUnder18 | Check::AgeOver60 => {
            ("ngay_sinh", dossier.applicant.birth_date.to_string())
        }
        Check::DecisionLate => ("ngay_quyet_dinh", date(decision_on)),
        Check::CeremonyLate => ("ngay_ket_nap", date(dossier.ceremony_on)),
        _ => ("ngay_nghi_quyet_chi_bo", date(dossier.resolution_on)),
    };
    Problem {
        table: Table::HoSoKetNap,
        row,
        column: Some(column.to_owned()),
        value,
        reason_vi: format!("hồ sơ {}: {}", dossier.code, failed.message_vi()),
        reason_en: format!("dossier {}: {}", dossier.code, failed.message_en()),
    }
}
