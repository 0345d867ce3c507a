//! The term report (`docs/term-report.md`): the summary's figures, the rating levels,
//! recognitions and merged organizations counted from the member and organization records,
//! the admission figures counted from the dossiers and the commitments from `cam_ket` — one document for the command
//! line, the API and the page.

use crate::{App, Caller, Error};
use dangvu_domain::summary::SummaryParams;
use dangvu_domain::summary::term::TermReport;

impl App {
    /// The term report of a subtree over a period, within the caller's scope.
    pub fn term_report(
        &self,
        caller: &Caller,
        params: &SummaryParams,
    ) -> Result<TermReport, Error> {
        let summary = self.summary(caller, params)?;
        let figures = self.store.term_figures(caller.scope(), params)?;
        let admission = self.admission_figures(caller, &params.org, params.from, params.to)?;
        let mut report = TermReport::assemble(summary, figures, admission);
        report.commitments =
            self.commitment_figures(caller, &params.org, params.from, params.to)?;
        Ok(report)
    }
}
