//! A member's lifecycle through the real router on every backend: the member page shows
//! party age and the next badge; a cell secretary records a badge, an exemption and its
//! review, and the review shows on the due list while it is late; an exit closes the
//! member's account; bad input gives the form back (422) and writes nothing; outside the
//! scope is "not found"; the JSON API reads and records the same.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use dangvu_domain::MemberCode;
use dangvu_storage::{MemberListItem, demo_password};
use support::{Demo, Page, TODAY, active_members, backends, day, get, post_form, send, sign_in};

/// The secretary's cell (`bithu`), also the cell of the `dangvien` account.
const CELL: &str = "VX.01.01";

/// The active members of `cell` today, by code.
fn active(demo: &Demo, cell: &str) -> Vec<MemberListItem> {
    active_members(demo, cell, day(TODAY))
}

/// The member's lifecycle as the API answers it.
async fn lifecycle_of(demo: &Demo, code: &MemberCode) -> Page {
    let uri = format!("/api/v1/members/{}/lifecycle", code.as_str());
    get(demo.app(), &uri).await
}

/// An official member of the cell whose party age is `years` or more today.
async fn senior(demo: &Demo, years: u64, skip: usize) -> (MemberCode, serde_json::Value) {
    let mut found = Vec::new();
    for row in active(demo, CELL) {
        let life = lifecycle_of(demo, &row.code).await.json();
        if life["party_age_years"].as_u64().is_some_and(|y| y >= years) {
            found.push((row.code, life));
        }
    }
    found
        .into_iter()
        .nth(skip)
        .expect("a senior member in the cell")
}

/// `POST` of a JSON body to the member's lifecycle API, as the organization staff.
async fn post_json(demo: &Demo, code: &MemberCode, body: &str) -> Page {
    let request = Request::post(format!("/api/v1/members/{}/lifecycle", code.as_str()))
        .header("content-type", "application/json")
        .body(Body::from(body.to_string()))
        .unwrap();
    send(demo.app_as("canbo"), request).await
}

async fn record(demo: &Demo, user: &str, code: &MemberCode, form: &str) -> Page {
    let uri = format!("/members/{}/lifecycle", code.as_str());
    post_form(demo.app_as(user), &uri, form).await
}

#[tokio::test]
async fn the_member_page_shows_party_age_and_the_next_badge() {
    for demo in backends() {
        let (code, life) = senior(&demo, 10, 0).await;
        let years = life["party_age_years"].as_u64().unwrap();
        let page = get(demo.app_as("bithu"), &format!("/members/{}", code.as_str())).await;
        assert_eq!(page.status, StatusCode::OK, "{}", demo.label);
        assert!(page.has("Tuổi đảng và Huy hiệu Đảng"), "{}", page.body);
        assert!(
            page.has(&format!("{years} năm (tính từ")),
            "{}: {years}",
            demo.label
        );
        let next = life["next_badge"]["moc"].as_u64().unwrap();
        assert!(page.has(&format!("Huy hiệu {next} năm tuổi đảng")));
        assert!(page.has(&format!("/members/{}/lifecycle", code.as_str())));
        // The inspection committee reads the card, without the link, and may not record.
        let reader = get(
            demo.app_as("kiemtra"),
            &format!("/members/{}", code.as_str()),
        )
        .await;
        assert!(reader.has("Tuổi đảng và Huy hiệu Đảng"), "{}", reader.body);
        assert!(!reader.has(&format!("/members/{}/lifecycle", code.as_str())));
        let forms = get(
            demo.app_as("kiemtra"),
            &format!("/members/{}/lifecycle", code.as_str()),
        )
        .await;
        assert_eq!(forms.status, StatusCode::FORBIDDEN, "{}", demo.label);
    }
}

#[tokio::test]
async fn a_badge_on_the_due_list_is_awarded_once_and_leaves_the_list() {
    for demo in backends() {
        let due = || async {
            get(demo.app(), &format!("/api/v1/due?org=TQ&as_of={TODAY}"))
                .await
                .json()["items"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|i| i["kind"] == "TANG_HUY_HIEU" && i["since"].as_str().unwrap() <= TODAY)
                .map(|i| i["subject"].as_str().unwrap().to_string())
                .collect::<Vec<_>>()
        };
        let reached = due().await;
        let code =
            MemberCode::parse(reached.first().expect("a badge reached before today")).unwrap();
        let life = lifecycle_of(&demo, &code).await.json();
        let milestone = life["next_badge"]["moc"].as_u64().unwrap();
        let form = format!("action=badge&day=26%2F11%2F2025&milestone={milestone}");
        let saved = record(&demo, "canbo", &code, &form).await;
        assert_eq!(
            saved.status,
            StatusCode::SEE_OTHER,
            "{}: {}",
            demo.label,
            saved.body
        );
        let page = get(demo.app_as("canbo"), saved.header("location")).await;
        assert!(page.has("Đã ghi việc trao Huy hiệu Đảng."), "{}", page.body);
        assert!(page.has(&format!("Huy hiệu {milestone} năm, trao ngày 26/11/2025")));
        assert!(
            !due().await.contains(&code.as_str().to_string()),
            "{}",
            demo.label
        );
        let again = record(&demo, "canbo", &code, &form).await;
        assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(again.has("đã được ghi trước đó"), "{}", again.body);
    }
}

