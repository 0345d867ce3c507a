//! The term report's API: the summary's keys unchanged, then the sections.

use super::support::{backends, get};
use axum::http::StatusCode;

const TERM: &str = "org=VX&from=2015-08-01&to=2020-07-31";

#[tokio::test]
async fn the_term_report_extends_the_summary_and_counts_the_articles_admissions() {
    for demo in backends() {
        let term = get(demo.app(), &format!("/api/v1/reports/term?{TERM}")).await;
        assert_eq!(term.status, StatusCode::OK, "{}: {}", demo.label, term.body);
        let term = term.json();
        let summary = get(demo.app(), &format!("/api/v1/reports/summary?{TERM}"))
            .await
            .json();
        for (key, value) in summary.as_object().unwrap() {
            assert_eq!(&term[key], value, "{key} is the summary's");
        }
        assert_eq!(term["admitted"], 1250);
        assert_eq!(
            term["admission"]["ceremonies"], term["admitted"],
            "{}",
            demo.label
        );
        let decided = term["admission"]["dossiers_decided"].as_u64().unwrap();
        assert!(decided >= 1250 - 60, "decisions of the term: {decided}");
        assert!(
            term["admission"]["ceremonies_on_time"].as_u64().unwrap() < 1250,
            "some late"
        );
        assert!(term["admission"]["recognized_official"].as_u64().unwrap() > 0);
        assert_eq!(term["organization"]["merged_orgs"], 8);
        assert_eq!(
            term["rating_levels"].as_array().unwrap().len(),
            summary["ratings"].as_array().unwrap().len()
        );
        assert_eq!(term["cell_life"]["attendance_pct"], serde_json::Value::Null);
        assert_eq!(term["inspection"]["members_disciplined"], 0);
    }
}

#[tokio::test]
async fn the_term_report_refuses_what_the_summary_refuses() {
    for demo in backends() {
        let missing = get(demo.app(), "/api/v1/reports/term?org=VX&from=2015-08-01").await;
        assert_eq!(missing.status, StatusCode::BAD_REQUEST);
        assert_eq!(missing.json()["error"]["code"], "missing_parameter");
        let reversed = get(
            demo.app(),
            "/api/v1/reports/term?org=VX&from=2020-01-01&to=2019-01-01",
        )
        .await;
        assert_eq!(
            reversed.status,
            StatusCode::BAD_REQUEST,
            "{}",
            reversed.body
        );
        let outside = get(
            demo.app_as("xem"),
            &format!("/api/v1/reports/term?{}", TERM.replace("VX", "VX.01")),
        )
        .await;
        assert_eq!(outside.status, StatusCode::NOT_FOUND, "{}", demo.label);
    }
}
