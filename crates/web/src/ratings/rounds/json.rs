//! The JSON bodies of the rounds API: codes and dates as the interchange format writes
//! them (`YYYY-MM-DD`), levels as their codes, steps with their day and account.

use super::round_page::decided_text;
use crate::ui::i18n::Lang;
use dangvu_app::records::{Decided, MemberEntry, OrgEntry, RoundSummary, RoundView, Stepped};
use dangvu_domain::enums::Enumeration;
use dangvu_domain::ratings::{OrgShape, Violation};
use serde::Serialize;
use utoipa::ToSchema;

/// A round with its progress.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct RoundJson {
    /// Its number.
    pub ma: i64,
    /// The committee that opened it.
    pub ma_to_chuc: String,
    /// The year.
    pub nam: i32,
    /// `NAM`, `QUY` or `NHIEM_KY`.
    pub ky: &'static str,
    /// The quarter of a quarterly round.
    pub quy: Option<u8>,
    /// The deadline.
    pub han: String,
    /// Opened on.
    pub ngay_mo: String,
    /// Closed on (absent while open).
    pub ngay_ket_thuc: Option<String>,
    /// Members the caller reaches, and those decided.
    pub dang_vien: [u64; 2],
    /// Organizations the caller reaches, and those decided.
    pub to_chuc: [u64; 2],
}

impl RoundJson {
    pub(crate) fn new(r: &RoundSummary) -> Self {
        Self {
            ma: r.id,
            ma_to_chuc: r.org.to_string(),
            nam: r.year,
            ky: r.kind.code(),
            quy: r.kind.quarter,
            han: r.deadline.to_string(),
            ngay_mo: r.opened.0.to_string(),
            ngay_ket_thuc: r.closed.as_ref().map(|(d, _)| d.to_string()),
            dang_vien: [r.members.0, r.members.1],
            to_chuc: [r.orgs.0, r.orgs.1],
        }
    }
}

/// A step recorded: its level, day and account.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct StepJson {
    /// The level code.
    pub muc: &'static str,
    /// Points, where the period scores.
    pub diem: Option<u8>,
    /// The day.
    pub ngay: String,
    /// The account.
    pub boi: String,
}

/// A decision recorded.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct DecisionJson {
    /// The level code.
    pub muc: &'static str,
    /// The label shown (the old scheme's, verbatim, where kept), in Vietnamese.
    pub nhan: String,
    /// Points.
    pub diem: Option<u8>,
    /// The reason recorded.
    pub ly_do: Option<String>,
    /// The codes of the rules broken by exception.
    pub ngoai_le: Vec<String>,
    /// The day.
    pub ngay: String,
    /// The account.
    pub boi: String,
}

fn decision(d: &Option<Stepped<Decided>>, org: bool) -> Option<DecisionJson> {
    let s = d.as_ref()?;
    Some(DecisionJson {
        muc: s.value.decision.level.code(),
        nhan: decided_text(Lang::Vi, d, org),
        diem: s.value.decision.points,
        ly_do: s.value.decision.reason.clone(),
        ngoai_le: s.value.exceptions.clone(),
        ngay: s.on.to_string(),
        boi: s.by.clone(),
    })
}

/// A member's row.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct MemberRowJson {
    /// Member code.
    pub ma_dang_vien: String,
    /// Full name.
    pub ho_ten: String,
    /// Cell on the reference day.
    pub ma_chi_bo: String,
    /// Self-assessment.
    pub tu_danh_gia: Option<StepJson>,
    /// The cell's proposal.
    pub de_xuat: Option<StepJson>,
    /// Votes for and cast of the proposal.
    pub bieu_quyet: Option<[u32; 2]>,
    /// The decision.
    pub quyet_dinh: Option<DecisionJson>,
}

