//! The HTTP surface of Đảng vụ: server-rendered pages and the JSON API.
//!
//! Pages are plain HTML rendered on the server (askama), in Vietnamese by default and in
//! English on request, with no JavaScript: they must work on an old phone in a commune
//! office. Handlers are thin: they parse the request into domain types, run one storage use
//! case on the blocking pool and render. The command line builds an [`AppState`] and calls
//! [`serve`]; tests drive [`router`] directly.

rust_i18n::i18n!("locales", fallback = "vi");

// rust-i18n reads the locale files inside a procedural macro, which cargo does not track;
// including them here makes an edited translation rebuild the crate.
const _: &str = include_str!("../locales/vi.yml");
const _: &str = include_str!("../locales/en.yml");

mod api;
mod assets;
mod error;
mod href;
mod i18n;
mod layout;
mod members;
mod middleware;
mod orgs;
mod params;
mod profile;
mod reports;
mod state;
mod tree;

pub use state::{AppState, Today};

use axum::Router;
use axum::http::Uri;
use axum::routing::{get, post};
use error::{AppError, Entity};
use std::future::Future;

/// Every route, with static assets, security headers, request ids and tracing.
pub fn router(state: AppState) -> Router {
    let routes = Router::new()
        .route("/", get(tree::show_tree))
        .route("/orgs/{code}", get(orgs::show_org))
        .route("/orgs/{code}/members", get(members::list_members))
        .route("/members/{code}", get(profile::show_member))
        .route("/reports/summary", get(reports::show_summary))
        .route("/lang", post(layout::switch_lang))
        .route("/static/app.css", get(assets::app_css))
        .route("/healthz", get(healthz))
        .nest("/api/v1", api::router())
        .fallback(unknown_page)
        .with_state(state);
    middleware::wrap(routes)
}

/// Serves the application on `listener` until `shutdown` completes, then finishes the
/// requests in flight.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    if let Ok(address) = listener.local_addr() {
        tracing::info!(%address, "serving Đảng vụ");
    }
    axum::serve(listener, router(state))
        .with_graceful_shutdown(shutdown)
        .await
}

/// `GET /healthz`: the process answers.
async fn healthz() -> &'static str {
    "ok"
}

/// Any other address: the translated 404 page.
async fn unknown_page(uri: Uri) -> AppError {
    AppError::NotFound {
        entity: Entity::Page,
        code: uri.path().to_string(),
    }
}
