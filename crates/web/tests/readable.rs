//! What makes the pages readable and usable for everyone (issue 11, items 2 and 5): every
//! table cell names its column (a phone shows it beside the value), date fields hold
//! dd/mm/yyyy whatever the browser's language, a skip link opens every page, notices are
//! status boxes, member lists say which page of how many, and the sign-in form warns before
//! the attempt after which the address must wait.

#![allow(clippy::unwrap_used, clippy::panic)]

mod support;

use axum::http::StatusCode;
use support::{Page, backends, get, login_request, send};

/// The texts between `open` (up to its `>`) and `close`, for every `open` in `html`.
fn inner<'a>(html: &'a str, open: &str, close: &str) -> Vec<&'a str> {
    html.match_indices(open)
        .map(|(at, _)| {
            let rest = &html[at..];
            let start = rest.find('>').unwrap() + 1;
            &rest[start..rest.find(close).unwrap()]
        })
        .collect()
}

/// The value of attribute `name` in every tag of `html` that has it, in order.
fn attributes<'a>(html: &'a str, name: &str) -> Vec<&'a str> {
    let marker = format!(" {name}=\"");
    html.match_indices(&marker)
        .map(|(at, _)| {
            let rest = &html[at + marker.len()..];
            &rest[..rest.find('"').unwrap()]
        })
        .collect()
}

/// Asserts that every body cell of every data table of `page` carries the heading of its
/// column as `data-label` ("%" columns name the column they are a share of).
fn assert_cells_labelled(page: &Page, uri: &str) {
    let tables = inner(&page.body, "<table class=\"data", "</table>");
    assert!(!tables.is_empty(), "{uri} has no table");
    for table in tables {
        let head = inner(table, "<thead>", "</thead>")[0];
        let mut headings: Vec<String> = inner(head, "<th scope=\"col\"", "</th>")
            .into_iter()
            .map(str::to_string)
            .collect();
        for i in 1..headings.len() {
            if headings[i] == "%" {
                headings[i] = format!("{} (%)", headings[i - 1]);
            }
        }
        let body = inner(table, "<tbody>", "</tbody>")[0];
        let rows = inner(body, "<tr", "</tr>");
        assert!(!rows.is_empty(), "{uri}: a table without rows");
        for row in rows {
            let cells = row.matches("<td").count() + row.matches("<th").count();
            let labels = attributes(row, "data-label");
            assert_eq!(labels, headings, "{uri}: {row}");
            assert_eq!(
                cells,
                labels.len(),
                "{uri}: a cell without a label in {row}"
            );
        }
    }
}

#[tokio::test]
async fn every_table_cell_names_its_column_for_the_phone_layout() {
    for demo in backends() {
        let member = format!("/members/{}", demo.dataset.members[0].code);
        for uri in [
            "/orgs/VX?as_of=2020-07-31",
            "/orgs/VX/members?as_of=2020-07-31",
            "/reports/summary?org=VX&from=2015-08-01&to=2020-07-31",
            "/audit",
            "/api/docs",
            member.as_str(),
        ] {
            let page = get(demo.app(), uri).await;
            assert_eq!(page.status, StatusCode::OK, "{uri} on {}", demo.label);
            assert_cells_labelled(&page, uri);
        }
        let page = get(demo.app(), "/orgs/VX?as_of=2020-07-31").await;
        assert!(page.has("data-label=\"Đảng viên miễn sinh hoạt\""));
        let summary = "/reports/summary?org=VX&from=2015-08-01&to=2020-07-31&lang=en";
        assert_cells_labelled(&get(demo.app(), summary).await, summary);
    }
}

/// The date fields of `page`: `(id, value)` of each, each with its pattern.
fn date_fields(page: &Page) -> Vec<(String, String)> {
    let marker = "<input type=\"text\" class=\"date\"";
    page.body
        .match_indices(marker)
        .map(|(at, _)| {
            let tag = &page.body[at..at + page.body[at..].find('>').unwrap()];
            assert_eq!(attributes(tag, "inputmode"), ["numeric"], "{tag}");
            assert_eq!(attributes(tag, "placeholder"), ["dd/mm/yyyy"], "{tag}");
            assert_eq!(attributes(tag, "pattern").len(), 1, "{tag}");
            let value = |name: &str| attributes(tag, name)[0].to_string();
            (value("id"), value("value"))
        })
        .collect()
}

