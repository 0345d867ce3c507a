//! `GET /api/v1/ratings/rated`: who is rated in a subtree for a year, as JSON.

use super::RatedQuery;
use crate::accounts::auth::Authenticated;
use crate::api::ApiError;
use crate::api::openapi::E404;
use crate::state::AppState;
use crate::ui::params;
use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use dangvu_domain::Date;
use serde::Serialize;
use utoipa::ToSchema;

/// Who is rated.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct RatedJson {
    /// The subtree's root.
    pub org: String,
    /// The year rated.
    pub year: i32,
    /// The regulations of that year.
    pub rule_set: &'static str,
    /// The reference day (31 December).
    #[schema(value_type = String, format = Date)]
    pub reference: Date,
    /// Codes of the members rated, in Vietnamese name order.
    pub rated: Vec<String>,
    /// The members left out, with the reason.
    pub not_rated: Vec<NotRatedJson>,
}

/// A member left out of the rating.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct NotRatedJson {
    /// Member code.
    pub ma: String,
    /// Full name.
    pub ho_ten: String,
    /// Why, in Vietnamese.
    pub reason_vi: String,
    /// Why, in English.
    pub reason_en: String,
}

/// Who is rated in the subtree of `org` for `year`, and why the others are not.
#[utoipa::path(get, path = "/api/v1/ratings/rated", tag = "ratings",
    params(RatedQuery),
    responses(
        (status = 200, description = "Who is rated", body = RatedJson),
        (status = 400, description = "`missing_parameter`, `invalid_code`, `invalid_number`", body = crate::api::ErrorBody),
        (status = 404, description = E404, body = crate::api::ErrorBody),
    ))]
#[tracing::instrument(skip_all)]
pub(crate) async fn get_rated(
    State(state): State<AppState>,
    auth: Authenticated,
    query: Result<Query<RatedQuery>, QueryRejection>,
) -> Result<Json<RatedJson>, ApiError> {
    let query = params::query(query)?;
    let list = super::rated_list(&state, &auth, &query).await?;
    Ok(Json(RatedJson {
        org: list.org.org.code.to_string(),
        year: list.year,
        rule_set: list.rules.name,
        reference: list.reference,
        rated: list.rated.iter().map(|m| m.code.to_string()).collect(),
        not_rated: list
            .not_rated
            .iter()
            .map(|(m, why)| NotRatedJson {
                ma: m.code.to_string(),
                ho_ten: m.full_name.clone(),
                reason_vi: why.explain_vi(),
                reason_en: why.explain_en(),
            })
            .collect(),
    }))
}
