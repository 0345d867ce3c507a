//! Who is rated, through the real router on every backend: the members of a subtree on
//! the year's reference day, the exempted and the newly admitted left out with the reason,
//! inside the reader's scope only.

#![allow(clippy::unwrap_used, clippy::panic)]

mod support;

use axum::http::StatusCode;
use support::{backends, get};

#[tokio::test]
async fn the_rated_and_the_left_out_make_the_members_of_the_reference_day() {
    for demo in backends() {
        let answer = get(demo.app(), "/api/v1/ratings/rated?org=VX&year=2019").await;
        assert_eq!(
            answer.status,
            StatusCode::OK,
            "{}: {}",
            demo.label,
            answer.body
        );
        let json = answer.json();
        assert_eq!(json["reference"], "2019-12-31");
        assert!(json["rule_set"].as_str().unwrap().contains("HD 21"));
        let rated = json["rated"].as_array().unwrap().len();
        let left_out = json["not_rated"].as_array().unwrap();
        let members = get(
            demo.app(),
            "/api/v1/members?org=VX&as_of=2019-12-31&limit=1",
        )
        .await
        .json();
        assert_eq!(
            (rated + left_out.len()) as u64,
            members["total"].as_u64().unwrap(),
            "{}",
            demo.label
        );
        let reasons: Vec<&str> = left_out
            .iter()
            .map(|m| m["reason_vi"].as_str().unwrap())
            .collect();
        assert!(
            reasons.iter().any(|r| r.contains("miễn sinh hoạt từ")),
            "{}: {} {} {:?}",
            demo.label,
            rated,
            reasons.len(),
            &reasons[..reasons.len().min(5)]
        );
        assert!(
            reasons.iter().any(|r| r.contains("chưa đủ 6 tháng")),
            "{}: {:?}",
            demo.label,
            &reasons[..reasons.len().min(5)]
        );
        assert!(rated > left_out.len());
        let page = get(demo.app(), "/ratings/rated?org=VX&year=2019").await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.has("Đảng viên không xếp loại và lý do"));
        assert!(
            page.has(&format!(
                "{} không xếp loại",
                support::grouped(left_out.len() as u64, '.')
            )),
            "{}",
            page.body
        );
    }
}

#[tokio::test]
async fn outside_the_scope_and_bad_parameters_are_refused() {
    for demo in backends() {
        let outside = get(
            demo.app_as("bithu"),
            "/api/v1/ratings/rated?org=VX&year=2019",
        )
        .await;
        assert_eq!(outside.status, StatusCode::NOT_FOUND, "{}", demo.label);
        let year = get(demo.app(), "/api/v1/ratings/rated?org=TQ&year=hai-nghin").await;
        assert_eq!(year.status, StatusCode::BAD_REQUEST);
        assert_eq!(year.json()["error"]["code"], "invalid_number");
        let no_org = get(demo.app(), "/api/v1/ratings/rated?year=2019").await;
        assert_eq!(no_org.json()["error"]["code"], "missing_parameter");
    }
}
