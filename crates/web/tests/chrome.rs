//! What every response shares: security headers, no script, the language switch, the
//! stylesheet, health and unknown addresses.

mod support;

use axum::http::StatusCode;
use support::{backends, get, get_with_cookie, post_form};

const PAGES: [&str; 8] = [
    "/",
    "/?as_of=2020-07-31",
    "/orgs/VX?as_of=2020-07-31",
    "/orgs/VX/members?as_of=2020-07-31&q=nguyen",
    "/reports/summary?org=VX&from=2015-08-01&to=2020-07-31",
    "/reports/summary",
    "/orgs/KHONG.CO",
    "/khong-co-trang-nay",
];

#[tokio::test]
async fn every_page_has_the_security_headers_and_no_script_or_inline_style() {
    for demo in backends() {
        let member = &demo.dataset.members[0].code;
        let member_page = format!("/members/{member}");
        let api = "/api/v1/reports/summary?org=VX&from=2015-08-01&to=2020-07-31";
        for uri in PAGES.iter().copied().chain([member_page.as_str(), api]) {
            let page = get(demo.app(), uri).await;
            assert_eq!(
                page.header("content-security-policy"),
                "default-src 'self'; frame-ancestors 'none'",
                "{uri}"
            );
            assert_eq!(page.header("x-content-type-options"), "nosniff", "{uri}");
            assert_eq!(page.header("referrer-policy"), "same-origin", "{uri}");
            assert_eq!(page.header("cache-control"), "no-store", "{uri}");
            assert!(!page.header("x-request-id").is_empty(), "{uri}");
            let lower = page.body.to_lowercase();
            assert!(!lower.contains("<script"), "{uri} has a script");
            assert!(!lower.contains(" style="), "{uri} has an inline style");
            assert!(!lower.contains("<style"), "{uri} has a style element");
        }
    }
}

#[tokio::test]
async fn pages_are_vietnamese_by_default_and_english_on_request() {
    for demo in backends() {
        let vi = get(demo.app(), "/").await;
        assert!(vi.has("<html lang=\"vi\">") && vi.has("Cây tổ chức đảng"));
        let en = get(demo.app(), "/?lang=en").await;
        assert!(en.has("<html lang=\"en\">") && en.has("Party organization tree"));
        assert!(!en.has("Cây tổ chức đảng"));
        let cookie = get_with_cookie(demo.app(), "/", "lang=en").await;
        assert!(cookie.has("Party organization tree"), "the cookie chooses");
        let both = get_with_cookie(demo.app(), "/?lang=vi", "lang=en").await;
        assert!(
            both.has("Cây tổ chức đảng"),
            "the query overrides the cookie"
        );
        let error = get(demo.app(), "/orgs/KHONG.CO?lang=en").await;
        assert!(error.has("There is no Party organization with code “KHONG.CO”"));
    }
}

#[tokio::test]
async fn the_language_switch_sets_a_cookie_and_goes_back() {
    for demo in backends() {
        let back = "/orgs/VX?as_of=2020-07-31";
        let form = "lang=en&next=%2Forgs%2FVX%3Fas_of%3D2020-07-31";
        let switched = post_form(demo.app(), "/lang", form).await;
        assert_eq!(switched.status, StatusCode::SEE_OTHER, "{}", demo.label);
        assert_eq!(switched.header("location"), back);
        let cookie = switched.header("set-cookie");
        assert!(
            cookie.starts_with("lang=en;") && cookie.contains("Path=/"),
            "{cookie}"
        );
        let page = get_with_cookie(demo.app(), back, "lang=en").await;
        assert!(page.has("Superiors over time"));
        // The footer's form returns to the page without any one-off override.
        let overridden = get(demo.app(), "/orgs/VX?lang=en&as_of=2020-07-31").await;
        assert!(overridden.has("name=\"next\" value=\"/orgs/VX?as_of=2020-07-31\""));
    }
}

