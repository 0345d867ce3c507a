//! Anti-forgery tokens, checked on every unsafe request that a browser could be tricked
//! into sending.
//!
//! A signed-in browser's token is the SHA-256 of its session token (with a fixed prefix):
//! another site can neither read the session cookie nor compute the token, and the server
//! keeps no extra state. Before signing in, the token is a random value held in the
//! `dangvu_csrf` cookie, which the form must repeat (double submit); it is issued with the
//! first page a browser loads. Requests authenticated by an `Authorization` header are not
//! checked: a browser never adds that header on its own.
//!
//! The token travels in the `csrf` field of a form (`application/x-www-form-urlencoded`,
//! read here and handed on intact) or in the `X-CSRF-Token` header (scripts, uploads).

use super::cookies::{self, CSRF_COOKIE, SESSION_COOKIE};
use crate::error::{AppError, BadInput};
use crate::state::AppState;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::header::{AUTHORIZATION, CONTENT_TYPE, SET_COOKIE};
use axum::http::request::Parts;
use axum::http::{HeaderMap, Method};
use axum::middleware::Next;
use axum::response::Response;
use sha2::{Digest, Sha256};

/// The header that may carry the token.
pub(crate) const CSRF_HEADER: &str = "x-csrf-token";
/// The form field that may carry the token.
pub(crate) const CSRF_FIELD: &str = "csrf";
/// Largest URL-encoded form body read (forms are a few fields; uploads are multipart).
pub(crate) const FORM_LIMIT: usize = 1024 * 1024;

/// The token the pages of this request must put in their forms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CsrfToken(pub(crate) String);

/// Marks a request whose anti-forgery token was checked.
#[derive(Debug, Clone, Copy)]
pub(crate) struct CsrfChecked;

/// The token of the session whose cookie holds `session_token`.
pub(crate) fn session_csrf(session_token: &str) -> String {
    hex(&Sha256::digest(format!("dangvu-csrf\n{session_token}")))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Whether `text` has the form of a token (64 hexadecimal digits).
fn well_formed(text: &str) -> bool {
    text.len() == 64 && text.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Compares without stopping at the first difference.
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// The token this browser must send: from its session, else its pre-session cookie.
fn expected(headers: &HeaderMap) -> Option<String> {
    if let Some(session) = cookies::read(headers, SESSION_COOKIE).filter(|t| well_formed(t)) {
        return Some(session_csrf(session));
    }
    cookies::read(headers, CSRF_COOKIE)
        .filter(|t| well_formed(t))
        .map(str::to_string)
}

fn is_unsafe(method: &Method) -> bool {
    !matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// Whether the body is a URL-encoded form.
pub(crate) fn is_form(headers: &HeaderMap) -> bool {
    headers
        .get(CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.starts_with("application/x-www-form-urlencoded"))
}

fn is_multipart(headers: &HeaderMap) -> bool {
    headers
        .get(CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.starts_with("multipart/form-data"))
}

/// The `csrf` field of a URL-encoded form (the token is hexadecimal: no decoding needed).
fn form_field(body: &[u8]) -> Option<String> {
    std::str::from_utf8(body)
        .ok()?
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(key, _)| *key == CSRF_FIELD)
        .map(|(_, value)| value.to_string())
}

/// Middleware: checks the token of unsafe requests, tells the pages which token to embed,
/// and gives a browser without one its pre-session cookie.
pub(crate) async fn protect(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let path = request.uri().path().to_string();
    if request.headers().contains_key(AUTHORIZATION) {
        return next.run(request).await;
    }
    let known = expected(request.headers());
    let (mut parts, body) = request.into_parts();
    let body = match checked_body(&mut parts, body, known.as_deref()).await {
        Ok(body) => body,
        Err(error) => return super::reject(&path, error),
    };
    let issued = match &known {
        Some(_) => None,
        None if parts.method == Method::GET && !super::is_api_path(&path) => new_token(),
        None => None,
    };
    let token = known.or_else(|| issued.clone()).unwrap_or_default();
    let secure = cookies::secure(&state, &parts.headers);
    parts.extensions.insert(CsrfToken(token.clone()));
    let mut response = next.run(Request::from_parts(parts, body)).await;
    response.extensions_mut().insert(CsrfToken(token));
    if let Some(cookie) = issued.and_then(|t| cookies::set(CSRF_COOKIE, &t, secure)) {
        response.headers_mut().append(SET_COOKIE, cookie);
    }
    response
}

/// Checks the token of an unsafe request (marking it checked) and hands back its body.
async fn checked_body(
    parts: &mut Parts,
    body: Body,
    known: Option<&str>,
) -> Result<Body, AppError> {
    if !is_unsafe(&parts.method) {
        return Ok(body);
    }
    let (given, body) = given_token(&parts.headers, parts.uri.query(), body).await?;
    match (known, given) {
        (Some(known), Some(given)) if same(known, &given) => {
            parts.extensions.insert(CsrfChecked);
            Ok(body)
        }
        _ => Err(AppError::Csrf),
    }
}

/// The token sent with an unsafe request, and the body to hand on. A file upload from a
/// page without script is a multipart form, which is not read here (it may be large): its
/// form carries the token in the `csrf` parameter of its address instead.
async fn given_token(
    headers: &HeaderMap,
    query: Option<&str>,
    body: Body,
) -> Result<(Option<String>, Body), AppError> {
    if let Some(header) = headers.get(CSRF_HEADER).and_then(|v| v.to_str().ok()) {
        return Ok((Some(header.to_string()), body));
    }
    if is_multipart(headers) {
        return Ok((query.and_then(|q| form_field(q.as_bytes())), body));
    }
    if !is_form(headers) {
        return Ok((None, body));
    }
    let bytes: Bytes = axum::body::to_bytes(body, FORM_LIMIT)
        .await
        .map_err(|e| BadInput::Malformed(format!("form body: {e}")))?;
    Ok((form_field(&bytes), Body::from(bytes)))
}

/// A fresh random token for the pre-session cookie (`None` if the system has no random
/// source, in which case the login form will fail its check rather than be unprotected).
fn new_token() -> Option<String> {
    let mut bytes = [0u8; 32];
    match getrandom::fill(&mut bytes) {
        Ok(()) => Some(hex(&bytes)),
        Err(error) => {
            tracing::error!(%error, "no random source for the anti-forgery token");
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;
    use axum::http::header::COOKIE;

    #[test]
    fn the_session_token_decides_the_form_token() {
        let session = "a".repeat(64);
        let token = session_csrf(&session);
        assert!(well_formed(&token));
        assert_ne!(token, session_csrf(&"b".repeat(64)));
        assert!(!token.contains(&session));
    }

    #[test]
    fn the_session_wins_over_the_pre_session_cookie() {
        let mut headers = HeaderMap::new();
        let cookie = format!(
            "dangvu_csrf={}; dangvu_session={}",
            "c".repeat(64),
            "d".repeat(64)
        );
        headers.insert(COOKIE, HeaderValue::from_str(&cookie).unwrap());
        assert_eq!(expected(&headers), Some(session_csrf(&"d".repeat(64))));
        headers.insert(COOKIE, HeaderValue::from_str("dangvu_csrf=short").unwrap());
        assert_eq!(expected(&headers), None);
    }

    #[test]
    fn the_form_field_is_found_among_others() {
        assert_eq!(form_field(b"a=1&csrf=ab&b=2"), Some("ab".into()));
        assert_eq!(form_field(b"a=1"), None);
        assert!(same("abc", "abc") && !same("abc", "abd") && !same("abc", "ab"));
    }
}
