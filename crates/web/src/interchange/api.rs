//! `POST /api/v1/import` and `GET /api/v1/orgs/{ma}/export`: the interchange files for
//! scripts, the same use cases as the import page and the export button.
//!
//! An import takes the raw file as the body (`.xlsx` or `.zip` of CSV files, by their media
//! type) or a multipart form with one or more file parts, runs it (a dry run with
//! `dry_run=true`) and answers the figures per table — or 422 with every problem, nothing
//! written. Bearer-token requests need no anti-forgery token.

use super::api_json::{ImportRefusedJson, ImportResultJson, ProblemJson};
use crate::accounts::auth::Authenticated;
use crate::api::ApiError;
use crate::api::schema::{ErrorBody, ErrorDetail};
use crate::error::{AppError, BadInput};
use crate::interchange::{Download, Incoming, StageError, UPLOAD_LIMIT};
use crate::routes::{self, Resource, RouteSpec, Surface, Verb};
use crate::state::AppState;
use crate::ui::i18n::Lang;
use crate::ui::params;
use axum::Json;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{DefaultBodyLimit, FromRequest, Multipart, Path, Query, Request, State};
use axum::http::StatusCode;
use axum::http::header::CONTENT_TYPE;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use dangvu_app::ReadProblem;
use dangvu_app::{ImportOutcome, XLSX_TYPE};
use serde::Deserialize;
use utoipa::IntoParams;

/// `POST /api/v1/import`.
pub(crate) const IMPORT: RouteSpec = RouteSpec {
    verb: Verb::Post,
    path: "/api/v1/import",
    surface: Surface::Api,
    access: routes::IMPORT,
    resource: Resource::None,
    handler: || post(import_file).layer(DefaultBodyLimit::max(UPLOAD_LIMIT)),
};

/// `GET /api/v1/orgs/{ma}/export`.
pub(crate) const EXPORT: RouteSpec = RouteSpec {
    verb: Verb::Get,
    path: "/api/v1/orgs/{ma}/export",
    surface: Surface::Api,
    access: routes::EXPORT,
    resource: Resource::OrgInPath,
    handler: || get(export_org),
};

/// The query of an import.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct ImportParams {
    /// `true`: check everything, write nothing. Default `false`.
    pub dry_run: Option<String>,
    /// The day changes without a date of their own take effect (`YYYY-MM-DD`); default today.
    pub effective_on: Option<String>,
}

/// Why an import answered other than 200.
enum Refusal {
    /// A refusal of the request itself (400, 404, 500…).
    Api(ApiError),
    /// A refusal particular to uploads: status, code and the translation key of the message.
    Upload(StatusCode, &'static str, &'static str),
    /// The file cannot be imported.
    Problems(Vec<ReadProblem>),
}

impl<E: Into<AppError>> From<E> for Refusal {
    fn from(error: E) -> Self {
        Refusal::Api(ApiError(error.into()))
    }
}

fn detail(code: &'static str, key: &'static str) -> ErrorDetail {
    ErrorDetail {
        code,
        message_vi: Lang::Vi.t(key).into_owned(),
        message_en: Lang::En.t(key).into_owned(),
    }
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        match self {
            Refusal::Api(error) => error.into_response(),
            Refusal::Upload(status, code, key) => (
                status,
                Json(ErrorBody {
                    error: detail(code, key),
                }),
            )
                .into_response(),
            Refusal::Problems(problems) => {
                let body = ImportRefusedJson {
                    error: detail("import_refused", "import.refused_title"),
                    problems: problems.iter().map(ProblemJson::from).collect(),
                };
                (StatusCode::UNPROCESSABLE_ENTITY, Json(body)).into_response()
            }
        }
    }
}

/// Imports an interchange file into the caller's scope.
#[utoipa::path(post, path = "/api/v1/import", tag = "transfer",
    params(ImportParams),
    request_body(description = "The file: an `.xlsx` workbook, a `.zip` of `<table>.csv` \
        files, or a multipart form whose file parts are one of those or `.csv` files. At most 256 MB.",
        content(
            ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            ("application/zip"),
            ("multipart/form-data"),
        )),
    responses(
        (status = 200, description = "Imported (or, with `dry_run=true`, importable): the figures per table", body = ImportResultJson),
        (status = 400, description = "`missing_parameter`, `invalid_date`, `malformed_request`, `invalid_text`", body = ErrorBody),
        (status = 413, description = "`payload_too_large`: the body exceeds 256 MB", body = ErrorBody),
        (status = 415, description = "`unsupported_media_type`: the body is none of the accepted types", body = ErrorBody),
        (status = 422, description = "`import_refused`: every problem of the file; nothing was written", body = ImportRefusedJson),
    ))]
