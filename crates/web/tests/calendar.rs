//! The working-day calendar through the real router on every backend: the API answers the
//! date as JSON (4xx JSON for bad input or no account), the page lists a year and lets an
//! administrator add a day, which the very next count uses; nobody else may change it.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use axum::http::StatusCode;
use support::{backends, get, post_form};

const API: &str = "/api/v1/calendar/working-day";

#[tokio::test]
async fn the_api_answers_the_working_day_over_tet() {
    for demo in backends() {
        let page = get(demo.app_as("xem"), &format!("{API}?after=2020-01-22&n=1")).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        let json = page.json();
        assert_eq!(
            json,
            serde_json::json!({"after": "2020-01-22", "n": 1, "date": "2020-01-30"})
        );
        let member = get(
            demo.app_as("dangvien"),
            &format!("{API}?after=14/01/2020&n=60"),
        )
        .await;
        assert_eq!(member.json()["date"], "2020-04-15", "{}", member.body);
    }
}

#[tokio::test]
async fn bad_parameters_answer_400_with_their_code_and_no_account_401() {
    for demo in backends() {
        let cases = [
            ("?n=5", "missing_parameter"),
            ("?after=2020-01-01", "missing_parameter"),
            ("?after=31/02/2020&n=5", "invalid_date"),
            ("?after=2020-01-01&n=-1", "invalid_number"),
            ("?after=2020-01-01&n=10001", "invalid_number"),
            ("?after=2020-01-01&n=mười", "invalid_number"),
            ("?after=2020-01-01&n=99999999999999999999", "invalid_number"),
        ];
        for (query, code) in cases {
            let page = get(demo.app_as("xem"), &format!("{API}{query}")).await;
            assert_eq!(
                page.status,
                StatusCode::BAD_REQUEST,
                "{query}: {}",
                page.body
            );
            assert_eq!(page.json()["error"]["code"], code, "{query}");
            assert!(page.json()["error"]["message_vi"].as_str().unwrap().len() > 10);
        }
        let anonymous = get(demo.anonymous(), &format!("{API}?after=2020-01-01&n=1")).await;
        assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
        assert_eq!(anonymous.json()["error"]["code"], "unauthorized");
    }
}

#[tokio::test]
async fn an_administrator_adds_a_day_off_and_the_next_count_uses_it() {
    for demo in backends() {
        let ask = format!("{API}?after=2025-12-02&n=1");
        assert_eq!(
            get(demo.app_as("canbo"), &ask).await.json()["date"],
            "2025-12-03"
        );
        let form = "day=03%2F12%2F2025&kind=NGHI&name=Ngh%E1%BB%89+%C4%91%E1%BB%99t+xu%E1%BA%A5t";
        let saved = post_form(demo.app(), "/calendar", form).await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
        assert_eq!(
            saved.header("location"),
            "/calendar?year=2025&saved=2025-12-03"
        );
        assert_eq!(
            get(demo.app_as("canbo"), &ask).await.json()["date"],
            "2025-12-04"
        );

        let page = get(demo.app_as("xem"), "/calendar?year=2025").await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.has("Nghỉ đột xuất") && page.has("Do hệ thống này bổ sung"));
        assert!(!page.has("action=\"/calendar\" method") && !page.has("name=\"kind\""));
        assert!(
            demo.audit_of("quantri")
                .iter()
                .any(|r| r.action == "calendar.set")
        );
    }
}

#[tokio::test]
async fn only_administrators_may_change_the_calendar_and_bad_input_is_shown() {
    for demo in backends() {
        let form = "day=05%2F12%2F2025&kind=NGHI&name=";
        for user in ["canbo", "bithu", "xem", "dangvien"] {
            let refused = post_form(demo.app_as(user), "/calendar", form).await;
            assert_eq!(refused.status, StatusCode::FORBIDDEN, "{user}");
        }
        let ask = format!("{API}?after=2025-12-04&n=1");
        assert_eq!(
            get(demo.app_as("xem"), &ask).await.json()["date"],
            "2025-12-05"
        );

        let bad = post_form(
            demo.app(),
            "/calendar",
            "day=31%2F02%2F2025&kind=NGHI&name=",
        )
        .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            bad.has("31/02/2025") && bad.has("role=\"alert\""),
            "{}",
            bad.body
        );
        let year = get(demo.app(), "/calendar?year=abc").await;
        assert_eq!(year.status, StatusCode::BAD_REQUEST);
    }
}

#[tokio::test]
async fn the_page_lists_the_shipped_year_and_the_menu_links_it_for_administrators() {
    for demo in backends() {
        let page = get(demo.app_as("xem"), "/calendar?year=2026").await;
        assert_eq!(page.status, StatusCode::OK);
        for text in [
            "Tết Nguyên đán",
            "14/02/2026",
            "Ngày làm bù",
            "10/01/2026",
            "Lịch chính thức",
        ] {
            assert!(page.has(text), "{text}");
        }
        assert!(page.has("Chỉ quản trị viên được sửa lịch ngày làm việc."));
        assert!(!page.has("href=\"/calendar\""), "no menu link for a reader");
        let admin = get(demo.app(), "/calendar?year=2026&lang=en").await;
        assert!(admin.has("Working-day calendar 2026") && admin.has("name=\"kind\""));
        assert!(
            admin.has("href=\"/calendar\""),
            "the administrator's menu links it"
        );
    }
}
