//! `/api/v1/members/{ma}/lifecycle`: a member's party age, badges, exemptions and status
//! timeline (`GET`), and recording an exit, a badge award, an exemption or its review
//! (`POST`, the same fields as the page's forms, as JSON). A change the records refuse
//! answers 422 `change_refused` with the rule broken; nothing is written.

use super::lifecycle_form::LifecycleForm;
use crate::accounts::auth::Authenticated;
use crate::api::ApiError;
use crate::api::openapi::{E400_MEMBER_CODE, E404};
use crate::error::{AppError, BadInput};
use crate::state::AppState;
use crate::ui::params;
use axum::Json;
use axum::extract::rejection::{JsonRejection, PathRejection};
use axum::extract::{Path, State};
use dangvu_app::MemberLifecycle;
use dangvu_app::records::TimelineWhat;
use dangvu_domain::dates::DateSentinels;
use dangvu_domain::enums::Enumeration;
use dangvu_domain::{Date, MemberCode};
use serde::Serialize;
use utoipa::ToSchema;

/// A member's lifecycle today.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct LifecycleJson {
    /// Member code.
    pub ma: String,
    /// The day party age is counted to (today).
    #[schema(value_type = String, format = Date)]
    pub as_of: Date,
    /// Whole years of party age; null while probationary.
    pub party_age_years: Option<u32>,
    /// The day party age is counted from (the admission decision, else the admission).
    #[schema(value_type = Option<String>, format = Date)]
    pub counted_from: Option<Date>,
    /// The next badge not yet awarded.
    pub next_badge: Option<NextBadgeJson>,
    /// Badges awarded.
    pub awards: Vec<AwardJson>,
    /// Exemptions, the latest first.
    pub exemptions: Vec<ExemptionJson>,
    /// Statuses and registrations in date order (`den_ngay` null while open).
    pub timeline: Vec<TimelineJson>,
}

/// The next badge.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct NextBadgeJson {
    /// Years of party age.
    pub moc: u32,
    /// The day the member reaches it.
    #[schema(value_type = String, format = Date)]
    pub ngay_du: Date,
    /// The usual award day it falls on.
    #[schema(value_type = String, format = Date)]
    pub ngay_trao: Date,
}

/// A badge awarded.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct AwardJson {
    /// Years of party age.
    pub moc: u32,
    /// Award day.
    #[schema(value_type = String, format = Date)]
    pub ngay_trao: Date,
    /// `OM_NANG` or `TRUY_TANG` for an early award.
    pub ly_do_tang_som: Option<&'static str>,
}

/// An exemption from activities.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct ExemptionJson {
    /// The cell's decision.
    #[schema(value_type = String, format = Date)]
    pub ngay_quyet_dinh: Date,
    /// `TUOI_CAO`, `SUC_KHOE` or `KHAC`.
    pub ly_do: &'static str,
    /// The next review, while open.
    #[schema(value_type = Option<String>, format = Date)]
    pub ngay_xem_xet: Option<Date>,
    /// The day it ended.
    #[schema(value_type = Option<String>, format = Date)]
    pub ngay_ket_thuc: Option<Date>,
}

/// One line of the timeline: a status (`trang_thai`) or a registration (`ma_to_chuc`).
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct TimelineJson {
    /// First day.
    #[schema(value_type = String, format = Date)]
    pub tu_ngay: Date,
    /// First day no longer so; null while open.
    #[schema(value_type = Option<String>, format = Date)]
    pub den_ngay: Option<Date>,
    /// The status code, on a status line.
    pub trang_thai: Option<String>,
    /// The organization's code, on a registration line.
    pub ma_to_chuc: Option<String>,
}

impl LifecycleJson {
    fn new(code: &MemberCode, as_of: Date, life: MemberLifecycle) -> Self {
        let view = life.view;
        Self {
            ma: code.as_str().to_string(),
            as_of,
            party_age_years: life.party_age_years,
            counted_from: life.counted_from,
            next_badge: life.next_badge.map(|b| NextBadgeJson {
                moc: b.milestone,
                ngay_du: b.reached_on,
                ngay_trao: b.award_day,
            }),
            awards: view
                .awards
                .into_iter()
                .map(|a| AwardJson {
                    moc: a.milestone,
                    ngay_trao: a.awarded_on,
                    ly_do_tang_som: a.early.map(Enumeration::code),
                })
                .collect(),
            exemptions: view
                .exemptions
                .into_iter()
                .map(|e| ExemptionJson {
                    ngay_quyet_dinh: e.decided_on,
                    ly_do: e.reason.code(),
                    ngay_xem_xet: e.review_on,
                    ngay_ket_thuc: e.ended_on,
                })
                .collect(),
            timeline: view
                .timeline
                .into_iter()
                .map(|t| {
                    let (trang_thai, ma_to_chuc) = match t.what {
                        TimelineWhat::Status(code) => (Some(code), None),
                        TimelineWhat::Registered(org) => (None, Some(org)),
                    };
                    TimelineJson {
                        tu_ngay: t.from,
                        den_ngay: (t.to != Date::MAX_SENTINEL).then_some(t.to),
                        trang_thai,
                        ma_to_chuc,
                    }
                })
                .collect(),
        }
    }
}