pub(crate) async fn import_file(
    State(state): State<AppState>,
    auth: Authenticated,
    query: Result<Query<ImportParams>, QueryRejection>,
    request: Request,
) -> Response {
    match run_import(&state, &auth, query, request).await {
        Ok(result) => Json(result).into_response(),
        Err(refusal) => refusal.into_response(),
    }
}

async fn run_import(
    state: &AppState,
    auth: &Authenticated,
    query: Result<Query<ImportParams>, QueryRejection>,
    request: Request,
) -> Result<ImportResultJson, Refusal> {
    let query = params::query(query)?;
    let dry_run = match query.dry_run.as_deref().map(str::trim) {
        None | Some("" | "false" | "0") => false,
        Some("true" | "1") => true,
        Some(other) => return Err(BadInput::Malformed(format!("dry_run={other}")).into()),
    };
    let effective_on =
        params::optional_date("effective_on", &query.effective_on)?.unwrap_or(state.today());
    let incoming = receive(state, request).await.map_err(stage_refusal)?;
    let staged = incoming.stage_off_workers().await.map_err(stage_refusal)?;
    let (caller, path) = (auth.caller(), staged.path.clone());
    let outcome = state
        .run(move |app| app.import_file(&caller, &path, effective_on, dry_run, None))
        .await?;
    drop(staged);
    match outcome {
        ImportOutcome::Imported(report) => Ok(report.into()),
        ImportOutcome::Refused(problems) => Err(Refusal::Problems(problems)),
    }
}

/// The name a workbook sent as the whole body is known by in problems.
const WORKBOOK_NAME: &str = "upload.xlsx";
/// The name a zip sent as the whole body is known by in problems.
const ARCHIVE_NAME: &str = "upload.zip";

/// Saves the body: a multipart form, or one file of a known media type.
async fn receive(state: &AppState, request: Request) -> Result<Incoming, StageError> {
    let media = request
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(|v| v.trim().to_ascii_lowercase())
        .unwrap_or_default();
    let name = match media.as_str() {
        "multipart/form-data" => {
            let multipart = Multipart::from_request(request, state)
                .await
                .map_err(|e| StageError::Malformed(e.body_text()))?;
            return Incoming::receive(state.upload_root(), multipart).await;
        }
        XLSX_TYPE => WORKBOOK_NAME,
        "application/zip" | "application/x-zip-compressed" => ARCHIVE_NAME,
        _ => return Err(StageError::Unsupported),
    };
    let bytes = axum::body::to_bytes(request.into_body(), UPLOAD_LIMIT)
        .await
        .map_err(|_| StageError::TooLarge)?;
    let mut incoming = Incoming::new(state.upload_root())?;
    incoming.add_file(name, &bytes)?;
    Ok(incoming)
}

fn stage_refusal(error: StageError) -> Refusal {
    match error {
        StageError::NoFile => BadInput::Missing { field: "file" }.into(),
        StageError::TooLarge => Refusal::Upload(
            StatusCode::PAYLOAD_TOO_LARGE,
            "payload_too_large",
            "import.too_large",
        ),
        StageError::Malformed(why) => BadInput::Malformed(why).into(),
        StageError::Unsupported => Refusal::Upload(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "import.unsupported",
        ),
        StageError::Problem(problem) => Refusal::Problems(vec![*problem]),
        StageError::Io(error) => AppError::Internal(format!("saving an upload: {error}")).into(),
    }
}

/// The query of an export.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct ExportParams {
    /// `xlsx` (default): one workbook; `csv`: a `.zip` of the CSV folder.
    pub format: Option<String>,
}

/// An organization's subtree as an interchange file; citizen IDs masked unless the role needs them.
#[utoipa::path(get, path = "/api/v1/orgs/{ma}/export", tag = "transfer",
    params(("ma" = String, Path, description = "Organization code"), ExportParams),
    responses(
        (status = 200, description = "The file, named `<code>-<date>.xlsx` or `.zip` in `Content-Disposition`",
            content(
                ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                ("application/zip"),
            )),
        (status = 400, description = "`invalid_code`, `malformed_request`, `invalid_text`", body = ErrorBody),
        (status = 404, description = "`not_found`: no such organization, or one outside the caller's scope (the two look the same)", body = ErrorBody),
    ))]
pub(crate) async fn export_org(
    State(state): State<AppState>,
    auth: Authenticated,
    path: Result<Path<String>, PathRejection>,
    query: Result<Query<ExportParams>, QueryRejection>,
) -> Result<Download, ApiError> {
    let code = params::org_code("ma", &params::path(path)?)?;
    let query = params::query(query)?;
    Ok(
        crate::interchange::export_page::export(&state, &auth, code, query.format.as_deref())
            .await?,
    )
}
