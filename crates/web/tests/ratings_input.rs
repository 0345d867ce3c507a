//! Monthly results and signed commitments through the real router on every backend: a
//! cell's month read, recorded from the page and refused with nothing written; the year
//! view; commitments listed, signed from the page, evaluated through the API (a day before
//! the signing refused); the term report's `commitments`; a reader outside the subtree.

#![allow(clippy::unwrap_used, clippy::panic)]

mod support;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use support::{Demo, backends, get, post_form, send};

const MONTH_API: &str = "/api/v1/ratings/monthly?org=VX.01.01&month=2024-05";

/// A JSON request with the bearer token of `user`.
fn api(demo: &Demo, user: &str, uri: &str, body: &str) -> Request<Body> {
    Request::builder()
        .method("POST")
        .uri(uri)
        .header("authorization", format!("Bearer {}", demo.token(user)))
        .header("content-type", "application/json")
        .body(Body::from(body.to_string()))
        .unwrap()
}

/// The cell's month as the API answers it: (member, level) pairs.
async fn month(demo: &Demo) -> Vec<(String, Option<String>)> {
    let answer = get(demo.app_as("bithu"), MONTH_API).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    answer.json()["ket_qua"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let level = r["muc"].as_str().map(str::to_string);
            (r["ma_dang_vien"].as_str().unwrap().to_string(), level)
        })
        .collect()
}

#[tokio::test]
async fn a_secretary_records_the_cells_month_and_bad_input_writes_nothing() {
    for demo in backends() {
        let page = get(
            demo.app_as("bithu"),
            "/ratings/monthly?org=VX.01.01&month=2024-05",
        )
        .await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        assert!(page.has("Kết quả hằng tháng của chi bộ"));
        let before = month(&demo).await;
        let (first, _) = before.first().cloned().unwrap();
        assert!(page.has(&format!("name=\"level_{first}\"")));

        // The page's form: the first member excellent, with a note, the others as they were.
        let mut form: Vec<String> = before
            .iter()
            .map(|(m, l)| format!("level_{m}={}", l.clone().unwrap_or_default()))
            .collect();
        form[0] = format!("level_{first}=HTXSNV&note_{first}=G%C6%B0%C6%A1ng+m%E1%BA%ABu");
        let uri = "/ratings/monthly?org=VX.01.01&month=2024-05";
        let saved = post_form(demo.app_as("bithu"), uri, &form.join("&")).await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
        let after = month(&demo).await;
        assert_eq!(after[0].1.as_deref(), Some("HTXSNV"), "{}", demo.label);
        assert_eq!(after[1..], before[1..]);

        // A level that does not exist, a member of another cell, a month to come: refused
        // with the message, nothing written.
        let bad = post_form(demo.app_as("bithu"), uri, &format!("level_{first}=GIOI")).await;
        assert_eq!(bad.status, StatusCode::BAD_REQUEST, "{}", bad.body);
        let stranger = post_form(demo.app_as("bithu"), uri, "level_KHONG-CO=HTNV").await;
        assert_eq!(stranger.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            stranger.has("không sinh hoạt tại chi bộ"),
            "{}",
            stranger.body
        );
        let future = "/ratings/monthly?org=VX.01.01&month=2025-12";
        let later = post_form(demo.app_as("bithu"), future, &format!("level_{first}=HTNV")).await;
        assert_eq!(
            later.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            later.body
        );
        assert_eq!(month(&demo).await, after, "refusals write nothing");

        // A reader outside the subtree: not found; the year view of a reader in scope.
        let outside = get(demo.app_as("xem"), MONTH_API).await;
        assert_eq!(outside.status, StatusCode::NOT_FOUND);
        let year = get(
            demo.app_as("kiemtra"),
            "/ratings/monthly/year?org=VX.01&year=2024",
        )
        .await;
        assert_eq!(year.status, StatusCode::OK, "{}", year.body);
        assert!(year.has("Căn cứ cả năm"), "{}", year.body);
        assert!(
            after.iter().any(|(m, _)| year.has(m)),
            "the cell's members are listed"
        );
    }
}

