//! A scoped account takes its own export back, over the real router on every backend:
//! `canbo` (the province TQ) and `bithu` (one cell) export, import the same file unchanged
//! (nothing to change, nothing written), correct one member and import again (that change
//! alone, in the audit log); a file that alters a record outside the scope is refused,
//! naming it and its row, and a record the account cannot see is refused alike whether the
//! file repeats it as stored or not.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;
#[path = "transfer_support/mod.rs"]
mod transfer_support;

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use chrono::NaiveDateTime;
use dangvu_domain::OrgCode;
use dangvu_domain::actor::Username;
use dangvu_domain::dataset::Dataset;
use dangvu_storage::{AuditContext, Scope, demo_password};
use dangvu_web::AppState;
use serde_json::Value;
use std::sync::Arc;
use support::{Demo, Session, backends, day, send, sign_in};
use transfer_support::*;

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The day these tests run on: after the demo's last recorded event
/// (`dangvu_demo::DATA_END`), since the demo's probations end as late as 2026 and an import
/// refuses a full membership after its own day.
const LATER: &str = "2026-11-26";

fn later() -> NaiveDateTime {
    day(LATER).and_hms_opt(3, 0, 0).unwrap()
}

/// The router over `demo`'s store on [`LATER`].
fn app(demo: &Demo) -> Router {
    let today = day(LATER);
    dangvu_web::router(AppState::new(
        Arc::clone(&demo.store),
        Arc::new(move || today),
        Arc::new(later),
    ))
}

/// A session of demo account `user`, signed in through the form on [`LATER`].
async fn session(demo: &Demo, user: &str) -> Session {
    sign_in(app(demo), user, &demo_password(user))
        .await
        .unwrap()
}

/// A new one-day API token of demo account `user`, on [`LATER`].
fn token(demo: &Demo, user: &str) -> String {
    let ctx = AuditContext {
        actor: "test".into(),
        source: "test".into(),
        at: later(),
    };
    let everything = Scope::whole_installation(day(LATER));
    let name = Username::parse(user).unwrap();
    let (_, secret) = demo
        .store
        .create_token(&everything, &ctx, &name, Some(1))
        .unwrap();
    secret.expose().to_string()
}

fn api_import(token: &str, dry_run: bool, body: Vec<u8>) -> Request<Body> {
    Request::post(format!("/api/v1/import?dry_run={dry_run}"))
        .header("authorization", format!("Bearer {token}"))
        .header("content-type", XLSX)
        .body(Body::from(body))
        .unwrap()
}

/// The workbook `session` downloads from the organization page of `org`.
async fn export(demo: &Demo, session: &Session, org: &str) -> Vec<u8> {
    let uri = format!("/orgs/{org}/export?format=xlsx");
    let raw = send_raw(app(demo), get_as(session, &uri)).await;
    assert_eq!(raw.status, StatusCode::OK, "{org}");
    raw.body
}

/// A workbook read back as a dataset, its references to stored records known (a
/// commune's commitments name the district's heads as their recipients).
fn read(demo: &Demo, book: &[u8]) -> Dataset {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.xlsx");
    std::fs::write(&path, book).unwrap();
    let known = demo.store.known_codes(&demo.scope()).unwrap();
    dangvu_interchange::import_path(&path, &known).unwrap()
}

/// Every table's figures: rows read, created, updated, unchanged.
fn figures(answer: &Value) -> Vec<(String, [u64; 4])> {
    answer["tables"]
        .as_array()
        .unwrap_or_else(|| panic!("{answer}"))
        .iter()
        .map(|t| {
            let n = |k: &str| t[k].as_u64().unwrap();
            let name = t["table"].as_str().unwrap().to_string();
            (
                name,
                [n("rows_read"), n("created"), n("updated"), n("unchanged")],
            )
        })
        .collect()
}

