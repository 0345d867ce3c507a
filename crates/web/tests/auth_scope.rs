//! What each account sees: its subtree only, out-of-scope records exactly like missing
//! ones, a member account its own record, masked citizen IDs, and the audit trail of
//! reads and refusals.

#![allow(clippy::unwrap_used)] // test helpers: failing loudly is the point

mod support;

use axum::http::StatusCode;
use dangvu_domain::privacy::HIDDEN;
use dangvu_storage::Scope;
use support::{Page, backends, day, get};

/// The body with every occurrence of `code` replaced, to compare two error pages.
fn without(page: &Page, code: &str) -> String {
    page.body.replace(code, "CODE")
}

#[tokio::test]
async fn a_cell_secretary_sees_the_cell_only_and_the_rest_does_not_exist() {
    for demo in backends() {
        let app = || demo.app_as("bithu");
        let tree = get(app(), "/").await;
        assert_eq!(tree.status, StatusCode::OK, "{}", demo.label);
        let roots = tree.link_texts("/orgs/");
        assert!(tree.has("href=\"/orgs/VX.01.01"), "{roots:?}");
        assert!(!tree.has("href=\"/orgs/TQ") && !tree.has("href=\"/orgs/VX.01?"));
        assert!(tree.has("bithu") && tree.has("Bí thư chi bộ"), "the header");
        assert!(
            !tree.has("href=\"/audit\""),
            "no audit link for a secretary"
        );

        let list = get(app(), "/orgs/VX.01.01/members").await;
        assert_eq!(list.status, StatusCode::OK);
        let sibling = get(app(), "/orgs/VX.01.02").await;
        let missing = get(app(), "/orgs/VX.99.99").await;
        assert_eq!(sibling.status, StatusCode::NOT_FOUND);
        assert_eq!(missing.status, StatusCode::NOT_FOUND);
        assert_eq!(
            without(&sibling, "VX.01.02"),
            without(&missing, "VX.99.99"),
            "an out-of-scope page must read exactly like a missing one"
        );
        let parent = get(app(), "/reports/summary?org=VX.01").await;
        // The report's form stays filled with "not found" beside the organization field.
        assert_eq!(
            parent.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "no report above the cell"
        );
    }
}

#[tokio::test]
async fn a_member_account_is_sent_to_its_own_record_and_sees_nothing_else() {
    for demo in backends() {
        let everything = Scope::whole_installation(day(support::TODAY));
        let accounts = demo.store.list_accounts(&everything).unwrap();
        let own = accounts
            .iter()
            .find(|a| a.username.as_str() == "dangvien")
            .and_then(|a| a.member.clone())
            .unwrap();
        let app = || demo.app_as("dangvien");
        let home = get(app(), "/").await;
        assert_eq!(home.status, StatusCode::SEE_OTHER, "{}", demo.label);
        assert_eq!(home.header("location"), format!("/members/{own}"));
        let record = get(app(), &format!("/members/{own}")).await;
        assert_eq!(record.status, StatusCode::OK);
        let citizen_id = demo
            .store
            .member(&everything, &own)
            .unwrap()
            .profile
            .citizen_id;
        let citizen_id = citizen_id.expect("the demo records citizen IDs");
        assert!(record.has(&citizen_id), "a member sees their own ID whole");
        assert!(record.has("Hồ sơ của tôi") && !record.has("href=\"/reports/summary\""));
        let other = demo.dataset.members.iter().find(|m| m.code != own).unwrap();
        let page = get(app(), &format!("/members/{}", other.code)).await;
        assert_eq!(page.status, StatusCode::NOT_FOUND);
        let org = get(app(), "/orgs/VX.01.01").await;
        assert_eq!(org.status, StatusCode::FORBIDDEN);
    }
}

