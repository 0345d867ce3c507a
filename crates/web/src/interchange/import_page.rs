//! `/import`: importing an interchange file from the browser, in three steps and without
//! any script.
//!
//! 1. `GET /import`: the form (a file, and the date changes without a date of their own
//!    take effect, today by default).
//! 2. `POST /import`: the upload is saved, checked and imported as a dry run, then kept
//!    (see [`crate::interchange::registry`]); the browser is sent to `GET /import/{id}`, which
//!    shows what the import would do — or every problem, with the report to download from
//!    `GET /import/{id}/report`. Nothing is written yet.
//! 3. `POST /import/{id}/confirm`: the real import runs in the background; `GET
//!    /import/{id}` refreshes itself every two seconds until it ends, then shows what was
//!    done. The real import checks everything again against the records as they are then.
//!
//! Every step is scoped: storage refuses rows outside the account's subtree and writes the
//! audit row of the import. An upload is visible to the account that sent it only.

use crate::accounts::auth::Authenticated;
use crate::error::AppError;
use crate::interchange::import_view::{ImportForm, ImportShow};
use crate::interchange::registry::{NewUpload, Stage, Start};
use crate::interchange::{Download, Incoming, StageError, UPLOAD_LIMIT};
use crate::state::AppState;
use crate::ui::layout::{PageCtx, render};
use axum::extract::multipart::MultipartRejection;
use axum::extract::rejection::PathRejection;
use axum::extract::{DefaultBodyLimit, Multipart, Path, State};
use axum::http::header::{LOCATION, REFRESH};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodRouter, post};
use dangvu_app::{ImportOutcome, ImportProgress};

/// `POST /import`, with the body limit of uploads.
pub(crate) fn upload_route() -> MethodRouter<AppState> {
    post(upload).layer(DefaultBodyLimit::max(UPLOAD_LIMIT))
}

/// `GET /import`.
pub(crate) async fn show_form(
    ctx: PageCtx,
    State(state): State<AppState>,
) -> Result<Response, AppError> {
    form_page(ctx, &state, StatusCode::OK, None)
}

/// The form, with `error` (a translation key) when the last attempt could not be used.
fn form_page(
    ctx: PageCtx,
    state: &AppState,
    status: StatusCode,
    error: Option<&'static str>,
) -> Result<Response, AppError> {
    let page = ImportForm {
        error: error.map(|key| ctx.lang.t(key).into_owned()),
        lang: ctx.lang,
        here: ctx.here,
        chrome: ctx.chrome,
        today: state.today(),
    };
    Ok((status, render(&page)?).into_response())
}

