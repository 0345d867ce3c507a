//! `GET /api/v1/audit`: the audit log as stored, for administrators' tools.
//!
//! The filter and pages of the audit page (`actor`, `entity`, `code`, `from`, `to`,
//! `before`), with each row as the log keeps it: the action and kind codes and the before
//! and after as the JSON text the hash chain covers. The page shows the same rows in words
//! ([`crate::audit::labels`]); a script or an auditor's tool reads them here.

use crate::accounts::auth::Authenticated;
use crate::api::ApiError;
use crate::audit::page::AuditQuery;
use crate::state::AppState;
use crate::ui::params;
use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use chrono::NaiveDateTime;
use dangvu_app::records::{AuditEntry, AuditPage};
use serde::Serialize;
use utoipa::{IntoParams, ToSchema};

/// 400 of the audit log.
const E400_AUDIT: &str = "`invalid_date`, `invalid_period`, `invalid_cursor`, \
     `malformed_request`, `invalid_text`";

/// The filter, as documented (parsed by [`AuditQuery`]).
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code, reason = "documentation of the query, read by AuditQuery")]
struct AuditParamsDoc {
    /// Only rows by this account (a username, or `cli`).
    actor: Option<String>,
    /// Only rows about this kind of record: `account`, `api_token`, `organization`,
    /// `member`, `dataset`, `route`, `audit_log`.
    #[param(example = "member")]
    entity: Option<String>,
    /// Only rows about the record with this code.
    code: Option<String>,
    /// From this day (Vietnam time), `YYYY-MM-DD`.
    from: Option<String>,
    /// To this day included (Vietnam time), `YYYY-MM-DD`.
    to: Option<String>,
    /// The `next` of the previous page.
    before: Option<String>,
}

/// One row of the audit log, as stored.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct AuditRowJson {
    /// Id, in the order rows were written.
    id: i64,
    /// When (UTC).
    at: NaiveDateTime,
    /// Who.
    actor: String,
    /// From where.
    source: String,
    /// What was done: `read`, `login.failed`, `import` …
    action: String,
    /// The kind of record.
    entity: String,
    /// The record's code.
    entity_code: Option<String>,
    /// The record before, as the JSON text the log keeps.
    before_json: Option<String>,
    /// The record after (or the details), as the JSON text the log keeps.
    after_json: Option<String>,
}

/// A page of the audit log, newest first.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct AuditPageJson {
    /// The rows.
    rows: Vec<AuditRowJson>,
    /// The `before` of the next page, if there is one.
    next: Option<i64>,
}

impl From<AuditEntry> for AuditRowJson {
    fn from(row: AuditEntry) -> Self {
        Self {
            id: row.id,
            at: row.at,
            actor: row.actor,
            source: row.source,
            action: row.action,
            entity: row.entity,
            entity_code: row.entity_code,
            before_json: row.before_json,
            after_json: row.after_json,
        }
    }
}

impl From<AuditPage> for AuditPageJson {
    fn from(page: AuditPage) -> Self {
        Self {
            rows: page.rows.into_iter().map(AuditRowJson::from).collect(),
            next: page.next,
        }
    }
}

/// A page of the audit log as stored (administrators only).
#[utoipa::path(get, path = "/api/v1/audit", tag = "audit",
    params(AuditParamsDoc),
    responses(
        (status = 200, description = "Fifty rows, newest first", body = AuditPageJson),
        (status = 400, description = E400_AUDIT, body = crate::api::ErrorBody),
    ))]
#[tracing::instrument(skip_all)]
pub(crate) async fn list_audit(
    State(state): State<AppState>,
    auth: Authenticated,
    query: Result<Query<AuditQuery>, QueryRejection>,
) -> Result<Json<AuditPageJson>, ApiError> {
    let (_, filter) = params::query(query)?.parse()?;
    let caller = auth.caller();
    let page = state
        .run(move |app| app.audit_entries(&caller, &filter))
        .await?;
    Ok(Json(page.into()))
}
