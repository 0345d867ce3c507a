//! The JSON API under `/api/v1`: machine-readable twins of the pages.
//!
//! Every answer is JSON, errors included (`{"error": {"code", "message_vi", "message_en"}}`),
//! so that a script never has to parse an HTML error page. Resources are addressed by their
//! codes, every read goes through the caller's scope, and the answers are the explicit
//! structs of [`schema`] and of each capability's `json` or `api` module rather than storage's views, so the
//! contract stays put when storage changes. The OpenAPI document ([`openapi`]) is generated
//! from the handlers and browsable at `/api/docs` ([`docs`]).

mod docs;
pub(crate) mod openapi;
pub(crate) mod query;
pub(crate) mod schema;

pub(crate) use schema::ErrorBody;

use crate::accounts::auth::authz::Access;
use crate::error::AppError;
use crate::routes::{READ, READ_OR_OWN};
use crate::routes::{Resource, RouteSpec, Surface, Verb};
use crate::state::AppState;
use crate::ui::i18n::Lang;
use axum::Json;
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodRouter, get, post};
pub(crate) use schema::ErrorDetail;

/// An API route: `verb` at `path`, guarded by `access`, about `resource` (which the
/// authorization matrix test reads).
pub(crate) const fn route(
    verb: Verb,
    path: &'static str,
    access: Access,
    resource: Resource,
    handler: fn() -> MethodRouter<AppState>,
) -> RouteSpec {
    RouteSpec {
        verb,
        path,
        surface: Surface::Api,
        access,
        resource,
        handler,
    }
}

/// A `GET` API route.
const fn api(
    path: &'static str,
    access: Access,
    resource: Resource,
    handler: fn() -> MethodRouter<AppState>,
) -> RouteSpec {
    route(Verb::Get, path, access, resource, handler)
}

/// The routes of `/api/v1` and the API's documentation page, part of
/// [`crate::routes::route_table`]: each one is guarded by its access, and unknown addresses
/// under `/api` answer a JSON 404. Every `Surface::Api` route must be an operation of the
/// OpenAPI document (a test checks both ways).
#[rustfmt::skip]
pub(crate) const ROUTES: &[RouteSpec] = &[
    api("/api/v1/orgs", READ, Resource::None, || get(crate::tree::api::list_orgs)),
    api("/api/v1/orgs/{ma}", READ, Resource::OrgInPath, || get(crate::tree::api::get_org)),
    api("/api/v1/orgs/{ma}/children", READ, Resource::OrgInPath, || get(crate::tree::api::list_children)),
    api("/api/v1/members", READ, Resource::OrgInQuery, || get(crate::members::api::list_members)),
    api("/api/v1/members/{ma}", READ_OR_OWN, Resource::MemberInPath, || get(crate::members::api::get_member)),
    api("/api/v1/members/{ma}/lifecycle", READ_OR_OWN, Resource::MemberInPath, || get(crate::members::lifecycle_api::get_lifecycle)),
    route(Verb::Post, "/api/v1/members/{ma}/lifecycle", crate::routes::WRITE, Resource::MemberInPath, || post(crate::members::lifecycle_api::post_lifecycle)),
    api("/api/v1/reports/summary", READ, Resource::OrgInQuery, || get(crate::reports::api::get_summary)),
    api("/api/v1/reports/term", READ, Resource::OrgInQuery, || get(crate::reports::term_api::get_term)),
    api("/api/v1/ratings/rated", READ, Resource::OrgInQuery, || get(crate::ratings::api::get_rated)),
    api("/api/v1/ratings/monthly", READ, Resource::OrgInQuery, || get(crate::ratings::monthly_api::get_monthly)),
    route(Verb::Post, "/api/v1/ratings/monthly", crate::routes::WRITE, Resource::OrgInQuery, || post(crate::ratings::monthly_api::post_monthly)),
    api("/api/v1/ratings/commitments", READ, Resource::OrgInQuery, || get(crate::ratings::commitments_api::list_commitments)),
    route(Verb::Post, "/api/v1/ratings/commitments", crate::routes::WRITE, Resource::OrgInQuery, || post(crate::ratings::commitments_api::post_commitment)),
    route(Verb::Post, "/api/v1/ratings/commitments/{ma}/evaluation", crate::routes::WRITE, Resource::None, || post(crate::ratings::commitments_api::post_evaluation)),
    api("/api/v1/ratings/statistics", READ, Resource::OrgInQuery, || get(crate::ratings::statistics::api::get_statistics)),
    api("/api/v1/due", READ, Resource::OrgInQuery, || get(crate::due::api::get_due)),
    api("/api/v1/audit", crate::routes::AUDIT, Resource::None, || get(crate::audit::api::list_audit)),
    crate::admissions::api::ROUTES[0],
    crate::admissions::api::ROUTES[1],
    crate::admissions::api::ROUTES[2],
    crate::admissions::api::ROUTES[3],
    crate::transfers::api::ROUTES[0],
    crate::transfers::api::ROUTES[1],
    crate::transfers::api::ROUTES[2],
    crate::transfers::api::ROUTES[3],
    crate::ratings::rounds::api::ROUTES[0],
    crate::ratings::rounds::api::ROUTES[1],
    crate::ratings::rounds::api::ROUTES[2],
    crate::ratings::rounds::api::ROUTES[3],
    crate::ratings::rounds::api::ROUTES[4],
    crate::ratings::rounds::api::ROUTES[5],
    api("/api/v1/calendar/working-day", Access::SignedIn, Resource::None, || get(crate::calendar::api::working_day)),
    crate::interchange::api::IMPORT,
    crate::interchange::api::EXPORT,
    api("/api/v1/openapi.json", Access::Public, Resource::None, || get(openapi::get_openapi)),
    RouteSpec { surface: Surface::Page, ..api("/api/docs", Access::Public, Resource::None, || get(docs::show_docs)) },
];

/// An [`AppError`] answered as JSON, for the API.
#[derive(Debug)]
pub(crate) struct ApiError(pub(crate) AppError);

impl<E: Into<AppError>> From<E> for ApiError {
    fn from(err: E) -> Self {
        ApiError(err.into())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let err = self.0;
        err.log();
        let body = ErrorBody {
            error: ErrorDetail {
                code: err.code(),
                message_vi: err.message(Lang::Vi),
                message_en: err.message(Lang::En),
            },
        };
        let mut response = (err.status(), Json(body)).into_response();
        crate::error::with_retry_after(&mut response);
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::BadInput;
    use axum::http::StatusCode;
    use http_body_util::BodyExt;

    #[tokio::test]
    async fn api_errors_carry_both_languages() {
        let response = ApiError(BadInput::Missing { field: "org" }.into()).into_response();
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
        let body = response.into_body().collect().await.unwrap().to_bytes();
        let json: serde_json::Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(json["error"]["code"], "missing_parameter");
        assert!(
            json["error"]["message_vi"]
                .as_str()
                .unwrap()
                .contains("mã tổ chức")
        );
        assert!(
            json["error"]["message_en"]
                .as_str()
                .unwrap()
                .contains("organization code")
        );
    }
}