/// A member's party age, next badge, badges, exemptions and status timeline, today.
#[utoipa::path(get, path = "/api/v1/members/{ma}/lifecycle", tag = "members",
    params(("ma" = String, Path, description = "Member code")),
    responses(
        (status = 200, description = "The member's lifecycle", body = LifecycleJson),
        (status = 400, description = E400_MEMBER_CODE, body = crate::api::ErrorBody),
        (status = 404, description = E404, body = crate::api::ErrorBody),
    ))]
#[tracing::instrument(skip_all, fields(member))]
pub(crate) async fn get_lifecycle(
    State(state): State<AppState>,
    auth: Authenticated,
    path: Result<Path<String>, PathRejection>,
) -> Result<Json<LifecycleJson>, ApiError> {
    let code = member_code(path)?;
    Ok(Json(lifecycle(&state, &auth, code).await?))
}

/// Records an exit, a badge award, an exemption decided by the cell, or its review.
///
/// Answers the member's lifecycle after the change. The day may not be after today.
#[utoipa::path(post, path = "/api/v1/members/{ma}/lifecycle", tag = "members",
    params(("ma" = String, Path, description = "Member code")),
    request_body = LifecycleForm,
    responses(
        (status = 200, description = "Recorded; the lifecycle after it", body = LifecycleJson),
        (status = 400, description = "`missing_parameter`, `invalid_code`, `invalid_date`, `malformed_request`", body = crate::api::ErrorBody),
        (status = 404, description = E404, body = crate::api::ErrorBody),
        (status = 422, description = "`change_refused`: the records refuse the change (a day out of order, a badge already awarded, a member not active); nothing was written", body = crate::api::ErrorBody),
    ))]
#[tracing::instrument(skip_all, fields(member))]
pub(crate) async fn post_lifecycle(
    State(state): State<AppState>,
    auth: Authenticated,
    path: Result<Path<String>, PathRejection>,
    body: Result<Json<LifecycleForm>, JsonRejection>,
) -> Result<Json<LifecycleJson>, ApiError> {
    let code = member_code(path)?;
    // The member first: outside the scope is "not found" whatever the body says.
    lifecycle(&state, &auth, code.clone()).await?;
    let Json(body) = body.map_err(|e| BadInput::Malformed(e.body_text()))?;
    let change = body.change()?;
    let caller = auth.caller();
    let target = code.clone();
    let outcome = state
        .blocking(move |app| app.record_lifecycle_change(&caller, &target, &change))
        .await?;
    match outcome {
        Ok(()) => Ok(Json(lifecycle(&state, &auth, code).await?)),
        Err(dangvu_app::Error::Store(dangvu_app::StoreError::Conflict { field })) => {
            Err(AppError::Refused(format!(
                "việc này đã được ghi trước đó ({field}) / this was already recorded ({field})"
            ))
            .into())
        }
        Err(other) => Err(other.into()),
    }
}

/// The member code of the path.
fn member_code(path: Result<Path<String>, PathRejection>) -> Result<MemberCode, ApiError> {
    let raw = params::path(path)?;
    let code = MemberCode::parse(&raw).map_err(|_| BadInput::Code {
        field: "ma",
        value: raw.clone(),
    })?;
    tracing::Span::current().record("member", code.as_str());
    Ok(code)
}

/// The member's lifecycle today, as JSON.
async fn lifecycle(
    state: &AppState,
    auth: &Authenticated,
    code: MemberCode,
) -> Result<LifecycleJson, AppError> {
    let caller = auth.caller();
    let today = state.today();
    let key = code.clone();
    let life = state
        .run(move |app| app.member_lifecycle(&caller, &key, None, None, today))
        .await?;
    Ok(LifecycleJson::new(&code, today, life))
}
