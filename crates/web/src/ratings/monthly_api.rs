//! `GET /api/v1/ratings/monthly?org=CELL&month=YYYY-MM`: a cell's members in a month with
//! their results; `POST` the same address records the month at once, replacing what was
//! recorded (the route table knows GET and POST; the write has the meaning of a PUT).

use super::monthly::{MonthQuery, level, note, parse_month};
use crate::accounts::auth::Authenticated;
use crate::api::ApiError;
use crate::api::openapi::E404;
use crate::error::BadInput;
use crate::state::AppState;
use crate::ui::params::{self, present};
use axum::Json;
use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{Query, State};
use dangvu_app::records::{CellMonth, MonthlyEntry};
use dangvu_domain::enums::Enumeration;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A member's result in a month.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub(crate) struct ResultJson {
    /// Member code.
    pub ma_dang_vien: String,
    /// Full name (answers only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ho_ten: Option<String>,
    /// `HTXSNV`, `HTTNV`, `HTNV`, `KHTNV`; `null` when not recorded.
    pub muc: Option<String>,
    /// Note.
    #[serde(default)]
    pub ghi_chu: Option<String>,
}

/// A cell's month.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct MonthJson {
    /// The organization asked for.
    pub org: String,
    /// The month, `YYYY-MM`.
    pub thang: String,
    /// Whether it is a cell (only cells record monthly results; the list is empty otherwise).
    pub chi_bo: bool,
    /// Its members registered there in the month, in name order.
    pub ket_qua: Vec<ResultJson>,
}

/// The results to record.
#[derive(Debug, Deserialize, ToSchema)]
pub(crate) struct MonthBody {
    /// One entry per member recorded; a member of the cell left out has no result.
    pub ket_qua: Vec<ResultJson>,
}

impl MonthJson {
    fn new(view: &CellMonth) -> Self {
        MonthJson {
            org: view.cell.to_string(),
            thang: view.month.to_string(),
            chi_bo: true,
            ket_qua: view
                .rows
                .iter()
                .map(|r| ResultJson {
                    ma_dang_vien: r.member.to_string(),
                    ho_ten: Some(r.full_name.clone()),
                    muc: r.level.map(|l| l.code().to_string()),
                    ghi_chu: r.note.clone(),
                })
                .collect(),
        }
    }
}

/// A cell's members in a month with the results recorded.
#[utoipa::path(get, path = "/api/v1/ratings/monthly", tag = "ratings",
    params(MonthQuery),
    responses(
        (status = 200, description = "The month", body = MonthJson),
        (status = 400, description = "`missing_parameter`, `invalid_code`, `invalid_date`", body = crate::api::ErrorBody),
        (status = 404, description = E404, body = crate::api::ErrorBody),
    ))]
#[tracing::instrument(skip_all)]
pub(crate) async fn get_monthly(
    State(state): State<AppState>,
    auth: Authenticated,
    query: Result<Query<MonthQuery>, QueryRejection>,
) -> Result<Json<MonthJson>, ApiError> {
    let query = params::query(query)?;
    let org = query.org()?;
    let month = query.month(state.today())?;
    let detail = super::org_in_scope(&state, &auth, &org).await?;
    if !detail.org.org_type.registers_members() {
        return Ok(Json(MonthJson {
            org: org.to_string(),
            thang: month.to_string(),
            chi_bo: false,
            ket_qua: Vec::new(),
        }));
    }
    let caller = auth.caller();
    let view = state
        .run(move |app| app.monthly_cell(&caller, &org, month))
        .await?;
    Ok(Json(MonthJson::new(&view)))
}

/// Records a cell's month (the cell's secretary, staff above it): every member given must
/// be registered in the cell that month, the month must have begun; what was recorded for
/// the cell's members that month is replaced.
#[utoipa::path(post, path = "/api/v1/ratings/monthly", tag = "ratings",
    params(MonthQuery),
    request_body = MonthBody,
    responses(
        (status = 200, description = "Recorded; the month now", body = MonthJson),
        (status = 400, description = "`missing_parameter`, `invalid_code`, `invalid_date`, `malformed_request`", body = crate::api::ErrorBody),
        (status = 404, description = E404, body = crate::api::ErrorBody),
        (status = 422, description = "`change_refused`: a member not registered in the cell that month, a month not begun, a member given twice, not a cell; nothing was written", body = crate::api::ErrorBody),
    ))]
#[tracing::instrument(skip_all)]
pub(crate) async fn post_monthly(
    State(state): State<AppState>,
    auth: Authenticated,
    query: Result<Query<MonthQuery>, QueryRejection>,
    body: Result<Json<MonthBody>, JsonRejection>,
) -> Result<Json<MonthJson>, ApiError> {
    let query = params::query(query)?;
    let org = query.org()?;
    // The organization first: outside the scope is "not found" whatever the body says.
    super::org_in_scope(&state, &auth, &org).await?;
    let raw = present(&query.month).ok_or(BadInput::Missing { field: "month" })?;
    let month = parse_month(raw)?;
    let Json(body) = body.map_err(|e| BadInput::Malformed(e.body_text()))?;
    let mut entries = Vec::with_capacity(body.ket_qua.len());
    for r in &body.ket_qua {
        let Some(level) = level(r.muc.as_deref().unwrap_or_default())? else {
            continue;
        };
        entries.push(MonthlyEntry {
            member: params::member_code(&r.ma_dang_vien)?,
            level,
            note: note(r.ghi_chu.as_deref().unwrap_or_default())?,
        });
    }
    let caller = auth.caller();
    let view = state
        .run(move |app| app.record_monthly(&caller, &org, month, &entries))
        .await?;
    Ok(Json(MonthJson::new(&view)))
}