#[tokio::test]
async fn an_exemption_review_is_due_until_the_cell_reviews_it() {
    for demo in backends() {
        let (code, _) = senior(&demo, 10, 1).await;
        let due = || async {
            let list = get(demo.app(), &format!("/api/v1/due?org={CELL}&as_of={TODAY}"))
                .await
                .json();
            list["items"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|i| i["subject"] == code.as_str() && i["kind"] == "XEM_XET_MIEN_SINH_HOAT")
                .map(|i| i["overdue"].as_bool().unwrap())
                .collect::<Vec<_>>()
        };
        assert!(due().await.is_empty());
        let form = "action=exempt&day=02%2F06%2F2025&reason=SUC_KHOE&review_on=01%2F10%2F2025";
        let saved = record(&demo, "bithu", &code, form).await;
        assert_eq!(
            saved.status,
            StatusCode::SEE_OTHER,
            "{}: {}",
            demo.label,
            saved.body
        );
        assert_eq!(
            due().await,
            vec![true],
            "{}: the review is late",
            demo.label
        );
        let page = get(demo.app_as("bithu"), &format!("/members/{}", code.as_str())).await;
        assert!(
            page.has("Sức khỏe yếu, chi bộ quyết định ngày 02/06/2025"),
            "{}",
            page.body
        );
        let ended = record(
            &demo,
            "bithu",
            &code,
            "action=review&day=20%2F11%2F2025&outcome=END",
        )
        .await;
        assert_eq!(ended.status, StatusCode::SEE_OTHER, "{}", ended.body);
        assert!(due().await.is_empty(), "{}", demo.label);
        let life = lifecycle_of(&demo, &code).await.json();
        assert_eq!(life["exemptions"][0]["ngay_ket_thuc"], "2025-11-20");
    }
}

#[tokio::test]
async fn bad_input_gives_the_form_back_and_writes_nothing() {
    for demo in backends() {
        let (code, _) = senior(&demo, 10, 2).await;
        let before = lifecycle_of(&demo, &code).await.body;
        for (form, says) in [
            (
                "action=exit&day=31%2F02%2F2025&exit_kind=TU_TRAN",
                "31/02/2025",
            ),
            (
                "action=exit&day=01%2F12%2F2026&exit_kind=TU_TRAN",
                "chưa đến",
            ),
            (
                "action=exit&day=01%2F10%2F2025&exit_kind=XOA_TEN",
                "xóa tên cần nêu trường hợp",
            ),
            ("action=badge&day=01%2F10%2F2025&milestone=35", "35"),
        ] {
            let page = record(&demo, "bithu", &code, form).await;
            assert_eq!(
                page.status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{form}: {}",
                page.body
            );
            assert!(page.has(says), "{form}: {}", page.body);
            assert!(page.has("role=\"alert\""));
        }
        let after = lifecycle_of(&demo, &code).await.body;
        assert_eq!(before, after, "{}: nothing was written", demo.label);
        // Outside the secretary's cell the member does not exist.
        let elsewhere = active(&demo, "VX.01.02");
        if let Some(other) = elsewhere.first() {
            let page = record(
                &demo,
                "bithu",
                &other.code,
                "action=exit&day=01%2F10%2F2025&exit_kind=TU_TRAN",
            )
            .await;
            assert_eq!(page.status, StatusCode::NOT_FOUND, "{}", demo.label);
        }
    }
}

#[tokio::test]
async fn an_exit_closes_the_members_account_and_the_api_records_the_same() {
    for demo in backends() {
        let own = active(&demo, CELL).into_iter().next().unwrap().code;
        assert!(
            sign_in(demo.anonymous(), "dangvien", &demo_password("dangvien"))
                .await
                .is_some()
        );
        let body = r#"{"action": "exit", "day": "2025-11-20", "exit_kind": "TU_TRAN"}"#;
        let answer = post_json(&demo, &own, body).await;
        assert_eq!(
            answer.status,
            StatusCode::OK,
            "{}: {}",
            demo.label,
            answer.body
        );
        let last = answer.json()["timeline"]
            .as_array()
            .unwrap()
            .iter()
            .rfind(|l| !l["trang_thai"].is_null())
            .unwrap()
            .clone();
        assert_eq!(last["trang_thai"], "TU_TRAN");
        assert!(
            sign_in(demo.anonymous(), "dangvien", &demo_password("dangvien"))
                .await
                .is_none(),
            "{}: the deceased member's account is closed",
            demo.label
        );
        let refused = post_json(&demo, &own, body).await;
        assert_eq!(
            refused.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            refused.body
        );
        assert_eq!(refused.json()["error"]["code"], "change_refused");
        let garbage = post_json(&demo, &own, r#"{"action": "fly"}"#).await;
        assert_eq!(garbage.status, StatusCode::BAD_REQUEST);
    }
}

#[tokio::test]
async fn a_period_without_activity_moves_the_next_badge_later() {
    for demo in backends() {
        let (code, before) = senior(&demo, 10, 3).await;
        let reached = before["next_badge"]["ngay_du"]
            .as_str()
            .unwrap()
            .to_string();
        // 1 March to 1 June 2020: 92 days that do not count.
        let form = "action=interrupt&day=01%2F03%2F2020&until=01%2F06%2F2020";
        let saved = record(&demo, "bithu", &code, form).await;
        assert_eq!(
            saved.status,
            StatusCode::SEE_OTHER,
            "{}: {}",
            demo.label,
            saved.body
        );
        let after = lifecycle_of(&demo, &code).await.json();
        let moved = day(after["next_badge"]["ngay_du"].as_str().unwrap());
        assert_eq!((moved - day(&reached)).num_days(), 92, "{}", demo.label);
        let page = get(demo.app_as("bithu"), &format!("/members/{}", code.as_str())).await;
        assert!(page.has("đã trừ thời gian gián đoạn"), "{}", page.body);
        let backwards = "action=interrupt&day=01%2F06%2F2020&until=01%2F03%2F2020";
        let refused = record(&demo, "bithu", &code, backwards).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            refused.has("ngày kết thúc phải sau ngày bắt đầu"),
            "{}",
            refused.body
        );
    }
}
