//! The term report (`docs/term-report.md`): the summary's figures, the rating levels,
//! recognitions and merged organizations counted from the member and organization records,
//! and the admission figures counted from the dossiers — one document for the command
//! line, the API and the page.

use crate::{App, Caller, Error};
use dangvu_domain::summary::SummaryParams;
use dangvu_domain::summary::term::{DossierFigures, TermReport};

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
        let dossiers = DossierFigures {
            dossiers_decided: admission.dossiers_decided,
            decided_on_time: admission.decided_on_time,
            ceremonies: admission.ceremonies,
            ceremonies_on_time: admission.ceremonies_on_time,
        };
        Ok(TermReport::assemble(summary, figures, dossiers))
    }
}
