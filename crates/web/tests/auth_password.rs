//! Changing one's own password: the checks, the sessions it ends, the one it keeps.

#![allow(clippy::unwrap_used)] // test helpers: failing loudly is the point

mod support;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use dangvu_domain::roles::Role;
use support::{Page, Session, backends, from_address, get_with_cookie, send, set_cookie};

async fn change(demo: &support::Demo, session: &Session, body: &str) -> Page {
    let request = Request::post("/account/password")
        .header("cookie", &session.cookie)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(Body::from(format!("{body}&csrf={}", session.csrf)))
        .unwrap();
    send(demo.anonymous(), from_address(request, "192.0.2.30")).await
}

#[tokio::test]
async fn a_new_password_must_be_typed_twice_and_long_enough() {
    for demo in backends() {
        let password = demo.new_account("pw.rules", Role::Xem, Some("VX.02"), None);
        let session = support::sign_in(demo.anonymous(), "pw.rules", &password)
            .await
            .unwrap();
        let form = get_with_cookie(demo.anonymous(), "/account/password", &session.cookie).await;
        assert_eq!(form.status, StatusCode::OK);
        assert!(form.has("Ít nhất 10 ký tự"));
        let current = format!("current={password}");
        let cases = [
            (
                format!("{current}&new=ngan&confirm=ngan"),
                "ít nhất 10 ký tự",
            ),
            (
                format!("{current}&new=mot-mat-khau-dai&confirm=hai-mat-khau-dai"),
                "không giống nhau",
            ),
            (
                "current=sai-roi&new=mat-khau-moi-dai&confirm=mat-khau-moi-dai".to_string(),
                "Mật khẩu hiện tại không đúng",
            ),
        ];
        for (body, message) in cases {
            let page = change(&demo, &session, &body).await;
            assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY, "{message}");
            assert!(page.has(message), "{}: {message}", demo.label);
        }
        let still = get_with_cookie(demo.anonymous(), "/", &session.cookie).await;
        assert_eq!(
            still.status,
            StatusCode::OK,
            "a refused change ends nothing"
        );
    }
}

#[tokio::test]
async fn a_change_ends_every_other_session_and_keeps_this_browser_signed_in() {
    for demo in backends() {
        let password = demo.new_account("pw.change", Role::Xem, Some("VX.02"), None);
        let here = support::sign_in(demo.anonymous(), "pw.change", &password)
            .await
            .unwrap();
        let elsewhere = support::sign_in(demo.anonymous(), "pw.change", &password)
            .await
            .unwrap();
        let new = "mat-khau-moi-that-dai";
        let body = format!("current={password}&new={new}&confirm={new}");
        let changed = change(&demo, &here, &body).await;
        assert_eq!(changed.status, StatusCode::SEE_OTHER, "{}", demo.label);
        assert_eq!(changed.header("location"), "/account/password?changed=1");
        let fresh = set_cookie(&changed, "dangvu_session").expect("a new session");
        assert_ne!(fresh, here.cookie);
        let done = get_with_cookie(demo.anonymous(), "/account/password?changed=1", &fresh).await;
        assert!(done.has("Đã đổi mật khẩu"));
        for old in [&here, &elsewhere] {
            let page = get_with_cookie(demo.anonymous(), "/", &old.cookie).await;
            assert_eq!(
                page.status,
                StatusCode::SEE_OTHER,
                "an old session survived"
            );
        }
        assert!(
            support::sign_in(demo.anonymous(), "pw.change", new)
                .await
                .is_some()
        );
        assert!(
            support::sign_in(demo.anonymous(), "pw.change", &password)
                .await
                .is_none()
        );
        let actions: Vec<String> = demo
            .audit_of("pw.change")
            .into_iter()
            .map(|row| row.action)
            .collect();
        assert!(
            actions.contains(&"account.password".to_string()),
            "{actions:?}"
        );
    }
}

#[tokio::test]
async fn common_and_trivial_passwords_are_refused_and_administrators_need_twelve() {
    for demo in backends() {
        let password = demo.new_account("pw.weak", Role::Xem, Some("VX.02"), None);
        let session = support::sign_in(demo.anonymous(), "pw.weak", &password)
            .await
            .unwrap();
        let current = format!("current={password}");
        let cases = [
            ("aaaaaaaaaa", "quá đơn giản"),
            ("1234567890", "dùng nhiều nhất"),
            ("++++++++++", "quá đơn giản"),
            ("password12", "dùng nhiều nhất"),
            ("pw.weak-cua-toi", "dựa vào tên đăng nhập"),
        ];
        for (new, message) in cases {
            let new = support::urlencode(new);
            let page = change(
                &demo,
                &session,
                &format!("{current}&new={new}&confirm={new}"),
            )
            .await;
            assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY, "{new}");
            assert!(page.has(message), "{}: {new}: {message}", demo.label);
        }
        let spaces = "%20".repeat(10);
        let page = change(
            &demo,
            &session,
            &format!("{current}&new={spaces}&confirm={spaces}"),
        )
        .await;
        assert!(page.has("quá đơn giản"), "ten spaces");

        let admin = demo.new_account("pw.admin", Role::QuanTri, None, None);
        let admin_session = support::sign_in(demo.anonymous(), "pw.admin", &admin)
            .await
            .unwrap();
        let form =
            get_with_cookie(demo.anonymous(), "/account/password", &admin_session.cookie).await;
        assert!(form.has("Ít nhất 12 ký tự"));
        let eleven = support::urlencode("chim sẻ bay");
        let body = format!("current={admin}&new={eleven}&confirm={eleven}");
        let page = change(&demo, &admin_session, &body).await;
        assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(page.has("ít nhất 12 ký tự"), "{}", demo.label);
    }
}

#[tokio::test]
async fn an_api_token_stops_working_when_an_administrator_resets_the_password() {
    for demo in backends() {
        demo.new_account("pw.reset", Role::Xem, Some("VX.02"), None);
        let name = dangvu_domain::actor::Username::parse("pw.reset").unwrap();
        let secret = demo.token("pw.reset");
        let call = || {
            Request::get("/api/v1/orgs/VX.02")
                .header("authorization", format!("Bearer {secret}"))
                .body(Body::empty())
                .unwrap()
        };
        assert_eq!(send(demo.anonymous(), call()).await.status, StatusCode::OK);
        let fresh = dangvu_domain::actor::NewPassword::parse("một mật khẩu hoàn toàn mới").unwrap();
        demo.store
            .set_password(&demo.scope(), &support::audit_context(), &name, &fresh)
            .unwrap();
        let after = send(demo.anonymous(), call()).await;
        assert_eq!(after.status, StatusCode::UNAUTHORIZED, "{}", demo.label);
        assert_eq!(after.json()["error"]["code"], "unauthorized");
    }
}
