//! Admissions (phát triển đảng viên): the use cases of an applicant's dossier, from the
//! cell's list to full membership.
//!
//! One function per operation, each taking the [`Caller`]. Reading needs
//! [`Capability::ReadRecords`], recording a step [`Capability::WriteRecords`] (organization
//! staff and cell secretaries, as for members' records); a dossier is in scope when its cell
//! is in the caller's subtree, and "not found" otherwise. A step is checked by
//! `dangvu_domain::admissions` before anything is written: a refused step answers
//! [`StepOutcome::Refused`] with its problems (Vietnamese messages, English for logs, the
//! rule's source) and writes nothing; an overridable problem is let through by
//! [`App::override_check`] with a reason (audited), then the step is recorded again.
//! Deadlines are counted on the installation's working-day calendar.

mod steps;

use crate::{App, Caller, Error};
use dangvu_domain::admissions::deadlines::WorkingDays;
use dangvu_domain::admissions::figures::AdmissionFigures;
use dangvu_domain::due::DueItem;
use dangvu_domain::roles::Capability;
use dangvu_domain::{Date, OrgCode};
use dangvu_storage::{DossierQuery, DossierView, NewDossier};

pub use dangvu_domain::admissions::steps::Step;

impl App {
    /// Opens a dossier: the applicant put on the cell's list. `Conflict` for a code
    /// already used; `Invalid` when the organization is not a cell; not found outside the
    /// scope.
    pub fn open_dossier(&self, caller: &Caller, new: &NewDossier) -> Result<DossierView, Error> {
        permit(caller, Capability::WriteRecords)?;
        let calendar = self.working_days()?;
        let today = caller.scope().today();
        Ok(self
            .store
            .open_dossier(caller.scope(), caller.audit(), new, today, &calendar)?)
    }

    /// One dossier with its stage and the step it waits for on `as_of`.
    pub fn dossier(&self, caller: &Caller, code: &str, as_of: Date) -> Result<DossierView, Error> {
        permit(caller, Capability::ReadRecords)?;
        let calendar = self.working_days()?;
        Ok(self.store.dossier(caller.scope(), code, as_of, &calendar)?)
    }

    /// The dossiers of the cells of `query.org`'s subtree on `query.as_of` (one stage, or
    /// all), in the workflow's order, the earliest deadline first within a stage.
    pub fn dossiers(
        &self,
        caller: &Caller,
        query: &DossierQuery,
    ) -> Result<Vec<DossierView>, Error> {
        permit(caller, Capability::ReadRecords)?;
        let calendar = self.working_days()?;
        Ok(self.store.dossiers(caller.scope(), query, &calendar)?)
    }

    /// The open admission steps in the caller's scope on `as_of` (decisions, ceremonies,
    /// recognition reviews) with their due days: the admissions' part of the due list.
    pub fn admission_due_items(&self, caller: &Caller, as_of: Date) -> Result<Vec<DueItem>, Error> {
        permit(caller, Capability::ReadRecords)?;
        let calendar = self.working_days()?;
        Ok(self
            .store
            .admission_due_items(caller.scope(), as_of, &calendar)?)
    }

    /// The `admission` figures of the term report (report-term.md) for `org`'s subtree and
    /// the period `from..=to`: decisions and ceremonies, and how many were on time.
    pub fn admission_figures(
        &self,
        caller: &Caller,
        org: &OrgCode,
        from: Date,
        to: Date,
    ) -> Result<AdmissionFigures, Error> {
        permit(caller, Capability::ReadRecords)?;
        let calendar = self.working_days()?;
        Ok(self
            .store
            .admission_figures(caller.scope(), org, from, to, &calendar)?)
    }

    /// The working-day calendar deadlines are counted on: the installation's (official
    /// days corrected by the stored ones).
    fn working_days(&self) -> Result<impl WorkingDays, Error> {
        self.working_calendar()
    }
}

/// `Forbidden` unless the caller's role may do `capability`.
fn permit(caller: &Caller, capability: Capability) -> Result<(), Error> {
    caller.permit(capability)
}
