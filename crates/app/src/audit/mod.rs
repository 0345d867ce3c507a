//! The audit log: refusals recorded, the administrators' page, the chain verified and its
//! head read for the operator to keep outside the database.
//!
//! Verifying and reading the head are operations of the installation's operator (the
//! command line, the server's own periodic log), not of a signed-in account: they show no
//! record, only whether the log is intact and the hash of its newest row.

use crate::records::{AuditFilter, AuditHead, AuditPage, AuditReport, ChainHash};
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

    /// Recomputes the audit chain from its first row and reads its head; given the head
    /// the operator recorded earlier, tells whether the intact chain still holds it. Reads
    /// only: a broken chain is reported, never repaired.
    pub fn verify_audit(&self, expected_head: Option<&ChainHash>) -> Result<AuditReport, Error> {
        Ok(self.store.verify_audit_against(expected_head)?)
    }

    /// The newest row of the audit log (`rows=N head=HEX`), for the operator to record
    /// outside the database.
    pub fn audit_head(&self) -> Result<AuditHead, Error> {
        Ok(self.store.audit_head()?)
    }
}
