//! Transfers through the real router on every backend: a cell secretary decides an official
//! transfer to a cell outside her scope, the receiving side sees it and registers the
//! member, the registration and the figures move on the receiving day; an overdue transfer
//! is on the due list of both sides; a caller who reaches neither side gets "not found";
//! bad input gives the form back (422) and writes nothing; a temporary attendance changes
//! no figure.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use dangvu_domain::OrgCode;
use dangvu_domain::roles::Role;
use dangvu_storage::MemberListItem;
use support::{Demo, Page, TODAY, active_members, backends, day, get, post_form, send};

/// The secretary's cell (`bithu`).
const CELL: &str = "VX.01.01";

/// The active members of `org`'s subtree today admitted before 2025, by code.
fn active(demo: &Demo, org: &str) -> Vec<MemberListItem> {
    active_members(demo, org, day("2024-12-31"))
}

/// Members counted in `org`'s subtree on `on`.
fn members_on(demo: &Demo, org: &str, on: &str) -> u64 {
    demo.store
        .figures(&demo.scope(), &OrgCode::parse(org).unwrap(), day(on))
        .unwrap()
        .members
}

/// A JSON request with the bearer token of `user`.
fn api(demo: &Demo, user: &str, method: &str, uri: &str, body: &str) -> Request<Body> {
    Request::builder()
        .method(method)
        .uri(uri)
        .header("authorization", format!("Bearer {}", demo.token(user)))
        .header("content-type", "application/json")
        .body(Body::from(body.to_string()))
        .unwrap()
}

/// The transfer number a 303 after a decision points to.
fn id_of(page: &Page) -> String {
    assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.body);
    page.header("location")
        .trim_start_matches("/transfers/")
        .to_string()
}

fn count(list: &serde_json::Value, section: &str, member: &str) -> usize {
    list[section]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["member"] == member)
        .count()
}

#[tokio::test]
async fn the_registration_moves_on_the_receiving_day_and_the_counts_with_it() {
    for demo in backends() {
        let member = active(&demo, CELL)[0].clone();
        let code = member.code.as_str();
        // A cell of VX.02, outside the secretary's scope.
        let there = active(&demo, "VX.02")[0].org.code.to_string();
        let form = format!("member={code}&transfer_kind=CHINH_THUC&to_org={there}&day=01/09/2025");
        let id = id_of(&post_form(demo.app_as("bithu"), "/transfers/new", &form).await);
        let page = get(demo.app_as("bithu"), &format!("/transfers/{id}")).await;
        assert!(
            page.has(&member.full_name) && page.has("Ghi việc cấp giấy giới thiệu"),
            "{}",
            page.body
        );
        assert!(
            !page.has("Ghi việc tiếp nhận"),
            "the sender does not register"
        );
        // The receiving side (xem reads VX.02) sees it but may not write.
        let seen = get(demo.app_as("xem"), "/transfers").await;
        assert!(
            seen.has(&member.full_name) && seen.has("Đang chuyển"),
            "{}",
            seen.body
        );
        // Bad input: the form back, nothing written.
        let uri = format!("/transfers/{id}/step");
        let bad = post_form(demo.app_as("bithu"), &uri, "step=introduce&day=31/08/2025").await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.body);
        assert!(bad.has("ngày quyết định"), "{}", bad.body);
        let ok = post_form(demo.app_as("bithu"), &uri, "step=introduce&day=03/09/2025").await;
        assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
        // The sender cannot register the member at the receiving cell.
        let step = r#"{"step":"receive","day":"2025-09-15"}"#;
        let uri = format!("/api/v1/transfers/{id}/steps");
        let refused = send(demo.anonymous(), api(&demo, "bithu", "POST", &uri, step)).await;
        assert_eq!(refused.status, StatusCode::NOT_FOUND, "{}", refused.body);
        let (cell_before, there_before) = (
            members_on(&demo, CELL, "2025-09-15"),
            members_on(&demo, &there, "2025-09-15"),
        );
        let received = send(demo.anonymous(), api(&demo, "canbo", "POST", &uri, step)).await;
        assert_eq!(received.status, StatusCode::OK, "{}", received.body);
        assert_eq!(received.json()["stage"], "received");
        assert_eq!(members_on(&demo, CELL, "2025-09-15"), cell_before - 1);
        assert_eq!(members_on(&demo, &there, "2025-09-15"), there_before + 1);
        assert_eq!(
            members_on(&demo, CELL, "2025-09-14"),
            cell_before,
            "not before the day"
        );
        let profile = get(demo.app(), &format!("/api/v1/members/{code}"))
            .await
            .json();
        assert!(profile.to_string().contains(&there), "{profile}");
        let audit = demo.audit_of("bithu");
        assert!(
            audit.iter().any(|e| e.action == "transfer.create"),
            "audited"
        );
    }
}

