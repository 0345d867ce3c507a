//! `/reports/summary`: the summary report (`docs/summary-report.md`) as a page.
//!
//! A form (organization, period, reference date) and, once an organization is given, the
//! same figures the API serves, with charts of the ratings and admissions per year, links
//! to them as a workbook and as JSON, and a layout for print. The period defaults to this
//! year so far: a term's dates are not a good default for every committee.
//!
//! The organization field takes a code in any case or part of a name without diacritics,
//! resolved within the reader's scope ([`dangvu_app::OrgPick`]): one match gives the report,
//! several give links to choose from beside the field (200), none — or a date that cannot
//! be read — gives the form back as filled with the message beside the field (422).

use super::summary_charts;
use super::summary_form::{FormProblems, Period, SummaryForm};
use crate::accounts::auth::Authenticated;
use crate::error::AppError;
use crate::state::AppState;
use crate::ui::i18n::{Lang, start_of_year};
use crate::ui::layout::{Chrome, PageCtx, render};
use crate::ui::params::{self, SummaryQuery};
use askama::Template;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use dangvu_app::{OrgPick, SummaryView};
use dangvu_domain::summary::{Figures, SummaryParams, SummaryReport};

/// The summary report page.
#[derive(Template)]
#[template(path = "reports_summary.html")]
pub(crate) struct SummaryPage {
    pub lang: Lang,
    pub here: String,
    pub chrome: Chrome,
    pub form: SummaryForm,
    pub problems: FormProblems,
    pub result: Option<SummaryView>,
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

    /// The same report as a workbook.
    fn xlsx_href(&self, report: &SummaryReport) -> String {
        crate::ui::href::summary_xlsx(&report.org, &report.from, &report.to, &report.as_of)
    }

    /// The chart of the ratings per year (none when nothing was rated).
    fn ratings_chart(&self, view: &SummaryView) -> Option<String> {
        summary_charts::ratings(self.lang, &view.report.ratings)
    }

    /// The chart of the admissions per year.
    fn admissions_chart(&self, view: &SummaryView) -> Option<String> {
        summary_charts::admissions(self.lang, &view.admissions)
    }

    /// The ids of the messages that describe a field, for `aria-describedby`.
    fn described_by(&self, field: &str, message: &Option<String>, hint: &str) -> String {
        let mut ids: Vec<String> = Vec::new();
        if !hint.is_empty() {
            ids.push(hint.to_string());
        }
        if message.is_some() {
            ids.push(format!("{field}_error"));
        }
        if field == "org" && !self.problems.choices.is_empty() {
            ids.push("org_choices".into());
        }
        ids.join(" ")
    }
}

/// `GET /reports/summary?org=&from=&to=&as_of=`.
#[tracing::instrument(skip_all, fields(org))]
pub(crate) async fn show_summary(
    ctx: PageCtx,
    State(state): State<AppState>,
    auth: Authenticated,
    query: Result<Query<SummaryQuery>, QueryRejection>,
) -> Result<Response, AppError> {
    let raw = params::query(query)?;
    let today = state.today();
    let (mut form, period) = SummaryForm::read(&raw, (start_of_year(today), today), ctx.lang);
    let mut problems = period.as_ref().err().cloned().unwrap_or_default();
    let mut result = None;
    if raw.has_org() {
        let (caller, text) = (auth.caller(), form.org.clone());
        match state.run(move |app| app.pick_org(&caller, &text)).await? {
            OrgPick::One(org) => form.org = org.code.to_string(),
            OrgPick::Several(choices) => problems.choices = choices,
            OrgPick::None => problems.org = Some(not_found(ctx.lang, &form.org)),
        }
        let ready = !problems.has_errors() && problems.choices.is_empty();
        if let (Ok(period), true) = (period, ready) {
            result = Some(report(&state, &auth, &form, period).await?);
        }
    }
    let status = match problems.has_errors() {
        true => StatusCode::UNPROCESSABLE_ENTITY,
        false => StatusCode::OK,
    };
    let page = SummaryPage {
        lang: ctx.lang,
        here: ctx.here,
        chrome: ctx.chrome,
        form,
        problems,
        result,
    };
    Ok((status, render(&page)?).into_response())
}

/// The report of the organization the form resolved to.
async fn report(
    state: &AppState,
    auth: &Authenticated,
    form: &SummaryForm,
    period: Period,
) -> Result<SummaryView, AppError> {
    let org = params::org_code("org", &form.org)?;
    tracing::Span::current().record("org", org.as_str());
    let params = SummaryParams::new(org, period.from, period.to, period.as_of)?;
    let caller = auth.caller();
    state
        .run(move |app| app.summary_view(&caller, &params))
        .await
}

/// "No organization with the code or name «…» was found": the same words whether it does
/// not exist or lies outside the reader's scope.
fn not_found(lang: Lang, typed: &str) -> String {
    let typed: String = typed.chars().take(64).collect();
    lang.fill("summary.org_not_found", &[("text", &typed)])
}
