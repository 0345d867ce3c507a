//! The member list (search, order, pagination) and the member profile, over the demo.

mod support;

use axum::http::StatusCode;
use dangvu_domain::text::{fold, given_first_key, name_sort_key};
use dangvu_domain::{MemberCode, OrgCode};
use dangvu_storage::MemberQuery;
use support::{Page, backends, day, get, grouped};

const VX_2020: &str = "/orgs/VX/members?as_of=2020-07-31";

fn names(page: &Page) -> Vec<String> {
    page.link_texts("/members/")
}

fn assert_vietnamese_order(names: &[String]) {
    for pair in names.windows(2) {
        assert!(
            name_sort_key(&pair[0]) <= name_sort_key(&pair[1]),
            "{} is listed before {}",
            pair[0],
            pair[1]
        );
    }
}

#[tokio::test]
async fn the_member_list_is_paged_by_fifty_in_vietnamese_order() {
    for demo in backends() {
        let query = MemberQuery {
            org: OrgCode::parse("VX").unwrap(),
            as_of: day("2020-07-31"),
            search: None,
            after: None,
            limit: 1,
        };
        let total = demo.store.members(&demo.scope(), &query).unwrap().total;
        let first = get(demo.app(), VX_2020).await;
        assert_eq!(first.status, StatusCode::OK, "{}", demo.label);
        let first_names = names(&first);
        assert_eq!(first_names.len(), 50);
        assert_vietnamese_order(&first_names);
        assert!(first.has(&format!("Tổng số {} đảng viên", grouped(total, '.'))));
        assert!(!first.has("Tổng số hơn"), "the district is counted exactly");
        assert!(!first.has("« Trang đầu"), "already on the first page");

        let next = first.href_of("Trang sau »").expect("a next-page link");
        let second = get(demo.app(), &next).await;
        assert_eq!(second.status, StatusCode::OK, "{next}");
        let second_names = names(&second);
        assert_eq!(second_names.len(), 50);
        assert_vietnamese_order(&[first_names.clone(), second_names.clone()].concat());
        assert!(second.has("« Trang đầu"));
        assert_eq!(second.href_of("« Trang đầu").unwrap(), VX_2020);
    }
}

#[tokio::test]
async fn searching_without_diacritics_finds_vietnamese_names() {
    for demo in backends() {
        let page = get(demo.app(), &format!("{VX_2020}&q=nguyen%20van")).await;
        assert_eq!(page.status, StatusCode::OK, "{}", demo.label);
        let found = names(&page);
        assert!(!found.is_empty(), "nobody found");
        assert!(
            found.iter().any(|name| name.starts_with("Nguyễn Văn ")),
            "{found:?}"
        );
        for name in &found {
            let folded = fold(name);
            assert!(
                folded.starts_with("nguyen van") || given_first_key(name).starts_with("nguyen van"),
                "{name} does not match"
            );
        }
        assert_vietnamese_order(&found);
        assert!(page.has("Tìm thấy "), "the count of matches");
        assert!(
            page.has("value=\"nguyen van\""),
            "the search box keeps the text"
        );
    }
}

#[tokio::test]
async fn the_search_count_is_the_stores_count() {
    for demo in backends() {
        let query = MemberQuery {
            org: OrgCode::parse("VX").unwrap(),
            as_of: day("2020-07-31"),
            search: Some("nguyen".into()),
            after: None,
            limit: 1,
        };
        let total = demo.store.members(&demo.scope(), &query).unwrap().total;
        assert!(total > 50, "the demo has many Nguyễn");
        let page = get(demo.app(), &format!("{VX_2020}&q=nguyen")).await;
        assert!(page.has(&format!("Tìm thấy {} đảng viên", grouped(total, '.'))));
        let next = page.href_of("Trang sau »").unwrap();
        assert!(
            next.contains("q=nguyen"),
            "the next page keeps the search: {next}"
        );
    }
}

#[tokio::test]
async fn a_tampered_page_link_is_a_400() {
    for demo in backends() {
        let page = get(demo.app(), &format!("{VX_2020}&after=zz")).await;
        assert_eq!(page.status, StatusCode::BAD_REQUEST, "{}", demo.label);
        assert!(page.has("Liên kết phân trang không hợp lệ"));
    }
}

#[tokio::test]
async fn the_member_list_of_an_unknown_org_is_a_404() {
    for demo in backends() {
        let page = get(demo.app(), "/orgs/KHONG.CO/members").await;
        assert_eq!(page.status, StatusCode::NOT_FOUND, "{}", demo.label);
    }
}

#[tokio::test]
async fn the_members_of_an_org_on_a_day_it_did_not_exist_come_with_a_notice() {
    for demo in backends() {
        let page = get(demo.app(), "/orgs/VX/members").await;
        assert_eq!(page.status, StatusCode::OK, "{}", demo.label);
        assert!(page.has("Tổ chức này không tồn tại vào ngày 26/11/2025"));
        assert!(names(&page).is_empty());
    }
}

#[tokio::test]
async fn a_member_page_shows_the_sheet_and_the_registration_history() {
    for demo in backends() {
        let moved = demo
            .dataset
            .members
            .iter()
            .find(|m| m.registrations.len() >= 2 && m.profile.citizen_id.is_some())
            .expect("the demo has members who moved");
        let detail = demo.store.member(&demo.scope(), &moved.code).unwrap();
        let page = get(demo.app(), &format!("/members/{}", moved.code)).await;
        assert_eq!(page.status, StatusCode::OK, "{}", demo.label);
        assert!(page.has(&format!("<h1>{}</h1>", moved.profile.full_name)));
        assert!(page.has(moved.profile.citizen_id.as_deref().unwrap()));
        assert!(page.has("Quá trình sinh hoạt đảng"));
        assert!(detail.registrations.len() >= 2);
        for registration in &detail.registrations {
            assert!(
                page.has(&registration.org.name),
                "{}",
                registration.org.name
            );
            if let Some(start) = registration.period.start() {
                assert!(page.has(&start.format("%d/%m/%Y").to_string()));
            }
        }
        assert!(page.has(&moved.admitted_on.format("%d/%m/%Y").to_string()));
        for rating in &detail.ratings {
            assert!(page.has(&format!("\">{}</td>", rating.year)));
        }
    }
}

#[tokio::test]
async fn an_unknown_member_is_a_404_page() {
    for demo in backends() {
        let code = MemberCode::parse("KHONG-CO").unwrap();
        assert!(demo.store.member(&demo.scope(), &code).is_err());
        let page = get(demo.app(), "/members/KHONG-CO").await;
        assert_eq!(page.status, StatusCode::NOT_FOUND, "{}", demo.label);
        assert!(page.has("Không tìm thấy đảng viên có mã «KHONG-CO»"));
    }
}

#[tokio::test]
async fn the_english_member_list_says_full_member_and_uses_iso_dates() {
    for demo in backends() {
        let page = get(demo.app(), &format!("{VX_2020}&lang=en")).await;
        assert!(page.has("Full member"));
        assert!(page.has("<strong>2020-07-31</strong>"));
        // Only the date field is day first, as in every language.
        assert!(!page.has(">31/07/2020<"));
        assert!(page.has("value=\"31/07/2020\""));
        assert!(page.has("members in all") && !page.has("more than"));
        assert!(page.has("Next page »"));
        let next = page.href_of("Next page »").unwrap();
        assert!(!next.contains("lang="), "links do not pin the language");
    }
}