#[tokio::test]
async fn an_overdue_transfer_is_due_for_both_sides_and_hidden_from_others() {
    for demo in backends() {
        let rows = active(&demo, "VX.02");
        let member = rows.last().unwrap().clone();
        let code = member.code.as_str();
        let body = format!(
            r#"{{"member":"{code}","transfer_kind":"CHINH_THUC","to_org":"{CELL}","day":"2025-06-02"}}"#
        );
        let created = send(
            demo.anonymous(),
            api(&demo, "canbo", "POST", "/api/v1/transfers", &body),
        )
        .await;
        assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
        let id = created.json()["id"].as_i64().unwrap();
        assert_eq!(created.json()["overdue"], true);
        let subject = id.to_string();
        for (side, org) in [("bithu", CELL), ("xem", "VX.02")] {
            let uri = format!("/api/v1/due?org={org}");
            let due = send(demo.anonymous(), api(&demo, side, "GET", &uri, "")).await;
            assert_eq!(due.status, StatusCode::OK, "{side}: {}", due.body);
            let due = due.json();
            let found = due["items"].as_array().unwrap().iter().any(|i| {
                i["kind"] == "HOAN_TAT_CHUYEN_SINH_HOAT" && i["subject"].as_str() == Some(&subject)
            });
            assert!(found, "{side}: {due}");
            let list = send(
                demo.anonymous(),
                api(&demo, side, "GET", "/api/v1/transfers", ""),
            )
            .await
            .json();
            assert_eq!(count(&list, "in_transit", code), 1, "{side}");
        }
        let list = get(demo.app_as("bithu"), "/transfers").await;
        assert!(list.has("Quá hạn") && list.has("quá hạn"), "{}", list.body);
        // Neither side: not found, like a transfer that does not exist.
        demo.new_account("transfers.other", Role::Xem, Some("VX.03"), None);
        let uri = format!("/api/v1/transfers/{id}");
        let hidden = send(
            demo.anonymous(),
            api(&demo, "transfers.other", "GET", &uri, ""),
        )
        .await;
        assert_eq!(hidden.status, StatusCode::NOT_FOUND, "{}", hidden.body);
        let list = send(
            demo.anonymous(),
            api(&demo, "transfers.other", "GET", "/api/v1/transfers", ""),
        )
        .await
        .json();
        assert_eq!(count(&list, "in_transit", code), 0);
        // The receiving side cannot cancel: only the sending side may.
        let cancel = r#"{"step":"cancel","day":"2025-11-20","reason":"x"}"#;
        let steps = format!("/api/v1/transfers/{id}/steps");
        let refused = send(
            demo.anonymous(),
            api(&demo, "bithu", "POST", &steps, cancel),
        )
        .await;
        assert_eq!(refused.status, StatusCode::NOT_FOUND, "{}", refused.body);
        let cancelled = send(
            demo.anonymous(),
            api(&demo, "canbo", "POST", &steps, cancel),
        )
        .await;
        assert_eq!(cancelled.json()["stage"], "cancelled", "{}", cancelled.body);
    }
}

#[tokio::test]
async fn a_temporary_attendance_changes_no_count_and_bad_lengths_are_refused() {
    for demo in backends() {
        let member = active(&demo, CELL)[1].clone();
        let code = member.code.as_str();
        // A host no other test of this file moves a member into.
        let there = active(&demo, "VX.04")[0].org.code.to_string();
        let before: Vec<u64> = ["2025-10-01", TODAY]
            .iter()
            .map(|d| members_on(&demo, &there, d))
            .collect();
        let too_long = format!(
            "member={code}&transfer_kind=TAM_THOI_CONG_TAC&to_org={there}&day=01/09/2025&until=01/10/2026"
        );
        let refused = post_form(demo.app_as("bithu"), "/transfers/new", &too_long).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            refused.has("3 tháng") && refused.has(&format!("value=\"{code}\"")),
            "{}",
            refused.body
        );
        let form = too_long.replace("01/10/2026", "01/03/2026");
        let id = id_of(&post_form(demo.app_as("bithu"), "/transfers/new", &form).await);
        let page = get(demo.app_as("bithu"), &format!("/transfers/{id}")).await;
        assert!(
            page.has("Sinh hoạt tạm thời từ 01/09/2025 đến hết 28/02/2026"),
            "{}",
            page.body
        );
        let after: Vec<u64> = ["2025-10-01", TODAY]
            .iter()
            .map(|d| members_on(&demo, &there, d))
            .collect();
        assert_eq!(before, after, "not counted at the host");
        let list = get(demo.app_as("bithu"), "/transfers").await;
        assert!(list.has("Đang sinh hoạt tạm thời") && list.has(&member.full_name));
    }
}
