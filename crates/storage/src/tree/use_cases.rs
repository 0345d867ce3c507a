//! The use cases of the organization tree: roots, one organization, its children.

use super::access::{reachable_orgs, visible_org};
use super::orgs;
use super::search;
use crate::{OrgChild, OrgDetail, OrgRef, Scope, Store, StoreError};
use dangvu_domain::summary::Figures;
use dangvu_domain::{Date, OrgCode};

impl Store {
    /// Organizations without a superior on `as_of` (within scope: the scope root).
    #[tracing::instrument(skip_all, fields(%as_of), err)]
    pub fn roots(&self, scope: &Scope, as_of: Date) -> Result<Vec<OrgRef>, StoreError> {
        self.read(|c| orgs::roots(c, scope, as_of))
    }

    /// One organization as of a date.
    #[tracing::instrument(skip_all, fields(org = %code, %as_of), err)]
    pub fn org(&self, scope: &Scope, code: &OrgCode, as_of: Date) -> Result<OrgDetail, StoreError> {
        self.read(|c| {
            let org_id = visible_org(c, scope, code.as_str())?;
            let mut detail = orgs::detail(c, org_id, as_of)?;
            let named = detail.named_orgs();
            detail.reachable = reachable_orgs(c, scope, &named)?;
            Ok(detail)
        })
    }

    /// An organization's code, name and type, when the scope reaches it: what a list
    /// names its subtree by, without the organization page's figures and history.
    #[tracing::instrument(skip_all, fields(org = %code), err)]
    pub fn org_ref(&self, scope: &Scope, code: &OrgCode) -> Result<OrgRef, StoreError> {
        self.read(|c| {
            let org_id = visible_org(c, scope, code.as_str())?;
            super::refs::org_refs(c, &[org_id])?
                .remove(&org_id)
                .ok_or_else(|| StoreError::Corrupt(format!("organization {code} has no row")))
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
        self.read(|c| {
            let org_id = visible_org(c, scope, code.as_str())?;
            orgs::children(c, org_id, as_of)
        })
    }

    /// An organization's subtree figures on a date and its direct children with theirs, in
    /// one pass over the subtree (what an organization's page shows).
    #[tracing::instrument(skip_all, fields(org = %code, %as_of), err)]
    pub fn figures_and_children(
        &self,
        scope: &Scope,
        code: &OrgCode,
        as_of: Date,
    ) -> Result<(Figures, Vec<OrgChild>), StoreError> {
        self.read(|c| {
            let org_id = visible_org(c, scope, code.as_str())?;
            orgs::figures_and_children(c, org_id, as_of)
        })
    }

    /// The organizations the scope reaches whose code is `text` (any case)
    /// or whose name contains it (without diacritics): upper levels first, at most `limit`.
    #[tracing::instrument(skip_all, fields(text_len = text.len()), err)]
    pub fn find_orgs(
        &self,
        scope: &Scope,
        text: &str,
        limit: usize,
    ) -> Result<Vec<OrgRef>, StoreError> {
        self.read(|c| search::find(c, scope, text, limit))
    }
}
