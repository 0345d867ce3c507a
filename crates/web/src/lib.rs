//! The HTTP surface of Đảng vụ: server-rendered pages and the JSON API.
//!
//! Pages are plain HTML rendered on the server (askama), in Vietnamese by default and in
//! English on request, with no JavaScript: they must work on an old phone in a commune
//! office. Handlers are thin: they parse the request into domain types, run one storage use
//! case on the blocking pool and render. Every address is listed in [`route_table`] with the
//! access it needs; the router is built from it, so no page can skip the sign-in and the
//! capability check. The command line builds an [`AppState`] and calls [`serve`]; tests
//! drive [`router`] directly.

rust_i18n::i18n!("locales", fallback = "vi");

// rust-i18n reads the locale files inside a procedural macro, which cargo does not track;
// including them here makes an edited translation rebuild the crate.
const _: &str = include_str!("../locales/vi.yml");
const _: &str = include_str!("../locales/en.yml");

mod accounts;
mod admissions;
mod api;
mod audit;
mod calendar;
mod due;
mod error;
mod interchange;
mod members;
mod ratings;
mod reports;
mod routes;
mod state;
mod transfers;
mod tree;
mod ui;

pub use accounts::auth::authz::Access;
pub use routes::{Resource, RouteSpec, Surface, Verb, route_table};
pub use state::{AppState, Now, Today};

use axum::Router;
use std::future::Future;
use std::net::SocketAddr;

/// Every route of [`route_table`], with static assets, security headers, anti-forgery
/// checks, request ids and tracing.
pub fn router(state: AppState) -> Router {
    ui::middleware::wrap(routes::build(state.clone()), state)
}

/// Serves the application on `listener` until `shutdown` completes, then finishes the
/// requests in flight. Each request knows its peer's address (login throttling, audit).
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    if let Ok(address) = listener.local_addr() {
        tracing::info!(%address, "serving Đảng vụ");
    }
    let app = router(state).into_make_service_with_connect_info::<SocketAddr>();
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown)
        .await
}
