//! `/api/v1/members…`: the member list of a subtree and one member's full record.
//!
//! The list is paged by a keyset cursor (the `next` of one page is the `after` of the
//! following one), so a script walks a list of thousands with stable, fast pages; names are
//! searched without diacritics and sorted the Vietnamese way by storage. Opening one
//! member's full record is written to the audit log as a read, as the profile page does,
//! and the citizen ID is masked unless the caller's role needs it.

use super::ApiError;
use super::member_json::{MemberJson, MemberPageJson};
use super::openapi::{E400_MEMBER_CODE, E400_MEMBERS, E404};
use super::query::MembersParams;
use crate::auth::Authenticated;
use crate::params;
use crate::state::AppState;
use axum::Json;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use dangvu_domain::MemberCode;

/// One page of the members of an organization's subtree on a date.
///
/// Members registered in the subtree on `as_of`, whatever their status, in Vietnamese
/// name order. `org` may be omitted by an account scoped to a subtree (its root is
/// listed); an administrator must name it.
#[utoipa::path(get, path = "/api/v1/members", tag = "members",
    params(MembersParams),
    responses(
        (status = 200, description = "One page of members", body = MemberPageJson),
        (status = 400, description = E400_MEMBERS, body = super::ErrorBody),
        (status = 404, description = E404, body = super::ErrorBody),
    ))]
#[tracing::instrument(skip_all, fields(org))]
pub(crate) async fn list_members(
    State(state): State<AppState>,
    auth: Authenticated,
    query: Result<Query<MembersParams>, QueryRejection>,
) -> Result<Json<MemberPageJson>, ApiError> {
    let member_query = params::query(query)?.into_query(&auth.scope, state.today())?;
    tracing::Span::current().record("org", member_query.org.as_str());
    let (org, as_of) = (member_query.org.to_string(), member_query.as_of);
    let (search, limit) = (member_query.search.clone(), member_query.limit);
    let page = state
        .read(&auth.scope, move |store, scope| {
            store.members(scope, &member_query)
        })
        .await?;
    Ok(Json(MemberPageJson::new(org, as_of, search, limit, page)))
}

/// One member's full record (recorded in the audit log as a read).
///
/// A member account reaches only its own record. The citizen ID is masked unless the
/// caller's role needs it (`citizen_id_masked` says which).
#[utoipa::path(get, path = "/api/v1/members/{ma}", tag = "members",
    params(("ma" = String, Path, description = "Member code")),
    responses(
        (status = 200, description = "The member's record", body = MemberJson),
        (status = 400, description = E400_MEMBER_CODE, body = super::ErrorBody),
        (status = 404, description = E404, body = super::ErrorBody),
    ))]
#[tracing::instrument(skip_all, fields(member))]
pub(crate) async fn get_member(
    State(state): State<AppState>,
    auth: Authenticated,
    path: Result<Path<String>, PathRejection>,
) -> Result<Json<MemberJson>, ApiError> {
    let raw = params::path(path)?;
    let code = MemberCode::parse(&raw).map_err(|_| crate::error::BadInput::Code {
        field: "ma",
        value: raw.clone(),
    })?;
    tracing::Span::current().record("member", code.as_str());
    let audit = auth.audit();
    let member = state
        .read(&auth.scope, move |store, scope| {
            store.open_member(scope, &code, &audit)
        })
        .await?;
    Ok(Json(MemberJson::new(member, auth.role().sees_citizen_id())))
}