#[tokio::test]
async fn date_fields_read_and_write_day_month_year_in_every_language() {
    for demo in backends() {
        let expected = [
            ("/?as_of=2020-07-31", vec![("as_of", "31/07/2020")]),
            ("/orgs/VX?as_of=31/07/2020", vec![("as_of", "31/07/2020")]),
            (
                "/orgs/VX/members?as_of=31.07.2020",
                vec![("as_of", "31/07/2020")],
            ),
            (
                "/reports/summary?org=VX&from=01082015&to=31-07-2020",
                vec![("from", "01/08/2015"), ("to", "31/07/2020"), ("as_of", "")],
            ),
            (
                "/audit?from=2025-11-01&to=26/11/2025",
                vec![("from", "01/11/2025"), ("to", "26/11/2025")],
            ),
            ("/import", vec![("effective_on", "26/11/2025")]),
        ];
        for (uri, fields) in expected {
            for lang in ["vi", "en"] {
                let sep = if uri.contains('?') { '&' } else { '?' };
                let page = get(demo.app(), &format!("{uri}{sep}lang={lang}")).await;
                assert_eq!(page.status, StatusCode::OK, "{uri} on {}", demo.label);
                assert!(
                    !page.has("type=\"date\""),
                    "{uri}: a browser-formatted date"
                );
                let found = date_fields(&page);
                let found: Vec<(&str, &str)> = found
                    .iter()
                    .map(|(id, value)| (id.as_str(), value.as_str()))
                    .collect();
                assert_eq!(found, fields, "{uri} in {lang}");
            }
        }
        let tree = get(demo.app(), "/?as_of=31/07/2020").await;
        assert!(
            tree.has("<strong>31/07/2020</strong>"),
            "the lead says the same day"
        );
        let bad = get(demo.app(), "/?as_of=07/31/2020").await;
        assert_eq!(
            bad.status,
            StatusCode::BAD_REQUEST,
            "month first is refused"
        );
    }
}

#[tokio::test]
async fn a_skip_link_to_the_main_content_is_the_first_thing_a_keyboard_reaches() {
    for demo in backends() {
        for (uri, text) in [
            ("/", "Bỏ qua, đến nội dung chính"),
            ("/?lang=en", "Skip to main content"),
            (
                "/orgs/VX/members?as_of=2020-07-31",
                "Bỏ qua, đến nội dung chính",
            ),
        ] {
            let page = get(demo.app(), uri).await;
            let body = &page.body[page.body.find("<body>").unwrap()..];
            let first = ["<a ", "<button", "<input", "<select", "<textarea"]
                .iter()
                .filter_map(|tag| body.find(tag))
                .min()
                .unwrap();
            let skip = format!("<a class=\"skip-link\" href=\"#main\">{text}</a>");
            assert!(
                body[first..].starts_with(&skip),
                "{uri}: {}",
                &body[first..first + 80]
            );
            assert!(page.has("<main class=\"page\" id=\"main\""), "{uri}");
        }
        let login = get(demo.anonymous(), "/login").await;
        assert!(login.has("href=\"#main\""), "the sign-in page too");
    }
}

#[tokio::test]
async fn a_changed_password_is_announced_in_a_status_box() {
    for demo in backends() {
        let done = get(demo.app(), "/account/password?changed=1").await;
        assert!(
            done.has("<p class=\"notice notice-success\" role=\"status\">"),
            "{}",
            done.body
        );
        let empty = get(
            demo.app(),
            "/orgs/VX/members?as_of=2020-07-31&q=khongcoaiten",
        )
        .await;
        assert!(empty.has("<p class=\"notice\" role=\"status\">"));
    }
}

#[tokio::test]
async fn member_lists_say_which_page_of_how_many() {
    for demo in backends() {
        let first = get(demo.app(), "/orgs/VX/members?as_of=2020-07-31").await;
        assert_eq!(first.link_texts("/members/").len(), 50, "fifty rows a page");
        let counted = first.body.split("Tổng số ").nth(1).unwrap();
        let counted: u64 = counted[..counted.find(' ').unwrap()]
            .replace('.', "")
            .parse()
            .unwrap();
        let pages = counted.div_ceil(50);
        assert!(pages > 2, "{counted} members");
        let of = |n: u64| format!("Trang {n} / {}", support::grouped(pages, '.'));
        assert!(first.has(&of(1)), "{}", demo.label);
        let next = first.href_of("Trang sau »").unwrap();
        assert!(next.ends_with("&page=2"), "{next}");
        let second = get(demo.app(), &next).await;
        assert!(second.has(&of(2)));
        let third = get(demo.app(), &second.href_of("Trang sau »").unwrap()).await;
        assert!(third.has(&of(3)));
        let english = get(demo.app(), &format!("{next}&lang=en")).await;
        assert!(english.has(&format!("Page 2 of {}", support::grouped(pages, ','))));
        let altered = get(demo.app(), &next.replace("page=2", "page=x")).await;
        assert_eq!(altered.status, StatusCode::BAD_REQUEST);
        let one_page = get(
            demo.app(),
            "/orgs/VX/members?as_of=2020-07-31&q=khongcoaiten",
        )
        .await;
        assert!(!one_page.has("Trang 1 /"));
    }
}

#[tokio::test]
async fn the_sign_in_form_warns_before_the_last_attempt() {
    for demo in backends() {
        let ip = "192.0.2.77";
        let warning = "Còn một lần thử";
        for attempt in 1..=dangvu_storage::PAIR_LIMIT {
            let request = login_request("readable.nobody", "sai-mat-khau", "/", ip);
            let page = send(demo.anonymous(), request).await;
            assert_eq!(page.status, StatusCode::UNAUTHORIZED, "{}", demo.label);
            let last_one_left = attempt + 1 == dangvu_storage::PAIR_LIMIT;
            assert_eq!(page.has(warning), last_one_left, "after failure {attempt}");
        }
        let request = login_request("readable.nobody", "sai-mat-khau", "/", ip);
        let waiting = send(demo.anonymous(), request).await;
        assert_eq!(waiting.status, StatusCode::TOO_MANY_REQUESTS);
        assert!(!waiting.has(warning));
    }
}
