//! `/api/v1/ratings/rounds…`: the rounds a caller reaches, opening one, a round with its
//! rows, a step on a member or an organization, and closing — the same use cases as the
//! pages. A body that cannot be read answers 400; a step or closing the rules refuse 422
//! `rating_refused` with every rule broken (nothing written); a round out of scope 404.

use super::forms::{OpenForm, StepForm, part};
use super::json::{RatingRefusalJson, RecordedJson, RoundDetailJson, RoundJson, ViolationJson};
use super::round_id;
use crate::accounts::auth::Authenticated;
use crate::api::openapi::E404;
use crate::api::{ApiError, ErrorDetail, route};
use crate::error::{AppError, BadInput};
use crate::routes::{self, Resource, RouteSpec, Verb};
use crate::state::AppState;
use crate::ui::i18n::Lang;
use crate::ui::params;
use axum::Json;
use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use dangvu_app::records::{CloseOutcome, RoundOutcome};
use dangvu_domain::ratings::Violation;
use serde::Deserialize;

/// The routes of the rounds API, part of [`crate::api::ROUTES`].
pub(crate) const ROUTES: [RouteSpec; 6] = [
    route(
        Verb::Get,
        "/api/v1/ratings/rounds",
        routes::READ_OR_OWN,
        Resource::None,
        || get(list_rounds),
    ),
    route(
        Verb::Post,
        "/api/v1/ratings/rounds",
        routes::WRITE,
        Resource::None,
        || post(open_round),
    ),
    route(
        Verb::Get,
        "/api/v1/ratings/rounds/{ma}",
        routes::READ_OR_OWN,
        Resource::None,
        || get(get_round),
    ),
    route(
        Verb::Post,
        "/api/v1/ratings/rounds/{ma}/members/{ma_dang_vien}",
        routes::READ_OR_OWN,
        Resource::None,
        || post(member_step),
    ),
    route(
        Verb::Post,
        "/api/v1/ratings/rounds/{ma}/orgs/{ma_to_chuc}",
        routes::WRITE,
        Resource::None,
        || post(org_step),
    ),
    route(
        Verb::Post,
        "/api/v1/ratings/rounds/{ma}/close",
        routes::WRITE,
        Resource::None,
        || post(close_round),
    ),
];

/// 400 of a body.
const E400: &str = "`missing_parameter`, `invalid_code`, `invalid_date`, `invalid_number`, \
     `invalid_text`, `malformed_request`";
/// 422 of a write.
const E422: &str = "`rating_refused`: the rules refuse it (see violations, each naming its \
     rule and source); `change_refused`: the records refuse it (a level that may not take \
     this step, a closed round, a round already open for the period); nothing was written";

/// The query of a round: which part of its subtree lists its members.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct PartQuery {
    /// An organization of the round's subtree: its members are listed.
    pub org: Option<String>,
}

/// The rounds the caller reaches (a member: those they are rated in), newest first.
#[utoipa::path(get, path = "/api/v1/ratings/rounds", tag = "ratings",
    responses((status = 200, description = "The rounds", body = Vec<RoundJson>)))]
#[tracing::instrument(skip_all)]
pub(crate) async fn list_rounds(
    State(state): State<AppState>,
    auth: Authenticated,
) -> Result<Json<Vec<RoundJson>>, ApiError> {
    let caller = auth.caller();
    let rounds = state.run(move |app| app.rating_rounds(&caller)).await?;
    Ok(Json(rounds.iter().map(RoundJson::new).collect()))
}

/// Opens a round for a committee's subtree (201 with its number).
#[utoipa::path(post, path = "/api/v1/ratings/rounds", tag = "ratings",
    request_body = OpenForm,
    responses(
        (status = 201, description = "Opened", body = i64),
        (status = 400, description = E400, body = crate::api::ErrorBody),
        (status = 404, description = E404, body = crate::api::ErrorBody),
        (status = 422, description = E422, body = crate::api::ErrorBody),
    ))]
#[tracing::instrument(skip_all)]
pub(crate) async fn open_round(
    State(state): State<AppState>,
    auth: Authenticated,
    body: Result<Json<OpenForm>, JsonRejection>,
) -> Result<Response, ApiError> {
    let Json(body) = body.map_err(|e| BadInput::Malformed(e.body_text()))?;
    let new = body.round(state.today())?;
    let caller = auth.caller();
    let id = state
        .blocking(move |app| app.open_rating_round(&caller, &new))
        .await?
        .map_err(conflict)?;
    Ok((StatusCode::CREATED, Json(id)).into_response())
}

/// A round with its organizations and the members of the part asked for.
#[utoipa::path(get, path = "/api/v1/ratings/rounds/{ma}", tag = "ratings",
    params(("ma" = i64, Path, description = "Round number"), PartQuery),
    responses(
        (status = 200, description = "The round", body = RoundDetailJson),
        (status = 404, description = E404, body = crate::api::ErrorBody),
    ))]
#[tracing::instrument(skip_all)]
pub(crate) async fn get_round(
    State(state): State<AppState>,
    auth: Authenticated,
    path: Result<Path<String>, PathRejection>,
    query: Result<Query<PartQuery>, QueryRejection>,
) -> Result<Json<RoundDetailJson>, ApiError> {
    let id = round_id(&params::path(path)?)?;
    let part = part(&params::query(query)?.org)?;
    let caller = auth.caller();
    let view = state
        .run(move |app| app.rating_round(&caller, id, part.as_ref()))
        .await?;
    Ok(Json(RoundDetailJson::new(&view)))
}

