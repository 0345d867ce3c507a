//! Figures and reports computed in SQL over the effective-dated tables: the stock
//! figures of a subtree on a day ([`figures`]) and the summary report over a period
//! ([`summary`]). The domain computes the same numbers in memory as the reference
//! (`tests/figures_agree.rs` checks both agree).

pub(crate) mod figures;
pub(crate) mod subtree;
mod summary;
pub(crate) mod tallies;
mod term;

use crate::tree::access::visible_org;
use crate::{Scope, Store, StoreError};
use dangvu_domain::summary::term::TermFigures;
use dangvu_domain::summary::{Figures, SummaryParams, SummaryReport};
use dangvu_domain::{Date, OrgCode};

/// A derived count as stored (a cell's tally, a subtree's figure): below zero or above two
/// billion, the rows it was summed from disagree with the records — a bug, reported rather
/// than written.
pub(crate) fn stored(n: i64) -> Result<i32, StoreError> {
    i32::try_from(n)
        .ok()
        .filter(|n| *n >= 0)
        .ok_or_else(|| StoreError::Corrupt(format!("a derived count of {n}")))
}

impl Store {
    /// The stock figures of an organization's subtree on a date.
    #[tracing::instrument(skip_all, fields(org = %code, %as_of), err)]
    pub fn figures(
        &self,
        scope: &Scope,
        code: &OrgCode,
        as_of: Date,
    ) -> Result<Figures, StoreError> {
        self.read(|c| {
            let org_id = visible_org(c, scope, code.as_str())?;
            figures::figures_of(c, org_id, as_of)
        })
    }

    /// The term report's figures counted from member and organization records
    /// (`docs/term-report.md`): rating levels, full memberships begun, merged organizations.
    #[tracing::instrument(skip_all, fields(org = %params.org, from = %params.from, to = %params.to), err)]
    pub fn term_figures(
        &self,
        scope: &Scope,
        params: &SummaryParams,
    ) -> Result<TermFigures, StoreError> {
        self.read(|c| {
            let org_id = visible_org(c, scope, params.org.as_str())?;
            term::figures(c, org_id, params)
        })
    }

    /// The summary report.
    #[tracing::instrument(skip_all, fields(org = %params.org, from = %params.from, to = %params.to), err)]
    pub fn summary(
        &self,
        scope: &Scope,
        params: &SummaryParams,
    ) -> Result<SummaryReport, StoreError> {
        self.read(|c| {
            let org_id = visible_org(c, scope, params.org.as_str())?;
            summary::report(c, org_id, params)
        })
    }

    /// The members admitted in each year of the period (the year's part of the period
    /// only), counted as the report's `admitted` is: the years add up to it. Every year of
    /// the period is listed, with 0 when nobody was admitted.
    #[tracing::instrument(skip_all, fields(org = %params.org, from = %params.from, to = %params.to), err)]
    pub fn admissions_by_year(
        &self,
        scope: &Scope,
        params: &SummaryParams,
    ) -> Result<Vec<(i32, u64)>, StoreError> {
        self.read(|c| {
            let org_id = visible_org(c, scope, params.org.as_str())?;
            summary::admissions_by_year(c, org_id, params)
        })
    }
}
