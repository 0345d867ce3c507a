//! Admissions (phát triển đảng viên): dossiers stored, read through the scope, and written
//! a step at a time with their audit rows (`dangvu_domain::admissions` decides each step).
//!
//! A dossier is in scope when its cell is in the caller's subtree (on the scope's day for
//! one dossier, on the day asked about for lists); out of scope it is "not found". The end
//! steps change the member registry in the same transaction ([`members`]).

pub(crate) mod access;
mod figures;
pub(crate) mod import;
pub(crate) mod load;
mod members;
pub(crate) mod read;
mod rows;
mod use_cases;
mod views;
mod write;

pub use views::*;
