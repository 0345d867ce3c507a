//! The checks of the admission steps: each failure is a [`Problem`] naming its [`Check`],
//! with a Vietnamese message, its English twin for logs, and the rule's source.
//!
//! [`allowance_table`] is the one table of which failed checks a committee may let through with
//! a recorded, audited reason (the law allows an exception, or history is recorded as it
//! happened) and which refuse the step outright.

use super::dossier::{Applicant, Dossier, IntroducerFacts};
use super::rules::rules_on;
use super::votes::undecided;
use crate::dates::Date;
use crate::enums::{Enumeration, enumeration};
use serde::{Deserialize, Serialize};

enumeration!(
    /// A rule an admission step is checked against.
    Check, "kiem_tra", {
        /// Younger than 18 full years at the cell's resolution.
        AgeUnder18 => "DUOI_18_TUOI", "Chưa đủ 18 tuổi";
        /// Older than 60 full years at the cell's resolution.
        AgeOver60 => "TREN_60_TUOI", "Trên 60 tuổi";
        /// Education below lower secondary (THCS), or not recorded.
        Education => "TRINH_DO_HOC_VAN", "Trình độ học vấn";
        /// No awareness course within the five years before the resolution.
        Course => "LOP_NHAN_THUC", "Lớp nhận thức về Đảng";
        /// Not two introducers, nor one plus the youth union's resolution.
        IntroducersIncomplete => "THIEU_NGUOI_GIOI_THIEU", "Thiếu người giới thiệu";
        /// An introducer who was not an official member on the resolution day.
        IntroducerNotOfficial => "NGUOI_GIOI_THIEU_KHONG_CHINH_THUC", "Người giới thiệu không phải đảng viên chính thức";
        /// The steps' dates are out of order.
        DatesOutOfOrder => "NGAY_SAI_THU_TU", "Ngày không đúng thứ tự";
        /// A step recorded before the step it follows.
        MissingStep => "THIEU_BUOC_TRUOC", "Chưa có bước trước";
        /// The cell's resolution has not passed with the majority.
        NotPassed => "CHUA_DU_DA_SO", "Nghị quyết chi bộ chưa đủ đa số";
        /// Three votes without a majority either way: the superior decides.
        VotesExhausted => "DA_BIEU_QUYET_BA_LAN", "Đã biểu quyết ba lần";
        /// The decision later than 60 working days after the resolution.
        DecisionLate => "QUYET_DINH_TRE_HAN", "Quyết định kết nạp quá hạn";
        /// The ceremony later than 30 working days after the decision.
        CeremonyLate => "LE_KET_NAP_TRE_HAN", "Lễ kết nạp quá hạn";
        /// Recognition or striking off before probation has ended.
        ProbationNotOver => "CHUA_HET_DU_BI", "Chưa hết thời gian dự bị";
        /// A step on a dossier that is closed or finished.
        Finished => "HO_SO_DA_KET_THUC", "Hồ sơ đã kết thúc";
    }
);

/// What a failed check allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Allowance {
    /// The step is refused.
    Refuse,
    /// The step goes ahead once an override with a reason is recorded (audited).
    Override,
}