/// `POST /import`: save, check, preview; then to the upload's page.
#[tracing::instrument(skip_all, fields(username = %auth.actor.username()))]
pub(crate) async fn upload(
    ctx: PageCtx,
    State(state): State<AppState>,
    auth: Authenticated,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, AppError> {
    let Ok(multipart) = multipart else {
        return form_page(ctx, &state, StatusCode::BAD_REQUEST, Some("import.no_file"));
    };
    let incoming = match Incoming::receive(state.upload_root(), multipart).await {
        Ok(incoming) => incoming,
        Err(error) => return refused_upload(ctx, &state, &auth, error),
    };
    let effective_on = match incoming.field("effective_on").map(str::trim) {
        None | Some("") => state.today(),
        Some(raw) => match crate::ui::date_field::parse("effective_on", raw) {
            Ok(day) => day,
            Err(_) => {
                return form_page(
                    ctx,
                    &state,
                    StatusCode::BAD_REQUEST,
                    Some("import.bad_date"),
                );
            }
        },
    };
    let staged = match incoming.stage_off_workers().await {
        Ok(staged) => staged,
        Err(error) => return refused_upload(ctx, &state, &auth, error),
    };
    let (caller, path) = (auth.caller(), staged.path.clone());
    let outcome = state
        .run(move |app| app.import_file(&caller, &path, effective_on, true, None))
        .await?;
    let (stage, files) = match outcome {
        ImportOutcome::Imported(report) => (Stage::Previewed(report), Some(staged)),
        ImportOutcome::Refused(problems) => (Stage::Refused(problems), None),
    };
    let name = files.as_ref().map_or_else(String::new, |s| s.name.clone());
    keep(
        &state,
        NewUpload {
            owner: auth.actor.username().to_string(),
            sent_at: state.now(),
            name,
            effective_on,
            files,
            stage,
        },
    )
}

/// An upload that could not be staged: the form again, or the problem on the upload's page.
fn refused_upload(
    ctx: PageCtx,
    state: &AppState,
    auth: &Authenticated,
    error: StageError,
) -> Result<Response, AppError> {
    match error {
        StageError::NoFile => {
            form_page(ctx, state, StatusCode::BAD_REQUEST, Some("import.no_file"))
        }
        StageError::Malformed(_) | StageError::Unsupported => form_page(
            ctx,
            state,
            StatusCode::BAD_REQUEST,
            Some("import.malformed"),
        ),
        StageError::TooLarge => form_page(
            ctx,
            state,
            StatusCode::PAYLOAD_TOO_LARGE,
            Some("import.too_large"),
        ),
        StageError::Io(error) => Err(AppError::Internal(format!("saving an upload: {error}"))),
        StageError::Problem(problem) => keep(
            state,
            NewUpload {
                owner: auth.actor.username().to_string(),
                sent_at: state.now(),
                name: problem.source.clone(),
                effective_on: state.today(),
                files: None,
                stage: Stage::Refused(vec![*problem]),
            },
        ),
    }
}

/// Keeps the upload and sends the browser to its page.
fn keep(state: &AppState, upload: NewUpload) -> Result<Response, AppError> {
    let id = state
        .uploads()
        .insert(upload)
        .ok_or_else(|| AppError::Internal("no random source for an upload id".into()))?;
    Ok(see_other(&format!("/import/{id}")))
}

fn see_other(target: &str) -> Response {
    let mut response = StatusCode::SEE_OTHER.into_response();
    if let Ok(location) = HeaderValue::from_str(target) {
        response.headers_mut().insert(LOCATION, location);
    }
    response
}

/// The id of the path; an unreadable one is no upload.
fn upload_id(path: Result<Path<String>, PathRejection>) -> String {
    path.map(|Path(id)| id).unwrap_or_default()
}

/// An upload that is not there (never was, expired, or another account's): 404 with the
/// form, so the person can send the file again.
fn missing(ctx: PageCtx, state: &AppState) -> Result<Response, AppError> {
    form_page(ctx, state, StatusCode::NOT_FOUND, Some("import.missing"))
}

/// `GET /import/{id}`: the preview, the problems, the progress or the result.
pub(crate) async fn show_upload(
    ctx: PageCtx,
    State(state): State<AppState>,
    auth: Authenticated,
    path: Result<Path<String>, PathRejection>,
) -> Result<Response, AppError> {
    let id = upload_id(path);
    let owner = auth.actor.username().to_string();
    let Some(upload) = state.uploads().view(&id, &owner, state.now()) else {
        return missing(ctx, &state);
    };
    let running = upload.stage == Stage::Running;
    let page = ImportShow {
        lang: ctx.lang,
        here: ctx.here,
        chrome: ctx.chrome,
        id,
        upload,
    };
    let mut response = render(&page)?.into_response();
    if running {
        response
            .headers_mut()
            .insert(REFRESH, HeaderValue::from_static("2"));
    }
    Ok(response)
}

/// `POST /import/{id}/confirm`: starts the real import, then back to the upload's page.
#[tracing::instrument(skip_all, fields(username = %auth.actor.username()))]
pub(crate) async fn confirm(
    ctx: PageCtx,
    State(state): State<AppState>,
    auth: Authenticated,
    path: Result<Path<String>, PathRejection>,
) -> Result<Response, AppError> {
    let id = upload_id(path);
    let owner = auth.actor.username().to_string();
    match state.uploads().start(&id, &owner, state.now()) {
        Start::NotFound => missing(ctx, &state),
        Start::NotWaiting => Ok(see_other(&format!("/import/{id}"))),
        Start::Run(job) => {
            spawn_import(state, &auth, id.clone(), job);
            Ok(see_other(&format!("/import/{id}")))
        }
    }
}

/// Runs the real import of `job` on the blocking pool and records how it ended.
fn spawn_import(
    state: AppState,
    auth: &Authenticated,
    id: String,
    job: crate::interchange::registry::Job,
) {
    let caller = auth.caller();
    tokio::spawn(async move {
        let crate::interchange::registry::Job {
            files,
            effective_on,
            progress,
        } = job;
        let outcome = state
            .blocking(move |app| {
                let report = |p: ImportProgress| progress.set(p.done, p.total);
                app.import_file(&caller, &files.path, effective_on, false, Some(&report))
            })
            .await;
        let stage = match outcome {
            Ok(Ok(ImportOutcome::Imported(report))) => Stage::Done(report),
            Ok(Ok(ImportOutcome::Refused(problems))) => Stage::Failed(problems),
            Ok(Err(error)) => {
                tracing::error!(%error, "import failed");
                Stage::Broken
            }
            Err(error) => {
                error.log();
                Stage::Broken
            }
        };
        state.uploads().finish(&id, stage, state.now());
    });
}

/// `GET /import/{id}/report`: the problems as an `.xlsx` to open next to the file.
pub(crate) async fn problem_report(
    ctx: PageCtx,
    State(state): State<AppState>,
    auth: Authenticated,
    path: Result<Path<String>, PathRejection>,
) -> Result<Response, AppError> {
    let id = upload_id(path);
    let owner = auth.actor.username().to_string();
    let problems = match state
        .uploads()
        .view(&id, &owner, state.now())
        .map(|u| u.stage)
    {
        Some(Stage::Refused(problems) | Stage::Failed(problems)) => problems,
        _ => return missing(ctx, &state),
    };
    let bytes = state
        .run(move |app| app.problem_report_bytes(&problems))
        .await?;
    let file_name = format!("{}.xlsx", ctx.lang.t("import.report_file_name"));
    Ok(Download {
        file_name: ascii_name(&file_name),
        content_type: dangvu_app::XLSX_TYPE,
        bytes,
    }
    .into_response())
}

/// A file name safe in a header.
fn ascii_name(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_ascii_graphic() && c != '"' {
                c
            } else {
                '-'
            }
        })
        .collect()
}
