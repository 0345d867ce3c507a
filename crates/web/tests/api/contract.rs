//! The OpenAPI document documents exactly the API routes, and the page shows it.

use crate::support::{backends, get};
use axum::http::StatusCode;
use dangvu_web::{Surface, route_table};
use std::collections::BTreeSet;

#[tokio::test]
async fn the_document_has_exactly_the_api_routes_of_the_route_table() {
    let demo = backends().remove(0);
    let page = get(demo.anonymous(), "/api/v1/openapi.json").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.header("content-type").starts_with("application/json"));
    let doc = page.json();
    assert!(
        doc["openapi"].as_str().unwrap().starts_with("3."),
        "{}",
        doc["openapi"]
    );
    let mut documented = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, _) in item.as_object().unwrap() {
            documented.insert((method.to_ascii_uppercase(), path.clone()));
        }
    }
    let routed: BTreeSet<(String, String)> = route_table()
        .iter()
        .filter(|spec| spec.surface == Surface::Api)
        .map(|spec| (spec.verb.method().to_string(), spec.path.to_string()))
        .collect();
    assert_eq!(documented, routed);
    assert!(routed.len() >= 7, "{routed:?}");
}

#[tokio::test]
async fn every_guarded_operation_documents_its_security_and_errors() {
    let demo = backends().remove(0);
    let doc = get(demo.anonymous(), "/api/v1/openapi.json").await.json();
    let scheme = &doc["components"]["securitySchemes"]["bearer"];
    assert_eq!(
        (scheme["type"].as_str(), scheme["scheme"].as_str()),
        (Some("http"), Some("bearer"))
    );
    for spec in route_table().iter().filter(|s| s.surface == Surface::Api) {
        let method = spec.verb.method().as_str().to_ascii_lowercase();
        let op = &doc["paths"][spec.path][method.as_str()];
        assert!(
            op["summary"].as_str().is_some_and(|s| !s.is_empty()),
            "{}",
            spec.path
        );
        let guarded = op["security"].as_array().is_some_and(|s| !s.is_empty());
        assert_eq!(guarded, spec.access.needs_account(), "{}", spec.path);
        if guarded {
            for status in ["401", "403"] {
                assert!(
                    op["responses"][status].is_object(),
                    "{} {status}",
                    spec.path
                );
            }
        }
    }
    let codes = &doc["components"]["schemas"]["ErrorDetail"]["properties"]["code"]["enum"];
    for code in [
        "not_found",
        "invalid_date",
        "invalid_cursor",
        "invalid_limit",
        "unauthorized",
    ] {
        assert!(codes.as_array().unwrap().contains(&code.into()), "{code}");
    }
}

#[tokio::test]
async fn the_docs_page_lists_every_operation_and_error_code_without_script() {
    let demo = backends().remove(0);
    let doc = get(demo.anonymous(), "/api/v1/openapi.json").await.json();
    let vi = get(demo.anonymous(), "/api/docs").await;
    assert_eq!(vi.status, StatusCode::OK);
    assert!(vi.header("content-type").starts_with("text/html"));
    assert!(vi.has("Giao diện lập trình") && vi.has("Danh sách đảng viên của một tổ chức"));
    assert!(!vi.has("<script") && !vi.has("style=") && !vi.has("https://"));
    for path in doc["paths"].as_object().unwrap().keys() {
        assert!(vi.has(&format!("<code>{path}</code>")), "{path} not listed");
    }
    let codes = doc["components"]["schemas"]["ErrorDetail"]["properties"]["code"]["enum"].clone();
    for code in codes.as_array().unwrap() {
        let code = code.as_str().unwrap();
        assert!(vi.has(&format!("id=\"error-{code}\"")), "{code} not listed");
    }
    assert!(vi.has("<code>limit</code>") && vi.has("Số dòng mỗi trang, từ 1 đến 500"));
    let en = get(demo.anonymous(), "/api/docs?lang=en").await;
    assert!(en.has("Programming interface") && en.has("The members of an organization"));
    let home = get(demo.app(), "/").await;
    assert!(
        home.has("href=\"/api/docs\""),
        "the footer links to the API docs"
    );
    let signed_in = get(demo.app(), "/api/docs").await;
    assert!(
        signed_in.has("quantri"),
        "the account bar shows the signed-in account"
    );
}
