//! What the admission use cases take and return.

use dangvu_domain::admissions::{Applicant, Dossier, Problem, Stage};
use dangvu_domain::due::DueItem;
use dangvu_domain::{Date, OrgCode};
use serde::Serialize;

/// A dossier as shown: its facts, its stage, and the step it waits for with the due day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DossierView {
    /// The recorded facts.
    pub dossier: Dossier,
    /// The stage they put it in.
    pub stage: Stage,
    /// The open step with a deadline on the day asked about, if any.
    pub open_step: Option<DueItem>,
}

impl DossierView {
    /// Whether the open step is late on `as_of`.
    pub fn is_overdue(&self, as_of: Date) -> bool {
        self.open_step.as_ref().is_some_and(|s| s.is_overdue(as_of))
    }
}

/// Which dossiers a list shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DossierQuery {
    /// The subtree: dossiers of its cells on `as_of`.
    pub org: OrgCode,
    /// The day the subtree is taken on and the deadlines judged on.
    pub as_of: Date,
    /// Only this stage; `None` = every stage.
    pub stage: Option<Stage>,
}

/// A dossier to open: the applicant on the cell's list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewDossier {
    /// The dossier code (unique).
    pub code: String,
    /// The applicant.
    pub applicant: Applicant,
    /// The cell that considers them.
    pub cell: OrgCode,
    /// The day they were put on the cell's list.
    pub listed_on: Option<Date>,
}

/// What recording a step did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum StepOutcome {
    /// Recorded (with its audit row): the dossier as it now stands.
    Recorded(Box<DossierView>),
    /// Refused by the checks: nothing was written. Overridable problems may be let
    /// through by recording an override with a reason, then the step again.
    Refused(Vec<Problem>),
}
