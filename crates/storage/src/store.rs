//! The storage facade: one method per use case, each one transaction.

use crate::access::{visible_member, visible_org};
use crate::conn::{DbConnection, Pool, open_pool};
use crate::schema::organizations;
use crate::{
    AuditContext, AuditEntry, Backend, DatabaseUrl, ImportError, ImportRequest, ImportSummary,
    LoadStats, MemberDetail, MemberPage, MemberQuery, OrgChild, OrgDetail, OrgRef, Scope,
    StoreError, audit, export, figures, import, import_known, load, member_detail, members,
    migrate, orgs, summary,
};
use dangvu_domain::dataset::Dataset;
use dangvu_domain::interchange::KnownCodes;
use dangvu_domain::summary::{Figures, SummaryParams, SummaryReport};
use dangvu_domain::{Date, MemberCode, OrgCode};
use diesel::prelude::*;

/// A connection pool to one database, with migrations applied.
pub struct Store {
    backend: Backend,
    pool: Pool,
}

impl Store {
    /// Opens (creating a SQLite file if needed) and migrates the database.
    #[tracing::instrument(skip_all, fields(db = %url), err)]
    pub fn open(url: &DatabaseUrl) -> Result<Self, StoreError> {
        let (pool, mut first) = open_pool(url)?;
        let applied = migrate::run_pending(&mut first)?;
        if !applied.is_empty() {
            tracing::info!(?applied, "migrations applied");
        }
        let sealed = first.transaction(crate::audit_chain::seal_unchained)?;
        if sealed > 0 {
            tracing::info!(sealed, "audit rows of an earlier version chained");
        }
        Ok(Self {
            backend: url.backend(),
            pool,
        })
    }

    /// The engine in use.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Applies pending migrations; returns the names applied.
    #[tracing::instrument(skip_all, err)]
    pub fn migrate(&self) -> Result<Vec<String>, StoreError> {
        let mut conn = self.pool.get()?;
        migrate::run_pending(&mut conn)
    }

    /// Whether the database holds no organization yet.
    #[tracing::instrument(skip_all, err)]
    pub fn is_empty(&self) -> Result<bool, StoreError> {
        self.transaction(|c| {
            let any: Option<i64> = organizations::table
                .select(organizations::id)
                .first(c)
                .optional()?;
            Ok(any.is_none())
        })
    }

    /// Writes a whole dataset in one transaction, with its audit row.
    #[tracing::instrument(skip_all, fields(orgs = ds.orgs.len(), members = ds.members.len(), actor = %audit.actor), err)]
    pub fn load_dataset(
        &self,
        ds: &Dataset,
        audit: &AuditContext,
    ) -> Result<LoadStats, StoreError> {
        self.transaction(|c| load::load(c, ds, audit))
    }

    /// The existing records that the references of an imported file may point to (see
    /// `dangvu_domain::interchange::build_dataset_with`): those `scope` reaches.
    #[tracing::instrument(skip_all, err)]
    pub fn known_codes(&self, scope: &Scope) -> Result<KnownCodes, StoreError> {
        scope.require_organizations()?;
        self.transaction(|c| import_known::known_codes(c, scope))
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
        let mut pooled = self.pool.get().map_err(StoreError::from)?;
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
        self.write(|c| export::export(c, scope, org, audit))
    }

    /// Organizations without a superior on `as_of` (within scope: the scope root).
    #[tracing::instrument(skip_all, fields(%as_of), err)]
    pub fn roots(&self, scope: &Scope, as_of: Date) -> Result<Vec<OrgRef>, StoreError> {
        self.transaction(|c| orgs::roots(c, scope, as_of))
    }

    /// One organization as of a date.
    #[tracing::instrument(skip_all, fields(org = %code, %as_of), err)]
    pub fn org(&self, scope: &Scope, code: &OrgCode, as_of: Date) -> Result<OrgDetail, StoreError> {
        self.transaction(|c| {
            let org_id = visible_org(c, scope, code.as_str())?;
            orgs::detail(c, org_id, as_of)
        })
    }

    /// The direct children of an organization on a date, with their subtree figures.
    #[tracing::instrument(skip_all, fields(org = %code, %as_of), err)]
    pub fn children(
        &self,
        scope: &Scope,
        code: &OrgCode,
        as_of: Date,
    ) -> Result<Vec<OrgChild>, StoreError> {
        self.transaction(|c| {
            let org_id = visible_org(c, scope, code.as_str())?;
            orgs::children(c, org_id, as_of)
        })
    }

    /// The stock figures of an organization's subtree on a date.
    #[tracing::instrument(skip_all, fields(org = %code, %as_of), err)]
    pub fn figures(
        &self,
        scope: &Scope,
        code: &OrgCode,
        as_of: Date,
    ) -> Result<Figures, StoreError> {
        self.transaction(|c| {
            let org_id = visible_org(c, scope, code.as_str())?;
            figures::figures_of(c, org_id, as_of)
        })
    }

    /// A page of the members of a subtree on a date.
    #[tracing::instrument(skip_all, fields(org = %query.org, as_of = %query.as_of, limit = query.limit), err)]
    pub fn members(&self, scope: &Scope, query: &MemberQuery) -> Result<MemberPage, StoreError> {
        self.transaction(|c| {
            let org_id = visible_org(c, scope, query.org.as_str())?;
            members::page(c, org_id, query)
        })
    }

    /// A member's full record.
    #[tracing::instrument(skip_all, fields(member = %code), err)]
    pub fn member(&self, scope: &Scope, code: &MemberCode) -> Result<MemberDetail, StoreError> {
        self.transaction(|c| {
            let member_id = visible_member(c, scope, code.as_str())?;
            member_detail::detail(c, member_id)
        })
    }

    /// The summary report.
    #[tracing::instrument(skip_all, fields(org = %params.org, from = %params.from, to = %params.to), err)]
    pub fn summary(
        &self,
        scope: &Scope,
        params: &SummaryParams,
    ) -> Result<SummaryReport, StoreError> {
        self.transaction(|c| {
            let org_id = visible_org(c, scope, params.org.as_str())?;
            summary::report(c, org_id, params)
        })
    }

    /// The latest `limit` rows of the audit log, newest first. The log belongs to the whole
    /// installation: any other scope sees none of it.
    #[tracing::instrument(skip_all, fields(limit), err)]
    pub fn audit_log(&self, scope: &Scope, limit: u32) -> Result<Vec<AuditEntry>, StoreError> {
        if !scope.is_whole_installation() {
            return Ok(Vec::new());
        }
        self.transaction(|c| audit::latest(c, limit))
    }

    /// A connection from the pool, for the transactions of `txn.rs`.
    pub(crate) fn pooled(
        &self,
    ) -> Result<diesel::r2d2::PooledConnection<crate::conn::Manager>, StoreError> {
        Ok(self.pool.get()?)
    }

    /// A pooled connection, for the import benchmark's baseline (`import_bench.rs`).
    #[cfg(feature = "testing")]
    pub(crate) fn connection(
        &self,
    ) -> Result<diesel::r2d2::PooledConnection<crate::conn::Manager>, StoreError> {
        Ok(self.pool.get()?)
    }

    /// Runs `work` in one transaction on a pooled connection.
    fn transaction<T>(
        &self,
        work: impl FnOnce(&mut DbConnection) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let mut pooled = self.pool.get()?;
        let conn: &mut DbConnection = &mut pooled;
        conn.transaction(work)
    }
}
