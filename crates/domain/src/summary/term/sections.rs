//! The sections of the term report (`docs/term-report.md`) beyond the summary's keys.
//!
//! Each section is a plain struct whose fields are declared in the order of the
//! specification, so the JSON keys come out in that order. A section whose records the
//! installation does not keep yet is its `Default`: zero counts and `null` percentages,
//! exactly as the specification asks for absent records.

use crate::enums::Rating;
use serde::{Deserialize, Serialize};

/// The four rating levels, each counted; every key is present.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LevelCounts {
    /// `HTXSNV`.
    #[serde(rename = "HTXSNV")]
    pub htxsnv: u64,
    /// `HTTNV`.
    #[serde(rename = "HTTNV")]
    pub httnv: u64,
    /// `HTNV`.
    #[serde(rename = "HTNV")]
    pub htnv: u64,
    /// `KHTNV`.
    #[serde(rename = "KHTNV")]
    pub khtnv: u64,
}

impl LevelCounts {
    /// Counts one more rating of `level`.
    pub fn add(&mut self, level: Rating, n: u64) {
        match level {
            Rating::Htxsnv => self.htxsnv += n,
            Rating::Httnv => self.httnv += n,
            Rating::Htnv => self.htnv += n,
            Rating::Khtnv => self.khtnv += n,
        }
    }

    /// All ratings counted.
    pub fn total(&self) -> u64 {
        self.htxsnv + self.httnv + self.htnv + self.khtnv
    }
}

/// One year of `rating_levels`: the same year and populations as the summary's `ratings`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RatingLevelsYear {
    /// The year.
    pub year: i32,
    /// Grassroots organizations of the subtree on 31 December, by level.
    pub orgs: LevelCounts,
    /// Members registered in the subtree on 31 December, by level.
    pub members: LevelCounts,
}

/// `admission`: dossiers decided and ceremonies held in the period, and recognitions.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdmissionSection {
    /// Dossiers decided in the period.
    pub dossiers_decided: u64,
    /// Of them, decided within 60 working days of the cell's resolution.
    pub decided_on_time: u64,
    /// Ceremonies held in the period.
    pub ceremonies: u64,
    /// Of them, within 30 working days of the decision.
    pub ceremonies_on_time: u64,
    /// Members whose full membership began in the period, registered in the subtree then.
    pub recognized_official: u64,
}

/// `commitments` (`cam_ket`): not kept yet.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Commitments {
    /// Commitments signed in the period.
    pub signed: u64,
    /// Of them, evaluated as met.
    pub met: u64,
    /// Of them, evaluated as not met.
    pub not_met: u64,
}

/// `cell_life` (meetings, resolutions, tasks, model cells, cells followed): not kept yet.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct CellLife {
    /// Regular meetings held.
    pub regular_meetings: u64,
    /// Thematic meetings held.
    pub thematic_meetings: u64,
    /// Of the meetings, model meetings.
    pub model_meetings: u64,
    /// Present over all attendance rows of those meetings.
    pub attendance_pct: Option<f64>,
    /// Thematic resolutions adopted.
    pub thematic_resolutions: u64,
    /// Tasks assigned by resolutions.
    pub tasks_assigned: u64,
    /// Of them, completed.
    pub tasks_completed: u64,
    /// Completed over assigned.
    pub tasks_completed_pct: Option<f64>,
    /// Distinct cells recognized as model cells.
    pub model_cells: u64,
    /// Cells followed by a committee member on `as_of`, over all cells.
    pub cells_followed_pct: Option<f64>,
}

/// Classes of one kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClassKind {
    /// The kind (`lop_hoc.loai`).
    pub kind: String,
    /// Classes begun in the period.
    pub classes: u64,
    /// Their attendances.
    pub attendances: u64,
}

/// `education` (classes, attendances, exemplary models): not kept yet.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Education {
    /// Classes begun in the period.
    pub classes: u64,
    /// Their attendances.
    pub attendances: u64,
    /// The same per kind, kinds with at least one class.
    pub by_kind: Vec<ClassKind>,
    /// Exemplary models recognized in the period's years.
    pub exemplary: u64,
}

/// `mass_mobilization` (Dân vận khéo models, dialogues, petitions): not kept yet.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MassMobilization {
    /// Models active on `as_of`.
    pub dan_van_models_active: u64,
    /// Models recognized in the period.
    pub dan_van_models_recognized: u64,
    /// Dialogues held.
    pub dialogues: u64,
    /// Petitions raised at them.
    pub petitions: u64,
    /// Of them, resolved.
    pub petitions_resolved: u64,
}

/// Cadre decisions per kind; every key present.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[allow(non_snake_case, reason = "the keys are the interchange codes")]
pub struct CadreKinds {
    /// Transfers.
    pub DIEU_DONG: u64,
    /// Rotations.
    pub LUAN_CHUYEN: u64,
    /// Appointments.
    pub BO_NHIEM: u64,
    /// Re-appointments.
    pub BO_NHIEM_LAI: u64,
    /// Dismissals from a post.
    pub MIEN_NHIEM: u64,
}

/// `organization`: merged organizations (kept) and cadre work (not kept yet).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganizationSection {
    /// Organizations merged into another and dissolved in the period, in the subtree the
    /// day before.
    pub merged_orgs: u64,
    /// Members holding both posts on `as_of`.
    pub secretaries_also_council_chairs: u64,
    /// Transfers, rotations and appointments decided in the period.
    pub cadre_decisions: u64,
    /// Each kind.
    pub cadre_decisions_by_kind: CadreKinds,
}

/// Member discipline per form; every key present.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[allow(non_snake_case, reason = "the keys are the interchange codes")]
pub struct DisciplineForms {
    /// Reprimand.
    pub KHIEN_TRACH: u64,
    /// Warning.
    pub CANH_CAO: u64,
    /// Removal from post.
    pub CACH_CHUC: u64,
    /// Expulsion.
    pub KHAI_TRU: u64,
}

/// `inspection` (inspections, supervisions, discipline, appeals): not kept yet.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InspectionSection {
    /// Inspections begun in the period.
    pub inspections: u64,
    /// Supervisions begun in the period.
    pub supervisions: u64,
    /// Distinct members disciplined.
    pub members_disciplined: u64,
    /// Member decisions per form.
    pub member_disciplines_by_form: DisciplineForms,
    /// Distinct organizations disciplined.
    pub orgs_disciplined: u64,
    /// Appeals filed.
    pub appeals: u64,
    /// Of them, with the form changed or annulled.
    pub appeals_changed: u64,
}
