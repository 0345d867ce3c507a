//! `/api/v1/admissions…`: the dossiers of a subtree, one dossier, opening a dossier and
//! recording a step, for scripts. The same use cases as the pages: a body that cannot be
//! used answers 422 `invalid_field` with a message per field, a step the rules refuse 422
//! `step_refused` with each rule and its source; nothing is written either way. Out of
//! scope is 404, like a dossier that does not exist.

use super::json::{DossierJson, DossierListJson, ProblemJson, RefusalBody, RefusalDetail};
use super::list_page::{ListQuery, org_of};
use super::next_step::StepKind;
use super::step_form::{ByField, StepInput, read};
use crate::accounts::auth::Authenticated;
use crate::api::ApiError;
use crate::api::openapi::E404;
use crate::api::route;
use crate::error::BadInput;
use crate::routes::{self, Resource, RouteSpec, Verb};
use crate::state::AppState;
use crate::ui::i18n::Lang;
use crate::ui::params;
use axum::Json;
use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use dangvu_app::records::{DossierQuery, StepOutcome};
use dangvu_domain::enums::Enumeration;
use serde_json::{Map, Value};

/// The routes of the admissions API, part of [`crate::api::ROUTES`].
pub(crate) const ROUTES: [RouteSpec; 4] = [
    route(
        Verb::Get,
        "/api/v1/admissions",
        routes::READ,
        Resource::OrgInQuery,
        || get(list_dossiers),
    ),
    route(
        Verb::Post,
        "/api/v1/admissions",
        routes::WRITE,
        Resource::None,
        || post(open_dossier),
    ),
    route(
        Verb::Get,
        "/api/v1/admissions/{ma}",
        routes::READ,
        Resource::None,
        || get(get_dossier),
    ),
    route(
        Verb::Post,
        "/api/v1/admissions/{ma}/steps",
        routes::WRITE,
        Resource::None,
        || post(record_step),
    ),
];

/// 400 of the list.
const E400_LIST: &str = "`invalid_code`, `missing_parameter`, `malformed_request`, `invalid_text`";
/// 400 of a body that is not JSON.
const E400_BODY: &str = "`malformed_request`, `invalid_code`";
/// 422 of an operation.
const E422: &str = "`invalid_field`: a field cannot be used (see its fields); \
     `step_refused`: the rules refuse the step (see its problems); nothing was written";

/// The dossiers of the cells of an organization's subtree, by stage.
///
/// `org` may be omitted by an account scoped to a subtree (its root is listed).
#[utoipa::path(get, path = "/api/v1/admissions", tag = "admissions",
    params(ListQuery),
    responses(
        (status = 200, description = "The dossiers", body = DossierListJson),
        (status = 400, description = E400_LIST, body = crate::api::ErrorBody),
        (status = 404, description = E404, body = crate::api::ErrorBody),
    ))]
#[tracing::instrument(skip_all, fields(org))]
pub(crate) async fn list_dossiers(
    State(state): State<AppState>,
    auth: Authenticated,
    query: Result<Query<ListQuery>, QueryRejection>,
) -> Result<Json<DossierListJson>, ApiError> {
    let query = params::query(query)?;
    let stage = query.stage()?;
    let org = org_of(&state, &auth, &query.org).await?;
    tracing::Span::current().record("org", org.as_str());
    let today = state.today();
    let q = DossierQuery {
        org: org.clone(),
        as_of: today,
        stage,
    };
    let caller = auth.caller();
    let views = state.run(move |app| app.dossiers(&caller, &q)).await?;
    Ok(Json(DossierListJson {
        org: org.to_string(),
        as_of: today,
        stage: stage.map(|s| s.code().to_string()),
        dossiers: views.iter().map(|v| DossierJson::new(v, today)).collect(),
    }))
}

/// One dossier with every recorded step, its stage and what is due.
#[utoipa::path(get, path = "/api/v1/admissions/{ma}", tag = "admissions",
    params(("ma" = String, Path, description = "Dossier code")),
    responses(
        (status = 200, description = "The dossier", body = DossierJson),
        (status = 400, description = E400_BODY, body = crate::api::ErrorBody),
        (status = 404, description = E404, body = crate::api::ErrorBody),
    ))]
#[tracing::instrument(skip_all, fields(dossier))]
pub(crate) async fn get_dossier(
    State(state): State<AppState>,
    auth: Authenticated,
    path: Result<Path<String>, PathRejection>,
) -> Result<Json<DossierJson>, ApiError> {
    let code = params::path(path)?;
    tracing::Span::current().record("dossier", code.as_str());
    let today = state.today();
    let caller = auth.caller();
    let view = state
        .run(move |app| app.dossier(&caller, &code, today))
        .await?;
    Ok(Json(DossierJson::new(&view, today)))
}

/// The text of a JSON body's field: strings as they are, numbers and booleans spelled.
fn getter(body: &Map<String, Value>) -> impl Fn(&str) -> Option<String> + '_ {
    |name| {
        let text = match body.get(name)? {
            Value::String(s) => s.trim().to_string(),
            Value::Number(n) => n.to_string(),
            Value::Bool(b) => if *b { "yes" } else { "no" }.to_string(),
            _ => return None,
        };
        (!text.is_empty()).then_some(text)
    }
}

