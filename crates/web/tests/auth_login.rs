//! Signing in and out through the pages: the form, the session cookie, the generic failure,
//! throttling, expiry and the return to the page that asked.

#![allow(clippy::unwrap_used)] // test helpers: failing loudly is the point

mod support;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use dangvu_domain::roles::Role;
use std::sync::{Arc, Mutex};
use support::{
    backends, csrf_field, from_address, get, get_with_cookie, login_request, now, send, set_cookie,
};

#[tokio::test]
async fn a_page_without_a_session_sends_the_browser_to_the_sign_in_form_and_back() {
    for demo in backends() {
        let wanted = "/orgs/VX?as_of=2020-07-31";
        let refused = get(demo.anonymous(), wanted).await;
        assert_eq!(refused.status, StatusCode::SEE_OTHER, "{}", demo.label);
        let login_at = refused.header("location").to_string();
        assert_eq!(login_at, "/login?next=%2Forgs%2FVX%3Fas_of%3D2020-07-31");

        let form = get(demo.anonymous(), &login_at).await;
        assert_eq!(form.status, StatusCode::OK);
        assert!(form.has("name=\"next\" value=\"/orgs/VX?as_of=2020-07-31\""));
        assert!(csrf_field(&form.body).is_some_and(|t| t.len() == 64));
        let pre = form.header("set-cookie");
        assert!(
            pre.starts_with("dangvu_csrf=") && pre.contains("HttpOnly"),
            "{pre}"
        );
        assert!(pre.contains("SameSite=Strict"), "{pre}");

        let password = demo.new_account("login.back", Role::Xem, Some("VX.02"), None);
        let request = login_request("Login.Back", &password, wanted, "192.0.2.10");
        let signed_in = send(demo.anonymous(), request).await;
        assert_eq!(signed_in.status, StatusCode::SEE_OTHER);
        assert_eq!(signed_in.header("location"), wanted);
        let cookie = signed_in.header("set-cookie");
        assert!(cookie.starts_with("dangvu_session="), "{cookie}");
        for flag in ["HttpOnly", "SameSite=Strict", "Path=/"] {
            assert!(cookie.contains(flag), "{cookie} lacks {flag}");
        }
        assert!(!cookie.contains("Secure"), "plain HTTP: {cookie}");
        let rows = demo.audit_of("login.back");
        assert_eq!(rows[0].action, "login");
        assert_eq!(rows[0].source, "192.0.2.10");
    }
}

#[tokio::test]
async fn the_cookie_is_secure_behind_tls() {
    for demo in backends() {
        let password = demo.new_account("login.tls", Role::Xem, Some("VX.02"), None);
        let mut request = login_request("login.tls", &password, "/", "192.0.2.11");
        let proto = "https".parse().unwrap();
        request.headers_mut().insert("x-forwarded-proto", proto);
        let signed_in = send(demo.anonymous(), request).await;
        assert!(signed_in.header("set-cookie").contains("; Secure"));
        let always = dangvu_web::router(demo.state().with_secure_cookies(true));
        let request = login_request("login.tls", &password, "/", "192.0.2.11");
        let signed_in = send(always, request).await;
        assert!(signed_in.header("set-cookie").contains("; Secure"));
    }
}

#[tokio::test]
async fn an_unknown_name_and_a_wrong_password_get_the_same_answer() {
    for demo in backends() {
        demo.new_account("login.same", Role::Xem, Some("VX.02"), None);
        let ip = "192.0.2.12";
        let unknown = send(demo.anonymous(), login_request("khong.ai", "x", "/", ip)).await;
        let wrong = send(demo.anonymous(), login_request("login.same", "x", "/", ip)).await;
        for page in [&unknown, &wrong] {
            assert_eq!(page.status, StatusCode::UNAUTHORIZED, "{}", demo.label);
            assert!(page.has("Tên đăng nhập hoặc mật khẩu không đúng"));
            assert!(page.header("set-cookie").is_empty());
        }
        assert!(wrong.has("value=\"login.same\""), "the name is kept");
        assert!(
            !wrong.has("name=\"password\" value="),
            "the password is not"
        );
        let reason = &demo.audit_of("login.same")[0];
        assert_eq!(reason.action, "login.failed");
        assert!(
            reason
                .after_json
                .as_deref()
                .unwrap()
                .contains("wrong_password")
        );
    }
}

#[tokio::test]
async fn repeated_failures_delay_the_guessing_address_but_never_lock_out_the_owner() {
    for demo in backends() {
        let password = demo.new_account("login.locked", Role::Xem, Some("VX.02"), None);
        let ip = "192.0.2.13";
        for _ in 0..dangvu_storage::PAIR_LIMIT {
            let request = login_request("login.locked", "sai-mat-khau", "/", ip);
            let page = send(demo.anonymous(), request).await;
            assert_eq!(page.status, StatusCode::UNAUTHORIZED);
        }
        let request = login_request("login.locked", &password, "/", ip);
        let delayed = send(demo.anonymous(), request).await;
        assert_eq!(
            delayed.status,
            StatusCode::TOO_MANY_REQUESTS,
            "{}",
            demo.label
        );
        assert_eq!(delayed.header("retry-after"), "30");
        assert!(delayed.has("thử lại sau 1 phút"), "{}", delayed.body);
        assert!(delayed.header("set-cookie").is_empty());
        let request = login_request("login.locked", &password, "/", "192.0.2.14");
        let owner = send(demo.anonymous(), request).await;
        assert_eq!(
            owner.status,
            StatusCode::SEE_OTHER,
            "the owner elsewhere gets in"
        );
    }
}

