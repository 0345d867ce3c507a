//! Reports computed from the records: the summary report of a subtree and a period.

use crate::records::OrgRef;
use crate::{App, Caller, Error};
use dangvu_domain::summary::{SummaryParams, SummaryReport};

impl App {
    /// The summary report (see `docs/summary-report.md`).
    pub fn summary(&self, caller: &Caller, params: &SummaryParams) -> Result<SummaryReport, Error> {
        Ok(self.store.summary(caller.scope(), params)?)
    }

    /// The summary report with the organization it is about, for a page's heading.
    pub fn summary_with_org(
        &self,
        caller: &Caller,
        params: &SummaryParams,
    ) -> Result<(OrgRef, SummaryReport), Error> {
        let org = self
            .store
            .org(caller.scope(), &params.org, params.as_of)?
            .org;
        Ok((org, self.summary(caller, params)?))
    }
}