/// Which checks may be overridden, and the source of each rule: the one table of it
/// (a `match`, so a check added later does not compile until it is listed here).
pub fn allowance_table(check: Check) -> (Allowance, &'static str) {
    use Allowance::{Override, Refuse};
    #[rustfmt::skip]
    let row = match check {
        // check                         allowed   source
        Check::AgeUnder18 => (Refuse, "Điều lệ Đảng Điều 4; QĐ 232-QĐ/TW, QĐ 294-QĐ/TW (tuổi đời từ đủ 18, tính theo tháng)"),
        Check::AgeOver60 => (Override, "QĐ 232-QĐ/TW, QĐ 294-QĐ/TW, HD 06-HD/TW 2025 (trên 60 tuổi do cấp ủy trực thuộc Trung ương quyết định)"),
        Check::Education => (Override, "QĐ 232-QĐ/TW, QĐ 294-QĐ/TW (tốt nghiệp THCS; vùng cao, vùng khó khăn theo hướng dẫn của Ban Bí thư)"),
        Check::Course => (Override, "HD 09-HD/BTCTW 2017 (giấy chứng nhận học lớp nhận thức về Đảng có giá trị 5 năm)"),
        Check::IntroducersIncomplete => (Refuse, "Điều lệ Đảng Điều 4 (hai đảng viên chính thức, hoặc một đảng viên và nghị quyết của Đoàn)"),
        Check::IntroducerNotOfficial => (Refuse, "Điều lệ Đảng Điều 4 (người giới thiệu là đảng viên chính thức)"),
        Check::DatesOutOfOrder => (Refuse, "interchange-v2 ho_so_ket_nap (danh sách ≤ nghị quyết chi bộ ≤ quyết định ≤ lễ kết nạp)"),
        Check::MissingStep => (Refuse, "QĐ 232-QĐ/TW mục 4 (trình tự kết nạp)"),
        Check::NotPassed => (Refuse, "Điều lệ Đảng Điều 4 (ít nhất hai phần ba đảng viên chính thức tán thành)"),
        Check::VotesExhausted => (Refuse, "QĐ 24-QĐ/TW mục 4.2, QĐ 232-QĐ/TW (ba lần không đủ hai phần ba thì báo cáo cấp trên)"),
        Check::DecisionLate => (Override, "QĐ 232-QĐ/TW mục 4.3.1 (quyết định trong 60 ngày làm việc)"),
        Check::CeremonyLate => (Override, "QĐ 24-QĐ/TW, QĐ 232-QĐ/TW mục 4.1 (lễ kết nạp trong 30 ngày làm việc; chậm hơn phải được cấp trên đồng ý)"),
        Check::ProbationNotOver => (Refuse, "QĐ 24-QĐ/TW mục 4.2, QĐ 232-QĐ/TW (xét sau khi hết 12 tháng dự bị)"),
        Check::Finished => (Refuse, "QĐ 232-QĐ/TW mục 4 (hồ sơ đã kết thúc)"),
    };
    row
}

impl Check {
    /// What a failure of this check allows.
    pub fn allowance(self) -> Allowance {
        allowance_table(self).0
    }

    /// The rule's source.
    pub fn source(self) -> &'static str {
        allowance_table(self).1
    }
}

/// A failed check, with the detail that makes its message precise.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    /// The check that failed.
    pub check: Check,
    /// The specifics (an age, a member code, the dates concerned), language-neutral.
    pub detail: String,
}

impl Problem {
    /// A failure of `check` with `detail`.
    pub fn new(check: Check, detail: impl Into<String>) -> Self {
        Self {
            check,
            detail: detail.into(),
        }
    }

    /// Whether this failure may be let through by an override.
    pub fn overridable(&self) -> bool {
        self.check.allowance() == Allowance::Override
    }

    /// The Vietnamese message shown to people.
    pub fn message_vi(&self) -> String {
        let what = super::messages::vi(self.check);
        format!("{what} ({}). Căn cứ: {}", self.detail, self.check.source())
    }

    /// The English message for logs.
    pub fn message_en(&self) -> String {
        let what = super::messages::en(self.check);
        format!("{what} ({}). Source: {}", self.detail, self.check.source())
    }
}

/// Full months from `birth` to `on` (a month counts once its day is reached; the last day
/// of a shorter month stands for a later birth day).
pub fn full_months(birth: Date, on: Date) -> u32 {
    let mut months = 0u32;
    while birth
        .checked_add_months(chrono::Months::new(months + 1))
        .is_some_and(|d| d <= on)
    {
        months += 1;
    }
    months
}

