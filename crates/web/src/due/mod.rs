//! What is due (`/due` and `GET /api/v1/due`): the open steps of the workflows in a
//! subtree, with their due days, the late ones first. The home page shows the count of
//! late steps of the reader's scope and links here.

pub(crate) mod api;
pub(crate) mod page;

use dangvu_domain::due::{DueItem, DueKind};

/// Where a step's record is shown: the dossier for the admission steps, the transfer for
/// a transfer not yet received, the member's page for the others.
pub(crate) fn subject_href(item: &DueItem) -> String {
    let code = crate::ui::href::encode(&item.subject);
    match item.kind {
        DueKind::AdmissionDecision | DueKind::AdmissionCeremony => format!("/admissions/{code}"),
        DueKind::TransferCompletion => format!("/transfers/{code}"),
        DueKind::RecognitionReview | DueKind::Badge | DueKind::ExemptionReview => {
            format!("/members/{code}")
        }
    }
}
