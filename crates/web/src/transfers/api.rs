//! `/api/v1/transfers…`: the transfers of the caller's scope, one transfer, a decision (or
//! temporary attendance), and a step, for scripts. The same use cases as the pages: a body
//! that cannot be read answers 400, a write the records refuse 422 `change_refused`
//! (nothing written); a transfer neither side of which is in scope is 404.

use super::forms::{NewForm, StepForm};
use super::json::{TransferJson, TransferListJson};
use super::show_page::transfer_id;
use crate::accounts::auth::Authenticated;
use crate::api::ApiError;
use crate::api::openapi::E404;
use crate::api::route;
use crate::error::{AppError, BadInput};
use crate::routes::{self, Resource, RouteSpec, Verb};
use crate::state::AppState;
use axum::Json;
use axum::extract::rejection::{JsonRejection, PathRejection};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};

/// The routes of the transfers API, part of [`crate::api::ROUTES`].
pub(crate) const ROUTES: [RouteSpec; 4] = [
    route(
        Verb::Get,
        "/api/v1/transfers",
        routes::READ,
        Resource::None,
        || get(list_transfers),
    ),
    route(
        Verb::Post,
        "/api/v1/transfers",
        routes::WRITE,
        Resource::None,
        || post(create_transfer),
    ),
    route(
        Verb::Get,
        "/api/v1/transfers/{ma}",
        routes::READ,
        Resource::None,
        || get(get_transfer),
    ),
    route(
        Verb::Post,
        "/api/v1/transfers/{ma}/steps",
        routes::WRITE,
        Resource::None,
        || post(record_step),
    ),
];

/// 400 of a body.
const E400: &str = "`missing_parameter`, `invalid_code`, `invalid_date`, `invalid_text`, \
     `malformed_request`";
/// 422 of a write.
const E422: &str = "`change_refused`: the records refuse it (days out of order, a member not \
     registered in a cell, a receiving organization that is not a cell, a length of temporary \
     attendance not allowed); nothing was written";

/// The transfers whose sending or receiving organization the caller reaches, by stage.
#[utoipa::path(get, path = "/api/v1/transfers", tag = "transfers",
    responses((status = 200, description = "The transfers", body = TransferListJson)))]
#[tracing::instrument(skip_all)]
pub(crate) async fn list_transfers(
    State(state): State<AppState>,
    auth: Authenticated,
) -> Result<Json<TransferListJson>, ApiError> {
    let caller = auth.caller();
    let today = state.today();
    let list = state
        .run(move |app| app.transfer_list(&caller, today))
        .await?;
    Ok(Json(TransferListJson::new(&list)))
}

/// One transfer with its recorded days.
#[utoipa::path(get, path = "/api/v1/transfers/{ma}", tag = "transfers",
    params(("ma" = i64, Path, description = "Transfer number")),
    responses(
        (status = 200, description = "The transfer", body = TransferJson),
        (status = 404, description = E404, body = crate::api::ErrorBody),
    ))]
#[tracing::instrument(skip_all)]
pub(crate) async fn get_transfer(
    State(state): State<AppState>,
    auth: Authenticated,
    path: Result<Path<String>, PathRejection>,
) -> Result<Json<TransferJson>, ApiError> {
    let id = transfer_id(path)?;
    let caller = auth.caller();
    let view = state.run(move |app| app.transfer(&caller, id)).await?;
    Ok(Json(TransferJson::new(&view, state.today())))
}

/// Records an official transfer's decision (`transfer_kind` `CHINH_THUC`) or a temporary
/// attendance (201 with the transfer). The member must be in scope; the receiving cell
/// may lie outside it.
#[utoipa::path(post, path = "/api/v1/transfers", tag = "transfers",
    request_body = NewForm,
    responses(
        (status = 201, description = "Recorded", body = TransferJson),
        (status = 400, description = E400, body = crate::api::ErrorBody),
        (status = 404, description = E404, body = crate::api::ErrorBody),
        (status = 422, description = E422, body = crate::api::ErrorBody),
    ))]
#[tracing::instrument(skip_all)]
pub(crate) async fn create_transfer(
    State(state): State<AppState>,
    auth: Authenticated,
    body: Result<Json<NewForm>, JsonRejection>,
) -> Result<Response, ApiError> {
    let Json(body) = body.map_err(|e| BadInput::Malformed(e.body_text()))?;
    let creation = body.creation()?;
    let caller = auth.caller();
    let view = state
        .blocking(move |app| match &creation {
            super::forms::Creation::Official(new) => app.decide_transfer(&caller, new),
            super::forms::Creation::Temporary(new) => app.record_temporary_attendance(&caller, new),
        })
        .await?
        .map_err(refused)?;
    let json = TransferJson::new(&view, state.today());
    Ok((StatusCode::CREATED, Json(json)).into_response())
}

/// Records a step: `introduce` or `cancel` (sending side), `receive` (receiving side).
#[utoipa::path(post, path = "/api/v1/transfers/{ma}/steps", tag = "transfers",
    params(("ma" = i64, Path, description = "Transfer number")),
    request_body = StepForm,
    responses(
        (status = 200, description = "Recorded; the transfer now", body = TransferJson),
        (status = 400, description = E400, body = crate::api::ErrorBody),
        (status = 404, description = E404, body = crate::api::ErrorBody),
        (status = 422, description = E422, body = crate::api::ErrorBody),
    ))]
#[tracing::instrument(skip_all)]
pub(crate) async fn record_step(
    State(state): State<AppState>,
    auth: Authenticated,
    path: Result<Path<String>, PathRejection>,
    body: Result<Json<StepForm>, JsonRejection>,
) -> Result<Json<TransferJson>, ApiError> {
    let id = transfer_id(path)?;
    // The transfer first: outside the scope is "not found" whatever the body says.
    let caller = auth.caller();
    state.run(move |app| app.transfer(&caller, id)).await?;
    let Json(body) = body.map_err(|e| BadInput::Malformed(e.body_text()))?;
    let step = body.step()?;
    let caller = auth.caller();
    let view = state
        .blocking(move |app| app.record_transfer_step(&caller, id, &step))
        .await?
        .map_err(refused)?;
    Ok(Json(TransferJson::new(&view, state.today())))
}

/// A refused write: a conflict (an official transfer already open) is a refusal too.
fn refused(err: dangvu_app::Error) -> ApiError {
    match err {
        dangvu_app::Error::Store(dangvu_app::StoreError::Conflict { .. }) => AppError::Refused(
            "đảng viên đang có một việc chuyển sinh hoạt chính thức chưa hoàn tất / the \
                 member already has an official transfer under way"
                .into(),
        )
        .into(),
        other => other.into(),
    }
}
