//! The layers around every response: request ids, tracing, security headers and the
//! rendering of error pages.
//!
//! The Content-Security-Policy allows only this site's own resources and no inline script
//! or style (the pages have neither), and forbids framing; `nosniff` and a same-origin
//! referrer keep member addresses from leaking to other sites. Pages hold personal data
//! and depend on the language cookie, so nothing but the stylesheet may be stored by a
//! cache (`no-store` unless a handler set its own policy).

use crate::accounts::auth::csrf;
use crate::state::AppState;
use crate::ui::control_chars::refuse_control_characters;
use crate::ui::layout::render_error_pages;
use axum::Router;
use axum::body::Body;
use axum::http::header::{
    CACHE_CONTROL, CONTENT_SECURITY_POLICY, REFERRER_POLICY, X_CONTENT_TYPE_OPTIONS,
    X_FRAME_OPTIONS,
};
use axum::http::{HeaderValue, Request};
use tower::ServiceBuilder;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;

/// The policy: own resources only, no inline code, never in a frame.
const CSP: &str = "default-src 'self'; frame-ancestors 'none'";

/// Wraps the routes in the layers, outermost first. The anti-forgery check runs inside the
/// error-page renderer, so that its refusals are rendered like any other error; the
/// refusal of control characters inside it, so that a forged form learns nothing.
pub(crate) fn wrap(routes: Router, state: AppState) -> Router {
    routes.layer(
        ServiceBuilder::new()
            .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
            .layer(TraceLayer::new_for_http().make_span_with(request_span))
            .layer(PropagateRequestIdLayer::x_request_id())
            .layer(header(CONTENT_SECURITY_POLICY, CSP))
            .layer(header(X_CONTENT_TYPE_OPTIONS, "nosniff"))
            .layer(header(REFERRER_POLICY, "same-origin"))
            .layer(header(X_FRAME_OPTIONS, "DENY"))
            .layer(SetResponseHeaderLayer::if_not_present(
                CACHE_CONTROL,
                HeaderValue::from_static("no-store"),
            ))
            .layer(axum::middleware::from_fn(render_error_pages))
            .layer(axum::middleware::from_fn_with_state(state, csrf::protect))
            .layer(axum::middleware::from_fn(refuse_control_characters)),
    )
}

fn header(
    name: axum::http::HeaderName,
    value: &'static str,
) -> SetResponseHeaderLayer<HeaderValue> {
    SetResponseHeaderLayer::overriding(name, HeaderValue::from_static(value))
}

/// The span of a request: method, path (never the query, which may hold a person's name)
/// and the request id that is also sent back in `x-request-id`.
fn request_span(request: &Request<Body>) -> tracing::Span {
    let request_id = request
        .headers()
        .get("x-request-id")
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default();
    tracing::info_span!(
        "request",
        method = %request.method(),
        path = %request.uri().path(),
        request_id,
    )
}