#[tokio::test]
async fn the_language_switch_never_leaves_the_site_nor_changes_on_get() {
    for demo in backends() {
        for next in [
            "https%3A%2F%2Fevil.example",
            "%2F%2Fevil.example",
            "%2F%5Cevil.example",
        ] {
            let switched = post_form(demo.app(), "/lang", &format!("lang=vi&next={next}")).await;
            assert_eq!(switched.header("location"), "/", "{next}");
        }
        let bad = post_form(demo.app(), "/lang", "lang=fr&next=%2F").await;
        assert_eq!(bad.status, StatusCode::BAD_REQUEST);
        let by_get = get(demo.app(), "/lang?lang=en").await;
        assert_eq!(by_get.status, StatusCode::METHOD_NOT_ALLOWED);
        assert!(by_get.header("set-cookie").is_empty());
    }
}

#[tokio::test]
async fn the_stylesheet_is_served_with_cache_headers() {
    for demo in backends() {
        let css = get(demo.app(), "/static/app.css").await;
        assert_eq!(css.status, StatusCode::OK);
        assert_eq!(css.header("content-type"), "text/css; charset=utf-8");
        assert!(css.header("cache-control").contains("max-age="));
        assert!(css.has("#b71c1c"), "the header's red");
        let etag = css.header("etag").to_string();
        let request = axum::http::Request::get("/static/app.css")
            .header("if-none-match", &etag)
            .body(axum::body::Body::empty())
            .unwrap();
        let again = support::send(demo.app(), request).await;
        assert_eq!(again.status, StatusCode::NOT_MODIFIED);
        let page = get(demo.app(), "/").await;
        assert!(page.has("href=\"/static/app.css\""));
    }
}

#[tokio::test]
async fn health_answers_ok() {
    for demo in backends() {
        let page = get(demo.app(), "/healthz").await;
        assert_eq!((page.status, page.body.as_str()), (StatusCode::OK, "ok"));
    }
}

#[tokio::test]
async fn an_unknown_address_is_a_translated_404_page() {
    for demo in backends() {
        let page = get(demo.app(), "/khong-co-trang-nay").await;
        assert_eq!(page.status, StatusCode::NOT_FOUND);
        assert!(page.has("Không tìm thấy") && page.has("Về trang chủ"));
        assert!(page.header("content-type").starts_with("text/html"));
        assert!(page.has("account-name\">quantri<"), "the account bar stays");
    }
}

#[tokio::test]
async fn a_percent_encoded_code_that_is_not_utf8_is_a_400_not_a_500() {
    for demo in backends() {
        let page = get(demo.app(), "/orgs/%FF%FE").await;
        assert_eq!(page.status, StatusCode::BAD_REQUEST, "{}", demo.label);
        let page = get(demo.app(), "/orgs/VX?as_of=%FF").await;
        assert_eq!(page.status, StatusCode::BAD_REQUEST, "{}", demo.label);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serve_answers_on_its_listener_until_shut_down() {
    use std::io::{Read, Write};
    let demo = backends().remove(0);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let state = demo.state();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(dangvu_web::serve(listener, state, async move {
        let _ = stopped.await;
    }));
    let response = tokio::task::spawn_blocking(move || {
        let mut stream = std::net::TcpStream::connect(address).unwrap();
        stream
            .write_all(b"GET /healthz HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n")
            .unwrap();
        let mut text = String::new();
        stream.read_to_string(&mut text).unwrap();
        text
    })
    .await
    .unwrap();
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    assert!(response.ends_with("ok"), "{response}");
    stop.send(()).unwrap();
    server.await.unwrap().unwrap();
}

#[tokio::test]
async fn the_api_documentation_is_a_page_whose_language_switch_works_on_a_first_visit() {
    for demo in backends() {
        let docs = get(demo.anonymous(), "/api/docs").await;
        assert_eq!(docs.status, StatusCode::OK, "{}", demo.label);
        assert!(
            docs.header("set-cookie").contains("csrf"),
            "a first visit gets its anti-forgery cookie: {}",
            docs.header("set-cookie")
        );
        assert!(
            !docs.has("name=\"csrf\" value=\"\""),
            "the language form carries the token"
        );
    }
}