fn body(json: Result<Json<Value>, JsonRejection>) -> Result<Map<String, Value>, ApiError> {
    match json {
        Ok(Json(Value::Object(map))) => Ok(map),
        Ok(_) => Err(BadInput::Malformed("the body must be a JSON object".into()).into()),
        Err(rejection) => Err(BadInput::Malformed(rejection.body_text()).into()),
    }
}

/// Opens a dossier: the applicant put on a cell's list (201 with the dossier).
#[utoipa::path(post, path = "/api/v1/admissions", tag = "admissions",
    request_body = super::json::NewDossierBody,
    responses(
        (status = 201, description = "The dossier opened", body = DossierJson),
        (status = 400, description = E400_BODY, body = crate::api::ErrorBody),
        (status = 422, description = E422, body = RefusalBody),
    ))]
#[tracing::instrument(skip_all)]
pub(crate) async fn open_dossier(
    State(state): State<AppState>,
    auth: Authenticated,
    json: Result<Json<Value>, JsonRejection>,
) -> Result<Response, ApiError> {
    let map = body(json)?;
    let get = getter(&map);
    let (_, new) = super::new_page::read_new(&get, Lang::Vi);
    let new = match new {
        Ok(new) => new,
        Err(fields) => return Ok(invalid(&fields)),
    };
    match super::new_page::open(&state, &auth, new, Lang::Vi).await? {
        Ok(view) => {
            let json = DossierJson::new(&view, state.today());
            Ok((StatusCode::CREATED, Json(json)).into_response())
        }
        Err(fields) => Ok(invalid(&fields)),
    }
}

/// Records one step of a dossier (`kind` and its fields; see the body's schema).
#[utoipa::path(post, path = "/api/v1/admissions/{ma}/steps", tag = "admissions",
    params(("ma" = String, Path, description = "Dossier code")),
    request_body = super::json::StepBody,
    responses(
        (status = 200, description = "The step recorded: the dossier now", body = DossierJson),
        (status = 400, description = E400_BODY, body = crate::api::ErrorBody),
        (status = 404, description = E404, body = crate::api::ErrorBody),
        (status = 422, description = E422, body = RefusalBody),
    ))]
#[tracing::instrument(skip_all, fields(dossier))]
pub(crate) async fn record_step(
    State(state): State<AppState>,
    auth: Authenticated,
    path: Result<Path<String>, PathRejection>,
    json: Result<Json<Value>, JsonRejection>,
) -> Result<Response, ApiError> {
    let code = params::path(path)?;
    tracing::Span::current().record("dossier", code.as_str());
    let map = body(json)?;
    let get = getter(&map);
    let text = |name: &str| get(name);
    let input = StepInput {
        kind: text("kind"),
        on: text("on"),
        number: text("number"),
        first: text("first"),
        second: text("second"),
        youth_union_on: text("youth_union_on"),
        votes_for: text("votes_for"),
        votes_against: text("votes_against"),
        official_members: text("official_members"),
        approved: text("approved"),
        member: text("member"),
        reason: text("reason"),
        check: text("check"),
    };
    let kind = input
        .get("kind")
        .and_then(StepKind::parse)
        .ok_or(BadInput::Code {
            field: "kind",
            value: input.get("kind").unwrap_or_default().to_string(),
        })?;
    let (_, step) = read(kind, &input, Lang::Vi);
    let caller = auth.caller();
    let today = state.today();
    let target = code.clone();
    let step = match step {
        Ok(step) => step,
        Err(fields) => {
            // The dossier first: out of scope is 404 whatever the body.
            state
                .run(move |app| app.dossier(&caller, &target, today))
                .await?;
            return Ok(invalid(&fields));
        }
    };
    let outcome = state
        .blocking(move |app| app.record_step(&caller, &target, step))
        .await?;
    match outcome {
        Ok(StepOutcome::Recorded(view)) => Ok(Json(DossierJson::new(&view, today)).into_response()),
        Ok(StepOutcome::Refused(problems)) => Ok(refusal(
            "step_refused",
            ByField::new(),
            problems.iter().map(ProblemJson::new).collect(),
        )),
        Err(dangvu_app::Error::Store(dangvu_app::StoreError::Conflict { .. })) => {
            let mut fields = ByField::new();
            fields.insert("member", Lang::Vi.t("admissions.member_taken").into_owned());
            Ok(invalid(&fields))
        }
        Err(dangvu_app::Error::Store(dangvu_app::StoreError::NotFound {
            entity: dangvu_app::Entity::Member,
            code,
        })) => {
            let mut fields = ByField::new();
            let text = Lang::Vi.fill("admissions.member_not_found", &[("value", &code)]);
            fields.insert("first", text);
            Ok(invalid(&fields))
        }
        Err(other) => Err(other.into()),
    }
}

fn invalid(fields: &ByField) -> Response {
    refusal("invalid_field", fields.clone(), Vec::new())
}

fn refusal(code: &'static str, fields: ByField, problems: Vec<ProblemJson>) -> Response {
    let (vi, en) = match code {
        "step_refused" => ("admissions.step_refused", "admissions.step_refused"),
        _ => ("admissions.invalid_fields", "admissions.invalid_fields"),
    };
    let body = RefusalBody {
        error: RefusalDetail {
            code,
            message_vi: Lang::Vi.t(vi).into_owned(),
            message_en: Lang::En.t(en).into_owned(),
            fields: fields
                .into_iter()
                .map(|(k, v)| (k.to_string(), v))
                .collect(),
            problems,
        },
    };
    (StatusCode::UNPROCESSABLE_ENTITY, Json(body)).into_response()
}
