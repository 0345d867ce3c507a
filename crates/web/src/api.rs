//! The JSON API under `/api/v1`: machine-readable twins of the pages.
//!
//! Every answer is JSON, errors included (`{"error": {"code", "message_vi", "message_en"}}`),
//! so that a script never has to parse an HTML error page.

mod summary;

use crate::auth::authz::Access;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::routes::{Resource, RouteSpec, Surface, Verb};
use axum::Json;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use dangvu_domain::roles::Capability;

/// The routes of `/api/v1`, part of [`crate::routes::route_table`]: each one is guarded by
/// its access, and unknown addresses under `/api` answer a JSON 404.
pub(crate) const ROUTES: &[RouteSpec] = &[RouteSpec {
    verb: Verb::Get,
    path: "/api/v1/reports/summary",
    surface: Surface::Api,
    access: Access::AnyOf(&[Capability::ReadRecords]),
    resource: Resource::OrgInQuery,
    handler: || get(summary::get_summary),
}];

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
        let body = serde_json::json!({
            "error": {
                "code": err.code(),
                "message_vi": err.message(Lang::Vi),
                "message_en": err.message(Lang::En),
            }
        });
        (err.status(), Json(body)).into_response()
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
        assert_eq!(json["error"]["code"], "bad_request");
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
