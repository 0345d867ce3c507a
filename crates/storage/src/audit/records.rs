//! The audit use cases: recording reads and denials, the administrators' page, and
//! verifying the chain.

use crate::audit::pending::QueuedRow;
use crate::audit::{self, AuditAction, AuditEntity, verify};
use crate::{
    AuditContext, AuditEntry, AuditFilter, AuditHead, AuditPage, AuditReport, AuditVerification,
    ChainHash, Scope, Store, StoreError,
};
use chrono::NaiveDateTime;
use dangvu_domain::actor::Actor;
use serde_json::json;

impl AuditContext {
    /// The audit identity of a signed-in account acting from `source` at `at`.
    pub fn for_actor(actor: &Actor, source: &str, at: NaiveDateTime) -> Self {
        Self {
            actor: actor.username().to_string(),
            source: crate::accounts::throttle::kept(source),
            at,
        }
    }
}

impl Store {
    /// The latest `limit` rows of the audit log, newest first. The log belongs to the whole
    /// installation: any other scope sees none of it.
    #[tracing::instrument(skip_all, fields(limit), err)]
    pub fn audit_log(&self, scope: &Scope, limit: u32) -> Result<Vec<AuditEntry>, StoreError> {
        if !scope.is_whole_installation() {
            return Ok(Vec::new());
        }
        self.flush_pending()?;
        self.read(|c| audit::latest(c, limit))
    }

    /// Records that `ctx` opened the full record `code` of kind `entity` (a member's
    /// profile with the citizen ID): action `read`.
    #[tracing::instrument(skip_all, fields(%entity, code), err)]
    pub fn record_read(
        &self,
        ctx: &AuditContext,
        entity: AuditEntity,
        code: &str,
    ) -> Result<(), StoreError> {
        self.append_or_queue(QueuedRow::read(ctx, entity, code))
    }

    /// Records that `ctx` was refused `attempted` (a route or an action, e.g.
    /// `POST /api/v1/import`) on `entity` `code`: action `denied`.
    #[tracing::instrument(skip_all, fields(attempted, %entity), err)]
    pub fn record_denial(
        &self,
        ctx: &AuditContext,
        attempted: &str,
        entity: AuditEntity,
        code: Option<&str>,
    ) -> Result<(), StoreError> {
        let after = json!({ "attempted": crate::accounts::throttle::kept(attempted) });
        let row = QueuedRow {
            ctx: ctx.clone(),
            action: AuditAction::Denied,
            entity,
            entity_code: code.map(str::to_string),
            after_json: Some(after.to_string()),
        };
        self.append_or_queue(row)
    }

    /// Records that `ctx`'s import was refused because a value of column `field` (a
    /// citizen ID) already belongs to a stored member: action `import.conflict`. The row
    /// says neither which value nor whose record it is.
    #[tracing::instrument(skip_all, fields(field), err)]
    pub fn record_import_conflict(
        &self,
        ctx: &AuditContext,
        field: &str,
    ) -> Result<(), StoreError> {
        let row = QueuedRow {
            ctx: ctx.clone(),
            action: AuditAction::ImportConflict,
            entity: AuditEntity::Dataset,
            entity_code: None,
            after_json: Some(json!({ "field": field }).to_string()),
        };
        self.append_or_queue(row)
    }

    /// How many imports of `actor` were refused for a stored value since `since`
    /// (rows `import.conflict`), for the limit on probing.
    #[tracing::instrument(skip_all, err)]
    pub fn import_conflicts_since(
        &self,
        actor: &str,
        since: NaiveDateTime,
    ) -> Result<u64, StoreError> {
        self.flush_pending()?;
        self.read(|c| audit::count_since(c, actor, AuditAction::ImportConflict, since))
    }

    /// A page of the audit log for the administrators' page, newest first, filtered by
    /// person, kind of record, record code and time. The log belongs to the whole installation: any other scope
    /// gets an empty page.
    #[tracing::instrument(skip_all, err)]
    pub fn audit_entries(
        &self,
        scope: &Scope,
        filter: &AuditFilter,
    ) -> Result<AuditPage, StoreError> {
        if !scope.is_whole_installation() {
            return Ok(AuditPage {
                rows: Vec::new(),
                next: None,
            });
        }
        self.flush_pending()?;
        self.read(|c| audit::entries(c, filter))
    }

    /// Recomputes the audit chain from its first row. Reads only.
    #[tracing::instrument(skip_all, err)]
    pub fn verify_audit(&self) -> Result<AuditVerification, StoreError> {
        self.read(verify::verify)
    }

    /// Recomputes the audit chain, reads its head and, given the head an operator recorded
    /// earlier, tells whether the intact chain still holds it (`dangvu audit verify`).
    /// Reads only: a broken chain is reported, never repaired.
    #[tracing::instrument(skip_all, err)]
    pub fn verify_audit_against(
        &self,
        expected_head: Option<&ChainHash>,
    ) -> Result<AuditReport, StoreError> {
        self.read(|c| verify::report(c, expected_head))
    }

    /// The newest row of the audit log and the number of rows up to it, as stored, for the
    /// operator to record outside the database (the server logs it periodically).
    #[tracing::instrument(skip_all, err)]
    pub fn audit_head(&self) -> Result<AuditHead, StoreError> {
        self.read(verify::head)
    }
}
