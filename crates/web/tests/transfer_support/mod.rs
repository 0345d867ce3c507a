//! Helpers of the import and export tests: small datasets written by the project's own
//! writer, the committed openpyxl fixtures, multipart bodies as a browser sends them,
//! binary answers, and waiting for a background import to end.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::support::{Demo, Page, Session, TODAY, day, send};
use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode};
use dangvu_domain::dataset::{
    Dataset, MemberProfile, MemberRecord, OrgRecord, ParentLink, Registration,
};
use dangvu_domain::{Gender, MemberCode, OrgCode, OrgType};
use http_body_util::BodyExt;
use std::io::{Read, Write};
use std::path::Path;
use std::time::Duration;
use tower::ServiceExt;

/// A new root organization `root` with one cell and two members (citizen IDs with
/// leading zeros), under codes no demo record has.
pub fn small_dataset(root: &str) -> Dataset {
    let n: u32 = root.bytes().map(u32::from).sum::<u32>() % 100;
    let org = |code: &str, name: &str, org_type, parent: Option<&str>| OrgRecord {
        code: OrgCode::parse(code).unwrap(),
        name: name.to_string(),
        org_type,
        founded_on: Some(day("2001-01-01")),
        dissolved_on: None,
        merged_into: None,
        parents: vec![ParentLink {
            since: None,
            parent: parent.map(|p| OrgCode::parse(p).unwrap()),
        }],
    };
    let cell = format!("{root}.C1");
    let member = |code: &str, name: &str, id: &str| MemberRecord {
        code: MemberCode::parse(code).unwrap(),
        profile: MemberProfile {
            full_name: name.to_string(),
            gender: Some(Gender::Nu),
            birth_date: Some(day("1980-02-29")),
            citizen_id: Some(id.to_string()),
            ..MemberProfile::default()
        },
        admitted_on: day("2005-05-19"),
        official_on: Some(day("2006-05-19")),
        registrations: vec![Registration {
            org: OrgCode::parse(&cell).unwrap(),
            since: None,
        }],
        statuses: Vec::new(),
    };
    Dataset {
        orgs: vec![
            org(root, "Đảng bộ Khối thử nghiệm", OrgType::Huyen, None),
            org(&cell, "Chi bộ Phòng thử", OrgType::ChiBoCoSo, Some(root)),
        ],
        members: vec![
            member(
                &format!("{root}-01"),
                "Lò Thị Ánh",
                &format!("0011800{n:02}111"),
            ),
            member(
                &format!("{root}-02"),
                "Hà Thị Bích",
                &format!("0021800{n:02}222"),
            ),
        ],
        member_ratings: Vec::new(),
        org_ratings: Vec::new(),
        calendar_days: Vec::new(),
        dossiers: Vec::new(),
        monthly_results: Vec::new(),
        commitments: Vec::new(),
    }
}

/// `ds` as a workbook, by `dangvu_interchange::write_xlsx`.
pub fn xlsx(ds: &Dataset) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.xlsx");
    dangvu_interchange::write_xlsx(ds, &path).unwrap();
    std::fs::read(path).unwrap()
}

/// `ds` as CSV files `(name, bytes)`, by `dangvu_interchange::write_csv_folder`.
pub fn csv_files(ds: &Dataset) -> Vec<(String, Vec<u8>)> {
    let dir = tempfile::tempdir().unwrap();
    dangvu_interchange::write_csv_folder(ds, dir.path()).unwrap();
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

/// Files zipped, under the folder `inside`.
pub fn zipped(files: &[(String, Vec<u8>)], inside: &str) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in files {
        let options = zip::write::SimpleFileOptions::default();
        writer
            .start_file(format!("{inside}/{name}"), options)
            .unwrap();
        writer.write_all(bytes).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

/// The entries of a zip, by name.
pub fn unzipped(bytes: &[u8]) -> Vec<(String, String)> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut entry = archive.by_index(i).unwrap();
            let mut text = String::new();
            entry.read_to_string(&mut text).unwrap();
            (entry.name().unwrap().to_string(), text)
        })
        .collect()
}

/// A committed fixture of the interchange crate (written by openpyxl).
pub fn fixture(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../interchange/tests/fixtures")
        .join(name);
    std::fs::read(path).unwrap()
}

const BOUNDARY: &str = "----dangvu-test-boundary-7MA4YWxkTrZu0gW";