#[tokio::test]
async fn commitments_are_listed_signed_evaluated_and_counted() {
    for demo in backends() {
        let list = get(demo.app(), "/api/v1/ratings/commitments?org=VX&year=2019").await;
        assert_eq!(list.status, StatusCode::OK, "{}", list.body);
        let rows = list.json();
        let heads: Vec<_> = rows
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| r["ma_to_chuc"] == "VX")
            .map(|r| r["chuc_vu"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(heads, ["BI_THU", "PHO_BI_THU"], "{}", demo.label);
        let page = get(demo.app(), "/ratings/commitments?org=VX&year=2019").await;
        assert!(page.has("Cam kết trách nhiệm") && page.has("Phó Bí thư"));

        // Staff sign a commitment from the page for a member of the cell.
        let (signer, _) = month(&demo).await.first().cloned().unwrap();
        let form = format!(
            "nam=2024&ma_nguoi_ky={signer}&chuc_vu=BI_THU&noi_dung=L%C3%A3nh+%C4%91%E1%BA%A1o&ngay_ky=15%2F01%2F2024"
        );
        let uri = "/ratings/commitments?org=VX.01.01&year=2024";
        let signed = post_form(demo.app_as("canbo"), uri, &form).await;
        assert_eq!(signed.status, StatusCode::SEE_OTHER, "{}", signed.body);
        let code = format!("CK2024-VX.01.01-{signer}");
        let evaluation = format!("/api/v1/ratings/commitments/{code}/evaluation");
        let early = r#"{"ket_qua":"HOAN_THANH","ngay_danh_gia":"2024-01-10"}"#;
        let refused = send(demo.app(), api(&demo, "canbo", &evaluation, early)).await;
        assert_eq!(
            refused.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            refused.body
        );
        assert_eq!(refused.json()["error"]["code"], "change_refused");
        let late = r#"{"ket_qua":"KHONG_HOAN_THANH","ngay_danh_gia":"2024-12-20"}"#;
        let done = send(demo.app(), api(&demo, "canbo", &evaluation, late)).await;
        assert_eq!(done.status, StatusCode::OK, "{}", done.body);
        assert_eq!(done.json()["ket_qua"], "KHONG_HOAN_THANH");
        let outside = send(demo.app(), api(&demo, "xem", &evaluation, late)).await;
        assert_eq!(outside.status, StatusCode::FORBIDDEN);

        // The term report counts the district's commitments of the term.
        let term = get(
            demo.app(),
            "/api/v1/reports/term?org=VX&from=2015-08-01&to=2020-07-31",
        )
        .await
        .json();
        let signed = term["commitments"]["signed"].as_u64().unwrap();
        let met = term["commitments"]["met"].as_u64().unwrap();
        let not_met = term["commitments"]["not_met"].as_u64().unwrap();
        assert!(
            signed > 100 && not_met > 0 && met + not_met == signed,
            "{term}"
        );
    }
}

#[tokio::test]
async fn a_heads_commitments_are_on_their_record_and_in_their_own_review() {
    for demo in backends() {
        // The district's secretary of 2019, as the list gives them.
        let list = get(demo.app(), "/api/v1/ratings/commitments?org=VX&year=2019").await;
        let rows = list.json();
        let head = rows
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["ma_to_chuc"] == "VX" && r["chuc_vu"] == "BI_THU")
            .unwrap()
            .clone();
        let signer = head["ma_nguoi_ky"].as_str().unwrap();
        let record = get(demo.app(), &format!("/members/{signer}")).await;
        assert_eq!(record.status, StatusCode::OK, "{}", record.body);
        assert!(
            record.has("Cam kết trách nhiệm đã ký") && record.has("Bí thư"),
            "{}",
            record.body
        );
        let english = get(demo.app(), &format!("/members/{signer}?lang=en")).await;
        assert!(
            english.has("Commitments signed") && english.has("Secretary"),
            "{}",
            english.body
        );
        assert!(!english.has("Bí thư"), "posts in English");

        // A member of the demo cell signs as deputy secretary; the member's own account
        // then reads it on their record and on their page of the year's round.
        let own = demo
            .store
            .list_accounts(&dangvu_storage::Scope::whole_installation(support::day(
                support::TODAY,
            )))
            .unwrap()
            .into_iter()
            .find(|a| a.username.as_str() == "dangvien")
            .and_then(|a| a.member)
            .unwrap();
        let before = get(demo.app_as("dangvien"), &format!("/members/{own}")).await;
        assert!(!before.has("Giữ vững đoàn kết nội bộ chi bộ"));
        let form = format!(
            "nam=2025&ma_nguoi_ky={own}&chuc_vu=PHO_BI_THU&noi_dung=Gi%E1%BB%AF+v%E1%BB%AFng+%C4%91o%C3%A0n+k%E1%BA%BFt+n%E1%BB%99i+b%E1%BB%99+chi+b%E1%BB%99&ngay_ky=15%2F01%2F2025"
        );
        let uri = "/ratings/commitments?org=VX.01.01&year=2025";
        let signed = post_form(demo.app_as("canbo"), uri, &form).await;
        assert_eq!(signed.status, StatusCode::SEE_OTHER, "{}", signed.body);
        let mine = get(demo.app_as("dangvien"), &format!("/members/{own}")).await;
        assert!(
            mine.has("Giữ vững đoàn kết nội bộ chi bộ") && mine.has("Phó Bí thư"),
            "{}",
            mine.body
        );
        let rounds = get(demo.app_as("dangvien"), "/api/v1/ratings/rounds").await;
        let pending = rounds
            .json()
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["nam"] == 2025)
            .map(|r| r["ma"].as_i64().unwrap())
            .unwrap();
        let review = get(
            demo.app_as("dangvien"),
            &format!("/ratings/rounds/{pending}/members/{own}"),
        )
        .await;
        assert_eq!(review.status, StatusCode::OK, "{}", review.body);
        assert!(
            review.has("Giữ vững đoàn kết nội bộ chi bộ") && review.has("Chưa đánh giá"),
            "{}",
            review.body
        );
        // And the twelve months their cell recorded, as the secretary reads them.
        assert!(review.has("Kết quả từng tháng"), "{}", review.body);
        let as_secretary = get(
            demo.app_as("bithu"),
            &format!("/ratings/rounds/{pending}/members/{own}"),
        )
        .await;
        let months = |body: &str| {
            body.split("data months")
                .nth(1)
                .and_then(|rest| rest.split("</table>").next())
                .map(str::to_owned)
        };
        assert_eq!(months(&review.body), months(&as_secretary.body));
    }
}