impl MemberRowJson {
    fn new(m: &MemberEntry) -> Self {
        Self {
            ma_dang_vien: m.member.to_string(),
            ho_ten: m.full_name.clone(),
            ma_chi_bo: m.cell.to_string(),
            tu_danh_gia: m.self_assessment.as_ref().map(|s| StepJson {
                muc: s.value.level.code(),
                diem: s.value.points,
                ngay: s.on.to_string(),
                boi: s.by.clone(),
            }),
            de_xuat: m.proposal.as_ref().map(|s| StepJson {
                muc: s.value.level.code(),
                diem: s.value.points,
                ngay: s.on.to_string(),
                boi: s.by.clone(),
            }),
            bieu_quyet: m
                .proposal
                .as_ref()
                .map(|p| [p.value.votes_for, p.value.votes_cast]),
            quyet_dinh: decision(&m.decision, false),
        }
    }
}

/// An organization's row.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct OrgRowJson {
    /// Organization code.
    pub ma_to_chuc: String,
    /// Name.
    pub ten: String,
    /// Superior on the reference day.
    pub ma_cap_tren: Option<String>,
    /// `CHI_BO` (rated by its members) or `DANG_BO` (by its subordinates).
    pub dang: &'static str,
    /// The level of its self-review.
    pub tu_kiem_diem: Option<&'static str>,
    /// The superior's decision.
    pub quyet_dinh: Option<DecisionJson>,
}

impl OrgRowJson {
    fn new(o: &OrgEntry) -> Self {
        Self {
            ma_to_chuc: o.org.to_string(),
            ten: o.name.clone(),
            ma_cap_tren: o.parent.as_ref().map(ToString::to_string),
            dang: match o.shape {
                OrgShape::Cell => "CHI_BO",
                OrgShape::Committee => "DANG_BO",
            },
            tu_kiem_diem: o.self_review.as_ref().map(|s| s.value.0.code()),
            quyet_dinh: decision(&o.decision, true),
        }
    }
}

/// A round with the rows the caller reaches.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct RoundDetailJson {
    /// The round.
    pub dot: RoundJson,
    /// Its organizations.
    pub to_chuc: Vec<OrgRowJson>,
    /// Whether members are listed (a part was asked for, or the round is small).
    pub liet_ke_dang_vien: bool,
    /// Its members.
    pub dang_vien: Vec<MemberRowJson>,
}

impl RoundDetailJson {
    pub(crate) fn new(v: &RoundView) -> Self {
        Self {
            dot: RoundJson::new(&v.round),
            to_chuc: v.orgs.iter().map(OrgRowJson::new).collect(),
            liet_ke_dang_vien: v.members_listed,
            dang_vien: v.members.iter().map(MemberRowJson::new).collect(),
        }
    }
}

/// A rule broken.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct ViolationJson {
    /// The rule's code (`TY_LE_HTXSNV`, `LIEN_THONG_XEP_LOAI`, …).
    pub rule: &'static str,
    /// Whether the rules allow an exception (then recorded with a reason).
    pub exception_allowed: bool,
    /// In Vietnamese, naming the rule and its source.
    pub message_vi: String,
    /// In English.
    pub message_en: String,
}

impl ViolationJson {
    pub(crate) fn all(found: &[Violation]) -> Vec<Self> {
        found
            .iter()
            .map(|v| Self {
                rule: v.rule.code(),
                exception_allowed: v.exception_allowed,
                message_vi: v.message_vi.clone(),
                message_en: v.message_en.clone(),
            })
            .collect()
    }
}

/// What a step or closing recorded: the exceptions taken, or what closing did.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct RecordedJson {
    /// The rules broken by exception, recorded with the reason.
    pub ngoai_le: Vec<ViolationJson>,
    /// Closing: members decided as proposed, ratings written for members and organizations.
    pub ket_thuc: Option<[u64; 3]>,
}

/// A refusal by the rules.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct RatingRefusalJson {
    /// `{"code": "rating_refused", …}`.
    pub error: crate::api::ErrorDetail,
    /// Every rule broken.
    pub violations: Vec<ViolationJson>,
}