/// A multipart form body: the files under `file`, and `effective_on` when given.
pub fn multipart(files: &[(&str, &[u8])], effective_on: Option<&str>) -> (String, Vec<u8>) {
    let mut body = Vec::new();
    for (name, bytes) in files {
        body.extend_from_slice(
            format!(
                "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    if let Some(date) = effective_on {
        body.extend_from_slice(
            format!("--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"effective_on\"\r\n\r\n{date}\r\n")
                .as_bytes(),
        );
    }
    body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={BOUNDARY}"), body)
}

/// The upload form's post as a browser sends it: the session cookie, and the anti-forgery
/// token in the form's address (no header).
pub fn upload_request(session: &Session, files: &[(&str, &[u8])]) -> Request<Body> {
    let (content_type, body) = multipart(files, Some(TODAY));
    Request::post(format!("/import?csrf={}", session.csrf))
        .header("cookie", &session.cookie)
        .header("content-type", content_type)
        .body(Body::from(body))
        .unwrap()
}

/// A form post of a signed-in browser, the token in the form.
pub fn form_post(session: &Session, uri: &str) -> Request<Body> {
    Request::post(uri)
        .header("cookie", &session.cookie)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(Body::from(format!("csrf={}", session.csrf)))
        .unwrap()
}

/// `GET uri` as a signed-in browser.
pub fn get_as(session: &Session, uri: &str) -> Request<Body> {
    Request::get(uri)
        .header("cookie", &session.cookie)
        .body(Body::empty())
        .unwrap()
}

/// An answer read as bytes (downloads are not text).
pub struct Raw {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Raw {
    pub fn header(&self, name: &str) -> &str {
        self.headers.get(name).map_or("", |v| v.to_str().unwrap())
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }
}

pub async fn send_raw(app: Router, request: Request<Body>) -> Raw {
    let response = app.oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let body = response
        .into_body()
        .collect()
        .await
        .unwrap()
        .to_bytes()
        .to_vec();
    Raw {
        status,
        headers,
        body,
    }
}

/// The upload id a `POST /import` redirected to.
pub fn upload_id(posted: &Page) -> String {
    assert_eq!(posted.status, StatusCode::SEE_OTHER, "{}", posted.body);
    let location = posted.header("location");
    location
        .strip_prefix("/import/")
        .unwrap_or_else(|| panic!("{location}"))
        .to_string()
}

/// Uploads `files` through the form as `session`, and returns the id and its page.
pub async fn upload(app: &Router, session: &Session, files: &[(&str, &[u8])]) -> (String, Page) {
    let posted = send(app.clone(), upload_request(session, files)).await;
    let id = upload_id(&posted);
    let page = send(app.clone(), get_as(session, &format!("/import/{id}"))).await;
    (id, page)
}

/// The upload's page once it no longer refreshes itself (the import ended).
pub async fn wait_for_end(app: &Router, session: &Session, id: &str) -> Page {
    for _ in 0..1200 {
        let page = send(app.clone(), get_as(session, &format!("/import/{id}"))).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        if page.header("refresh").is_empty() {
            return page;
        }
        assert!(
            page.has("http-equiv=\"refresh\""),
            "a running import refreshes itself"
        );
        tokio::task::spawn_blocking(|| std::thread::sleep(Duration::from_millis(100)))
            .await
            .unwrap();
    }
    panic!("the import of {id} did not end in two minutes");
}

/// The text of the counts row of `table` (`to_chuc`…), cells joined by `|`.
pub fn counts_row(page: &Page, table: &str) -> String {
    let marker = format!("<span class=\"code\">{table}</span></td>");
    let at = page
        .body
        .find(&marker)
        .unwrap_or_else(|| panic!("no row {table}:\n{}", page.body));
    let rest = &page.body[at + marker.len()..];
    let end = rest.find("</tr>").unwrap();
    rest[..end]
        .split("</td>")
        .map(|cell| {
            cell.rsplit('>')
                .next()
                .unwrap_or_default()
                .trim()
                .to_string()
        })
        .filter(|c| !c.is_empty())
        .collect::<Vec<_>>()
        .join("|")
}

/// Held by each test that imports, so that the tests of one binary do not import into the
/// shared databases at the same time: each asserts what its own import changed (or did not
/// change) in the figures, which another test's import would disturb.
pub async fn one_at_a_time() -> tokio::sync::MutexGuard<'static, ()> {
    static LOCK: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());
    LOCK.lock().await
}

/// How many imports `actor` has in the audit log.
pub fn imports_by(demo: &Demo, actor: &str) -> usize {
    demo.audit_of(actor)
        .iter()
        .filter(|e| e.action == "import")
        .count()
}
