//! The audit log: refusals recorded, the administrators' page, and the chain verified.

use crate::records::{AuditFilter, AuditPage, AuditVerification};
use crate::{App, AuditEntity, Caller, Error};

impl App {
    /// Records that the caller was refused `attempted` (a route or an action).
    pub fn record_denial(&self, caller: &Caller, attempted: &str) -> Result<(), Error> {
        Ok(self
            .store
            .record_denial(caller.audit(), attempted, AuditEntity::Route, None)?)
    }

    /// A page of the audit log, newest first, filtered (administrators only; any other
    /// scope gets an empty page).
    pub fn audit_entries(&self, caller: &Caller, filter: &AuditFilter) -> Result<AuditPage, Error> {
        Ok(self.store.audit_entries(caller.scope(), filter)?)
    }

    /// Recomputes the audit chain from its first row.
    pub fn verify_audit(&self) -> Result<AuditVerification, Error> {
        Ok(self.store.verify_audit()?)
    }
}
