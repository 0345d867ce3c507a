//! The summary report: the page and the JSON API give the store's figures.

// `term_report` is a helper outside `#[test]`, where clippy's test exemption does not reach.
#![allow(clippy::unwrap_used, clippy::panic)]

mod support;

#[path = "reports/picker.rs"]
mod picker;
#[path = "reports/term.rs"]
mod term;
#[path = "reports/workbook.rs"]
mod workbook;

use axum::http::StatusCode;
use dangvu_domain::OrgCode;
use dangvu_domain::summary::{SummaryParams, SummaryReport};
use support::{Demo, backends, day, get, grouped};

const TERM: &str = "org=VX&from=2015-08-01&to=2020-07-31";

fn term_report(demo: &Demo) -> SummaryReport {
    let params = SummaryParams::new(
        OrgCode::parse("VX").unwrap(),
        day("2015-08-01"),
        day("2020-07-31"),
        None,
    )
    .unwrap();
    demo.store.summary(&demo.scope(), &params).unwrap()
}

#[tokio::test]
async fn the_api_serves_the_stores_report_with_the_keys_of_the_spec_in_order() {
    for demo in backends() {
        let expected = term_report(&demo);
        let page = get(demo.app(), &format!("/api/v1/reports/summary?{TERM}")).await;
        assert_eq!(page.status, StatusCode::OK, "{}", demo.label);
        assert!(page.header("content-type").starts_with("application/json"));
        assert_eq!(page.json(), serde_json::to_value(&expected).unwrap());
        let keys = [
            "\"org\"",
            "\"from\"",
            "\"to\"",
            "\"as_of\"",
            "\"grassroots_orgs\"",
            "\"cells_under_grassroots\"",
            "\"members\"",
            "\"members_probationary\"",
            "\"members_exempted\"",
            "\"admitted\"",
            "\"ratings\"",
        ];
        let positions: Vec<usize> = keys.iter().map(|k| page.body.find(k).unwrap()).collect();
        assert!(positions.windows(2).all(|w| w[0] < w[1]), "{}", page.body);
        assert_eq!(page.json()["as_of"], "2020-07-31", "as_of defaults to `to`");
        assert_eq!(page.json()["grassroots_orgs"], 77);
        assert_eq!(page.json()["cells_under_grassroots"], 400);
    }
}

#[tokio::test]
async fn the_summary_page_shows_the_same_figures_as_the_api() {
    for demo in backends() {
        let report = term_report(&demo);
        let page = get(demo.app(), &format!("/reports/summary?{TERM}")).await;
        assert_eq!(page.status, StatusCode::OK, "{}", demo.label);
        for value in [
            report.grassroots_orgs,
            report.cells_under_grassroots,
            report.members,
            report.members_probationary,
            report.members_exempted,
            report.admitted,
        ] {
            let card = format!(
                "<span class=\"figure-value\">{}</span>",
                grouped(value, '.')
            );
            assert!(page.has(&card), "missing {card}");
        }
        assert!(!report.ratings.is_empty());
        for year in &report.ratings {
            assert!(page.has(&format!("\">{}</th>", year.year)));
            let pct = year.members_completed_or_better_pct.unwrap();
            let vi = format!("\">{}</td>", format!("{pct:.1}").replace('.', ","));
            assert!(page.has(&vi), "missing {vi}");
            let rated = format!("\">{}</td>", grouped(year.members_rated, '.'));
            assert!(page.has(&rated), "missing {rated}");
        }
        let json = page.href_of("Xem số liệu dạng JSON").unwrap();
        assert_eq!(
            json,
            format!("/api/v1/reports/summary?{TERM}&as_of=2020-07-31")
        );
        let from_link = get(demo.app(), &json).await;
        assert_eq!(from_link.json(), serde_json::to_value(&report).unwrap());
    }
}

#[tokio::test]
async fn english_percentages_use_a_decimal_point() {
    for demo in backends() {
        let report = term_report(&demo);
        let page = get(demo.app(), &format!("/reports/summary?{TERM}&lang=en")).await;
        let year = &report.ratings[0];
        let pct = year.orgs_good_or_better_pct.unwrap();
        assert!(page.has(&format!("\">{pct:.1}</td>")));
        assert!(page.has(&grouped(report.members, ',')));
        assert!(page.has("These figures as JSON"));
    }
}

#[tokio::test]
async fn the_empty_form_defaults_to_this_year_so_far() {
    for demo in backends() {
        let page = get(demo.app(), "/reports/summary").await;
        assert_eq!(page.status, StatusCode::OK, "{}", demo.label);
        assert!(page.has("name=\"from\" value=\"01/01/2025\""));
        assert!(page.has("name=\"to\" value=\"26/11/2025\""));
        assert!(
            !page.has("class=\"figures\""),
            "no report before an organization is given"
        );
    }
}