/// Records a step on a member: `self` (the member themself too), `propose`, `decide`,
/// `reopen`.
#[utoipa::path(post, path = "/api/v1/ratings/rounds/{ma}/members/{ma_dang_vien}", tag = "ratings",
    params(("ma" = i64, Path, description = "Round number"), ("ma_dang_vien" = String, Path, description = "Member code")),
    request_body = StepForm,
    responses(
        (status = 200, description = "Recorded, with the exceptions taken", body = RecordedJson),
        (status = 400, description = E400, body = crate::api::ErrorBody),
        (status = 404, description = E404, body = crate::api::ErrorBody),
        (status = 422, description = E422, body = RatingRefusalJson),
    ))]
#[tracing::instrument(skip_all)]
pub(crate) async fn member_step(
    State(state): State<AppState>,
    auth: Authenticated,
    path: Result<Path<(String, String)>, PathRejection>,
    body: Result<Json<StepForm>, JsonRejection>,
) -> Result<Response, ApiError> {
    let (id, code) = params::path(path)?;
    let id = round_id(&id)?;
    let member = params::member_code(&code)?;
    // The row first: outside the scope is "not found" whatever the body says.
    let (caller, target) = (auth.caller(), member.clone());
    state
        .run(move |app| app.rating_round_member(&caller, id, &target))
        .await?;
    let Json(body) = body.map_err(|e| BadInput::Malformed(e.body_text()))?;
    let step = body.member_step()?;
    let caller = auth.caller();
    let outcome = state
        .run(move |app| app.record_member_rating_step(&caller, id, &member, &step))
        .await?;
    Ok(answered(outcome))
}

/// Records a step on an organization: `review`, `decide`, `reopen`.
#[utoipa::path(post, path = "/api/v1/ratings/rounds/{ma}/orgs/{ma_to_chuc}", tag = "ratings",
    params(("ma" = i64, Path, description = "Round number"), ("ma_to_chuc" = String, Path, description = "Organization code")),
    request_body = StepForm,
    responses(
        (status = 200, description = "Recorded, with the exceptions taken", body = RecordedJson),
        (status = 400, description = E400, body = crate::api::ErrorBody),
        (status = 404, description = E404, body = crate::api::ErrorBody),
        (status = 422, description = E422, body = RatingRefusalJson),
    ))]
#[tracing::instrument(skip_all)]
pub(crate) async fn org_step(
    State(state): State<AppState>,
    auth: Authenticated,
    path: Result<Path<(String, String)>, PathRejection>,
    body: Result<Json<StepForm>, JsonRejection>,
) -> Result<Response, ApiError> {
    let (id, code) = params::path(path)?;
    let id = round_id(&id)?;
    let org = params::org_code("ma_to_chuc", &code)?;
    // The row first: outside the scope is "not found" whatever the body says.
    let (caller, target) = (auth.caller(), org.clone());
    state
        .run(move |app| app.rating_round_org(&caller, id, &target))
        .await?;
    let Json(body) = body.map_err(|e| BadInput::Malformed(e.body_text()))?;
    let step = body.org_step()?;
    let caller = auth.caller();
    let outcome = state
        .run(move |app| app.record_org_rating_step(&caller, id, &org, &step))
        .await?;
    Ok(answered(outcome))
}

/// Closes a round: the rest decided as proposed, the year's ratings written.
#[utoipa::path(post, path = "/api/v1/ratings/rounds/{ma}/close", tag = "ratings",
    params(("ma" = i64, Path, description = "Round number")),
    responses(
        (status = 200, description = "Closed", body = RecordedJson),
        (status = 404, description = E404, body = crate::api::ErrorBody),
        (status = 422, description = E422, body = RatingRefusalJson),
    ))]
#[tracing::instrument(skip_all)]
pub(crate) async fn close_round(
    State(state): State<AppState>,
    auth: Authenticated,
    path: Result<Path<String>, PathRejection>,
) -> Result<Response, ApiError> {
    let id = round_id(&params::path(path)?)?;
    let caller = auth.caller();
    let outcome = state
        .run(move |app| app.close_rating_round(&caller, id))
        .await?;
    Ok(match outcome {
        CloseOutcome::Closed(r) => Json(RecordedJson {
            ngoai_le: Vec::new(),
            ket_thuc: Some([r.members_decided, r.written.0, r.written.1]),
        })
        .into_response(),
        CloseOutcome::Refused(found) => refused(&found),
    })
}

fn answered(outcome: RoundOutcome) -> Response {
    match outcome {
        RoundOutcome::Recorded(excepted) => Json(RecordedJson {
            ngoai_le: ViolationJson::all(&excepted),
            ket_thuc: None,
        })
        .into_response(),
        RoundOutcome::Refused(found) => refused(&found),
    }
}

fn refused(found: &[Violation]) -> Response {
    let body = RatingRefusalJson {
        error: ErrorDetail {
            code: "rating_refused",
            message_vi: Lang::Vi.t("rounds.refused").into_owned(),
            message_en: Lang::En.t("rounds.refused").into_owned(),
        },
        violations: ViolationJson::all(found),
    };
    (StatusCode::UNPROCESSABLE_ENTITY, Json(body)).into_response()
}

/// A round already open for the period is a refusal too.
fn conflict(err: dangvu_app::Error) -> ApiError {
    match err {
        dangvu_app::Error::Store(dangvu_app::StoreError::Conflict { .. }) => AppError::Refused(
            "tổ chức đã có đợt xếp loại cho kỳ này / the committee already has a round for \
             this period"
                .into(),
        )
        .into(),
        other => other.into(),
    }
}
