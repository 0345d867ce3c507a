//! The storage facade: one method per use case, each one transaction.

use crate::{
    AuditContext, Backend, DatabaseUrl, LoadStats, MemberDetail, MemberPage, MemberQuery, OrgChild,
    OrgDetail, OrgRef, Scope, StoreError,
};
use dangvu_domain::dataset::Dataset;
use dangvu_domain::summary::{Figures, SummaryParams, SummaryReport};
use dangvu_domain::{Date, MemberCode, OrgCode};

/// A connection pool to one database, with migrations applied.
pub struct Store {
    backend: Backend,
}

#[allow(unused_variables, missing_docs)]
impl Store {
    /// Opens (creating a SQLite file if needed) and migrates the database.
    pub fn open(url: &DatabaseUrl) -> Result<Self, StoreError> {
        unimplemented!()
    }
    /// The engine in use.
    pub fn backend(&self) -> Backend {
        self.backend
    }
    /// Applies pending migrations; returns the names applied.
    pub fn migrate(&self) -> Result<Vec<String>, StoreError> {
        unimplemented!()
    }
    /// Whether the database holds no organization yet.
    pub fn is_empty(&self) -> Result<bool, StoreError> {
        unimplemented!()
    }
    /// Writes a whole dataset in one transaction, with its audit row.
    pub fn load_dataset(
        &self,
        ds: &Dataset,
        audit: &AuditContext,
    ) -> Result<LoadStats, StoreError> {
        unimplemented!()
    }
    /// Organizations without a superior on `as_of` (within scope: the scope root).
    pub fn roots(&self, scope: &Scope, as_of: Date) -> Result<Vec<OrgRef>, StoreError> {
        unimplemented!()
    }
    /// One organization as of a date.
    pub fn org(&self, scope: &Scope, code: &OrgCode, as_of: Date) -> Result<OrgDetail, StoreError> {
        unimplemented!()
    }
    /// The direct children of an organization on a date, with their subtree figures.
    pub fn children(
        &self,
        scope: &Scope,
        code: &OrgCode,
        as_of: Date,
    ) -> Result<Vec<OrgChild>, StoreError> {
        unimplemented!()
    }
    /// The stock figures of an organization's subtree on a date.
    pub fn figures(
        &self,
        scope: &Scope,
        code: &OrgCode,
        as_of: Date,
    ) -> Result<Figures, StoreError> {
        unimplemented!()
    }
    /// A page of the members of a subtree on a date.
    pub fn members(&self, scope: &Scope, query: &MemberQuery) -> Result<MemberPage, StoreError> {
        unimplemented!()
    }
    /// A member's full record.
    pub fn member(&self, scope: &Scope, code: &MemberCode) -> Result<MemberDetail, StoreError> {
        unimplemented!()
    }
    /// The summary report.
    pub fn summary(
        &self,
        scope: &Scope,
        params: &SummaryParams,
    ) -> Result<SummaryReport, StoreError> {
        unimplemented!()
    }
}
