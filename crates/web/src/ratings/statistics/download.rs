//! `GET /ratings/statistics.xlsx?org=&year=`: a year's results for the organizations
//! directly under `org`, as the workbook a committee sends upward.

use crate::accounts::auth::Authenticated;
use crate::error::{AppError, BadInput};
use crate::interchange::Download;
use crate::ratings::RatedQuery;
use crate::state::AppState;
use crate::ui::params;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use chrono::Datelike;

/// `GET /ratings/statistics.xlsx`.
#[tracing::instrument(skip_all)]
pub(crate) async fn download_results(
    State(state): State<AppState>,
    auth: Authenticated,
    query: Result<Query<RatedQuery>, QueryRejection>,
) -> Result<Response, AppError> {
    let query = params::query(query)?;
    let org = query.org()?;
    // The year's range is checked by the use case after the organization's scope, so that
    // an organization outside it is "not found" whatever the year.
    let year = match params::present(&query.year) {
        Some(raw) => raw.parse::<i32>().map_err(|_| BadInput::Number {
            field: "year",
            value: raw.to_string(),
            min: 1930,
            max: 2100,
        })?,
        None => state.today().year(),
    };
    let caller = auth.caller();
    let file = state
        .run(move |app| app.rating_results_workbook(&caller, &org, year))
        .await?;
    Ok(Download::from(file).into_response())
}
