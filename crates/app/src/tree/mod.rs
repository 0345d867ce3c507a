//! The organization tree as of a date: the roots the caller reaches, one organization
//! with its figures and children.

mod pick;

pub use pick::OrgPick;

use crate::records::{OrgChild, OrgDetail, OrgRef};
use crate::{App, Caller, Error};
use dangvu_domain::summary::Figures;
use dangvu_domain::{Date, OrgCode};

/// A root of the caller's tree with its subtree figures and direct children.
#[derive(Debug, Clone)]
pub struct RootNode {
    /// The organization.
    pub org: OrgRef,
    /// Its subtree's figures on the date.
    pub figures: Figures,
    /// Its direct children with their figures.
    pub children: Vec<OrgChild>,
}

/// One organization on a date: its record, and — when it existed that day — its figures
/// and children.
#[derive(Debug, Clone)]
pub struct OrgOverview {
    /// Name, type, superiors and history.
    pub detail: OrgDetail,
    /// Its subtree's figures; `None` when it did not exist on the date.
    pub figures: Option<Figures>,
    /// Its direct children (empty when it did not exist on the date).
    pub children: Vec<OrgChild>,
}

impl App {
    /// The roots the caller reaches on `as_of` (their scope's root, or every top-level
    /// organization for the whole installation), with figures and children.
    pub fn tree(&self, caller: &Caller, as_of: Date) -> Result<Vec<RootNode>, Error> {
        let (store, scope) = (&self.store, caller.scope());
        store
            .roots(scope, as_of)?
            .into_iter()
            .map(|org| {
                let (figures, children) = store.figures_and_children(scope, &org.code, as_of)?;
                Ok(RootNode {
                    figures,
                    children,
                    org,
                })
            })
            .collect()
    }

    /// The roots the caller reaches on `as_of`, each with its subtree figures.
    pub fn roots(&self, caller: &Caller, as_of: Date) -> Result<Vec<OrgChild>, Error> {
        let (store, scope) = (&self.store, caller.scope());
        store
            .roots(scope, as_of)?
            .into_iter()
            .map(|org| {
                let figures = store.figures(scope, &org.code, as_of)?;
                Ok(OrgChild { org, figures })
            })
            .collect()
    }

    /// One organization on `as_of`, with its figures and children when it existed then.
    pub fn org_overview(
        &self,
        caller: &Caller,
        code: &OrgCode,
        as_of: Date,
    ) -> Result<OrgOverview, Error> {
        let (store, scope) = (&self.store, caller.scope());
        let detail = store.org(scope, code, as_of)?;
        let (figures, children) = match detail.active {
            true => {
                let (figures, children) = store.figures_and_children(scope, code, as_of)?;
                (Some(figures), children)
            }
            false => (None, Vec::new()),
        };
        Ok(OrgOverview {
            detail,
            figures,
            children,
        })
    }

    /// One organization on `as_of` with its subtree figures when it existed then.
    pub fn org_with_figures(
        &self,
        caller: &Caller,
        code: &OrgCode,
        as_of: Date,
    ) -> Result<(OrgDetail, Option<Figures>), Error> {
        let (store, scope) = (&self.store, caller.scope());
        let detail = store.org(scope, code, as_of)?;
        let figures = match detail.active {
            true => Some(store.figures(scope, code, as_of)?),
            false => None,
        };
        Ok((detail, figures))
    }

    /// One organization's record on `as_of`.
    pub fn org(&self, caller: &Caller, code: &OrgCode, as_of: Date) -> Result<OrgDetail, Error> {
        Ok(self.store.org(caller.scope(), code, as_of)?)
    }

    /// The direct children of an organization on `as_of`, with their figures.
    pub fn children(
        &self,
        caller: &Caller,
        code: &OrgCode,
        as_of: Date,
    ) -> Result<Vec<OrgChild>, Error> {
        Ok(self.store.children(caller.scope(), code, as_of)?)
    }
}
