//! `GET /api/v1/reports/summary`: the document of `shared/spec/report-summary.md`.
//!
//! `org`, `from` and `to` are required (a script states its period); `as_of` defaults to
//! `to`. The body is [`SummaryReport`] serialized as is: its fields are declared in the
//! order of the spec, so keys and their order match it.

use crate::api::ApiError;
use crate::auth::Authenticated;
use crate::params::{self, SummaryQuery};
use crate::state::AppState;
use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use dangvu_domain::summary::SummaryReport;

/// `GET /api/v1/reports/summary?org=&from=&to=&as_of=`.
#[tracing::instrument(skip_all, fields(org))]
pub(crate) async fn get_summary(
    State(state): State<AppState>,
    auth: Authenticated,
    query: Result<Query<SummaryQuery>, QueryRejection>,
) -> Result<Json<SummaryReport>, ApiError> {
    let params = params::query(query)?.params(None)?;
    tracing::Span::current().record("org", params.org.as_str());
    let report = state
        .read(&auth.scope, move |store, scope| {
            store.summary(scope, &params)
        })
        .await?;
    Ok(Json(report))
}
