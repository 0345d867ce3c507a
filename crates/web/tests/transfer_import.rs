//! The import page and `POST /api/v1/import`, over the real router on every backend: a
//! preview that writes nothing, a confirmation that imports in the background, every
//! problem of a bad file, uploads private to their account, scoping and the audit log.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;
#[path = "transfer_support/mod.rs"]
mod transfer_support;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use dangvu_domain::OrgCode;
use support::{Demo, TODAY, backends, day, send};
use transfer_support::*;

fn exists(demo: &Demo, code: &str) -> bool {
    let code = OrgCode::parse(code).unwrap();
    demo.store.org(&demo.scope(), &code, day(TODAY)).is_ok()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_preview_writes_nothing_and_the_confirmed_import_ends_with_its_summary() {
    let _serial = one_at_a_time().await;
    for demo in backends() {
        let root = "KT1";
        let book = xlsx(&small_dataset(root));
        let session = demo.session("quantri");
        let app = demo.anonymous();
        let before = imports_by(&demo, "quantri");
        let (id, preview) = upload(&app, &session, &[("danh_sach.xlsx", &book)]).await;
        assert!(preview.has("Xem trước kết quả nhập"), "{}", preview.body);
        assert!(preview.has("danh_sach.xlsx"));
        assert_eq!(counts_row(&preview, "to_chuc"), "2|2|0|0", "{}", demo.label);
        assert_eq!(counts_row(&preview, "dang_vien"), "2|2|0|0");
        assert!(preview.has(&format!("action=\"/import/{id}/confirm\"")));
        assert!(!exists(&demo, root), "a preview writes nothing");
        assert_eq!(imports_by(&demo, "quantri"), before, "nor an audit row");

        let confirmed = send(
            app.clone(),
            form_post(&session, &format!("/import/{id}/confirm")),
        )
        .await;
        assert_eq!(confirmed.status, StatusCode::SEE_OTHER);
        assert_eq!(confirmed.header("location"), format!("/import/{id}"));
        let done = wait_for_end(&app, &session, &id).await;
        assert!(done.has("Đã nhập xong"), "{}", done.body);
        assert_eq!(counts_row(&done, "dang_vien"), "2|2|0|0");
        assert!(exists(&demo, root) && exists(&demo, "KT1.C1"));
        assert_eq!(imports_by(&demo, "quantri"), before + 1);

        // Confirming again does not import twice; the page still shows the result.
        let again = send(
            app.clone(),
            form_post(&session, &format!("/import/{id}/confirm")),
        )
        .await;
        assert_eq!(again.status, StatusCode::SEE_OTHER);
        assert_eq!(imports_by(&demo, "quantri"), before + 1);

        // The same file again: everything unchanged.
        let (_, second) = upload(&app, &session, &[("danh_sach.xlsx", &book)]).await;
        assert_eq!(counts_row(&second, "to_chuc"), "2|0|0|2");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bad_file_shows_every_problem_in_both_languages_and_writes_nothing() {
    let _serial = one_at_a_time().await;
    for demo in backends() {
        let session = demo.session("quantri");
        let app = demo.anonymous();
        let before = imports_by(&demo, "quantri");
        let bad = fixture("problems.xlsx");
        let (id, page) = upload(&app, &session, &[("problems.xlsx", &bad)]).await;
        assert!(page.has("Tệp chưa nhập được"), "{}", page.body);
        for expected in [
            "Sheet1",
            "31/02/2020",
            "Ngày sinh <span class=\"code\">ngay_sinh</span>",
            "Số CCCD <span class=\"code\">so_cccd</span>",
            "Đảng viên <span class=\"code\">dang_vien</span>",
            "VX.99",
            "Ghi chú",
        ] {
            assert!(
                page.has(expected),
                "{expected} missing from the problems:\n{}",
                page.body
            );
        }
        let rows = page.body.matches("<tr class=\"problem\">").count();
        assert!(rows >= 5, "only {rows} problems shown");
        assert!(
            !page.has("Tiếng Anh"),
            "one reason column, in the reader's language"
        );
        assert!(
            page.has(&format!("Tệp có {rows} lỗi.")),
            "the count names every problem"
        );
        assert!(
            !page.has("Xác nhận nhập"),
            "a refused file cannot be confirmed"
        );
        let english = send(
            app.clone(),
            get_as(&session, &format!("/import/{id}?lang=en")),
        )
        .await;
        assert!(english.has("The file cannot be imported"));

        let report = send_raw(
            app.clone(),
            get_as(&session, &format!("/import/{id}/report")),
        )
        .await;
        assert_eq!(report.status, StatusCode::OK);
        assert!(report.header("content-disposition").contains(".xlsx"));
        assert!(report.body.starts_with(b"PK"), "an .xlsx is a zip");

        let confirm = send(
            app.clone(),
            form_post(&session, &format!("/import/{id}/confirm")),
        )
        .await;
        assert_eq!(confirm.status, StatusCode::SEE_OTHER);
        assert_eq!(imports_by(&demo, "quantri"), before, "nothing written");

        let odd = upload_request(&session, &[("notes.txt", b"hello")]);
        let posted = send(app.clone(), odd).await;
        let page = send(app.clone(), get_as(&session, posted.header("location"))).await;
        assert!(page.has("notes.txt") && page.has(".xlsx"), "{}", page.body);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_upload_belongs_to_its_account_and_readers_cannot_import() {
    let _serial = one_at_a_time().await;
    for demo in backends() {
        let book = xlsx(&small_dataset("KT2"));
        let owner = demo.session("quantri");
        let app = demo.anonymous();
        let (id, _) = upload(&app, &owner, &[("a.xlsx", &book)]).await;
        let other = demo.session("canbo");
        for uri in [format!("/import/{id}"), format!("/import/{id}/report")] {
            let page = send(app.clone(), get_as(&other, &uri)).await;
            assert_eq!(page.status, StatusCode::NOT_FOUND, "{uri}");
        }
        let stolen = send(
            app.clone(),
            form_post(&other, &format!("/import/{id}/confirm")),
        )
        .await;
        assert_eq!(stolen.status, StatusCode::NOT_FOUND);
        assert!(!exists(&demo, "KT2"));
        let own = send(app.clone(), get_as(&owner, &format!("/import/{id}"))).await;
        assert!(own.has("Xác nhận nhập"), "still waiting for its owner");

        let reader = demo.session("xem");
        let form = send(app.clone(), get_as(&reader, "/import")).await;
        assert_eq!(form.status, StatusCode::FORBIDDEN);
        let posted = send(app.clone(), upload_request(&reader, &[("a.xlsx", &book)])).await;
        assert_eq!(posted.status, StatusCode::FORBIDDEN);
        assert!(demo.audit_of("xem").iter().any(|e| e.action == "denied"));
        let stranger = Request::post("/import")
            .header("cookie", &owner.cookie)
            .header("content-type", multipart(&[("a.xlsx", &book)], None).0)
            .body(Body::from(multipart(&[("a.xlsx", &book)], None).1))
            .unwrap();
        let forged = send(app.clone(), stranger).await;
        assert_eq!(
            forged.status,
            StatusCode::FORBIDDEN,
            "an upload without the token"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_import_is_scoped_and_every_upload_form_is_read() {
    let _serial = one_at_a_time().await;
    for demo in backends() {
        let ds = small_dataset("KT3");
        let app = demo.anonymous();
        let secretary = demo.session("bithu");
        let (_, refused) = upload(&app, &secretary, &[("a.xlsx", &xlsx(&ds))]).await;
        assert!(refused.has("Tệp chưa nhập được"), "{}", refused.body);
        assert!(refused.has("KT3"));

        let admin = demo.session("quantri");
        let files = csv_files(&ds);
        let zip = zipped(&files, "xuat");
        let (_, from_zip) = upload(&app, &admin, &[("xuat.zip", &zip)]).await;
        assert_eq!(
            counts_row(&from_zip, "dang_vien"),
            "2|2|0|0",
            "{}",
            from_zip.body
        );
        let loose: Vec<(&str, &[u8])> = files
            .iter()
            .map(|(n, b)| (n.as_str(), b.as_slice()))
            .collect();
        let (_, from_csv) = upload(&app, &admin, &loose).await;
        assert_eq!(
            counts_row(&from_csv, "to_chuc"),
            "2|2|0|0",
            "{}",
            from_csv.body
        );
        let evil = zipped(&files, "../..");
        let (_, escaped) = upload(&app, &admin, &[("evil.zip", &evil)]).await;
        assert!(escaped.has("Tệp chưa nhập được"), "{}", escaped.body);
        assert!(!exists(&demo, "KT3"));

        let empty = upload_request(&admin, &[("", b"")]);
        let page = send(app.clone(), empty).await;
        assert_eq!(page.status, StatusCode::BAD_REQUEST);
        assert!(page.has("Hãy chọn một tệp"));
    }
}

fn api_import(token: &str, query: &str, content_type: &str, body: Vec<u8>) -> Request<Body> {
    Request::post(format!("/api/v1/import?{query}"))
        .header("authorization", format!("Bearer {token}"))
        .header("content-type", content_type)
        .body(Body::from(body))
        .unwrap()
}

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_api_imports_or_answers_every_problem() {
    let _serial = one_at_a_time().await;
    for demo in backends() {
        let token = demo.token("quantri");
        let app = demo.anonymous();
        let book = xlsx(&small_dataset("KT4"));

        let dry = send_raw(
            app.clone(),
            api_import(&token, "dry_run=true", XLSX, book.clone()),
        )
        .await;
        assert_eq!(
            dry.status,
            StatusCode::OK,
            "{}",
            String::from_utf8_lossy(&dry.body)
        );
        let json = dry.json();
        assert_eq!(json["dry_run"], true);
        assert_eq!(json["effective_on"], TODAY);
        let members = json["tables"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["table"] == "dang_vien")
            .unwrap();
        assert_eq!(
            (members["rows_read"].as_u64(), members["created"].as_u64()),
            (Some(2), Some(2))
        );
        assert!(!exists(&demo, "KT4"));

        let query = "dry_run=false&effective_on=2025-11-01";
        let real = send_raw(app.clone(), api_import(&token, query, XLSX, book.clone())).await;
        assert_eq!(real.status, StatusCode::OK);
        assert_eq!(real.json()["effective_on"], "2025-11-01");
        assert!(exists(&demo, "KT4"));
        let again = send_raw(app.clone(), api_import(&token, "", XLSX, book.clone())).await;
        let tables = again.json()["tables"].clone();
        assert!(
            tables
                .as_array()
                .unwrap()
                .iter()
                .all(|t| t["created"] == 0 && t["updated"] == 0),
            "{tables}"
        );

        let bad = send_raw(
            app.clone(),
            api_import(&token, "", XLSX, fixture("problems.xlsx")),
        )
        .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        let json = bad.json();
        assert_eq!(json["error"]["code"], "import_refused");
        let problems = json["problems"].as_array().unwrap();
        assert!(problems.len() >= 5, "{json}");
        let birth = problems
            .iter()
            .find(|p| p["value"] == "31/02/2020")
            .unwrap();
        assert_eq!(birth["table"], "dang_vien");
        assert_eq!(birth["column"], "ngay_sinh");
        assert!(birth["row"].as_u64().is_some() && birth["reason_vi"] != birth["reason_en"]);

        let (content_type, body) = multipart(&[("a.xlsx", &book)], None);
        let form = send_raw(
            app.clone(),
            api_import(&token, "dry_run=1", &content_type, body),
        )
        .await;
        assert_eq!(form.status, StatusCode::OK);
        let text = send_raw(
            app.clone(),
            api_import(&token, "", "text/plain", b"x".to_vec()),
        )
        .await;
        assert_eq!(text.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
        assert_eq!(text.json()["error"]["code"], "unsupported_media_type");
        let odd = send_raw(app.clone(), api_import(&token, "dry_run=maybe", XLSX, book)).await;
        assert_eq!(odd.status, StatusCode::BAD_REQUEST);
    }
}
