//! Reports computed from the records: the summary report of a subtree and a period, as
//! figures, as the page shows them (with the admissions of each year) and as a workbook.

mod term;
mod workbook;

use crate::records::OrgRef;
use crate::{App, Caller, Error};
use dangvu_domain::summary::{SummaryParams, SummaryReport};

/// The summary report with what a page or a workbook shows beside it.
#[derive(Debug, Clone, PartialEq)]
pub struct SummaryView {
    /// The organization it is about (named in the heading).
    pub org: OrgRef,
    /// The figures (the JSON document).
    pub report: SummaryReport,
    /// Members admitted in each year of the period, every year listed; they add up to
    /// `report.admitted`.
    pub admissions: Vec<(i32, u64)>,
}

impl App {
    /// The summary report (see `docs/summary-report.md`).
    pub fn summary(&self, caller: &Caller, params: &SummaryParams) -> Result<SummaryReport, Error> {
        Ok(self.store.summary(caller.scope(), params)?)
    }

    /// The summary report with the organization it is about and the admissions of each
    /// year, for a page or a workbook.
    pub fn summary_view(
        &self,
        caller: &Caller,
        params: &SummaryParams,
    ) -> Result<SummaryView, Error> {
        let scope = caller.scope();
        let org = self.store.org(scope, &params.org, params.as_of)?.org;
        Ok(SummaryView {
            org,
            report: self.summary(caller, params)?,
            admissions: self.store.admissions_by_year(scope, params)?,
        })
    }
}
