//! `GET /orgs/{code}/export?format=xlsx|csv`: an organization's subtree as an interchange
//! file, downloaded from the button on its page.
//!
//! The organization must be in the reader's scope (404 otherwise, like a missing one) —
//! checked before the format, so the answer says nothing more about codes outside it.
//! Citizen IDs are masked unless the role needs them; storage records the export in the
//! audit log.

use crate::accounts::auth::Authenticated;
use crate::error::{AppError, BadInput};
use crate::interchange::Download;
use crate::state::AppState;
use crate::ui::params;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use dangvu_app::ExportFormat;
use dangvu_domain::OrgCode;
use serde::Deserialize;

/// The query of an export.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct ExportQuery {
    /// `xlsx` (default) or `csv`.
    pub format: Option<String>,
}

/// `GET /orgs/{code}/export`.
#[tracing::instrument(skip_all, fields(org))]
pub(crate) async fn download(
    State(state): State<AppState>,
    auth: Authenticated,
    path: Result<Path<String>, PathRejection>,
    query: Result<Query<ExportQuery>, QueryRejection>,
) -> Result<Download, AppError> {
    let code = params::org_code("org", &params::path(path)?)?;
    tracing::Span::current().record("org", code.as_str());
    let query = params::query(query)?;
    export(&state, &auth, code, query.format.as_deref()).await
}

/// Exports `code` for `auth` in the format named by `raw_format`.
pub(crate) async fn export(
    state: &AppState,
    auth: &Authenticated,
    code: OrgCode,
    raw_format: Option<&str>,
) -> Result<Download, AppError> {
    let today = state.today();
    let (visible, caller) = (code.clone(), auth.caller());
    state
        .run(move |app| app.org(&caller, &visible, today).map(|_| ()))
        .await?;
    let format = ExportFormat::parse(raw_format).ok_or_else(|| BadInput::Code {
        field: "format",
        value: raw_format.unwrap_or_default().to_string(),
    })?;
    let caller = auth.caller();
    let file = state
        .run(move |app| app.export_download(&caller, &code, format, today))
        .await?;
    Ok(file.into())
}
