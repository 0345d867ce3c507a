//! Admissions through the real router on every backend: a cell secretary takes a dossier
//! from the cell's list to the ceremony and finds the new member probationary in the cell;
//! a date that cannot be read gives the form back (422) with what was typed and writes
//! nothing; an account outside the cell's scope gets 404; a read-only account sees no form
//! and gets 403 on a POST; the JSON API answers 4xx JSON for bad input.

#![allow(clippy::unwrap_used, clippy::panic)]

mod support;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use dangvu_domain::enums::MemberStatus;
use dangvu_domain::{MemberCode, OrgCode};
use dangvu_storage::MemberQuery;
use support::{Demo, Page, backends, day, get, post_form, send};

/// The secretary's cell (`bithu`).
const CELL: &str = "VX.01.01";

/// Two official, active members of the cell on `on`.
fn introducers(demo: &Demo, on: &str) -> (MemberCode, MemberCode) {
    let query = MemberQuery {
        org: OrgCode::parse(CELL).unwrap(),
        as_of: day(on),
        search: None,
        after: None,
        limit: 200,
    };
    let rows = demo.store.members(&demo.scope(), &query).unwrap().rows;
    let mut official = rows.into_iter().filter(|r| {
        r.status == MemberStatus::DangSinhHoat
            && r.official_on.is_some_and(|d| d < day("2024-01-01"))
    });
    (official.next().unwrap().code, official.next().unwrap().code)
}

fn new_form(name: &str, listed: &str) -> String {
    format!(
        "full_name={}&gender=NU&birth_date=05%2F03%2F1998&ethnicity=T%C3%A0y&education=12%2F12&cell={CELL}&listed_on={listed}",
        support::urlencode(name)
    )
}

/// Opens a dossier as the secretary; its page's address.
/// Each test its own day, so that the codes made from the cell and the day differ.
async fn open(demo: &Demo, name: &str, listed: &str) -> String {
    let page = post_form(
        demo.app_as("bithu"),
        "/admissions/new",
        &new_form(name, listed),
    )
    .await;
    assert_eq!(
        page.status,
        StatusCode::SEE_OTHER,
        "{}: {}",
        demo.label,
        page.body
    );
    page.header("location").to_string()
}

async fn step(demo: &Demo, at: &str, form: &str) -> Page {
    post_form(demo.app_as("bithu"), &format!("{at}/step"), form).await
}

async fn recorded(demo: &Demo, at: &str, form: &str) {
    let page = step(demo, at, form).await;
    assert_eq!(
        page.status,
        StatusCode::SEE_OTHER,
        "{} {form}: {}",
        demo.label,
        page.body
    );
}

#[tokio::test]
async fn a_secretary_takes_a_dossier_to_the_ceremony_and_the_member_is_probationary() {
    for demo in backends() {
        let at = open(&demo, "Hoàng Thị Lan", "10%2F09%2F2024").await;
        let (first, second) = introducers(&demo, "2025-06-02");
        recorded(&demo, &at, "kind=course&on=15%2F11%2F2024").await;
        recorded(&demo, &at, "kind=application&on=03%2F03%2F2025").await;
        recorded(
            &demo,
            &at,
            &format!("kind=introducers&first={first}&second={second}"),
        )
        .await;
        let page = get(demo.app_as("bithu"), &at).await;
        assert!(page.has("Chi bộ biểu quyết"), "the vote's form is next");
        recorded(
            &demo,
            &at,
            "kind=vote&on=02%2F06%2F2025&votes_for=9&votes_against=1&official_members=10",
        )
        .await;
        recorded(&demo, &at, "kind=proposal&on=16%2F06%2F2025").await;
        recorded(
            &demo,
            &at,
            "kind=decision&on=07%2F07%2F2025&number=125-Q%C4%90%2FHU",
        )
        .await;
        let page = get(demo.app_as("bithu"), &at).await;
        assert!(
            page.has("Lễ kết nạp") && page.has("125-QĐ/HU"),
            "{}",
            page.body
        );
        recorded(
            &demo,
            &at,
            "kind=ceremony&on=21%2F07%2F2025&member=VX-990001",
        )
        .await;
        let page = get(demo.app_as("bithu"), &at).await;
        assert!(page.has("Đảng viên dự bị"), "{}", page.body);
        assert!(
            page.has("href=\"/members/VX-990001\""),
            "a link to the member"
        );
        assert!(
            page.has("Công nhận đảng viên chính thức"),
            "recognition is next"
        );
        let member = get(demo.app_as("bithu"), "/members/VX-990001").await;
        assert_eq!(member.status, StatusCode::OK);
        assert!(
            member.has("Hoàng Thị Lan") && member.has("Dự bị"),
            "{}",
            member.body
        );
        let list = get(
            demo.app_as("bithu"),
            "/orgs/VX.01.01/members?q=hoang+thi+lan",
        )
        .await;
        assert!(list.has("VX-990001"), "in the cell's list");
        let api = get(demo.app_as("bithu"), &format!("/api/v1{at}")).await;
        assert_eq!(api.json()["stage"], "DU_BI");
        assert_eq!(api.json()["member"], "VX-990001");
    }
}

