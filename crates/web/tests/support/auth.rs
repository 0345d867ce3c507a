//! Signing in as a browser does, for the tests: sessions, tokens and sign-in requests.

use super::{Page, get, get_with_cookie, send};
use axum::Router;
use axum::body::Body;
use axum::http::{HeaderValue, Method, Request};

/// A signed-in browser: its cookie header value and its forms' anti-forgery token.
#[derive(Debug, Clone)]
pub struct Session {
    pub cookie: String,
    pub csrf: String,
}

/// Adds `session`'s cookie (after any the request has) and, for an unsafe method without
/// one, its anti-forgery header.
pub fn with_session(mut request: Request<Body>, session: &Session) -> Request<Body> {
    let headers = request.headers_mut();
    let cookie = match headers.get("cookie").and_then(|v| v.to_str().ok()) {
        Some(existing) => format!("{existing}; {}", session.cookie),
        None => session.cookie.clone(),
    };
    headers.insert("cookie", HeaderValue::from_str(&cookie).unwrap());
    let safe = [Method::GET, Method::HEAD].contains(request.method());
    if !safe && !request.headers().contains_key("x-csrf-token") {
        let token = HeaderValue::from_str(&session.csrf).unwrap();
        request.headers_mut().insert("x-csrf-token", token);
    }
    request
}

/// The value of the first `name="csrf"` field of a page.
pub fn csrf_field(body: &str) -> Option<String> {
    let marker = "name=\"csrf\" value=\"";
    let start = body.find(marker)? + marker.len();
    let end = body[start..].find('"')? + start;
    Some(body[start..end].to_string())
}

/// `name=value` of the cookie a response sets under `name`.
pub fn set_cookie(page: &Page, name: &str) -> Option<String> {
    page.headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .filter_map(|v| v.split(';').next())
        .find(|pair| pair.starts_with(&format!("{name}=")))
        .map(str::to_string)
}

/// Signs in through the form as a browser would: the form (and its pre-session cookie),
/// the post, then a page for the session's token. `None` when the sign-in fails.
pub async fn sign_in(app: Router, username: &str, password: &str) -> Option<Session> {
    let form_page = get(app.clone(), "/login").await;
    let pre = set_cookie(&form_page, "dangvu_csrf")?;
    let token = csrf_field(&form_page.body)?;
    let body = format!(
        "csrf={token}&username={}&password={}",
        urlencode(username),
        urlencode(password)
    );
    let request = Request::post("/login")
        .header("content-type", "application/x-www-form-urlencoded")
        .header("cookie", &pre)
        .body(Body::from(body))
        .unwrap();
    let posted = send(app.clone(), request).await;
    let cookie = set_cookie(&posted, "dangvu_session")?;
    let home = get_with_cookie(app, "/account/password", &cookie).await;
    let csrf = csrf_field(&home.body)?;
    Some(Session { cookie, csrf })
}

/// The request as if it came from `ip` (the peer address of the connection).
pub fn from_address(mut request: Request<Body>, ip: &str) -> Request<Body> {
    let peer: std::net::SocketAddr = format!("{ip}:40000").parse().unwrap();
    request
        .extensions_mut()
        .insert(axum::extract::ConnectInfo(peer));
    request
}

/// A sign-in form post with a fresh pre-session token, from `ip`.
pub fn login_request(username: &str, password: &str, next: &str, ip: &str) -> Request<Body> {
    let token = "5a".repeat(32);
    let body = format!(
        "csrf={token}&username={}&password={}&next={}",
        urlencode(username),
        urlencode(password),
        urlencode(next)
    );
    let request = Request::post("/login")
        .header("content-type", "application/x-www-form-urlencoded")
        .header("cookie", format!("dangvu_csrf={token}"))
        .body(Body::from(body))
        .unwrap();
    from_address(request, ip)
}

/// Percent-encodes a form value.
pub fn urlencode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                char::from(b).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}
