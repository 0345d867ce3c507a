//! Hostile text on every backend: control characters in parameters, forms and imported
//! cells are refused with a 400 (or a problem of their cell), never a 500 from the
//! database; dates beyond the valid range say what the range is; events dated after the
//! day of the import are refused.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;
#[path = "transfer_support/mod.rs"]
mod transfer_support;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use support::{backends, get, login_request, send};
use transfer_support::*;

#[tokio::test]
async fn a_nul_byte_in_a_search_is_a_400_that_names_the_parameter() {
    for demo in backends() {
        let api = get(demo.app(), "/api/v1/members?org=VX&q=ban%00tien").await;
        assert_eq!(api.status, StatusCode::BAD_REQUEST, "{}", demo.label);
        assert_eq!(api.json()["error"]["code"], "invalid_text");
        let page = get(demo.app(), "/orgs/VX/members?q=ban%00tien").await;
        assert_eq!(page.status, StatusCode::BAD_REQUEST, "{}", demo.label);
        assert!(page.has("chứa ký tự điều khiển"), "{}", page.body);
        let escape = get(demo.app(), "/api/v1/members?org=VX&q=%1B%5B31m").await;
        assert_eq!(escape.status, StatusCode::BAD_REQUEST);
        let fine = get(demo.app(), "/api/v1/members?org=VX&q=Nguy%E1%BB%85n%0A").await;
        assert_eq!(fine.status, StatusCode::OK, "a line break is white space");
    }
}

#[tokio::test]
async fn a_nul_byte_in_the_sign_in_form_is_a_400_not_a_500() {
    for demo in backends() {
        let request = login_request("quan\0tri", "mat-khau", "/", "198.51.100.7");
        let page = send(demo.anonymous(), request).await;
        assert_eq!(page.status, StatusCode::BAD_REQUEST, "{}", demo.label);
        assert!(page.has("chứa ký tự điều khiển"));
    }
}

#[tokio::test]
async fn a_day_beyond_the_valid_range_says_what_the_range_is() {
    for demo in backends() {
        let api = get(demo.app(), "/api/v1/orgs/VX?as_of=9999-12-30").await;
        assert_eq!(api.status, StatusCode::BAD_REQUEST);
        assert_eq!(api.json()["error"]["code"], "invalid_date");
        let message = api.json()["error"]["message_vi"]
            .as_str()
            .unwrap()
            .to_string();
        assert!(message.contains("31/12/9998"), "{message}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_import_refuses_control_characters_and_events_after_its_day() {
    let _serial = one_at_a_time().await;
    for demo in backends() {
        let secret = demo.token("quantri");
        let mut ds = small_dataset("HX9");
        ds.members[0].profile.full_name = "Lò\0Thị Ánh".into();
        ds.members[1].profile.birth_date = Some(support::day("2090-01-01"));
        ds.orgs[1].founded_on = Some(support::day("2099-01-01"));
        let zip = zipped(&csv_files(&ds), "hx9");
        let request = Request::post("/api/v1/import?dry_run=true")
            .header("authorization", format!("Bearer {}", secret))
            .header("content-type", "application/zip")
            .body(Body::from(zip))
            .unwrap();
        let answer = send_raw(demo.anonymous(), request).await;
        assert_eq!(
            answer.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            demo.label
        );
        let json = answer.json();
        let columns: Vec<&str> = json["problems"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|p| p["column"].as_str())
            .collect();
        for column in ["ho_ten", "ngay_sinh", "ngay_thanh_lap"] {
            assert!(columns.contains(&column), "{column}: {json}");
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_change_behind_a_long_import_is_a_503_with_a_retry_hint_and_reads_go_on() {
    let _serial = one_at_a_time().await;
    for demo in backends() {
        let admin = demo.app(); // signed in before the lock is taken
        let held = dangvu_storage::testing::lock::hold_chain_lock(&demo.store).unwrap();
        let profile = get(admin, "/api/v1/members/VX-000001").await;
        assert_eq!(
            profile.status,
            StatusCode::OK,
            "{}: a read goes on",
            demo.label
        );
        let request = login_request("quantri", "sai-mat-khau-nhe", "/", "198.51.100.8");
        let refused = send(demo.anonymous(), request).await;
        drop(held);
        assert_eq!(
            refused.status,
            StatusCode::SERVICE_UNAVAILABLE,
            "{}",
            demo.label
        );
        assert_eq!(refused.header("retry-after"), "5");
        assert!(refused.has("Hệ thống đang bận"), "{}", refused.body);
    }
}

/// A file with one new member of `cell` whose citizen ID is `citizen_id`.
fn one_new_member(code: &str, cell: &str, citizen_id: &str) -> Vec<u8> {
    let mut ds = small_dataset("HX8");
    ds.orgs.clear();
    ds.members.truncate(1);
    ds.members[0].code = dangvu_domain::MemberCode::parse(code).unwrap();
    ds.members[0].profile.citizen_id = Some(citizen_id.to_string());
    ds.members[0].registrations[0].org = dangvu_domain::OrgCode::parse(cell).unwrap();
    zipped(&csv_files(&ds), "hx8")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stored_citizen_id_is_refused_without_saying_whose_audited_and_rate_limited() {
    let _serial = one_at_a_time().await;
    for demo in backends() {
        let user = format!("dothu{}", demo.label.to_lowercase());
        let role = dangvu_domain::roles::Role::BiThu;
        demo.new_account(&user, role, Some("VX.01.01"), None);
        let secret = demo.token(&user);
        let elsewhere = demo
            .dataset
            .members
            .iter()
            .find(|m| {
                m.profile.citizen_id.is_some()
                    && m.registrations
                        .iter()
                        .all(|r| !r.org.as_str().starts_with("VX.01"))
            })
            .unwrap();
        let stored_id = elsewhere.profile.citizen_id.clone().unwrap();
        let import = |body: Vec<u8>| {
            Request::post("/api/v1/import?dry_run=true")
                .header("authorization", format!("Bearer {}", secret))
                .header("content-type", "application/zip")
                .body(Body::from(body))
                .unwrap()
        };
        let fresh = send_raw(
            demo.anonymous(),
            import(one_new_member("HX8-01", "VX.01.01", "099999999901")),
        )
        .await;
        assert_eq!(
            fresh.status,
            StatusCode::OK,
            "{}",
            String::from_utf8_lossy(&fresh.body)
        );
        for attempt in 0..dangvu_app::CONFLICT_LIMIT {
            let file = one_new_member("HX8-02", "VX.01.01", &stored_id);
            let clash = send_raw(demo.anonymous(), import(file)).await;
            assert_eq!(clash.status, StatusCode::UNPROCESSABLE_ENTITY, "{attempt}");
            let text = String::from_utf8_lossy(&clash.body).to_string();
            assert!(text.contains("so_cccd"), "{text}");
            assert!(
                !text.contains(elsewhere.code.as_str())
                    && !text.contains(&elsewhere.profile.full_name)
            );
        }
        let conflicts = demo
            .audit_of(&user)
            .iter()
            .filter(|e| e.action == "import.conflict")
            .count();
        assert_eq!(
            conflicts as u64,
            dangvu_app::CONFLICT_LIMIT,
            "{}",
            demo.label
        );
        let paused = send_raw(
            demo.anonymous(),
            import(one_new_member("HX8-01", "VX.01.01", "099999999901")),
        )
        .await;
        assert_eq!(
            paused.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            demo.label
        );
        let text = String::from_utf8_lossy(&paused.body).to_string();
        assert!(text.contains("prevent probing"), "{text}");
    }
}