#[tokio::test]
async fn a_bad_date_gives_the_form_back_and_writes_nothing() {
    for demo in backends() {
        let at = open(&demo, "Lò Văn Páo", "11%2F09%2F2024").await;
        let page = step(&demo, &at, "kind=course&on=31%2F02%2F2025").await;
        assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(page.has("value=\"31/02/2025\""), "kept as typed");
        assert!(
            page.has("«31/02/2025» không phải một ngày"),
            "{}",
            page.body
        );
        let api = get(demo.app(), &format!("/api/v1{at}")).await;
        assert!(api.json()["course_on"].is_null(), "nothing written");
        // The new-dossier form too.
        let page = post_form(
            demo.app_as("bithu"),
            "/admissions/new",
            &new_form("Lò Thị Mai", "2024-13-01"),
        )
        .await;
        assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            page.has("value=\"Lò Thị Mai\"") && page.has("2024-13-01"),
            "{}",
            page.body
        );
        // A step the rules refuse: a proposal before the cell's resolution.
        let page = step(&demo, &at, "kind=proposal&on=01%2F10%2F2025").await;
        assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(page.has("Căn cứ"), "the rule's source");
    }
}

#[tokio::test]
async fn outside_the_scope_is_not_found_and_readers_get_no_forms() {
    for demo in backends() {
        let at = open(&demo, "Vàng Thị Dợ", "12%2F09%2F2024").await;
        // `xem` reads VX.02 only: the cell VX.01.01 is outside.
        assert_eq!(
            get(demo.app_as("xem"), &at).await.status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            get(demo.app_as("xem"), &format!("/api/v1{at}"))
                .await
                .status,
            StatusCode::NOT_FOUND
        );
        // `kiemtra` reads everything and writes nothing.
        let page = get(demo.app_as("kiemtra"), &at).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(
            !page.has("<form class=\"stacked\""),
            "no forms for a reader"
        );
        let post = step(&demo, &at, "kind=course&on=01%2F10%2F2024").await;
        assert_eq!(post.status, StatusCode::SEE_OTHER);
        let refused = post_form(
            demo.app_as("kiemtra"),
            &format!("{at}/step"),
            "kind=course&on=01%2F10%2F2024",
        )
        .await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN);
        let list = get(demo.app_as("bithu"), "/admissions").await;
        assert!(
            list.has("Vàng Thị Dợ") && list.has("data-label="),
            "{}",
            list.body
        );
        assert!(list.has("Phát triển đảng viên"), "the menu link");
    }
}

#[tokio::test]
async fn the_api_answers_json_for_bad_input_and_records_steps() {
    for demo in backends() {
        let token = demo.token("bithu");
        let send_json = |uri: String, body: &str| {
            Request::post(uri)
                .header("authorization", format!("Bearer {token}"))
                .header("content-type", "application/json")
                .body(Body::from(body.to_string()))
                .unwrap()
        };
        let body = format!(
            r#"{{"full_name":"Sùng Thị Chúa","gender":"NU","birth_date":"1999-01-02","cell":"{CELL}","listed_on":"2024-09-13","education":"12/12"}}"#
        );
        let opened = send(
            demo.anonymous(),
            send_json("/api/v1/admissions".into(), &body),
        )
        .await;
        assert_eq!(opened.status, StatusCode::CREATED, "{}", opened.body);
        let code = opened.json()["code"].as_str().unwrap().to_string();
        let uri = format!("/api/v1/admissions/{code}/steps");
        let bad = send(
            demo.anonymous(),
            send_json(uri.clone(), r#"{"kind":"course","on":"2024-02-30"}"#),
        )
        .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(bad.json()["error"]["code"], "invalid_field");
        let junk = send(demo.anonymous(), send_json(uri.clone(), "not json")).await;
        assert_eq!(junk.status, StatusCode::BAD_REQUEST);
        let kind = send(
            demo.anonymous(),
            send_json(uri.clone(), r#"{"kind":"nope"}"#),
        )
        .await;
        assert_eq!(kind.status, StatusCode::BAD_REQUEST);
        let refused = send(
            demo.anonymous(),
            send_json(uri.clone(), r#"{"kind":"decision","on":"2025-01-02"}"#),
        )
        .await;
        assert_eq!(
            refused.json()["error"]["code"],
            "step_refused",
            "{}",
            refused.body
        );
        let ok = send(
            demo.anonymous(),
            send_json(uri, r#"{"kind":"course","on":"2024-10-01"}"#),
        )
        .await;
        assert_eq!(ok.status, StatusCode::OK, "{}", ok.body);
        assert_eq!(ok.json()["course_on"], "2024-10-01");
        let list = get(
            demo.app_as("bithu"),
            "/api/v1/admissions?stage=DA_HOC_NHAN_THUC",
        )
        .await;
        assert!(
            list.json()["dossiers"]
                .as_array()
                .unwrap()
                .iter()
                .any(|d| d["code"] == code.as_str())
        );
        let missing = send(
            demo.anonymous(),
            send_json(
                "/api/v1/admissions/KHONG-CO/steps".into(),
                r#"{"kind":"course","on":"2024-10-01"}"#,
            ),
        )
        .await;
        assert_eq!(missing.status, StatusCode::NOT_FOUND);
    }
}
