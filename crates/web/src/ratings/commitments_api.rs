//! `/api/v1/ratings/commitments…`: the commitments of a subtree's year, a signature, and an
//! evaluation, for scripts; the same use cases as the page. A body that cannot be read
//! answers 400, a write the records refuse 422 `change_refused` (nothing written).

use super::RatedQuery;
use super::commitment_form::{EvaluateForm, SignForm};
use crate::accounts::auth::Authenticated;
use crate::api::ApiError;
use crate::api::openapi::E404;
use crate::error::BadInput;
use crate::state::AppState;
use crate::ui::params;
use axum::Json;
use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use dangvu_app::records::CommitmentView;
use dangvu_domain::Date;
use dangvu_domain::enums::Enumeration;
use serde::Serialize;
use utoipa::ToSchema;

/// 422 of a write.
const E422: &str = "`change_refused`: the records refuse it (an evaluation before the \
     signing, a day after today, a code already used, an unknown recipient); nothing was written";

/// A commitment, in the keys of `cam_ket`.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct CommitmentJson {
    /// Code.
    pub ma: String,
    /// The year it is for.
    pub nam: i32,
    /// The organization where the signer holds the post.
    pub ma_to_chuc: String,
    /// Its name.
    pub ten_to_chuc: String,
    /// The signer.
    pub ma_nguoi_ky: String,
    /// The signer's name.
    pub ten_nguoi_ky: String,
    /// The post (code of `chuc_vu`).
    pub chuc_vu: &'static str,
    /// The recipient.
    pub ma_nguoi_nhan: Option<String>,
    /// What is committed.
    pub noi_dung: String,
    /// Signing day.
    #[schema(value_type = String, format = Date)]
    pub ngay_ky: Date,
    /// `HOAN_THANH` / `KHONG_HOAN_THANH`; `null` until evaluated.
    pub ket_qua: Option<&'static str>,
    /// Evaluation day.
    #[schema(value_type = Option<String>, format = Date)]
    pub ngay_danh_gia: Option<Date>,
}

impl CommitmentJson {
    fn new(view: &CommitmentView) -> Self {
        let c = &view.commitment;
        CommitmentJson {
            ma: c.code.clone(),
            nam: c.year,
            ma_to_chuc: c.org.to_string(),
            ten_to_chuc: view.org_name.clone(),
            ma_nguoi_ky: c.signer.to_string(),
            ten_nguoi_ky: view.signer_name.clone(),
            chuc_vu: c.post.code(),
            ma_nguoi_nhan: c.recipient.as_ref().map(ToString::to_string),
            noi_dung: c.content.clone(),
            ngay_ky: c.signed_on,
            ket_qua: c.evaluation.map(|e| e.outcome.code()),
            ngay_danh_gia: c.evaluation.map(|e| e.on),
        }
    }
}

/// The commitments for a year whose organization was in the subtree on the signing day.
#[utoipa::path(get, path = "/api/v1/ratings/commitments", tag = "ratings",
    params(RatedQuery),
    responses(
        (status = 200, description = "The commitments, by signing day", body = Vec<CommitmentJson>),
        (status = 400, description = "`missing_parameter`, `invalid_code`, `invalid_number`", body = crate::api::ErrorBody),
        (status = 404, description = E404, body = crate::api::ErrorBody),
    ))]
#[tracing::instrument(skip_all)]
pub(crate) async fn list_commitments(
    State(state): State<AppState>,
    auth: Authenticated,
    query: Result<Query<RatedQuery>, QueryRejection>,
) -> Result<Json<Vec<CommitmentJson>>, ApiError> {
    let query = params::query(query)?;
    let org = query.org()?;
    let year = query.year(state.today())?;
    let caller = auth.caller();
    let rows = state
        .run(move |app| app.commitments(&caller, &org, year))
        .await?;
    Ok(Json(rows.iter().map(CommitmentJson::new).collect()))
}

/// Records a signed commitment of the organization `org` (201 with it).
#[utoipa::path(post, path = "/api/v1/ratings/commitments", tag = "ratings",
    params(RatedQuery),
    request_body = SignForm,
    responses(
        (status = 201, description = "Recorded", body = CommitmentJson),
        (status = 400, description = "`missing_parameter`, `invalid_code`, `invalid_date`, `invalid_number`, `malformed_request`", body = crate::api::ErrorBody),
        (status = 404, description = E404, body = crate::api::ErrorBody),
        (status = 422, description = E422, body = crate::api::ErrorBody),
    ))]
#[tracing::instrument(skip_all)]
pub(crate) async fn post_commitment(
    State(state): State<AppState>,
    auth: Authenticated,
    query: Result<Query<RatedQuery>, QueryRejection>,
    body: Result<Json<SignForm>, JsonRejection>,
) -> Result<Response, ApiError> {
    let query = params::query(query)?;
    let org = query.org()?;
    // The organization first: outside the scope is "not found" whatever the body says.
    super::org_in_scope(&state, &auth, &org).await?;
    let Json(body) = body.map_err(|e| BadInput::Malformed(e.body_text()))?;
    let new = body.commitment(&org)?;
    let caller = auth.caller();
    let view = state
        .run(move |app| app.sign_commitment(&caller, &new))
        .await?;
    Ok((StatusCode::CREATED, Json(CommitmentJson::new(&view))).into_response())
}

/// Records the year-end evaluation of commitment `ma`.
#[utoipa::path(post, path = "/api/v1/ratings/commitments/{ma}/evaluation", tag = "ratings",
    params(("ma" = String, Path, description = "Commitment code")),
    request_body = EvaluateForm,
    responses(
        (status = 200, description = "Recorded; the commitment now", body = CommitmentJson),
        (status = 400, description = "`missing_parameter`, `invalid_code`, `invalid_date`, `malformed_request`", body = crate::api::ErrorBody),
        (status = 404, description = E404, body = crate::api::ErrorBody),
        (status = 422, description = E422, body = crate::api::ErrorBody),
    ))]
#[tracing::instrument(skip_all)]
pub(crate) async fn post_evaluation(
    State(state): State<AppState>,
    auth: Authenticated,
    path: Result<Path<String>, PathRejection>,
    body: Result<Json<EvaluateForm>, JsonRejection>,
) -> Result<Json<CommitmentJson>, ApiError> {
    let raw = params::path(path)?;
    let code = params::member_code(&raw)?.as_str().to_owned();
    // The commitment first: outside the scope is "not found" whatever the body says.
    let (caller, wanted) = (auth.caller(), code.clone());
    state
        .run(move |app| app.commitment(&caller, &wanted))
        .await?;
    let Json(body) = body.map_err(|e| BadInput::Malformed(e.body_text()))?;
    let evaluation = body.evaluation()?;
    let caller = auth.caller();
    let view = state
        .run(move |app| app.evaluate_commitment(&caller, &code, evaluation))
        .await?;
    Ok(Json(CommitmentJson::new(&view)))
}