/// Imports `book` through the API as `token`: 200 with the figures, each table's rows
/// adding up.
async fn imported(
    demo: &Demo,
    token: &str,
    dry_run: bool,
    book: Vec<u8>,
) -> Vec<(String, [u64; 4])> {
    let answer = send_raw(app(demo), api_import(token, dry_run, book)).await;
    assert_eq!(
        answer.status,
        StatusCode::OK,
        "{}: {}",
        demo.label,
        String::from_utf8_lossy(&answer.body)
    );
    let figures = figures(&answer.json());
    for (table, [read, created, updated, unchanged]) in &figures {
        assert_eq!(*read, created + updated + unchanged, "{table}: {figures:?}");
    }
    figures
}

fn changes_nothing(figures: &[(String, [u64; 4])]) -> bool {
    figures.iter().all(|(_, [_, c, u, _])| *c == 0 && *u == 0)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_province_staff_take_their_exports_back_unchanged() {
    let _serial = one_at_a_time().await;
    assert!(day(LATER) > dangvu_demo::DATA_END);
    for demo in backends() {
        let token = token(&demo, "canbo");
        let session = session(&demo, "canbo").await;
        // The README's example: the whole province, exported and checked back.
        let whole = export(&demo, &session, "TQ").await;
        let figures = imported(&demo, &token, true, whole).await;
        assert!(changes_nothing(&figures), "{}: {figures:?}", demo.label);

        let app = app(&demo);
        let commune = export(&demo, &session, "TQ.X01").await;
        let (_, page) = upload(&app, &session, &[("xuat.xlsx", &commune)]).await;
        assert!(page.has("Không có thay đổi"), "{}", page.body);
        assert!(!page.has("Xác nhận nhập"), "nothing to confirm");
        assert!(!page.has("ngoài phạm vi"));

        let other = export(&demo, &session, "TQ.X03").await;
        let dry = imported(&demo, &token, true, other.clone()).await;
        assert!(changes_nothing(&dry), "{dry:?}");
        let before = imports_by(&demo, "canbo");
        let written = imported(&demo, &token, false, other.clone()).await;
        assert_eq!(written, dry, "the real import changes nothing either");
        assert_eq!(imports_by(&demo, "canbo"), before + 1, "only its audit row");

        // One member corrected in the file: that change alone.
        let mut ds = read(&demo, &other);
        let member = ds.members.last_mut().unwrap();
        let code = member.code.clone();
        member.profile.hometown = Some("Thôn Làng Má, xã Minh Tân".into());
        let corrected = imported(&demo, &token, false, xlsx(&ds)).await;
        let members = corrected.iter().find(|(t, _)| t == "dang_vien").unwrap();
        assert_eq!(members.1[1..], [0, 1, members.1[0] - 1], "{corrected:?}");
        assert!(
            corrected
                .iter()
                .all(|(t, [_, c, u, _])| t == "dang_vien" || c + u == 0)
        );
        assert_eq!(imports_by(&demo, "canbo"), before + 2);
        let stored = demo.store.member(&demo.scope(), &code).unwrap();
        assert_eq!(
            stored.profile.hometown.as_deref(),
            Some("Thôn Làng Má, xã Minh Tân")
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_cell_secretary_corrects_a_member_of_their_export() {
    let _serial = one_at_a_time().await;
    for demo in backends() {
        let session = session(&demo, "bithu").await;
        let book = export(&demo, &session, "VX.01.01").await;
        let app = app(&demo);
        let (_, page) = upload(&app, &session, &[("chi-bo.xlsx", &book)]).await;
        assert!(
            page.has("Không có thay đổi"),
            "{}: {}",
            demo.label,
            page.body
        );

        let mut ds = read(&demo, &book);
        let cell = OrgCode::parse("VX.01.01").unwrap();
        let member = ds
            .members
            .iter_mut()
            .find(|m| m.registrations.last().is_some_and(|r| r.org == cell))
            .unwrap();
        let code = member.code.clone();
        member.profile.hometown = Some("Xã Đạo Đức, huyện Vị Xuyên".into());
        let corrected = xlsx(&ds);
        let (id, preview) = upload(&app, &session, &[("chi-bo.xlsx", &corrected)]).await;
        assert_eq!(
            counts_row(&preview, "dang_vien").split('|').nth(2),
            Some("1"),
            "one member updated: {}",
            preview.body
        );
        let before = imports_by(&demo, "bithu");
        let confirmed = send(
            app.clone(),
            form_post(&session, &format!("/import/{id}/confirm")),
        )
        .await;
        assert_eq!(confirmed.status, StatusCode::SEE_OTHER);
        let done = wait_for_end(&app, &session, &id).await;
        assert!(done.has("Đã nhập xong"), "{}", done.body);
        assert_eq!(imports_by(&demo, "bithu"), before + 1);
        let stored = demo.store.member(&demo.scope(), &code).unwrap();
        assert_eq!(
            stored.profile.hometown.as_deref(),
            Some("Xã Đạo Đức, huyện Vị Xuyên")
        );
        let (_, again) = upload(&app, &session, &[("chi-bo.xlsx", &corrected)]).await;
        assert!(again.has("Không có thay đổi"), "{}", again.body);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_file_that_alters_a_record_outside_the_scope_is_refused_naming_it() {
    let _serial = one_at_a_time().await;
    for demo in backends() {
        let token = token(&demo, "bithu");
        let session = session(&demo, "bithu").await;
        let mut ds = read(&demo, &export(&demo, &session, "VX.01.01").await);
        let outside = ds
            .orgs
            .iter_mut()
            .find(|o| o.code.as_str() != "VX.01.01")
            .expect("the export names organizations outside the cell");
        outside.name.push_str(" (sửa)");
        let code = outside.code.to_string();
        let answer = send_raw(app(&demo), api_import(&token, true, xlsx(&ds))).await;
        assert_eq!(
            answer.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            demo.label
        );
        let json = answer.json();
        let problems = json["problems"].as_array().unwrap();
        assert_eq!(problems.len(), 1, "{json}");
        assert_eq!(problems[0]["value"], code.as_str());
        assert_eq!(problems[0]["table"], "to_chuc");
        assert!(
            problems[0]["row"].as_u64().is_some_and(|r| r >= 2),
            "{json}"
        );
        assert!(
            problems[0]["reason_vi"]
                .as_str()
                .unwrap()
                .contains("ngoài phạm vi")
        );

        // An organization no export of the secretary holds: refused in the same words
        // whether the file repeats it as stored or changes it.
        let exported = read(&demo, &export(&demo, &session, "VX.01.01").await);
        let admin = demo
            .store
            .export(&demo.scope(), None, &support::audit_context())
            .unwrap();
        let sibling = admin
            .orgs
            .iter()
            .find(|o| {
                let named = |c: &OrgCode| exported.orgs.iter().any(|e| &e.code == c);
                let refs = o.parents.iter().filter_map(|l| l.parent.as_ref());
                !named(&o.code) && refs.chain(o.merged_into.as_ref()).all(named)
            })
            .expect("an organization beside the export, whose superiors it names")
            .clone();
        let unseen = sibling.code.to_string();
        let mut reasons = Vec::new();
        for rename in [false, true] {
            let mut ds = read(&demo, &export(&demo, &session, "VX.01.01").await);
            let mut extra = sibling.clone();
            if rename {
                extra.name = "Chi bộ đoán tên".into();
            }
            ds.orgs.push(extra);
            let answer = send_raw(app(&demo), api_import(&token, true, xlsx(&ds))).await;
            assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
            let json = answer.json();
            let problem = json["problems"]
                .as_array()
                .unwrap()
                .iter()
                .find(|p| p["value"] == unseen.as_str())
                .cloned()
                .unwrap_or_else(|| panic!("{json}"));
            reasons.push(problem["reason_vi"].clone());
        }
        assert_eq!(reasons[0], reasons[1], "nothing tells a guess from a miss");
    }
}