#[tokio::test]
async fn a_year_without_ratings_of_organizations_shows_a_dash() {
    for demo in backends() {
        // A cell's subtree has rated members but no rated grassroots organization.
        let page = get(
            demo.app(),
            "/reports/summary?org=VX.01.01&from=2016-01-01&to=2016-12-31",
        )
        .await;
        assert_eq!(page.status, StatusCode::OK, "{}", demo.label);
        assert!(page.has("\">—</td>"), "null shows a dash");
    }
}

#[tokio::test]
async fn api_errors_are_json_with_both_languages_and_the_right_status() {
    for demo in backends() {
        let cases = [
            (
                "org=VX&from=2015-08-01",
                StatusCode::BAD_REQUEST,
                "missing_parameter",
            ),
            (
                "from=2015-08-01&to=2020-07-31",
                StatusCode::BAD_REQUEST,
                "missing_parameter",
            ),
            (
                "org=VX&from=2015-02-30&to=2020-07-31",
                StatusCode::BAD_REQUEST,
                "invalid_date",
            ),
            (
                "org=VX&from=2020-07-31&to=2015-08-01",
                StatusCode::BAD_REQUEST,
                "invalid_period",
            ),
            (
                "org=VX&org=TQ&from=2015-08-01&to=2020-07-31",
                StatusCode::BAD_REQUEST,
                "malformed_request",
            ),
            (
                "org=V%20X&from=2015-08-01&to=2020-07-31",
                StatusCode::BAD_REQUEST,
                "invalid_code",
            ),
            (
                "org=KHONG.CO&from=2015-08-01&to=2020-07-31",
                StatusCode::NOT_FOUND,
                "not_found",
            ),
        ];
        for (query, status, code) in cases {
            let page = get(demo.app(), &format!("/api/v1/reports/summary?{query}")).await;
            assert_eq!(page.status, status, "{query}");
            assert!(
                page.header("content-type").starts_with("application/json"),
                "{query}"
            );
            let error = &page.json()["error"];
            assert_eq!(error["code"], code, "{query}");
            assert!(!error["message_vi"].as_str().unwrap().is_empty(), "{query}");
            assert!(!error["message_en"].as_str().unwrap().is_empty(), "{query}");
        }
        let reversed = get(
            demo.app(),
            "/api/v1/reports/summary?org=VX&from=2020-07-31&to=2015-08-01",
        )
        .await;
        let message = reversed.json()["error"]["message_vi"].to_string();
        assert!(
            message.contains("31/07/2020") && message.contains("01/08/2015"),
            "{message}"
        );
    }
}

#[tokio::test]
async fn unknown_api_addresses_answer_json() {
    for demo in backends() {
        let page = get(demo.app(), "/api/v1/khong-co").await;
        assert_eq!(page.status, StatusCode::NOT_FOUND, "{}", demo.label);
        assert_eq!(page.json()["error"]["code"], "not_found");
    }
}

#[tokio::test]
async fn report_page_errors_keep_the_form() {
    for demo in backends() {
        let page = get(demo.app(), "/reports/summary?org=KHONG.CO").await;
        assert_eq!(
            page.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            demo.label
        );
        assert!(page.has("Không tìm thấy tổ chức nào có mã hoặc tên «KHONG.CO»"));
        let page = get(
            demo.app(),
            "/reports/summary?org=VX&from=2020-07-31&to=2015-08-01",
        )
        .await;
        assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(page.has("Khoảng thời gian không hợp lệ"));
        assert!(page.has("name=\"from\" value=\"31/07/2020\""));
    }
}

#[tokio::test]
async fn the_charts_show_each_years_figures_as_text() {
    for demo in backends() {
        let report = term_report(&demo);
        let page = get(demo.app(), &format!("/reports/summary?{TERM}")).await;
        assert_eq!(
            page.body
                .matches("<svg class=\"chart-svg\" role=\"img\"")
                .count(),
            2
        );
        let ratings = page
            .body
            .split("<desc id=\"chart-ratings-desc\">")
            .nth(1)
            .unwrap();
        let ratings = &ratings[..ratings.find("</desc>").unwrap()];
        for year in &report.ratings {
            let pct = year.members_completed_or_better_pct.unwrap();
            let vi = format!("{pct:.1}%").replace('.', ",");
            assert!(ratings.contains(&format!("{}: ", year.year)), "{ratings}");
            assert!(ratings.contains(&vi), "{vi} in {ratings}");
            assert!(
                page.has(&format!(">{vi}</text>")),
                "{vi} written on the chart"
            );
        }
        let admissions = page
            .body
            .split("<desc id=\"chart-admissions-desc\">")
            .nth(1)
            .unwrap();
        let admissions = &admissions[..admissions.find("</desc>").unwrap()];
        let years: Vec<&str> = admissions.split("; ").collect();
        assert_eq!(years.len(), 6, "{admissions}");
        assert!(years[0].starts_with("2015: ") && years[5].starts_with("2020: "));
        assert!(!page.has("NaN"));
    }
}
