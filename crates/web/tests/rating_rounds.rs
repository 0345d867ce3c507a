//! Rating rounds through the real router on every backend: a committee's staff open a
//! round, the cell proposes, only the grassroots committee decides, the quota and the
//! missing proposals block closing with the rule named, and closing writes the year's
//! ratings the member page shows; read-only accounts and other subtrees get nothing.

#![allow(clippy::unwrap_used, clippy::panic)]

mod support;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use support::{Demo, Page, backends, get, post_form, send};

/// A JSON `POST` as demo account `user`.
async fn post_json(demo: &Demo, user: &str, uri: &str, body: &str) -> Page {
    let request = Request::post(uri)
        .header("content-type", "application/json")
        .body(Body::from(body.to_string()))
        .unwrap();
    send(demo.app_as(user), request).await
}

/// The cell proposes `level` for each of `members` (rows of the round's JSON), 7 votes of 8.
async fn propose_all(demo: &Demo, id: i64, members: &[serde_json::Value], level: &str) {
    for m in members {
        let uri = format!(
            "/api/v1/ratings/rounds/{id}/members/{}",
            m["ma_dang_vien"].as_str().unwrap()
        );
        let body =
            format!(r#"{{"step":"propose","level":"{level}","votes_for":"7","votes_cast":"8"}}"#);
        let ok = post_json(demo, "canbo", &uri, &body).await;
        assert_eq!(ok.status, StatusCode::OK, "{}", ok.body);
    }
}

/// Opens the round of `org` for `year` through the page as the organization staff.
async fn open(demo: &Demo, org: &str, year: i32) -> i64 {
    let form = format!("org={org}&year={year}&period=NAM&quarter=&deadline=31/12/2025");
    let opened = post_form(demo.app_as("canbo"), "/ratings/rounds", &form).await;
    assert_eq!(
        opened.status,
        StatusCode::SEE_OTHER,
        "{}: {}",
        demo.label,
        opened.body
    );
    let location = opened.header("location").to_string();
    location.rsplit('/').next().unwrap().parse().unwrap()
}

#[tokio::test]
async fn a_round_goes_from_proposals_to_the_years_ratings() {
    for demo in backends() {
        let id = open(&demo, "VX.01", 2019).await;
        let again = post_form(
            demo.app_as("canbo"),
            "/ratings/rounds",
            "org=VX.01&year=2019&period=NAM&deadline=31/12/2025",
        )
        .await;
        assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(again.has("đã có đợt xếp loại cho kỳ này"), "{}", again.body);

        let round = get(
            demo.app_as("canbo"),
            &format!("/api/v1/ratings/rounds/{id}"),
        )
        .await
        .json();
        let members = round["dang_vien"].as_array().unwrap().clone();
        let orgs = round["to_chuc"].as_array().unwrap().clone();
        assert!(!members.is_empty() && !orgs.is_empty(), "{round}");

        // Closing before the cells proposed is refused, naming what is missing.
        let early = post_form(
            demo.app_as("canbo"),
            &format!("/ratings/rounds/{id}/close"),
            "",
        )
        .await;
        assert_eq!(early.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(early.has("chưa có đề xuất của chi bộ"), "{}", early.body);

        // The cell secretary proposes for their cell but cannot decide.
        let cell_member = members
            .iter()
            .find(|m| m["ma_chi_bo"] == "VX.01.01")
            .unwrap();
        let code = cell_member["ma_dang_vien"].as_str().unwrap();
        let member_page = format!("/ratings/rounds/{id}/members/{code}");
        let proposed = post_form(
            demo.app_as("bithu"),
            &member_page,
            "step=propose&level=HTTNV&votes_for=9&votes_cast=10",
        )
        .await;
        assert_eq!(proposed.status, StatusCode::SEE_OTHER, "{}", proposed.body);
        let decided = post_form(
            demo.app_as("bithu"),
            &member_page,
            "step=decide&level=HTTNV",
        )
        .await;
        assert_eq!(decided.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(decided.has("Chỉ cấp ủy cơ sở"), "{}", decided.body);
        let minority = post_form(
            demo.app_as("bithu"),
            &member_page,
            "step=propose&level=HTTNV&votes_for=5&votes_cast=10",
        )
        .await;
        assert!(minority.has("quá nửa"), "{}", minority.body);
        let read_only = post_form(
            demo.app_as("xem"),
            &member_page,
            "step=propose&level=HTTNV&votes_for=9&votes_cast=10",
        )
        .await;
        assert_eq!(read_only.status, StatusCode::FORBIDDEN);

        // Everyone proposed HTTNV, every organization reviewed HTTNV, except one member
        // too many rated excellent in the grassroots organization.
        propose_all(&demo, id, &members, "HTTNV").await;
        for o in &orgs {
            let uri = format!(
                "/api/v1/ratings/rounds/{id}/orgs/{}",
                o["ma_to_chuc"].as_str().unwrap()
            );
            let ok = post_json(
                &demo,
                "canbo",
                &uri,
                r#"{"step":"review","level":"HTTNV","text":"Báo cáo kiểm điểm"}"#,
            )
            .await;
            assert_eq!(ok.status, StatusCode::OK, "{}", ok.body);
        }
        // A cell's secretary reaches their cell's row only: a neighbour cell is "not found"
        // before the body is read, their own cell gets the body's fault.
        let beside = format!("/api/v1/ratings/rounds/{id}/orgs/VX.01.02");
        let hidden = post_json(&demo, "bithu", &beside, "{not json").await;
        assert_eq!(hidden.status, StatusCode::NOT_FOUND, "{}", hidden.body);
        let own = format!("/api/v1/ratings/rounds/{id}/orgs/VX.01.01");
        let malformed = post_json(&demo, "bithu", &own, "{not json").await;
        assert_eq!(
            malformed.status,
            StatusCode::BAD_REQUEST,
            "{}",
            malformed.body
        );
        let over = members.len() / 5 + 2;
        propose_all(&demo, id, &members[..over], "HTXSNV").await;
        let refused = post_json(
            &demo,
            "canbo",
            &format!("/api/v1/ratings/rounds/{id}/close"),
            "",
        )
        .await;
        assert_eq!(
            refused.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            refused.body
        );
        let json = refused.json();
        assert_eq!(json["error"]["code"], "rating_refused");
        assert_eq!(json["violations"][0]["rule"], "TY_LE_HTXSNV");
        assert!(
            json["violations"][0]["message_vi"]
                .as_str()
                .unwrap()
                .contains("HD 21-HD/BTCTW")
        );

        // Back to HTTNV for them: the round closes and the year's ratings follow it.
        propose_all(&demo, id, &members[..over], "HTTNV").await;
        let closed = post_json(
            &demo,
            "canbo",
            &format!("/api/v1/ratings/rounds/{id}/close"),
            "",
        )
        .await;
        assert_eq!(closed.status, StatusCode::OK, "{}", closed.body);
        assert_eq!(
            closed.json()["ket_thuc"][1].as_u64().unwrap() as usize,
            members.len()
        );
        let profile = get(demo.app(), &format!("/api/v1/members/{code}"))
            .await
            .json();
        let rated_2019: Vec<&serde_json::Value> = profile["ratings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| r["year"] == 2019)
            .collect();
        assert_eq!(rated_2019.len(), 1, "{profile}");
        assert_eq!(rated_2019[0]["rating"], "HTTNV");
        let page = get(demo.app_as("bithu"), &format!("/ratings/rounds/{id}")).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        assert!(page.has("Đợt đã kết thúc ngày"), "{}", page.body);
        assert!(page.has("Hoàn thành tốt nhiệm vụ"));
    }
}

#[tokio::test]
async fn other_subtrees_and_bad_input_get_nothing() {
    for demo in backends() {
        let id = open(&demo, "VX.02", 2018).await;
        let outside = get(demo.app_as("bithu"), &format!("/ratings/rounds/{id}")).await;
        assert_eq!(outside.status, StatusCode::NOT_FOUND, "{}", outside.body);
        let listed = get(demo.app_as("bithu"), "/api/v1/ratings/rounds")
            .await
            .json();
        assert!(
            listed.as_array().unwrap().iter().all(|r| r["ma"] != id),
            "{listed}"
        );
        let bad = post_form(
            demo.app_as("canbo"),
            "/ratings/rounds",
            "org=VX.02&year=abc&deadline=x",
        )
        .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        let page = get(demo.app_as("xem"), &format!("/ratings/rounds/{id}")).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(
            !page.has("Kết thúc đợt và ghi kết quả"),
            "read-only accounts get no form"
        );
        let garbage = post_json(
            &demo,
            "canbo",
            &format!("/api/v1/ratings/rounds/{id}/members/KHONG-CO"),
            r#"{"step":"fly"}"#,
        )
        .await;
        assert_eq!(garbage.status, StatusCode::NOT_FOUND);
    }
}

#[tokio::test]
async fn the_demo_holds_the_rounds_of_history_and_one_under_way() {
    for demo in backends() {
        let rounds = get(demo.app(), "/api/v1/ratings/rounds").await.json();
        let rounds = rounds.as_array().unwrap();
        let of = |year: i64, org: &str| {
            rounds
                .iter()
                .find(|r| r["nam"] == year && r["ma_to_chuc"] == org)
                .unwrap_or_else(|| panic!("{year} {org}: {rounds:?}"))
        };
        let under_way = of(2025, "TQ");
        assert!(under_way["ngay_ket_thuc"].is_null(), "{under_way}");
        for year in 2015..=2024 {
            assert!(!of(year, "VX")["ngay_ket_thuc"].is_null(), "{year}");
        }
        // The old scheme's labels, verbatim, on a round before 2018.
        let old = of(2016, "VX")["ma"].as_i64().unwrap();
        let page = get(demo.app(), &format!("/ratings/rounds/{old}?org=VX.01")).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(
            page.has("Đủ tư cách, hoàn thành tốt nhiệm vụ"),
            "{}",
            page.body
        );
        assert!(page.has("Hoàn thành tốt nhiệm vụ") || page.has("Trong sạch, vững mạnh"));
        // The violations history kept are shown on the rows concerned.
        let kept = of(2019, "VX")["ma"].as_i64().unwrap();
        let round = get(demo.app(), &format!("/api/v1/ratings/rounds/{kept}"))
            .await
            .json();
        let linked: Vec<&serde_json::Value> = round["to_chuc"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|o| !o["quyet_dinh"]["ngoai_le"].as_array().unwrap().is_empty())
            .collect();
        assert!(!linked.is_empty() && linked.len() < 20, "{}", linked.len());
    }
}

#[tokio::test]
async fn the_year_end_page_sets_the_monthly_results_beside_the_level() {
    for demo in backends() {
        let rounds = get(demo.app(), "/api/v1/ratings/rounds").await.json();
        let id = rounds
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["nam"] == 2024 && r["ma_to_chuc"] == "VX")
            .unwrap()["ma"]
            .as_i64()
            .unwrap();
        let page = get(demo.app(), &format!("/ratings/rounds/{id}?org=VX.01")).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        assert!(page.has("Kết quả hằng tháng"));
        assert!(
            page.has("Cao hơn kết quả hằng tháng"),
            "some rating is above its months"
        );
        let first = page
            .link_texts(&format!("/ratings/rounds/{id}/members/"))
            .into_iter()
            .next()
            .unwrap();
        let href = page.href_of(&first).unwrap();
        let entry = get(demo.app(), &href).await;
        assert_eq!(entry.status, StatusCode::OK, "{href}");
        assert!(entry.has("Kết quả từng tháng"), "{}", entry.body);
    }
}
