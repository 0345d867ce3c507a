//! The use cases of the interchange format: load, the codes an import may refer to,
//! import, export.

use super::import::known;
use super::{export, import, load};
use crate::{
    AuditContext, ImportError, ImportRequest, ImportSummary, LoadStats, Scope, Store, StoreError,
};
use dangvu_domain::OrgCode;
use dangvu_domain::dataset::Dataset;
use dangvu_domain::interchange::KnownCodes;

impl Store {
    /// Writes a whole dataset in one transaction, with its audit row.
    #[tracing::instrument(skip_all, fields(orgs = ds.orgs.len(), members = ds.members.len(), actor = %audit.actor), err)]
    pub fn load_dataset(
        &self,
        ds: &Dataset,
        audit: &AuditContext,
    ) -> Result<LoadStats, StoreError> {
        // A plain (deferred) transaction: a load writes without reading first.
        self.read(|c| load::load(c, ds, audit))
    }

    /// Settles the tables after bulk loads (PostgreSQL's `vacuum`; nothing on SQLite), so
    /// that the first readers after a load get the speed of a settled database. Outside any
    /// transaction, once after the last of a series of loads.
    #[tracing::instrument(skip_all, err)]
    pub fn settle_after_loads(&self) -> Result<(), StoreError> {
        let mut pooled = self.pooled()?;
        load::settle(&mut pooled)
    }

    /// The existing records that the references of an imported file may point to (see
    /// `dangvu_domain::interchange::build_dataset_with`): those `scope` reaches.
    #[tracing::instrument(skip_all, err)]
    pub fn known_codes(&self, scope: &Scope) -> Result<KnownCodes, StoreError> {
        scope.require_organizations()?;
        self.read(|c| known::known_codes(c, scope))
    }

    /// Imports a validated dataset over the stored records: one transaction, all or
    /// nothing, keyed by code, idempotent (see `docs/interchange-format.md` for the rules of an
    /// update). Writes the audit row `import` with the summary; a dry run writes and checks
    /// everything, then rolls back and returns the same summary.
    #[tracing::instrument(skip_all, fields(orgs = request.dataset.orgs.len(), members = request.dataset.members.len(), dry_run = request.dry_run, actor = %audit.actor), err)]
    pub fn import(
        &self,
        scope: &Scope,
        request: &ImportRequest<'_>,
        audit: &AuditContext,
    ) -> Result<ImportSummary, ImportError> {
        scope.require_organizations()?;
        let mut pooled = self.pooled()?;
        import::import(&mut pooled, scope, request, audit)
    }

    /// The records of `org`'s subtree with their full histories (see `export.rs`); `None`:
    /// the scope's root, or everything for the whole installation. An export reads every
    /// record, citizen IDs included: it writes the audit row `export` of `audit` in the
    /// same transaction (masking for the reader is the caller's work).
    #[tracing::instrument(skip_all, fields(org = ?org.map(OrgCode::as_str), actor = %audit.actor), err)]
    pub fn export(
        &self,
        scope: &Scope,
        org: Option<&OrgCode>,
        audit: &AuditContext,
    ) -> Result<Dataset, StoreError> {
        scope.require_organizations()?;
        self.read_audited(
            |c| export::collect(c, scope, org),
            |dataset| export::audit_row(audit, scope, org, dataset),
        )
    }
}
