//! `GET /api/v1/due?org=CODE&as_of=YYYY-MM-DD`: the due list as JSON.
//!
//! `org` is required (a program states the subtree it asks about); `as_of` defaults to
//! today. Each step carries `overdue`, computed on `as_of`, so a program need not know the
//! rule.

use crate::accounts::auth::Authenticated;
use crate::api::ApiError;
use crate::api::openapi::{E400_DUE, E404};
use crate::error::BadInput;
use crate::state::AppState;
use crate::ui::params::{self, DueQuery};
use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use dangvu_app::DueList;
use dangvu_domain::Date;
use dangvu_domain::due::DueKind;
use dangvu_domain::enums::Enumeration;
use serde::Serialize;
use utoipa::{IntoParams, ToSchema};

/// The parameters of the due list, as documented (parsed by [`DueQuery`]).
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code, reason = "documentation of the query, read by DueQuery")]
struct DueParamsDoc {
    /// Code of the organization whose subtree is listed.
    #[param(example = "VX")]
    org: String,
    /// The day, `YYYY-MM-DD`; today when absent.
    #[param(example = "2026-11-26")]
    as_of: Option<String>,
}

/// The open steps of a subtree on a day.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct DueBody {
    /// The subtree's root.
    org: String,
    /// The day the list is computed for.
    as_of: Date,
    /// How many steps are late on `as_of`.
    overdue: usize,
    /// The open steps, the most urgent first.
    items: Vec<DueItemBody>,
}

/// One open step.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct DueItemBody {
    /// `QUYET_DINH_KET_NAP`, `LE_KET_NAP`, `XET_CONG_NHAN_CHINH_THUC`,
    /// `HOAN_TAT_CHUYEN_SINH_HOAT`, `TANG_HUY_HIEU` or `XEM_XET_MIEN_SINH_HOAT`.
    kind: String,
    /// The record: a dossier code (admission steps) or a member code.
    subject: String,
    /// The person concerned.
    person: String,
    /// The organization that owes the step.
    org: String,
    /// The day the step became open.
    since: Date,
    /// The last day it may be done on time.
    due_on: Date,
    /// Whether `due_on` has passed on `as_of`.
    overdue: bool,
}

impl DueBody {
    fn from_list(org: String, list: DueList) -> Self {
        let as_of = list.as_of;
        DueBody {
            org,
            as_of,
            overdue: list.overdue(),
            items: list
                .items
                .into_iter()
                .map(|item| DueItemBody {
                    kind: code(item.kind),
                    overdue: item.is_overdue(as_of),
                    subject: item.subject,
                    person: item.person,
                    org: item.org.to_string(),
                    since: item.since,
                    due_on: item.due_on,
                })
                .collect(),
        }
    }
}

fn code(kind: DueKind) -> String {
    kind.code().to_string()
}

/// The open steps (admission decisions and ceremonies, recognition reviews, transfers,
/// exemptions to review, badges) in a subtree, the late ones first.
#[utoipa::path(get, path = "/api/v1/due", tag = "due",
    params(DueParamsDoc),
    responses(
        (status = 200, description = "The due list", body = DueBody),
        (status = 400, description = E400_DUE, body = crate::api::ErrorBody),
        (status = 404, description = E404, body = crate::api::ErrorBody),
    ))]
#[tracing::instrument(skip_all)]
pub(crate) async fn get_due(
    State(state): State<AppState>,
    auth: Authenticated,
    query: Result<Query<DueQuery>, QueryRejection>,
) -> Result<Json<DueBody>, ApiError> {
    let query = params::query(query)?;
    let org = query.org()?.ok_or(BadInput::Missing { field: "org" })?;
    let as_of = query.as_of(state.today())?;
    let caller = auth.caller();
    let asked = org.clone();
    let list = state
        .run(move |app| app.due_list(&caller, Some(&asked), as_of))
        .await?;
    Ok(Json(DueBody::from_list(org.to_string(), list)))
}
