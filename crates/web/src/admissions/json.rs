//! The JSON of admission dossiers: a list, one dossier with every recorded fact, and the
//! bodies of the operations (`POST`), with the error body that names the fields or the
//! rules that refused.

use super::next_step::next_step;
use dangvu_app::records::DossierView;
use dangvu_domain::Date;
use dangvu_domain::admissions::{ProbationEnd, Problem};
use dangvu_domain::enums::Enumeration;
use serde::Serialize;
use std::collections::BTreeMap;
use utoipa::ToSchema;

/// The dossiers of a subtree.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct DossierListJson {
    /// The subtree's root.
    pub org: String,
    /// The day the subtree is taken on and deadlines judged on (today).
    pub as_of: Date,
    /// The stage asked for, if any.
    pub stage: Option<String>,
    /// The dossiers: stages in the workflow's order, the earliest deadline first.
    pub dossiers: Vec<DossierJson>,
}

/// One vote of the cell.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct VoteJson {
    /// The meeting's day.
    pub on: Date,
    /// Official members voting for.
    pub votes_for: u32,
    /// Official members voting against.
    pub votes_against: u32,
    /// Official members of the cell.
    pub official_members: u32,
}

/// A failed check let through.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct OverrideJson {
    /// The check's code (e.g. `QUYET_DINH_TRE_HAN`).
    pub check: String,
    /// Why.
    pub reason: String,
}

/// The step a dossier waits for with a deadline.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct DueJson {
    /// What is due (`QUYET_DINH_KET_NAP`, `LE_KET_NAP`, `XET_CONG_NHAN_CHINH_THUC`).
    pub kind: String,
    /// Open since.
    pub since: Date,
    /// The last day on time.
    pub due_on: Date,
    /// Whether it is late today.
    pub overdue: bool,
}

/// One dossier: the applicant, every recorded step, the stage and what comes next.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct DossierJson {
    /// Dossier code (`ma`).
    pub code: String,
    /// The applicant's full name.
    pub full_name: String,
    /// Sex (`NAM`, `NU`).
    pub gender: String,
    /// Birth date.
    pub birth_date: Date,
    /// Ethnicity.
    pub ethnicity: Option<String>,
    /// General education (`9/12`, `12/12` …).
    pub education: Option<String>,
    /// The cell's code.
    pub cell: String,
    /// The stage's code (`giai_doan`), e.g. `CHI_BO_DE_NGHI`.
    pub stage: String,
    /// The stage's Vietnamese label.
    pub stage_label: String,
    /// The next step's code (the `kind` of `POST …/steps`); null when finished.
    pub next_step: Option<String>,
    /// The step waiting with a deadline, if any.
    pub due: Option<DueJson>,
    /// Put on the cell's list.
    pub listed_on: Option<Date>,
    /// Awareness course completed.
    pub course_on: Option<Date>,
    /// Application and CV received.
    pub application_on: Option<Date>,
    /// The introducing members.
    pub introducers: Vec<String>,
    /// The youth union's resolution introducing the applicant.
    pub youth_union_on: Option<Date>,
    /// The cell's votes, oldest first.
    pub votes: Vec<VoteJson>,
    /// Referred to the superior after votes without two thirds.
    pub referred_on: Option<Date>,
    /// The cell's resolution.
    pub resolution_on: Option<Date>,
    /// The grassroots committee's proposal.
    pub proposal_on: Option<Date>,
    /// The decision's number.
    pub decision_number: Option<String>,
    /// The decision's day.
    pub decision_on: Option<Date>,
    /// The ceremony (= the member's admission day).
    pub ceremony_on: Option<Date>,
    /// The member code once admitted.
    pub member: Option<String>,
    /// Recognition decided on.
    pub recognized_on: Option<Date>,
    /// Struck off at the end of probation on.
    pub struck_off_on: Option<Date>,
    /// Closed without admission on.
    pub closed_on: Option<Date>,
    /// Why it was closed.
    pub closing_reason: Option<String>,
    /// Failed checks let through, with their reasons.
    pub overrides: Vec<OverrideJson>,
}

