//! Export from the organization page and the API, over the real router on every backend:
//! citizen IDs masked unless the role needs them, every export in the audit log, and an
//! export that imports into an empty database with the same figures. The committed
//! openpyxl workbook goes through the import page into an empty database too.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;
#[path = "transfer_support/mod.rs"]
mod transfer_support;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use dangvu_domain::OrgCode;
use dangvu_domain::actor::{NewPassword, Username};
use dangvu_domain::roles::Role;
use dangvu_domain::summary::SummaryParams;
use dangvu_storage::testing::TestDb;
use dangvu_storage::{NewAccount, Scope, Store};
use dangvu_web::AppState;
use std::sync::Arc;
use support::{Demo, TODAY, backends, day, now, send, sign_in};
use transfer_support::*;

/// The fields of `dang_vien.csv` in an exported CSV zip that are citizen IDs: 12 digits,
/// or masked (citizen IDs are never quoted; the other fields never look like them).
fn citizen_ids(zip: &[u8]) -> (Vec<String>, Vec<String>) {
    let (_, text) = unzipped(zip)
        .into_iter()
        .find(|(name, _)| name.ends_with("/dang_vien.csv"))
        .unwrap();
    assert!(text.lines().next().unwrap().contains("so_cccd"));
    let fields: Vec<&str> = text
        .lines()
        .skip(1)
        .flat_map(|l| l.split([',', '"']))
        .collect();
    let full = fields
        .iter()
        .filter(|f| f.len() == 12 && f.bytes().all(|b| b.is_ascii_digit()))
        .map(|f| f.to_string())
        .collect();
    let masked = fields
        .iter()
        .filter(|f| f.contains('•'))
        .map(|f| f.to_string())
        .collect();
    (full, masked)
}