/// The age rule at the cell's resolution on `on`: 18 to 60 full years counted in months.
pub fn check_age(applicant: &Applicant, on: Date) -> Option<Problem> {
    let rules = rules_on(on);
    let months = full_months(applicant.birth_date, on);
    let detail = || {
        format!(
            "{} năm {} tháng / {} years {} months",
            months / 12,
            months % 12,
            months / 12,
            months % 12
        )
    };
    if months < rules.min_age_months {
        Some(Problem::new(Check::AgeUnder18, detail()))
    } else if months > rules.max_age_months {
        Some(Problem::new(Check::AgeOver60, detail()))
    } else {
        None
    }
}

/// The education rule: lower secondary (grade 9 of 12, or 7 of the old 10-year system).
pub fn check_education(applicant: &Applicant) -> Option<Problem> {
    let raw = applicant.education.as_deref().unwrap_or("").trim();
    let grade = raw.split_once('/').and_then(|(g, of)| {
        Some((
            g.trim().parse::<u32>().ok()?,
            of.trim().parse::<u32>().ok()?,
        ))
    });
    let enough = match grade {
        Some((g, 12)) => g >= 9,
        Some((g, 10)) => g >= 7,
        _ => false,
    };
    (!enough).then(|| Problem::new(Check::Education, if raw.is_empty() { "—" } else { raw }))
}

/// The awareness course: completed on or before `resolution`, at most five years earlier.
pub fn check_course(course_on: Option<Date>, resolution: Date) -> Option<Problem> {
    let years = rules_on(resolution).course_valid_years;
    let valid = course_on.is_some_and(|c| {
        c <= resolution
            && c.checked_add_months(chrono::Months::new(years * 12))
                .is_some_and(|end| resolution <= end)
    });
    let detail = course_on.map_or_else(|| "—".to_owned(), |d| d.to_string());
    (!valid).then(|| Problem::new(Check::Course, detail))
}

/// The introducers on the resolution day `on`: complete, each an official member then.
pub fn check_introducers(dossier: &Dossier, facts: &[IntroducerFacts], on: Date) -> Vec<Problem> {
    if !dossier.introducers.is_complete() {
        return vec![Problem::new(
            Check::IntroducersIncomplete,
            dossier.code.clone(),
        )];
    }
    dossier
        .introducers
        .members()
        .filter(|code| {
            !facts.iter().any(|f| {
                &f.code == *code && f.counts_as_member && f.official_on.is_some_and(|d| d <= on)
            })
        })
        .map(|code| Problem::new(Check::IntroducerNotOfficial, code.as_str()))
        .collect()
}

/// The dates in order: list ≤ resolution ≤ proposal ≤ decision ≤ ceremony.
pub fn check_order(dossier: &Dossier) -> Option<Problem> {
    let dates = [
        ("ngay_vao_danh_sach", dossier.listed_on),
        ("ngay_nghi_quyet_chi_bo", dossier.resolution_on),
        ("ngay_de_nghi", dossier.proposal_on),
        ("ngay_quyet_dinh", dossier.decision.as_ref().map(|d| d.on)),
        ("ngay_ket_nap", dossier.ceremony_on),
    ];
    let known: Vec<_> = dates
        .iter()
        .filter_map(|(n, d)| d.map(|d| (*n, d)))
        .collect();
    known.windows(2).find_map(|pair| match pair {
        [(a, da), (b, db)] if da > db => Some(Problem::new(
            Check::DatesOutOfOrder,
            format!("{a} {da} > {b} {db}"),
        )),
        _ => None,
    })
}

/// Whether another vote may be taken: not after the votes the rules allow without a
/// majority either way (the matter has gone to the superior).
pub fn check_can_vote(dossier: &Dossier, on: Date) -> Option<Problem> {
    let limit = rules_on(on).votes_before_superior;
    let count = undecided(&dossier.votes);
    (count >= limit).then(|| Problem::new(Check::VotesExhausted, format!("{count}")))
}

/// The failures among `problems` not let through by the dossier's overrides.
pub fn unresolved(dossier: &Dossier, problems: Vec<Problem>) -> Vec<Problem> {
    problems
        .into_iter()
        .filter(|p| !(p.overridable() && dossier.is_overridden(p.check)))
        .collect()
}
