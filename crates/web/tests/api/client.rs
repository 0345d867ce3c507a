//! Calling the API as a script does (bearer token) or as a browser (session cookie).

use crate::support::{Demo, Page, TODAY, audit_context, day, send, with_session};
use axum::body::Body;
use axum::http::Request;
use dangvu_domain::actor::Username;
use dangvu_storage::{AccountView, Scope};

/// A new API token of demo account `username`.
pub fn token(demo: &Demo, username: &str) -> String {
    let everything = Scope::whole_installation(day(TODAY));
    let name = Username::parse(username).unwrap();
    let (_, secret) = demo
        .store
        .create_token(&everything, &audit_context(), &name, Some(1))
        .unwrap();
    secret.expose().to_string()
}

/// `GET uri` with `Authorization: Bearer <token>`.
pub async fn get_bearer(demo: &Demo, token: &str, uri: &str) -> Page {
    let request = Request::get(uri)
        .header("authorization", format!("Bearer {token}"))
        .body(Body::empty())
        .unwrap();
    send(demo.anonymous(), request).await
}

/// `GET uri` with the session of demo account `username`.
pub async fn get_session(demo: &Demo, username: &str, uri: &str) -> Page {
    let request = Request::get(uri).body(Body::empty()).unwrap();
    send(
        demo.anonymous(),
        with_session(request, &demo.session(username)),
    )
    .await
}

/// The demo account `username`.
pub fn account(demo: &Demo, username: &str) -> AccountView {
    let everything = Scope::whole_installation(day(TODAY));
    let accounts = demo.store.list_accounts(&everything).unwrap();
    accounts
        .into_iter()
        .find(|a| a.username.as_str() == username)
        .unwrap()
}

/// The error code of an error answer, checking that it is JSON with both messages.
pub fn error_code(page: &Page) -> String {
    assert!(
        page.header("content-type").starts_with("application/json"),
        "{}: {}",
        page.status,
        page.body
    );
    let error = &page.json()["error"];
    for message in ["message_vi", "message_en"] {
        let text = error[message].as_str().unwrap_or_default();
        assert!(!text.is_empty(), "{message} of {}", page.body);
    }
    error["code"].as_str().unwrap().to_string()
}
