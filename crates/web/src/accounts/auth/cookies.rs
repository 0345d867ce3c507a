//! The cookies of signing in: reading them, and writing them with the right flags.
//!
//! Both are `HttpOnly` (no script reads them; the pages have none anyway), `SameSite=Strict`
//! (never sent with a request started by another site) and `Path=/`; they are `Secure` when
//! the request came over TLS (`X-Forwarded-Proto: https` from the proxy) or the server is
//! configured to always say so. The session cookie has no `Max-Age`: it ends with the
//! browser, and storage ends the session itself after its idle and absolute limits.

use crate::state::AppState;
use axum::http::header::COOKIE;
use axum::http::{HeaderMap, HeaderValue};

/// The cookie holding the session token.
pub(crate) const SESSION_COOKIE: &str = "dangvu_session";
/// The cookie holding the anti-forgery token before signing in (double submit).
pub(crate) const CSRF_COOKIE: &str = "dangvu_csrf";

/// The value of cookie `name`, if the request sent it.
pub(crate) fn read<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value)
}

/// Whether cookies set in answer to this request must be `Secure`.
pub(crate) fn secure(state: &AppState, headers: &HeaderMap) -> bool {
    state.secure_cookies()
        || headers
            .get("x-forwarded-proto")
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.split(',').next())
            .is_some_and(|proto| proto.trim().eq_ignore_ascii_case("https"))
}

/// `Set-Cookie` for cookie `name` holding `value` (hexadecimal tokens only).
pub(crate) fn set(name: &str, value: &str, secure: bool) -> Option<HeaderValue> {
    let flags = if secure { "; Secure" } else { "" };
    HeaderValue::from_str(&format!(
        "{name}={value}; Path=/; HttpOnly; SameSite=Strict{flags}"
    ))
    .ok()
}

/// `Set-Cookie` that removes cookie `name`.
pub(crate) fn clear(name: &str, secure: bool) -> Option<HeaderValue> {
    let flags = if secure { "; Secure" } else { "" };
    HeaderValue::from_str(&format!(
        "{name}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0{flags}"
    ))
    .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookies_are_read_among_others() {
        let mut headers = HeaderMap::new();
        headers.insert(
            COOKIE,
            HeaderValue::from_static("lang=en; dangvu_session=abc"),
        );
        assert_eq!(read(&headers, SESSION_COOKIE), Some("abc"));
        assert_eq!(read(&headers, CSRF_COOKIE), None);
    }

    #[test]
    fn cookies_are_http_only_strict_and_secure_on_request() {
        let plain = set(SESSION_COOKIE, "ab12", false).unwrap();
        assert_eq!(
            plain.to_str().unwrap(),
            "dangvu_session=ab12; Path=/; HttpOnly; SameSite=Strict"
        );
        let secure = set(SESSION_COOKIE, "ab12", true).unwrap();
        assert!(secure.to_str().unwrap().ends_with("; Secure"));
        let gone = clear(SESSION_COOKIE, false).unwrap();
        assert!(gone.to_str().unwrap().contains("Max-Age=0"));
    }
}