#[tokio::test]
async fn citizen_ids_are_masked_for_roles_that_do_not_need_them_and_reads_are_logged() {
    for demo in backends() {
        let everything = Scope::whole_installation(day(support::TODAY));
        let query = dangvu_storage::MemberQuery {
            org: dangvu_domain::OrgCode::parse("VX.02").unwrap(),
            as_of: day(support::TODAY),
            search: None,
            after: None,
            limit: 1,
        };
        let code = demo.store.members(&everything, &query).unwrap().rows[0]
            .code
            .clone();
        let id = demo
            .store
            .member(&everything, &code)
            .unwrap()
            .profile
            .citizen_id;
        let id = id.unwrap();
        let uri = format!("/members/{code}");
        let masked = dangvu_domain::privacy::mask_citizen_id(&id);
        let reader = get(demo.app_as("xem"), &uri).await;
        assert_eq!(reader.status, StatusCode::OK, "{}", demo.label);
        assert!(!reader.has(&id) && reader.has(&masked), "xem sees {masked}");
        assert!(masked.contains(HIDDEN));
        let admin = get(demo.app(), &uri).await;
        assert!(admin.has(&id), "the administrator sees it whole");

        let read = demo
            .audit_of("xem")
            .into_iter()
            .find(|row| row.action == "read" && row.entity_code.as_deref() == Some(code.as_str()));
        let read = read.expect("the profile view is in the audit log");
        assert_eq!(read.entity, "member");
    }
}

#[tokio::test]
async fn a_refusal_is_a_403_that_is_logged_and_the_api_says_it_in_json() {
    for demo in backends() {
        let page = get(demo.app_as("kiemtra"), "/audit").await;
        assert_eq!(page.status, StatusCode::FORBIDDEN, "{}", demo.label);
        assert!(page.has("không có quyền") && page.has("account-name\">kiemtra<"));
        let denied = demo
            .audit_of("kiemtra")
            .into_iter()
            .find(|row| row.action == "denied")
            .expect("the refusal is logged");
        assert!(denied.after_json.unwrap().contains("GET /audit"));
        let api = get(
            demo.app_as("dangvien"),
            "/api/v1/reports/summary?org=VX.01.01&from=2025-07-01&to=2025-11-26",
        )
        .await;
        assert_eq!(api.status, StatusCode::FORBIDDEN);
        assert_eq!(api.json()["error"]["code"], "forbidden");
        let anonymous = get(demo.anonymous(), "/api/v1/reports/summary?org=VX").await;
        assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
        assert_eq!(anonymous.json()["error"]["code"], "unauthorized");
    }
}

#[tokio::test]
async fn the_audit_page_filters_by_person_kind_and_day_and_pages_back() {
    for demo in backends() {
        get(demo.app_as("xem"), "/orgs/VX.02").await;
        let page = get(demo.app(), "/audit").await;
        assert_eq!(page.status, StatusCode::OK, "{}", demo.label);
        assert!(page.has("Nhật ký truy cập và thay đổi") && page.has(">Nạp toàn bộ dữ liệu<"));
        let logins = get(demo.app(), "/audit?actor=xem&entity=account").await;
        assert!(logins.has(">Đăng nhập<") && !logins.has(">Nạp toàn bộ dữ liệu<"));
        assert!(logins.has(">xem<") && !logins.has(">test<"));
        let today = get(
            demo.app(),
            "/audit?from=2025-11-26&to=2025-11-26&entity=dataset",
        )
        .await;
        assert!(
            today.has(">Nạp toàn bộ dữ liệu<"),
            "loaded at 09:00 on the day"
        );
        let before = get(demo.app(), "/audit?to=2025-11-25&entity=dataset").await;
        assert!(before.has("Không có dòng nhật ký nào phù hợp."));
        let bad = get(demo.app(), "/audit?from=31/13/2025").await;
        assert_eq!(bad.status, StatusCode::BAD_REQUEST);

        let pager = dangvu_storage::AuditContext {
            actor: "pager".into(),
            ..support::audit_context()
        };
        for i in 0..55 {
            demo.store
                .record_read(
                    &pager,
                    dangvu_storage::AuditEntity::Member,
                    &format!("M{i:02}"),
                )
                .unwrap();
        }
        let first = get(demo.app(), "/audit?actor=pager").await;
        assert_eq!(first.body.matches(">pager<").count(), 50);
        assert!(first.has(">M54<") && !first.has(">M04<"), "newest first");
        let next = first.href_of("Trang sau »").expect("a next page");
        let second = get(demo.app(), &next).await;
        assert_eq!(second.body.matches(">pager<").count(), 5);
        assert!(second.has(">M04<") && second.has("« Trang đầu"));
    }
}
