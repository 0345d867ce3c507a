//! Client input never gets a 500: odd paths, huge or badly encoded parameters, tampered
//! cursors and page sizes all answer JSON with the stable code of the problem.

use crate::client::{error_code, get_bearer, token};
use crate::support::{backends, get, send};
use axum::body::Body;
use axum::http::{Request, StatusCode};

#[tokio::test]
async fn bad_input_answers_400_or_404_with_its_code() {
    let long = "x".repeat(5000);
    let long_cursor = "ab".repeat(3000);
    let cases: Vec<(String, u16, &str)> = vec![
        (
            "/api/v1/members?org=VX&limit=0".into(),
            400,
            "invalid_limit",
        ),
        (
            "/api/v1/members?org=VX&limit=abc".into(),
            400,
            "invalid_limit",
        ),
        (
            "/api/v1/members?org=VX&limit=501".into(),
            400,
            "invalid_limit",
        ),
        (
            "/api/v1/members?org=VX&limit=-5".into(),
            400,
            "invalid_limit",
        ),
        (
            "/api/v1/members?org=VX&as_of=31/02/2020".into(),
            400,
            "invalid_date",
        ),
        (
            "/api/v1/members?org=VX&as_of=0001-01-01".into(),
            400,
            "invalid_date",
        ),
        (
            "/api/v1/members?org=VX&as_of=%00".into(),
            400,
            "invalid_text",
        ),
        (
            "/api/v1/members?org=VX&q=%FF%FE%00".into(),
            400,
            "invalid_text",
        ),
        (
            "/api/v1/members?org=VX&after=zz".into(),
            400,
            "invalid_cursor",
        ),
        (
            "/api/v1/members?org=VX&after=abc".into(),
            400,
            "invalid_cursor",
        ),
        (
            format!("/api/v1/members?org=VX&after={long_cursor}"),
            400,
            "invalid_cursor",
        ),
        ("/api/v1/members".into(), 400, "missing_parameter"),
        ("/api/v1/members?org=".into(), 400, "missing_parameter"),
        ("/api/v1/members?org=V%20X".into(), 400, "invalid_code"),
        (format!("/api/v1/members?org={long}"), 400, "invalid_code"),
        (
            "/api/v1/members?org=VX&org=TQ".into(),
            400,
            "malformed_request",
        ),
        ("/api/v1/members?org=KHONG.CO".into(), 404, "not_found"),
        ("/api/v1/orgs?as_of=2020-13-01".into(), 400, "invalid_date"),
        (
            "/api/v1/orgs/VX?as_of=99999-01-01".into(),
            400,
            "invalid_date",
        ),
        (
            "/api/v1/orgs/VX?as_of=2020-02-30".into(),
            400,
            "invalid_date",
        ),
        ("/api/v1/orgs/%FF".into(), 400, "malformed_request"),
        ("/api/v1/orgs/a%2Fb".into(), 400, "invalid_code"),
        (format!("/api/v1/orgs/{long}"), 400, "invalid_code"),
        (format!("/api/v1/orgs/{long}/children"), 400, "invalid_code"),
        ("/api/v1/orgs/%20".into(), 400, "invalid_code"),
        ("/api/v1/orgs/KHONG.CO/children".into(), 404, "not_found"),
        ("/api/v1/orgs/VX/children/x".into(), 404, "not_found"),
        ("/api/v1/members/%E2%80%AE%00".into(), 400, "invalid_code"),
        ("/api/v1/members/..".into(), 404, "not_found"),
        (
            "/api/v1/members/%27%20OR%201=1--".into(),
            400,
            "invalid_code",
        ),
        ("/api/v1/members/x'%3B--".into(), 404, "not_found"),
        (
            "/api/v1/reports/summary?org=VX&from=2020-07-31&to=2015-08-01".into(),
            400,
            "invalid_period",
        ),
        (
            "/api/v1/reports/summary?org=VX&from=2015-08-01".into(),
            400,
            "missing_parameter",
        ),
        ("/api/v1/khong-co?x=1".into(), 404, "not_found"),
    ];
    for demo in backends() {
        let secret = token(&demo, "quantri");
        for (uri, status, code) in &cases {
            let page = get_bearer(&demo, &secret, uri).await;
            let shown: String = uri.chars().take(80).collect();
            assert_eq!(
                page.status.as_u16(),
                *status,
                "{} {shown}: {}",
                demo.label,
                page.body
            );
            assert_eq!(error_code(&page), *code, "{shown}");
        }
        let fine = [
            format!("/api/v1/members?org=VX&q={long}"),
            "/api/v1/members?org=VX&after=00&limit=1".to_string(),
            "/api/v1/members?org=VX&q=%FF%FE".to_string(),
            "/api/v1/orgs/VX?as_of=9998-12-31".to_string(),
            "/api/v1/members?org=VX&as_of=1800-01-01".to_string(),
            "/api/v1/members?org=VX&limit=%20500%20&unknown=1".to_string(),
        ];
        for uri in fine {
            let page = get_bearer(&demo, &secret, &uri).await;
            assert_eq!(
                page.status,
                StatusCode::OK,
                "{} {}: {}",
                demo.label,
                &uri[..60.min(uri.len())],
                page.body
            );
        }
    }
}

#[tokio::test]
async fn credentials_and_roles_are_checked_with_json_answers() {
    for demo in backends() {
        let anonymous = get(demo.anonymous(), "/api/v1/members/KHONG-CO").await;
        assert_eq!(
            (anonymous.status, error_code(&anonymous).as_str()),
            (StatusCode::UNAUTHORIZED, "unauthorized")
        );
        let forged = get_bearer(&demo, "dvt_not-a-token", "/api/v1/orgs").await;
        assert_eq!(
            (forged.status, error_code(&forged).as_str()),
            (StatusCode::UNAUTHORIZED, "unauthorized")
        );
        let request = Request::get("/api/v1/orgs")
            .header("authorization", "Basic YWxhZGRpbjpvcGVu")
            .body(Body::empty())
            .unwrap();
        let basic = send(demo.anonymous(), request).await;
        assert_eq!(basic.status, StatusCode::UNAUTHORIZED);
        let member = get_bearer(&demo, &token(&demo, "dangvien"), "/api/v1/orgs").await;
        assert_eq!(
            (member.status, error_code(&member).as_str()),
            (StatusCode::FORBIDDEN, "forbidden")
        );
        let public = get(demo.anonymous(), "/api/v1/openapi.json").await;
        assert_eq!(public.status, StatusCode::OK);
    }
}
