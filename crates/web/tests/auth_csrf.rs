//! Anti-forgery tokens: every unsafe request a browser sends must carry its token, before
//! and after signing in; a script with a bearer token needs none.

#![allow(clippy::unwrap_used)] // test helpers: failing loudly is the point

mod support;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use dangvu_domain::actor::Username;
use support::{Page, backends, send, set_cookie};

fn form_post(uri: &str, cookie: &str, body: &str) -> Request<Body> {
    Request::post(uri)
        .header("cookie", cookie)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(Body::from(body.to_string()))
        .unwrap()
}

fn is_csrf_refusal(page: &Page) -> bool {
    page.status == StatusCode::FORBIDDEN && page.has("Biểu mẫu đã hết hạn hoặc không hợp lệ")
}

#[tokio::test]
async fn a_signed_in_form_needs_the_sessions_token() {
    for demo in backends() {
        let session = demo.session("kiemtra");
        let cookie = &session.cookie;
        let missing = send(demo.anonymous(), form_post("/lang", cookie, "lang=en")).await;
        assert!(
            is_csrf_refusal(&missing),
            "{}: {}",
            demo.label,
            missing.status
        );
        let forged = format!("lang=en&csrf={}", "0".repeat(64));
        let wrong = send(demo.anonymous(), form_post("/lang", cookie, &forged)).await;
        assert!(is_csrf_refusal(&wrong));
        assert!(wrong.header("set-cookie").is_empty(), "nothing changed");
        let good = format!("lang=en&next=%2F&csrf={}", session.csrf);
        let switched = send(demo.anonymous(), form_post("/lang", cookie, &good)).await;
        assert_eq!(switched.status, StatusCode::SEE_OTHER);
        let header_token = form_post("/lang", cookie, "lang=vi");
        let mut with_header = header_token;
        let value = session.csrf.parse().unwrap();
        with_header.headers_mut().insert("x-csrf-token", value);
        let switched = send(demo.anonymous(), with_header).await;
        assert_eq!(
            switched.status,
            StatusCode::SEE_OTHER,
            "the header works too"
        );
    }
}

#[tokio::test]
async fn the_pre_session_token_does_not_work_once_signed_in() {
    for demo in backends() {
        let session = demo.session("kiemtra");
        let pre = "ab".repeat(32);
        let cookie = format!("dangvu_csrf={pre}; {}", session.cookie);
        let body = format!("csrf={pre}");
        let page = send(demo.anonymous(), form_post("/logout", &cookie, &body)).await;
        assert!(is_csrf_refusal(&page), "{}: {}", demo.label, page.status);
    }
}

#[tokio::test]
async fn the_sign_in_form_needs_its_double_submitted_token() {
    for demo in backends() {
        let body = "username=xem&password=xem-dangvu";
        let no_cookie = send(demo.anonymous(), form_post("/login", "", body)).await;
        assert!(is_csrf_refusal(&no_cookie), "{}", demo.label);
        let cookie = format!("dangvu_csrf={}", "cd".repeat(32));
        let other = format!("{body}&csrf={}", "dc".repeat(32));
        let mismatch = send(demo.anonymous(), form_post("/login", &cookie, &other)).await;
        assert!(is_csrf_refusal(&mismatch));
        assert!(set_cookie(&mismatch, "dangvu_session").is_none());
    }
}

#[tokio::test]
async fn the_first_page_gives_the_browser_its_token_once() {
    for demo in backends() {
        let first = support::get(demo.anonymous(), "/login").await;
        let cookie = set_cookie(&first, "dangvu_csrf").expect("a pre-session cookie");
        let token = support::csrf_field(&first.body).unwrap();
        assert_eq!(cookie, format!("dangvu_csrf={token}"));
        let again = support::get_with_cookie(demo.anonymous(), "/login", &cookie).await;
        assert!(
            set_cookie(&again, "dangvu_csrf").is_none(),
            "kept, not renewed"
        );
        assert_eq!(support::csrf_field(&again.body), Some(token));
    }
}

#[tokio::test]
async fn a_bearer_token_needs_no_form_token_and_a_bad_one_is_a_json_401() {
    for demo in backends() {
        let name = Username::parse("xem").unwrap();
        let audit = support::audit_context();
        let (_, secret) = demo
            .store
            .create_token(&demo.scope(), &audit, &name, Some(1))
            .unwrap();
        let bearer = format!("Bearer {}", secret.expose());
        let request = Request::post("/lang")
            .header("authorization", &bearer)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(Body::from("lang=en"))
            .unwrap();
        let page = send(demo.anonymous(), request).await;
        assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", demo.label);

        let uri = "/api/v1/reports/summary?org=VX.02&from=2025-07-01&to=2025-11-26";
        let ok = Request::get(uri).header("authorization", &bearer);
        let page = send(demo.anonymous(), ok.body(Body::empty()).unwrap()).await;
        assert_eq!(page.status, StatusCode::OK);
        let session = demo.session("quantri");
        let bad = Request::get(uri)
            .header("authorization", format!("Bearer dvt_{}", "0".repeat(64)))
            .header("cookie", &session.cookie);
        let page = send(demo.anonymous(), bad.body(Body::empty()).unwrap()).await;
        assert_eq!(
            page.status,
            StatusCode::UNAUTHORIZED,
            "the cookie is not a fallback"
        );
        assert_eq!(page.json()["error"]["code"], "unauthorized");
        assert!(
            page.json()["error"]["message_vi"]
                .as_str()
                .unwrap()
                .contains("đăng nhập")
        );
    }
}