async fn export_as(demo: &Demo, user: &str, uri: &str) -> Raw {
    send_raw(demo.anonymous(), get_as(&demo.session(user), uri)).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn citizen_ids_are_masked_for_readers_who_do_not_need_them_and_exports_are_audited() {
    let _serial = one_at_a_time().await;
    for demo in backends() {
        let uri = "/orgs/VX.02/export?format=csv";
        let reader = export_as(&demo, "xem", uri).await;
        assert_eq!(reader.status, StatusCode::OK);
        assert_eq!(reader.header("content-type"), "application/zip");
        assert_eq!(
            reader.header("content-disposition"),
            format!("attachment; filename=\"VX.02-{TODAY}.zip\"")
        );
        let (leaked, masked) = citizen_ids(&reader.body);
        assert!(!masked.is_empty(), "{}", demo.label);
        assert!(leaked.is_empty(), "{leaked:?}");
        assert!(
            masked.iter().all(|id| id.chars().count() == 12),
            "{masked:?}"
        );

        // The staff's wider scope also sees those who left VX.02 for elsewhere in it.
        let staff = export_as(&demo, "canbo", uri).await;
        let (full, hidden) = citizen_ids(&staff.body);
        assert!(hidden.is_empty() && full.len() >= masked.len());
        for id in &masked {
            let (head, tail): (String, String) =
                (id.chars().take(4).collect(), id.chars().skip(9).collect());
            assert!(
                full.iter()
                    .any(|f| f.starts_with(&head) && f.ends_with(&tail)),
                "{id} is whole in the staff's export"
            );
        }

        let rows = demo.audit_of("xem");
        let export = rows
            .iter()
            .find(|e| e.action == "export")
            .expect("an audit row");
        assert_eq!(export.entity_code.as_deref(), Some("VX.02"));
        assert!(
            export
                .after_json
                .as_deref()
                .unwrap()
                .contains("\"members\"")
        );

        let book = export_as(&demo, "xem", "/orgs/VX.02/export").await;
        assert!(book.header("content-disposition").ends_with(".xlsx\""));
        assert!(book.body.starts_with(b"PK"));
        let outside = export_as(&demo, "xem", "/orgs/VX.01/export").await;
        assert_eq!(outside.status, StatusCode::NOT_FOUND);
        let member = export_as(&demo, "dangvien", "/orgs/VX.02/export").await;
        assert_eq!(member.status, StatusCode::FORBIDDEN);

        let page = send(
            demo.anonymous(),
            get_as(&demo.session("xem"), "/orgs/VX.02"),
        )
        .await;
        assert!(page.has("/orgs/VX.02/export?format=xlsx") && page.has("được che một phần"));
        let member_page = send(demo.anonymous(), get_as(&demo.session("dangvien"), "/")).await;
        assert!(!member_page.has("/export?format="));
    }
}

/// An empty database of the same engine as `demo`, its router, and its administrator's
/// session and API token.
struct Empty {
    store: Arc<Store>,
    app: axum::Router,
    session: support::Session,
    token: String,
    _db: TestDb,
}

async fn empty_like(demo: &Demo) -> Empty {
    let db = dangvu_storage::testing::backends()
        .into_iter()
        .find(|db| format!("{:?}", db.open().backend()) == demo.label)
        .unwrap();
    let store = Arc::new(db.open());
    let everything = Scope::whole_installation(day(TODAY));
    let password = "mat-khau-rat-dai-1";
    let account = NewAccount {
        username: Username::parse("admin").unwrap(),
        role: Role::QuanTri,
        org: None,
        member: None,
        password: NewPassword::parse(password).unwrap(),
    };
    store
        .create_account(&everything, &support::audit_context(), &account)
        .unwrap();
    let (_, secret) = store
        .create_token(
            &everything,
            &support::audit_context(),
            &account.username,
            Some(1),
        )
        .unwrap();
    // The demo's generator runs past the tests' today (records up to mid-2026), and an
    // import refuses births and admissions after its own day: this one is imported later.
    let today = day("2026-12-31");
    let app = dangvu_web::router(AppState::new(
        Arc::clone(&store),
        Arc::new(move || today),
        Arc::new(now),
    ));
    let session = sign_in(app.clone(), "admin", password).await.unwrap();
    Empty {
        store,
        app,
        session,
        token: secret.expose().to_string(),
        _db: db,
    }
}

fn summary(store: &Store, code: &str) -> serde_json::Value {
    let params = SummaryParams {
        org: OrgCode::parse(code).unwrap(),
        from: day("2020-01-01"),
        to: day(TODAY),
        as_of: day(TODAY),
    };
    let scope = Scope::whole_installation(day(TODAY));
    serde_json::to_value(store.summary(&scope, &params).unwrap()).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_export_imports_into_an_empty_database_with_the_same_figures() {
    let _serial = one_at_a_time().await;
    for demo in backends() {
        let secret = demo.token("quantri");
        let request = Request::get("/api/v1/orgs/VX/export?format=xlsx")
            .header("authorization", format!("Bearer {}", secret))
            .body(Body::empty())
            .unwrap();
        let exported = send_raw(demo.anonymous(), request).await;
        assert_eq!(exported.status, StatusCode::OK, "{}", demo.label);

        let empty = empty_like(&demo).await;
        let request = Request::post("/api/v1/import")
            .header("authorization", format!("Bearer {}", empty.token))
            .header(
                "content-type",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            )
            .body(Body::from(exported.body))
            .unwrap();
        let imported = send_raw(empty.app.clone(), request).await;
        assert_eq!(
            imported.status,
            StatusCode::OK,
            "{}",
            String::from_utf8_lossy(&imported.body)
        );
        assert_eq!(summary(&empty.store, "VX"), summary(&demo.store, "VX"));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_openpyxl_workbook_imports_through_the_page_into_an_empty_database() {
    let _serial = one_at_a_time().await;
    for demo in backends() {
        let empty = empty_like(&demo).await;
        let book = fixture("district_vi.xlsx");
        let (id, preview) =
            upload(&empty.app, &empty.session, &[("district_vi.xlsx", &book)]).await;
        assert_eq!(
            counts_row(&preview, "to_chuc"),
            "4|4|0|0",
            "{}",
            preview.body
        );
        assert_eq!(counts_row(&preview, "dang_vien"), "2|2|0|0");
        assert!(empty.store.is_empty().unwrap(), "the preview wrote nothing");
        let confirm = form_post(&empty.session, &format!("/import/{id}/confirm"));
        assert_eq!(
            send(empty.app.clone(), confirm).await.status,
            StatusCode::SEE_OTHER
        );
        let done = wait_for_end(&empty.app, &empty.session, &id).await;
        assert!(done.has("Đã nhập xong"), "{}", done.body);
        assert!(!empty.store.is_empty().unwrap());
        let member = dangvu_domain::MemberCode::parse("DV001").unwrap();
        let scope = Scope::whole_installation(day(TODAY));
        let detail = empty.store.member(&scope, &member).unwrap();
        assert!(
            format!("{detail:?}").contains("001085000123"),
            "leading zeros kept"
        );
    }
}
