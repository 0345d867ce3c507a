//! `/reports/summary`: the summary report (`docs/summary-report.md`) as a page.
//!
//! A form (organization, period, reference date) and, once an organization is given, the
//! same figures the API serves, with a link to them as JSON. The period defaults to this
//! year so far: a term's dates are not a good default for every committee.

use crate::accounts::auth::Authenticated;
use crate::error::AppError;
use crate::state::AppState;
use crate::ui::i18n::{Lang, start_of_year};
use crate::ui::layout::{Chrome, PageCtx, render};
use crate::ui::params::{self, SummaryQuery};
use askama::Template;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::response::Html;
use dangvu_app::records::OrgRef;
use dangvu_domain::Date;
use dangvu_domain::summary::{Figures, SummaryReport};

/// The values the form shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SummaryForm {
    /// Organization code as typed (empty before the first submission).
    pub org: String,
    /// First day.
    pub from: Date,
    /// Last day.
    pub to: Date,
    /// Day of the stock figures, if given.
    pub as_of: Option<Date>,
}

/// A computed report with the organization it is about.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SummaryResult {
    /// The organization.
    pub org: OrgRef,
    /// The figures.
    pub report: SummaryReport,
}

/// The summary report page.
#[derive(Template)]
#[template(path = "reports_summary.html")]
pub(crate) struct SummaryPage {
    pub lang: Lang,
    pub here: String,
    pub chrome: Chrome,
    pub form: SummaryForm,
    pub result: Option<SummaryResult>,
}

impl SummaryPage {
    /// "From … to …, figures as of …" for the report heading.
    fn period_text(&self, report: &SummaryReport) -> String {
        self.lang.fill(
            "summary.period",
            &[
                ("from", &self.lang.date(&report.from)),
                ("to", &self.lang.date(&report.to)),
                ("as_of", &self.lang.date(&report.as_of)),
            ],
        )
    }

    /// The stock figures of the report, for the shared figure cards.
    fn figures(&self, report: &SummaryReport) -> Figures {
        report.figures()
    }

    /// The same report as JSON.
    fn json_href(&self, report: &SummaryReport) -> String {
        crate::ui::href::summary_json(&report.org, &report.from, &report.to, &report.as_of)
    }
}

/// `GET /reports/summary?org=&from=&to=&as_of=`.
#[tracing::instrument(skip_all, fields(org))]
pub(crate) async fn show_summary(
    ctx: PageCtx,
    State(state): State<AppState>,
    auth: Authenticated,
    query: Result<Query<SummaryQuery>, QueryRejection>,
) -> Result<Html<String>, AppError> {
    let raw = params::query(query)?;
    let today = state.today();
    let defaults = (start_of_year(today), today);
    let mut form = SummaryForm {
        org: params::present(&raw.org).unwrap_or_default().to_string(),
        from: defaults.0,
        to: defaults.1,
        as_of: None,
    };
    let mut result = None;
    if raw.has_org() {
        let params = raw.params(Some(defaults))?;
        tracing::Span::current().record("org", params.org.as_str());
        form.from = params.from;
        form.to = params.to;
        form.as_of = params::optional_date("as_of", &raw.as_of)?;
        let caller = auth.caller();
        let (org, report) = state
            .run(move |app| app.summary_with_org(&caller, &params))
            .await?;
        result = Some(SummaryResult { org, report });
    }
    render(&SummaryPage {
        lang: ctx.lang,
        here: ctx.here,
        chrome: ctx.chrome,
        form,
        result,
    })
}