#[tokio::test]
async fn many_failures_from_one_address_lock_that_address() {
    for demo in backends() {
        let password = demo.new_account("login.office", Role::Xem, Some("VX.02"), None);
        let ip = "192.0.2.15";
        for i in 0..dangvu_storage::ADDRESS_LIMIT {
            let request = login_request(&format!("khong.co.{i}"), "x", "/", ip);
            send(demo.anonymous(), request).await;
        }
        let request = login_request("login.office", &password, "/", ip);
        let locked = send(demo.anonymous(), request).await;
        assert_eq!(
            locked.status,
            StatusCode::TOO_MANY_REQUESTS,
            "{}",
            demo.label
        );
        let request = login_request("login.office", &password, "/", "192.0.2.16");
        let elsewhere = send(demo.anonymous(), request).await;
        assert_eq!(elsewhere.status, StatusCode::SEE_OTHER, "another address");
    }
}

#[tokio::test]
async fn signing_out_is_a_post_that_ends_the_session() {
    for demo in backends() {
        let password = demo.new_account("login.out", Role::Xem, Some("VX.02"), None);
        let session = support::sign_in(demo.anonymous(), "login.out", &password)
            .await
            .unwrap();
        let home = get_with_cookie(demo.anonymous(), "/", &session.cookie).await;
        assert_eq!(home.status, StatusCode::OK);
        assert!(
            home.has("login.out") && home.has("Chỉ xem"),
            "the header shows who"
        );
        assert!(home.has("action=\"/logout\""));
        let by_get = get_with_cookie(demo.anonymous(), "/logout", &session.cookie).await;
        assert_eq!(by_get.status, StatusCode::METHOD_NOT_ALLOWED);

        let request = Request::post("/logout")
            .header("cookie", &session.cookie)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(Body::from(format!("csrf={}", session.csrf)))
            .unwrap();
        let out = send(demo.anonymous(), from_address(request, "192.0.2.17")).await;
        assert_eq!(out.status, StatusCode::SEE_OTHER, "{}", demo.label);
        assert_eq!(out.header("location"), "/login");
        assert!(out.header("set-cookie").contains("Max-Age=0"));
        let after = get_with_cookie(demo.anonymous(), "/", &session.cookie).await;
        assert_eq!(
            after.status,
            StatusCode::SEE_OTHER,
            "the old cookie is dead"
        );
        assert_eq!(demo.audit_of("login.out")[0].action, "logout");
    }
}

/// Both sessions start together: signing in later would run the throttle's clean-up at a
/// moved clock, which the other tests sharing the database must not see.
#[tokio::test]
async fn sessions_end_after_thirty_idle_minutes_and_twelve_hours_in_all() {
    for demo in backends() {
        let password = demo.new_account("login.idle", Role::Xem, Some("VX.02"), None);
        let clock = Arc::new(Mutex::new(now()));
        let app = || demo.with_clock(Arc::clone(&clock));
        let idle = support::sign_in(app(), "login.idle", &password)
            .await
            .unwrap();
        let busy = support::sign_in(app(), "login.idle", &password)
            .await
            .unwrap();
        let start = now();
        let status_at = |minutes: i64, cookie: String| {
            *clock.lock().unwrap() = start + chrono::TimeDelta::minutes(minutes);
            let app = app();
            async move {
                get_with_cookie(app, "/account/password", &cookie)
                    .await
                    .status
            }
        };
        let label = &demo.label;
        assert_eq!(
            status_at(20, idle.cookie.clone()).await,
            StatusCode::OK,
            "{label}"
        );
        assert_eq!(status_at(20, busy.cookie.clone()).await, StatusCode::OK);
        assert_eq!(status_at(40, busy.cookie.clone()).await, StatusCode::OK);
        assert_eq!(
            status_at(49, idle.cookie.clone()).await,
            StatusCode::OK,
            "29 idle"
        );
        assert_eq!(status_at(60, busy.cookie.clone()).await, StatusCode::OK);
        assert_eq!(status_at(80, busy.cookie.clone()).await, StatusCode::OK);
        let after_idle = status_at(80, idle.cookie.clone()).await;
        assert_eq!(after_idle, StatusCode::SEE_OTHER, "31 minutes idle");
        for minutes in (100..=700).step_by(20) {
            let status = status_at(minutes, busy.cookie.clone()).await;
            assert_eq!(status, StatusCode::OK, "active, {minutes} minutes in");
        }
        let after_all = status_at(720, busy.cookie.clone()).await;
        assert_eq!(after_all, StatusCode::SEE_OTHER, "twelve hours have passed");
    }
}

#[tokio::test]
async fn a_signed_in_browser_skips_the_form_and_foreign_returns_are_ignored() {
    for demo in backends() {
        let session = demo.session("xem");
        let page = get_with_cookie(
            demo.anonymous(),
            "/login?next=%2Freports%2Fsummary",
            &session.cookie,
        )
        .await;
        assert_eq!(page.status, StatusCode::SEE_OTHER);
        assert_eq!(page.header("location"), "/reports/summary");
        let password = demo.new_account("login.evil", Role::Xem, Some("VX.02"), None);
        for next in ["//evil.example", "https://evil.example/", "/\\evil.example"] {
            let request = login_request("login.evil", &password, next, "192.0.2.18");
            let page = send(demo.anonymous(), request).await;
            assert_eq!(page.header("location"), "/", "{next}");
            assert!(set_cookie(&page, "dangvu_session").is_some());
        }
    }
}
