//! Admissions (phát triển đảng viên) on the web: the dossiers of a subtree by stage, a
//! dossier's page as a timeline with the form of its next step, the form that opens a
//! dossier, and their JSON twins under `/api/v1/admissions`.
//!
//! Handlers stay thin: a form is read field by field ([`fields`], [`step_form`]) so that a
//! value that cannot be used comes back beside its field (422, nothing written); a step the
//! rules refuse comes back with the problems and their sources, the overridable ones each
//! with a form to let it through with a reason. Reading needs `ReadRecords`, recording
//! `WriteRecords`; a dossier outside the scope is "not found" like one that does not exist
//! (the use cases decide both).

pub(crate) mod api;
pub(crate) mod dossier_page;
mod fields;
mod json;
mod list_page;
mod new_page;
mod next_step;
mod page_forms;
mod reader;
mod step_form;
mod timeline;

pub(crate) use dossier_page::{record_step, show_dossier};
pub(crate) use list_page::show_list;
pub(crate) use new_page::{open_dossier, show_new};
