//! The organization tree and the organization pages, over the demo district.

mod support;

use axum::http::StatusCode;
use dangvu_domain::OrgCode;
use support::{backends, day, get, grouped};

#[tokio::test]
async fn the_tree_as_of_the_end_of_the_term_has_the_district_at_its_root() {
    for demo in backends() {
        let page = get(demo.app(), "/?as_of=2020-07-31").await;
        assert_eq!(page.status, StatusCode::OK, "{}", demo.label);
        assert!(page.has("Đảng bộ huyện Vị Xuyên"), "{}", demo.label);
        assert!(page.has("href=\"/orgs/VX?as_of=2020-07-31\""));
        assert!(
            !page.has("href=\"/orgs/TQ?"),
            "the province did not exist yet"
        );
        // The district's grassroots organizations open without JavaScript.
        assert!(page.has("<details class=\"tree-node\">"));
        assert!(page.has("Đảng bộ thị trấn Vị Xuyên"));
        assert!(page.has("href=\"/orgs/VX.01?as_of=2020-07-31\""));
        assert!(
            page.has("value=\"31/07/2020\""),
            "the date field shows the date, day first"
        );
    }
}

#[tokio::test]
async fn the_tree_today_has_the_province_at_its_root() {
    for demo in backends() {
        let page = get(demo.app(), "/").await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.has("Đảng bộ tỉnh Tuyên Quang"), "{}", demo.label);
        assert!(page.has("href=\"/orgs/TQ?as_of=2025-11-26\""));
        assert!(
            !page.has("href=\"/orgs/VX?"),
            "the district was abolished in 2025"
        );
        assert!(page.has("26/11/2025"), "today in Vietnamese form");
    }
}

#[tokio::test]
async fn an_org_page_shows_its_figures_and_its_children_with_theirs() {
    for demo in backends() {
        let as_of = day("2020-07-31");
        let vx = OrgCode::parse("VX").unwrap();
        let figures = demo.store.figures(&demo.scope(), &vx, as_of).unwrap();
        let children = demo.store.children(&demo.scope(), &vx, as_of).unwrap();
        let page = get(demo.app(), "/orgs/VX?as_of=2020-07-31").await;
        assert_eq!(page.status, StatusCode::OK, "{}", demo.label);
        assert!(page.has("<h1>Đảng bộ huyện Vị Xuyên</h1>"));
        assert!(page.has("Đảng bộ huyện"), "the type label");
        for value in [
            figures.grassroots_orgs,
            figures.cells_under_grassroots,
            figures.members,
            figures.members_probationary,
            figures.members_exempted,
        ] {
            let card = format!(
                "<span class=\"figure-value\">{}</span>",
                grouped(value, '.')
            );
            assert!(page.has(&card), "missing figure {card}");
        }
        assert_eq!(figures.grassroots_orgs, 77, "the article's figure");
        assert!(page.has(&format!("({})", children.len())));
        for child in &children {
            assert!(
                page.has(&child.org.name),
                "missing child {}",
                child.org.name
            );
        }
        let first = &children[0];
        let row = format!("\">{}</td>", grouped(first.figures.members, '.'));
        assert!(page.has(&row), "the child's member count");
        assert!(page.has("href=\"/orgs/VX/members?as_of=2020-07-31\""));
        assert!(page.has("href=\"/reports/summary?org=VX\""));
    }
}

#[tokio::test]
async fn an_org_page_shows_where_it_stood_and_its_superiors_over_time() {
    for demo in backends() {
        let page = get(demo.app(), "/orgs/VX.01?as_of=2020-07-31").await;
        assert_eq!(page.status, StatusCode::OK, "{}", demo.label);
        let crumbs_end = page.body.find("aria-current=\"page\"").unwrap();
        let crumbs = &page.body[..crumbs_end];
        assert!(
            crumbs.contains("href=\"/orgs/VX?as_of=2020-07-31\""),
            "breadcrumb"
        );
        // Under the district until the 2025 restructure, then under the new commune.
        assert!(page.has("Đảng bộ xã Vị Xuyên"));
        assert!(page.has("30/06/2025"), "the last day under the district");
        assert!(page.has("01/07/2025"), "the first day under the commune");
    }
}

#[tokio::test]
async fn an_org_that_did_not_exist_on_the_date_says_so() {
    for demo in backends() {
        let page = get(demo.app(), "/orgs/VX").await;
        assert_eq!(page.status, StatusCode::OK, "{}", demo.label);
        assert!(
            page.has("Tổ chức này không tồn tại vào ngày 26/11/2025"),
            "{}",
            demo.label
        );
        assert!(page.has("01/07/2025"), "its dissolution date");
        assert!(
            page.has(
                "<a href=\"/orgs/VX?as_of=2025-06-30\">Xem tổ chức vào ngày hoạt động cuối cùng, 30/06/2025.</a>"
            ),
            "a link to its last day: {}",
            demo.label
        );
        assert!(
            !page.has("class=\"figures\""),
            "no figures for a day it did not exist"
        );
    }
}

#[tokio::test]
async fn an_unknown_org_is_a_404_page_in_vietnamese() {
    for demo in backends() {
        let page = get(demo.app(), "/orgs/KHONG.CO").await;
        assert_eq!(page.status, StatusCode::NOT_FOUND, "{}", demo.label);
        assert!(page.has("Không tìm thấy tổ chức đảng có mã «KHONG.CO»"));
        assert!(page.header("content-type").starts_with("text/html"));
    }
}

#[tokio::test]
async fn a_bad_date_is_a_400_page_that_says_what_is_wrong() {
    for demo in backends() {
        for uri in [
            "/orgs/VX?as_of=2020-02-30",
            "/?as_of=hôm-qua",
            "/?as_of=31/13/2020",
            "/?as_of=9999-12-30",
        ] {
            let page = get(demo.app(), uri).await;
            assert_eq!(page.status, StatusCode::BAD_REQUEST, "{uri}");
            assert!(page.has("Yêu cầu không hợp lệ"), "{uri}");
            assert!(page.has("không phải là một ngày hợp lệ"), "{uri}");
            assert!(page.has("ngày số liệu"), "names the parameter: {uri}");
            assert!(page.has("từ 01/01/1800 đến 31/12/9998"), "the range: {uri}");
        }
    }
}

#[tokio::test]
async fn the_english_tree_uses_english_labels_and_iso_dates() {
    for demo in backends() {
        let page = get(demo.app(), "/orgs/VX.01?as_of=2020-07-31&lang=en").await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.has("<html lang=\"en\">"));
        assert!(
            page.has("Grassroots Party committee"),
            "type label in English"
        );
        assert!(page.has("Superiors over time"));
        assert!(page.has("2025-06-30") && !page.has("30/06/2025"));
        assert!(
            page.has("Đảng bộ thị trấn Vị Xuyên"),
            "names stay as recorded"
        );
    }
}
