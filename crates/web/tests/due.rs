//! What is due: the list a committee works from, on both engines.

#![allow(clippy::unwrap_used, clippy::panic)]

mod support;

use axum::http::StatusCode;
use support::{backends, get};

/// A day when the demo has dossiers open at every stage (their steps run to 2026-11-20),
/// under the province (the district was dissolved on 2025-07-01).
const DAY: &str = "2026-11-26";

fn items(json: &serde_json::Value) -> &Vec<serde_json::Value> {
    json["items"].as_array().unwrap()
}

#[tokio::test]
async fn the_list_is_the_open_steps_most_urgent_first_with_the_late_ones_counted() {
    for demo in backends() {
        let page = get(demo.app(), &format!("/api/v1/due?org=TQ&as_of={DAY}")).await;
        assert_eq!(page.status, StatusCode::OK, "{}: {}", demo.label, page.body);
        let json = page.json();
        let list = items(&json);
        assert!(!list.is_empty(), "{}: the demo has open steps", demo.label);
        let due: Vec<&str> = list.iter().map(|i| i["due_on"].as_str().unwrap()).collect();
        assert!(due.windows(2).all(|w| w[0] <= w[1]), "most urgent first");
        let late = list.iter().filter(|i| i["overdue"] == true).count();
        assert_eq!(json["overdue"], late, "{}", demo.label);
        assert!(late > 0, "{}: some demo steps are late", demo.label);
        for item in list {
            let overdue = item["due_on"].as_str().unwrap() < DAY;
            assert_eq!(item["overdue"], overdue, "{item}");
            assert!(item["since"].as_str().unwrap() <= item["due_on"].as_str().unwrap());
        }
    }
}

#[tokio::test]
async fn a_subtree_lists_only_its_own_steps_and_outside_the_scope_is_not_found() {
    for demo in backends() {
        let all = get(demo.app(), &format!("/api/v1/due?org=TQ&as_of={DAY}"))
            .await
            .json();
        let cell = items(&all)[0]["org"].as_str().unwrap().to_string();
        let part = get(demo.app(), &format!("/api/v1/due?org={cell}&as_of={DAY}"))
            .await
            .json();
        let of_cell = items(&all)
            .iter()
            .filter(|i| i["org"] == cell.as_str())
            .count();
        assert_eq!(items(&part).len(), of_cell, "{}", demo.label);
        assert!(items(&part).iter().all(|i| i["org"] == cell.as_str()));
        // A cell secretary reaches one cell: the province is as unknown as a missing code.
        let other = get(
            demo.app_as("bithu"),
            &format!("/api/v1/due?org=TQ&as_of={DAY}"),
        )
        .await;
        let missing = get(demo.app_as("bithu"), "/api/v1/due?org=KHONGCO").await;
        assert_eq!(other.status, StatusCode::NOT_FOUND, "{}", demo.label);
        assert_eq!(
            other.json()["error"]["code"],
            missing.json()["error"]["code"]
        );
    }
}

#[tokio::test]
async fn bad_parameters_are_named() {
    for demo in backends() {
        let no_org = get(demo.app(), "/api/v1/due").await;
        assert_eq!(no_org.status, StatusCode::BAD_REQUEST);
        assert_eq!(no_org.json()["error"]["code"], "missing_parameter");
        let bad_day = get(demo.app(), "/api/v1/due?org=VX&as_of=31/02/2025").await;
        assert_eq!(bad_day.status, StatusCode::BAD_REQUEST);
        assert_eq!(bad_day.json()["error"]["code"], "invalid_date");
        let page = get(demo.app(), "/due?as_of=hom-qua").await;
        assert_eq!(page.status, StatusCode::BAD_REQUEST, "{}", demo.label);
    }
}

#[tokio::test]
async fn the_page_says_late_in_words_and_the_home_page_counts_for_those_who_do_the_work() {
    for demo in backends() {
        // `canbo` works for the province (TQ); the district was dissolved in 2025.
        let api = get(demo.app_as("canbo"), "/api/v1/due?org=TQ").await.json();
        let late = api["overdue"].as_u64().unwrap();
        let page = get(demo.app_as("canbo"), "/due").await;
        assert_eq!(page.status, StatusCode::OK, "{}", demo.label);
        assert!(page.has("Việc đến hạn"));
        // Late steps come first; the page shows the 300 most urgent.
        let total = api["items"].as_array().unwrap().len();
        assert_eq!(
            page.body.matches("class=\"overdue\"").count() as u64,
            late.min(300)
        );
        assert_eq!(
            page.body.matches("<tr").count() - 1,
            total.min(300),
            "{}",
            demo.label
        );
        assert_eq!(page.has("việc cấp bách nhất"), total > 300);
        if late > 0 {
            assert!(page.has("quá hạn"), "late steps say so in words");
        }
        let home = get(demo.app_as("canbo"), "/").await;
        let count = format!("{} việc quá hạn", support::grouped(late, '.'));
        assert!(late == 0 || home.has(&count), "{}: {count}", demo.label);
        assert!(home.has("href=\"/due\""));
        // A read-only account has the list in its menu but no count on its home page.
        let reader = get(demo.app_as("xem"), "/").await;
        assert!(!reader.has("việc quá hạn") && !reader.has("Không có việc quá hạn"));
    }
}

#[tokio::test]
async fn party_badges_fall_due_on_the_usual_award_days_after_a_milestone() {
    for demo in backends() {
        let json = get(demo.app(), &format!("/api/v1/due?org=TQ&as_of={DAY}"))
            .await
            .json();
        let badges: Vec<_> = items(&json)
            .iter()
            .filter(|i| i["kind"] == "TANG_HUY_HIEU")
            .collect();
        assert!(
            !badges.is_empty(),
            "{}: members reach 30 to 90 years of party age",
            demo.label
        );
        for badge in badges {
            let due = badge["due_on"].as_str().unwrap();
            assert!(
                ["-02-03", "-05-19", "-09-02", "-11-07"]
                    .iter()
                    .any(|d| due.ends_with(d)),
                "{badge}"
            );
            assert!(badge["since"].as_str().unwrap() <= due);
            assert_eq!(
                badge["overdue"], false,
                "a badge is listed until its award day"
            );
        }
    }
}
