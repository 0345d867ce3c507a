//! Who is asking, and whether they may: sessions, API tokens, anti-forgery tokens and the
//! capability check, in one place for the pages and the JSON API.
//!
//! - [`Authenticated`] (an extractor) is the signed-in account with its [`Scope`] for
//!   today, built only from a valid `dangvu_session` cookie or an `Authorization: Bearer`
//!   token through storage. Without one, a page answers 303 to `/login?next=…` and the API
//!   a JSON 401 `{"error": {"code": "unauthorized", …}}`. [`MaybeAuthenticated`] never
//!   rejects.
//! - Every unsafe request (POST, PUT, PATCH, DELETE) that does not carry a bearer token
//!   must carry the browser's anti-forgery token ([`csrf`]): the `csrf` form field or the
//!   `X-CSRF-Token` header. With a session it is derived from the session's token; before
//!   signing in it is a random double-submit cookie.
//! - [`authz::require`] is the one capability check (deny by default, from the domain's
//!   role table); a refusal is a 403 and is written to the audit log. Every route of
//!   [`crate::routes::route_table`] names the access it needs and the router enforces it
//!   before the handler runs, so a handler only adds finer checks.
//!
//! [`Scope`]: dangvu_app::Scope

pub(crate) mod authz;
mod client;
pub(crate) mod cookies;
pub(crate) mod csrf;
mod extract;

pub(crate) use client::client_address;
pub(crate) use extract::{Authenticated, Credential, MaybeAuthenticated, UserBadge};

/// The page that documents the API: a page for people under `/api`, with the language
/// switch and anti-forgery token of every page.
pub(crate) const API_DOCS_PAGE: &str = "/api/docs";

/// Whether a request is for the JSON API (its failures are JSON, not pages).
pub(crate) fn is_api_path(path: &str) -> bool {
    (path == "/api" || path.starts_with("/api/")) && path != API_DOCS_PAGE
}

/// Answers a failure the way the request's surface expects: JSON for the API, a page
/// (rendered by [`crate::ui::layout::render_error_pages`]) otherwise.
pub(crate) fn reject(path: &str, error: crate::error::AppError) -> axum::response::Response {
    use axum::response::IntoResponse;
    if is_api_path(path) {
        crate::api::ApiError(error).into_response()
    } else {
        error.into_response()
    }
}
