//! The audit page's filter by record code: opening a member's profile, then filtering the
//! log by that member's code, shows the read and nothing about anyone else.

#![allow(clippy::unwrap_used)] // test helpers: failing loudly is the point

mod support;

use axum::http::StatusCode;
use dangvu_storage::{MemberQuery, Scope};
use support::{backends, day, get, urlencode};

#[tokio::test]
async fn filtering_the_audit_page_by_a_member_code_shows_the_reads_of_that_profile() {
    for demo in backends() {
        let everything = Scope::whole_installation(day(support::TODAY));
        let query = MemberQuery {
            org: dangvu_domain::OrgCode::parse("VX.02").unwrap(),
            as_of: day(support::TODAY),
            search: None,
            after: None,
            limit: 2,
        };
        let rows = demo.store.members(&everything, &query).unwrap().rows;
        let (read, other) = (rows[0].code.to_string(), rows[1].code.to_string());
        for code in [&read, &other] {
            let profile = get(demo.app_as("xem"), &format!("/members/{code}")).await;
            assert_eq!(profile.status, StatusCode::OK, "{}", demo.label);
        }
        get(demo.app_as("canbo"), &format!("/members/{other}")).await;

        let uri = format!("/audit?code={}", urlencode(&read));
        let page = get(demo.app(), &uri).await;
        assert_eq!(page.status, StatusCode::OK, "{}", demo.label);
        assert!(page.has(&format!(">{read}<")) && page.has(">Xem hồ sơ<") && page.has(">xem<"));
        assert!(!page.has(&format!(">{other}<")), "only the chosen record");
        assert!(!page.has(">Nạp toàn bộ dữ liệu<") && !page.has(">canbo<"));
        assert!(page.has(&format!("name=\"code\" value=\"{read}\"")));
        assert!(page.has("Mã đối tượng"));

        let uri = format!("/audit?code={}&actor=canbo", urlencode(&read));
        let nobody = get(demo.app(), &uri).await;
        assert!(nobody.has("Không có dòng nhật ký nào phù hợp."));
        let uri = format!("/audit?code={}&actor=canbo", urlencode(&other));
        let canbo = get(demo.app(), &uri).await;
        assert!(canbo.has(&format!(">{other}<")) && canbo.has(">canbo<"));
    }
}

#[tokio::test]
async fn the_audit_page_reads_in_words_and_offers_the_kinds_of_record_as_choices() {
    for demo in backends() {
        let ip = "192.0.2.41";
        let request = support::login_request("xem", "khong-dung-mat-khau", "/", ip);
        let failed = support::send(demo.anonymous(), request).await;
        assert_eq!(failed.status, StatusCode::UNAUTHORIZED, "{}", demo.label);

        let page = get(demo.app(), "/audit?entity=account&actor=xem").await;
        assert_eq!(page.status, StatusCode::OK, "{}", demo.label);
        assert!(
            page.has("\">Đăng nhập không thành công</td>"),
            "the action in words"
        );
        assert!(page.has("\">Tài khoản</td>"), "the kind of record in words");
        assert!(page.has("<span class=\"detail-key\">Lý do:</span> Sai mật khẩu"));
        assert!(!page.has("login.failed") && !page.has("wrong_password"));
        assert!(
            !page.has("{&#34;") && !page.has("{&quot;") && !page.has("{\"reason"),
            "no JSON"
        );
        assert!(page.has("<select id=\"entity\" name=\"entity\">"));
        assert!(page.has("<option value=\"account\" selected>Tài khoản</option>"));
        assert!(page.has("<option value=\"member\">Đảng viên</option>"));

        let loads = get(demo.app(), "/audit?entity=dataset").await;
        assert!(loads.has("\">Nạp toàn bộ dữ liệu</td>"), "{}", demo.label);
        assert!(loads.has("<span class=\"detail-key\">Đảng viên:</span> "));

        let english = get(demo.app(), "/audit?entity=account&actor=xem&lang=en").await;
        assert!(english.has("\">Sign-in failed</td>") && english.has("Wrong password"));

        // The API keeps the log as stored: codes and the JSON text.
        let api = get(demo.app(), "/api/v1/audit?entity=account&actor=xem").await;
        assert_eq!(api.status, StatusCode::OK, "{}", api.body);
        let rows = api.json()["rows"].as_array().unwrap().clone();
        let failed = rows.iter().find(|r| r["action"] == "login.failed").unwrap();
        assert_eq!(failed["entity"], "account");
        assert_eq!(failed["after_json"], "{\"reason\":\"wrong_password\"}");
        let refused = get(demo.app_as("canbo"), "/api/v1/audit").await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN);
    }
}
