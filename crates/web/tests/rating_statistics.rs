//! Rating statistics through the real router on every backend: the API's yearly counts
//! add up to those the summary report gives, the page shows each year with the targets and
//! the trend chart, the workbook downloads, and bad ranges are refused.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;
#[path = "transfer_support/mod.rs"]
mod transfer_support;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use support::{backends, get};
use transfer_support::send_raw;

#[tokio::test]
async fn the_years_count_what_the_summary_report_counts() {
    for demo in backends() {
        let answer = get(
            demo.app(),
            "/api/v1/ratings/statistics?org=VX&from=2016&to=2020",
        )
        .await;
        assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
        let json = answer.json();
        let years = json["years"].as_array().unwrap();
        assert_eq!(years.len(), 5, "{}", demo.label);
        let summary = get(
            demo.app(),
            "/api/v1/reports/summary?org=VX&from=2016-01-01&to=2020-12-31",
        )
        .await
        .json();
        for year in summary["ratings"].as_array().unwrap() {
            let y = years.iter().find(|s| s["year"] == year["year"]).unwrap();
            let total = |c: &serde_json::Value| -> u64 {
                ["HTXSNV", "HTTNV", "HTNV", "KHTNV"]
                    .iter()
                    .map(|k| c[*k].as_u64().unwrap())
                    .sum()
            };
            assert_eq!(
                total(&y["grassroots"]),
                year["orgs_rated"].as_u64().unwrap()
            );
            assert_eq!(
                total(&y["members"]),
                year["members_rated"].as_u64().unwrap()
            );
            assert_eq!(
                y["members_completed_or_better_pct"], year["members_completed_or_better_pct"],
                "{}",
                demo.label
            );
        }
        assert!(total_cells(years) > 0, "cells are counted apart");
    }
}

fn total_cells(years: &[serde_json::Value]) -> u64 {
    years
        .iter()
        .map(|y| y["cells"]["HTTNV"].as_u64().unwrap())
        .sum()
}

#[tokio::test]
async fn the_page_shows_each_year_the_targets_and_the_trend() {
    for demo in backends() {
        let page = get(demo.app(), "/ratings/statistics?org=VX&from=2016&to=2020").await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        assert!(page.has("Thống kê xếp loại chất lượng"));
        assert!(page.has("id=\"year-2019\""));
        assert!(page.has("<svg"), "the trend chart");
        assert!(page.has("<title"), "the chart is named for screen readers");
        assert!(page.has("đạt chỉ tiêu"));
        // 2016 is of the old scheme: its labels are shown verbatim.
        assert!(page.has("Trong sạch, vững mạnh"), "{}", page.body);
        assert!(page.has("/ratings/statistics.xlsx?org=VX") && page.has("year=2019"));
    }
}

#[tokio::test]
async fn the_results_workbook_downloads() {
    for demo in backends() {
        let request = Request::get("/ratings/statistics.xlsx?org=VX&year=2019")
            .body(Body::empty())
            .unwrap();
        let file = send_raw(demo.app(), request).await;
        assert_eq!(file.status, StatusCode::OK, "{}", demo.label);
        let header = |name: &str| file.headers[name].to_str().unwrap().to_string();
        assert!(header("content-type").contains("spreadsheetml"));
        assert!(header("content-disposition").contains("xep-loai-VX-2019-12-31.xlsx"));
        assert!(file.body.starts_with(b"PK"), "a zip container");
    }
}

#[tokio::test]
async fn bad_ranges_and_other_subtrees_are_refused() {
    for demo in backends() {
        let reversed = get(
            demo.app(),
            "/api/v1/ratings/statistics?org=VX&from=2020&to=2016",
        )
        .await;
        assert_eq!(reversed.status, StatusCode::BAD_REQUEST);
        assert_eq!(reversed.json()["error"]["code"], "invalid_period");
        let long = get(
            demo.app(),
            "/api/v1/ratings/statistics?org=VX&from=1950&to=2020",
        )
        .await;
        assert_eq!(long.status, StatusCode::BAD_REQUEST);
        let outside = get(
            demo.app_as("bithu"),
            "/api/v1/ratings/statistics?org=VX&from=2019&to=2019",
        )
        .await;
        assert_eq!(outside.status, StatusCode::NOT_FOUND, "{}", outside.body);
    }
}
