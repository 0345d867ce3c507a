//! `GET /api/v1/reports/term`: the term report of `docs/term-report.md`.
//!
//! The parameters are the summary report's (`org`, `from`, `to` required; `as_of` defaults
//! to `to`); the body is every key of the summary document followed by the term report's
//! sections, in the order of the documentation.

use crate::accounts::auth::Authenticated;
use crate::api::ApiError;
use crate::api::openapi::{E400_SUMMARY, E404};
use crate::state::AppState;
use crate::ui::params::{self, SummaryQuery};
use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use dangvu_domain::summary::term::TermReport;
use utoipa::IntoParams;

/// The parameters of the report, as documented (parsed by [`SummaryQuery`]).
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code, reason = "documentation of the query, read by SummaryQuery")]
struct TermParamsDoc {
    /// Code of the organization whose subtree is counted.
    #[param(example = "VX")]
    org: String,
    /// First day of the term, `YYYY-MM-DD`.
    #[param(example = "2015-08-01")]
    from: String,
    /// Last day of the term (inclusive), `YYYY-MM-DD`.
    #[param(example = "2020-07-31")]
    to: String,
    /// Day of the stock figures; `to` when absent.
    as_of: Option<String>,
}

/// The term report of a subtree over a term.
///
/// The same document as `dangvu report term --format json`: the summary report's keys,
/// then `rating_levels`, `admission`, `commitments`, `cell_life`, `education`,
/// `mass_mobilization`, `organization` and `inspection` (see docs/term-report.md). A section
/// whose records are not kept yet has zero counts and `null` percentages.
#[utoipa::path(get, path = "/api/v1/reports/term", tag = "reports",
    params(TermParamsDoc),
    responses(
        (status = 200, description = "The term report document", body = Object),
        (status = 400, description = E400_SUMMARY, body = crate::api::ErrorBody),
        (status = 404, description = E404, body = crate::api::ErrorBody),
    ))]
#[tracing::instrument(skip_all, fields(org))]
pub(crate) async fn get_term(
    State(state): State<AppState>,
    auth: Authenticated,
    query: Result<Query<SummaryQuery>, QueryRejection>,
) -> Result<Json<TermReport>, ApiError> {
    let params = params::query(query)?.params(None)?;
    tracing::Span::current().record("org", params.org.as_str());
    let caller = auth.caller();
    let report = state
        .run(move |app| app.term_report(&caller, &params))
        .await?;
    Ok(Json(report))
}
