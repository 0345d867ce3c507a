//! `/api/v1/orgs…`: the organization tree as of a date, read within the caller's scope.
//!
//! The roots the caller sees (the whole installation's roots for an administrator, the
//! scope's root for anyone else), one organization with its history and figures, and its
//! direct children with theirs. An organization outside the scope answers 404 exactly like
//! one that does not exist; one that did not exist on the date still answers, with
//! `active: false` and no figures, since its history is what the caller came for.

use crate::accounts::auth::Authenticated;
use crate::api::ApiError;
use crate::api::openapi::{E400_CODE_DATE, E400_DATE, E404};
use crate::api::query::AsOfParams;
use crate::api::schema::{FiguresJson, OrgFiguresJson, OrgRefJson};
use crate::state::AppState;
use crate::ui::params;
use axum::Json;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use dangvu_app::records::{OrgChild, OrgDetail, ParentPeriod};
use dangvu_domain::Date;
use serde::Serialize;
use utoipa::ToSchema;

/// The roots of the tree visible to the caller on a date.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct OrgListJson {
    /// The date of the tree.
    pub as_of: Date,
    /// The roots, by code, with their subtrees' figures.
    pub orgs: Vec<OrgFiguresJson>,
}

/// One organization as of a date: its life, its superiors over time and its figures.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct OrgJson {
    /// The organization.
    #[serde(flatten)]
    pub org: OrgRefJson,
    /// The date asked.
    pub as_of: Date,
    /// Whether it exists on `as_of`.
    pub active: bool,
    /// Founding date (`ngay_thanh_lap`); null when it existed before any recorded date.
    pub founded_on: Option<Date>,
    /// The date it ceased (`ngay_giai_the`): active before it, not on or after.
    pub dissolved_on: Option<Date>,
    /// The organization it merged into (`ma_sap_nhap_vao`).
    pub merged_into: Option<OrgRefJson>,
    /// Its superiors on `as_of`, root first (empty for a root or when inactive).
    pub ancestors: Vec<OrgRefJson>,
    /// Every superior it has had, oldest first.
    pub parent_history: Vec<ParentPeriodJson>,
    /// Its subtree's figures on `as_of`; null when it did not exist then.
    pub figures: Option<FiguresJson>,
}

/// A superior over a period `[from, to)`.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct ParentPeriodJson {
    /// First day; null when since before any recorded date.
    pub from: Option<Date>,
    /// First day it no longer holds; null while it holds.
    pub to: Option<Date>,
    /// The superior; null while the organization stood as a root.
    pub parent: Option<OrgRefJson>,
}

/// The direct children of an organization on a date.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct OrgChildrenJson {
    /// The parent's code.
    pub org: String,
    /// The date of the tree.
    pub as_of: Date,
    /// The children, by code, with their subtrees' figures.
    pub children: Vec<OrgFiguresJson>,
}

impl From<OrgChild> for OrgFiguresJson {
    fn from(child: OrgChild) -> Self {
        Self {
            org: child.org.into(),
            figures: child.figures.into(),
        }
    }
}

impl From<ParentPeriod> for ParentPeriodJson {
    fn from(parent: ParentPeriod) -> Self {
        Self {
            from: parent.period.start(),
            to: parent.period.end(),
            parent: parent.parent.map(Into::into),
        }
    }
}

impl OrgJson {
    fn new(detail: OrgDetail, as_of: Date, figures: Option<FiguresJson>) -> Self {
        Self {
            org: detail.org.into(),
            as_of,
            active: detail.active,
            founded_on: detail.founded_on,
            dissolved_on: detail.dissolved_on,
            merged_into: detail.merged_into.map(Into::into),
            ancestors: detail.ancestors.into_iter().map(Into::into).collect(),
            parent_history: detail.parent_history.into_iter().map(Into::into).collect(),
            figures,
        }
    }
}

/// The roots of the organization tree visible to the caller.
///
/// An administrator sees every organization standing as a root on the date; any other
/// account sees its scope's root.
#[utoipa::path(get, path = "/api/v1/orgs", tag = "orgs",
    params(AsOfParams),
    responses(
        (status = 200, description = "The roots with their figures", body = OrgListJson),
        (status = 400, description = E400_DATE, body = crate::api::ErrorBody),
    ))]
#[tracing::instrument(skip_all)]
pub(crate) async fn list_orgs(
    State(state): State<AppState>,
    auth: Authenticated,
    query: Result<Query<AsOfParams>, QueryRejection>,
) -> Result<Json<OrgListJson>, ApiError> {
    let as_of = params::query(query)?.as_of(state.today())?;
    let caller = auth.caller();
    let roots = state.run(move |app| app.roots(&caller, as_of)).await?;
    let orgs = roots.into_iter().map(Into::into).collect();
    Ok(Json(OrgListJson { as_of, orgs }))
}

/// One organization: its life, superiors over time and figures on the date.
#[utoipa::path(get, path = "/api/v1/orgs/{ma}", tag = "orgs",
    params(("ma" = String, Path, description = "Organization code", example = "VX.01"), AsOfParams),
    responses(
        (status = 200, description = "The organization", body = OrgJson),
        (status = 400, description = E400_CODE_DATE, body = crate::api::ErrorBody),
        (status = 404, description = E404, body = crate::api::ErrorBody),
    ))]
#[tracing::instrument(skip_all, fields(org))]
pub(crate) async fn get_org(
    State(state): State<AppState>,
    auth: Authenticated,
    path: Result<Path<String>, PathRejection>,
    query: Result<Query<AsOfParams>, QueryRejection>,
) -> Result<Json<OrgJson>, ApiError> {
    let code = params::org_code("ma", &params::path(path)?)?;
    tracing::Span::current().record("org", code.as_str());
    let as_of = params::query(query)?.as_of(state.today())?;
    let caller = auth.caller();
    let (detail, figures) = state
        .run(move |app| app.org_with_figures(&caller, &code, as_of))
        .await?;
    Ok(Json(OrgJson::new(detail, as_of, figures.map(Into::into))))
}

/// The direct children of an organization on the date, with their figures.
#[utoipa::path(get, path = "/api/v1/orgs/{ma}/children", tag = "orgs",
    params(("ma" = String, Path, description = "Organization code", example = "VX.01"), AsOfParams),
    responses(
        (status = 200, description = "The children (none when the organization did not exist on the date)", body = OrgChildrenJson),
        (status = 400, description = E400_CODE_DATE, body = crate::api::ErrorBody),
        (status = 404, description = E404, body = crate::api::ErrorBody),
    ))]
#[tracing::instrument(skip_all, fields(org))]
pub(crate) async fn list_children(
    State(state): State<AppState>,
    auth: Authenticated,
    path: Result<Path<String>, PathRejection>,
    query: Result<Query<AsOfParams>, QueryRejection>,
) -> Result<Json<OrgChildrenJson>, ApiError> {
    let code = params::org_code("ma", &params::path(path)?)?;
    tracing::Span::current().record("org", code.as_str());
    let as_of = params::query(query)?.as_of(state.today())?;
    let org = code.to_string();
    let caller = auth.caller();
    let children = state
        .run(move |app| app.children(&caller, &code, as_of))
        .await?;
    Ok(Json(OrgChildrenJson {
        org,
        as_of,
        children: children.into_iter().map(Into::into).collect(),
    }))
}
