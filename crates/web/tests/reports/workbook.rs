//! The summary report as an Excel workbook: the same figures as the JSON, as numbers.

use super::support::{Demo, backends, get};
use super::{TERM, term_report};
use axum::body::Body;
use axum::http::{Request, StatusCode};
use calamine::{Data, Reader, Xlsx};
use http_body_util::BodyExt;
use tower::ServiceExt;

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The answer to `uri` as the administrator: status, headers, bytes.
async fn download(demo: &Demo, uri: &str) -> (StatusCode, axum::http::HeaderMap, Vec<u8>) {
    let request = Request::get(uri).body(Body::empty()).unwrap();
    let response = demo.app().oneshot(request).await.unwrap();
    let (status, headers) = (response.status(), response.headers().clone());
    let body = response.into_body().collect().await.unwrap().to_bytes();
    (status, headers, body.to_vec())
}

/// The cells of the report's sheet, row by row.
fn sheet(bytes: Vec<u8>) -> Vec<Vec<Data>> {
    let mut book = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    assert_eq!(book.sheet_names(), vec!["Báo cáo tổng hợp".to_string()]);
    let range = book.worksheet_range("Báo cáo tổng hợp").unwrap();
    range.rows().map(<[Data]>::to_vec).collect()
}

fn number(cell: &Data) -> f64 {
    match cell {
        Data::Float(n) => *n,
        Data::Int(n) => *n as f64,
        other => panic!("not a number: {other:?}"),
    }
}

/// The row whose first cell reads `label`, from `after` on.
fn row<'a>(rows: &'a [Vec<Data>], label: &str, after: usize) -> (usize, &'a [Data]) {
    let at = (after..rows.len())
        .find(|&i| rows[i][0] == label)
        .unwrap_or_else(|| panic!("no row {label}"));
    (at, &rows[at])
}

#[tokio::test]
async fn the_workbook_holds_the_figures_of_the_json_as_numbers() {
    for demo in backends() {
        let json = serde_json::to_value(term_report(&demo)).unwrap();
        let uri = format!("/api/v1/reports/summary?{TERM}&format=xlsx");
        let (status, headers, bytes) = download(&demo, &uri).await;
        assert_eq!(status, StatusCode::OK, "{}", demo.label);
        assert_eq!(headers["content-type"], XLSX);
        assert_eq!(
            headers["content-disposition"],
            "attachment; filename=\"bao-cao-tong-hop-VX-2015-08-01-2020-07-31.xlsx\""
        );
        let rows = sheet(bytes);
        assert!(rows[1][0].to_string().contains("Đảng bộ huyện Vị Xuyên"));
        assert!(rows[2][0].to_string().contains("01/08/2015"));
        assert!(rows[2][0].to_string().contains("31/07/2020"));
        assert!(rows[3][0].to_string().contains("31/07/2020"), "as of");
        let figures = [
            ("Tổ chức cơ sở đảng", "grassroots_orgs"),
            ("Chi bộ trực thuộc đảng ủy cơ sở", "cells_under_grassroots"),
            ("Đảng viên", "members"),
            ("Đảng viên dự bị", "members_probationary"),
            ("Đảng viên miễn sinh hoạt", "members_exempted"),
            ("Kết nạp trong kỳ", "admitted"),
        ];
        for (label, key) in figures {
            let (_, cells) = row(&rows, label, 0);
            assert_eq!(number(&cells[1]), json[key].as_f64().unwrap(), "{key}");
        }
        let (header, _) = row(&rows, "Năm", 0);
        for (i, year) in json["ratings"].as_array().unwrap().iter().enumerate() {
            let cells = &rows[header + 1 + i];
            assert_eq!(number(&cells[0]), year["year"].as_f64().unwrap());
            assert_eq!(number(&cells[1]), year["orgs_rated"].as_f64().unwrap());
            assert_eq!(
                number(&cells[2]),
                year["orgs_good_or_better"].as_f64().unwrap()
            );
            assert_eq!(number(&cells[4]), year["members_rated"].as_f64().unwrap());
            let pct = year["members_completed_or_better_pct"].as_f64().unwrap();
            assert!((number(&cells[6]) * 100.0 - pct).abs() < 1e-9, "{year}");
        }
        // Admissions per year: every year of the period, adding up to `admitted`.
        let (admissions, _) = row(&rows, "Năm", header + 1);
        let years: Vec<f64> = (1..=6).map(|i| number(&rows[admissions + i][0])).collect();
        assert_eq!(years, vec![2015.0, 2016.0, 2017.0, 2018.0, 2019.0, 2020.0]);
        let (_, total) = row(&rows, "Cộng", admissions);
        assert_eq!(number(&total[1]), json["admitted"].as_f64().unwrap());
        let each: f64 = (1..=6).map(|i| number(&rows[admissions + i][1])).sum();
        assert_eq!(each, json["admitted"].as_f64().unwrap());
    }
}

#[tokio::test]
async fn an_unknown_format_or_an_organization_outside_the_scope_gets_no_workbook() {
    for demo in backends() {
        let pdf = get(
            demo.app(),
            &format!("/api/v1/reports/summary?{TERM}&format=pdf"),
        )
        .await;
        assert_eq!(pdf.status, StatusCode::BAD_REQUEST, "{}", demo.label);
        assert_eq!(pdf.json()["error"]["code"], "invalid_code");
        let uri = "/api/v1/reports/summary?org=VX.01.02&from=2020-01-01&to=2020-12-31&format=xlsx";
        let outside = get(demo.app_as("bithu"), uri).await;
        assert_eq!(outside.status, StatusCode::NOT_FOUND);
        assert_eq!(outside.json()["error"]["code"], "not_found");
    }
}

#[tokio::test]
async fn the_report_page_links_to_its_workbook() {
    for demo in backends() {
        let page = get(demo.app(), &format!("/reports/summary?{TERM}")).await;
        let href = page.href_of("Tải về Excel (.xlsx)").unwrap();
        assert_eq!(
            href,
            format!("/api/v1/reports/summary?{TERM}&as_of=2020-07-31&format=xlsx")
        );
        let (status, headers, _) = download(&demo, &href).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(headers["content-type"], XLSX);
    }
}