impl DossierJson {
    /// The JSON of `view` on `today`.
    pub(crate) fn new(view: &DossierView, today: Date) -> Self {
        let d = &view.dossier;
        let (recognized_on, struck_off_on) = match d.probation_end {
            Some(ProbationEnd::Recognized { decided_on }) => (Some(decided_on), None),
            Some(ProbationEnd::StruckOff { on }) => (None, Some(on)),
            None => (None, None),
        };
        Self {
            code: d.code.clone(),
            full_name: d.applicant.full_name.clone(),
            gender: d.applicant.gender.code().to_string(),
            birth_date: d.applicant.birth_date,
            ethnicity: d.applicant.ethnicity.clone(),
            education: d.applicant.education.clone(),
            cell: d.cell.to_string(),
            stage: view.stage.code().to_string(),
            stage_label: view.stage.label_vi().to_string(),
            next_step: next_step(d).map(|k| k.code().to_string()),
            due: view.open_step.as_ref().map(|s| DueJson {
                kind: s.kind.code().to_string(),
                since: s.since,
                due_on: s.due_on,
                overdue: s.is_overdue(today),
            }),
            listed_on: d.listed_on,
            course_on: d.course_on,
            application_on: d.application_on,
            introducers: d.introducers.members().map(ToString::to_string).collect(),
            youth_union_on: d.introducers.youth_union_on,
            votes: d
                .votes
                .iter()
                .map(|v| VoteJson {
                    on: v.on,
                    votes_for: v.votes_for,
                    votes_against: v.votes_against,
                    official_members: v.official_members,
                })
                .collect(),
            referred_on: d.referred_on,
            resolution_on: d.resolution_on,
            proposal_on: d.proposal_on,
            decision_number: d.decision.as_ref().and_then(|x| x.number.clone()),
            decision_on: d.decision.as_ref().map(|x| x.on),
            ceremony_on: d.ceremony_on,
            member: d.member.as_ref().map(ToString::to_string),
            recognized_on,
            struck_off_on,
            closed_on: d.closing.as_ref().map(|c| c.on),
            closing_reason: d.closing.as_ref().map(|c| c.reason.clone()),
            overrides: d
                .overrides
                .iter()
                .map(|o| OverrideJson {
                    check: o.check.code().to_string(),
                    reason: o.reason.clone(),
                })
                .collect(),
        }
    }
}

/// The body of `POST /api/v1/admissions/{ma}/steps`: `kind` and the fields that step
/// takes (dates `YYYY-MM-DD` or `DD/MM/YYYY`).
#[derive(Debug, Serialize, ToSchema)]
#[allow(
    dead_code,
    reason = "documents the body; the handler reads it field by field"
)]
pub(crate) struct StepBody {
    /// `listed`, `course`, `application`, `introducers`, `vote`, `referral`, `proposal`,
    /// `decision`, `ceremony`, `recognize`, `strike_off`, `close` or `override`.
    pub kind: String,
    /// The step's day (every kind but `introducers` and `override`).
    pub on: Option<String>,
    /// `decision`: its number.
    pub number: Option<String>,
    /// `introducers`: the first introducer's member code.
    pub first: Option<String>,
    /// `introducers`: the second one (or `youth_union_on`).
    pub second: Option<String>,
    /// `introducers`: the day of the youth union's resolution.
    pub youth_union_on: Option<String>,
    /// `vote`: official members for.
    pub votes_for: Option<u32>,
    /// `vote`: official members against.
    pub votes_against: Option<u32>,
    /// `vote`: official members of the cell.
    pub official_members: Option<u32>,
    /// `referral`: `yes` or `no` (or a boolean).
    pub approved: Option<String>,
    /// `ceremony`: the new member's code.
    pub member: Option<String>,
    /// `close`, `override`: why.
    pub reason: Option<String>,
    /// `override`: the check's code (`TREN_60_TUOI`, `TRINH_DO_HOC_VAN`, `LOP_NHAN_THUC`,
    /// `QUYET_DINH_TRE_HAN`, `LE_KET_NAP_TRE_HAN`).
    pub check: Option<String>,
}

/// The body of `POST /api/v1/admissions`.
#[derive(Debug, Serialize, ToSchema)]
#[allow(
    dead_code,
    reason = "documents the body; the handler reads it field by field"
)]
pub(crate) struct NewDossierBody {
    /// Dossier code; made from the cell and the day when absent.
    pub code: Option<String>,
    /// Full name.
    pub full_name: String,
    /// `NAM` or `NU`.
    pub gender: String,
    /// Birth date.
    pub birth_date: String,
    /// Ethnicity.
    pub ethnicity: Option<String>,
    /// General education (`12/12` …).
    pub education: Option<String>,
    /// The cell's code (within the caller's scope).
    pub cell: String,
    /// Put on the cell's list.
    pub listed_on: String,
}

/// A rule that refused a step.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct ProblemJson {
    /// The check's code.
    pub check: String,
    /// Whether an `override` step with a reason may let it through.
    pub overridable: bool,
    /// The message, with the rule's source.
    pub message_vi: String,
    /// The same in English.
    pub message_en: String,
}

impl ProblemJson {
    pub(crate) fn new(p: &Problem) -> Self {
        Self {
            check: p.check.code().to_string(),
            overridable: p.overridable(),
            message_vi: p.message_vi(),
            message_en: p.message_en(),
        }
    }
}

/// An operation refused: fields that cannot be used, or the rules that refused the step.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct RefusalBody {
    /// What went wrong.
    pub error: RefusalDetail,
}

/// The detail of a refusal.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct RefusalDetail {
    /// `invalid_field` or `step_refused`.
    pub code: &'static str,
    /// In Vietnamese.
    pub message_vi: String,
    /// In English.
    pub message_en: String,
    /// Messages (Vietnamese) by field name.
    pub fields: BTreeMap<String, String>,
    /// The rules that refused the step.
    pub problems: Vec<ProblemJson>,
}
