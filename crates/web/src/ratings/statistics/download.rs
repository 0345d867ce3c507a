//! `GET /ratings/statistics.xlsx?org=&year=`: a year's results for the organizations
//! directly under `org`, as the workbook a committee sends upward.

use crate::accounts::auth::Authenticated;
use crate::error::AppError;
use crate::interchange::Download;
use crate::ratings::RatedQuery;
use crate::state::AppState;
use crate::ui::params;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};

/// `GET /ratings/statistics.xlsx`.
#[tracing::instrument(skip_all)]
pub(crate) async fn download_results(
    State(state): State<AppState>,
    auth: Authenticated,
    query: Result<Query<RatedQuery>, QueryRejection>,
) -> Result<Response, AppError> {
    let query = params::query(query)?;
    let org = query.org()?;
    let year = query.year(state.today())?;
    let caller = auth.caller();
    let file = state
        .run(move |app| app.rating_results_workbook(&caller, &org, year))
        .await?;
    Ok(Download::from(file).into_response())
}
