//! `GET /api/v1/ratings/statistics`: a subtree's organizations and members by level, year
//! by year, as JSON.

use super::StatisticsQuery;
use crate::accounts::auth::Authenticated;
use crate::api::ApiError;
use crate::api::openapi::E404;
use crate::state::AppState;
use crate::ui::params;
use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use dangvu_domain::ratings::statistics::YearStatistics;
use dangvu_domain::summary::term::LevelCounts;
use serde::Serialize;
use utoipa::ToSchema;

/// The statistics of a subtree.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct StatisticsJson {
    /// The subtree's root.
    pub org: String,
    /// Each year of the range, oldest first.
    pub years: Vec<YearJson>,
}

/// One year.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct YearJson {
    /// The year rated.
    pub year: i32,
    /// Grassroots organizations of the subtree on 31 December, by level.
    #[schema(value_type = Object)]
    pub grassroots: LevelCounts,
    /// Cells under a grassroots committee, by level.
    #[schema(value_type = Object)]
    pub cells: LevelCounts,
    /// Members registered in the subtree on 31 December, by level.
    #[schema(value_type = Object)]
    pub members: LevelCounts,
    /// Percentage of grassroots organizations HTTNV or better (target: above 85); null
    /// when none was rated.
    pub grassroots_good_or_better_pct: Option<f64>,
    /// Percentage of members HTNV or better (target: 80 or more); null when none was rated.
    pub members_completed_or_better_pct: Option<f64>,
}

impl From<&YearStatistics> for YearJson {
    fn from(y: &YearStatistics) -> Self {
        Self {
            year: y.year,
            grassroots: y.grassroots,
            cells: y.cells,
            members: y.members,
            grassroots_good_or_better_pct: y.grassroots_good_share().map(one_decimal),
            members_completed_or_better_pct: y.members_completed_share().map(one_decimal),
        }
    }
}

fn one_decimal(pct: f64) -> f64 {
    (pct * 10.0).round() / 10.0
}

/// Each year's organizations and members by level in the subtree of `org`.
#[utoipa::path(get, path = "/api/v1/ratings/statistics", tag = "ratings",
    params(StatisticsQuery),
    responses(
        (status = 200, description = "The statistics, one entry per year (`HTXSNV`, `HTTNV`, `HTNV`, `KHTNV` counts)", body = StatisticsJson),
        (status = 400, description = "`missing_parameter`, `invalid_code`, `invalid_number`, `invalid_period`", body = crate::api::ErrorBody),
        (status = 404, description = E404, body = crate::api::ErrorBody),
    ))]
#[tracing::instrument(skip_all)]
pub(crate) async fn get_statistics(
    State(state): State<AppState>,
    auth: Authenticated,
    query: Result<Query<StatisticsQuery>, QueryRejection>,
) -> Result<Json<StatisticsJson>, ApiError> {
    let query = params::query(query)?;
    let stats = super::statistics(&state, &auth, &query).await?;
    Ok(Json(StatisticsJson {
        org: stats.org.org.code.to_string(),
        years: stats.years.iter().map(YearJson::from).collect(),
    }))
}
