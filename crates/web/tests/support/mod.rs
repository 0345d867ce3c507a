//! Test harness: the real router over real databases loaded with the demo district.
//!
//! Every backend available (`dangvu_storage::testing`): a fresh SQLite file always, and a
//! fresh PostgreSQL database when `DANGVU_TEST_POSTGRES_URL` names a server. Loading the
//! demo takes seconds, so the tests of one binary share the loaded databases while any of
//! them runs; the last one out drops them (and with them the PostgreSQL database).
//! "Today" is fixed at [`TODAY`], after the 2025 restructure.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode};
use dangvu_domain::Date;
use dangvu_domain::dataset::Dataset;
use dangvu_storage::testing::TestDb;
use dangvu_storage::{AuditContext, Scope, Store};
use dangvu_web::AppState;
use http_body_util::BodyExt;
use std::sync::{Arc, Mutex, OnceLock, Weak};
use tower::ServiceExt;

/// The fixed "today" of the tests.
pub const TODAY: &str = "2025-11-26";

pub fn day(s: &str) -> Date {
    dangvu_domain::dates::parse_date("test", s).unwrap()
}

/// The demo district, generated once per test binary.
pub fn dataset() -> &'static Dataset {
    static DATASET: OnceLock<Dataset> = OnceLock::new();
    DATASET.get_or_init(|| dangvu_demo::generate(dangvu_demo::DEFAULT_SEED))
}

/// The demo loaded in one database.
pub struct Demo {
    pub store: Arc<Store>,
    pub dataset: &'static Dataset,
    pub label: String,
    /// Dropped after the store: removes the database.
    _db: TestDb,
}

impl Demo {
    fn load(db: TestDb) -> Self {
        let store = db.open();
        let audit = AuditContext {
            actor: "test".into(),
            source: "test".into(),
            at: day(TODAY).and_hms_opt(9, 0, 0).unwrap(),
        };
        store.load_dataset(dataset(), &audit).unwrap();
        Demo {
            label: format!("{:?}", store.backend()),
            store: Arc::new(store),
            dataset: dataset(),
            _db: db,
        }
    }

    /// The scope the web layer uses.
    pub fn scope(&self) -> Scope {
        Scope::whole_installation(day(TODAY))
    }

    /// A fresh router over the shared store.
    pub fn app(&self) -> Router {
        let today = day(TODAY);
        dangvu_web::router(AppState::new(
            Arc::clone(&self.store),
            Arc::new(move || today),
        ))
    }
}

/// The demo on every backend, shared with the tests running at the same time.
pub fn backends() -> Vec<Arc<Demo>> {
    static SHARED: Mutex<Vec<Weak<Demo>>> = Mutex::new(Vec::new());
    let mut shared = SHARED
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let alive: Option<Vec<Arc<Demo>>> = shared.iter().map(Weak::upgrade).collect();
    match alive {
        Some(demos) if !demos.is_empty() => demos,
        _ => {
            let demos: Vec<Arc<Demo>> = dangvu_storage::testing::backends()
                .into_iter()
                .map(|db| Arc::new(Demo::load(db)))
                .collect();
            *shared = demos.iter().map(Arc::downgrade).collect();
            demos
        }
    }
}

/// A response, read whole.
pub struct Page {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl Page {
    pub fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .map(|v| v.to_str().unwrap())
            .unwrap_or("")
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }

    /// Whether the body contains `needle`.
    pub fn has(&self, needle: &str) -> bool {
        self.body.contains(needle)
    }

    /// The texts of the links whose address starts with `href_prefix`, in page order.
    pub fn link_texts(&self, href_prefix: &str) -> Vec<String> {
        let marker = format!("href=\"{href_prefix}");
        self.body
            .match_indices(&marker)
            .map(|(at, _)| {
                let rest = &self.body[at..];
                let start = rest.find('>').unwrap() + 1;
                let end = rest.find("</a>").unwrap();
                rest[start..end].to_string()
            })
            .collect()
    }

    /// The address of the first link whose text is `text`, HTML entities undone.
    pub fn href_of(&self, text: &str) -> Option<String> {
        let end = self.body.find(&format!(">{text}</a>"))?;
        let start = self.body[..end].rfind("href=\"")? + 6;
        let quote = self.body[start..].find('"')? + start;
        Some(
            self.body[start..quote]
                .replace("&amp;", "&")
                .replace("&#38;", "&"),
        )
    }
}

/// A count written the way a language groups thousands (`7.309`, `7,309`).
pub fn grouped(n: u64, separator: char) -> String {
    let reversed: Vec<char> = n.to_string().chars().rev().collect();
    let groups: Vec<String> = reversed
        .chunks(3)
        .map(|group| group.iter().rev().collect())
        .collect();
    let in_order: Vec<String> = groups.into_iter().rev().collect();
    in_order.join(&separator.to_string())
}

/// Sends one request through the router.
pub async fn send(app: Router, request: Request<Body>) -> Page {
    let response = app.oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    Page {
        status,
        headers,
        body: String::from_utf8(bytes.to_vec()).unwrap(),
    }
}

/// `GET uri`.
pub async fn get(app: Router, uri: &str) -> Page {
    send(app, Request::get(uri).body(Body::empty()).unwrap()).await
}

/// `GET uri` with a `Cookie` header.
pub async fn get_with_cookie(app: Router, uri: &str, cookie: &str) -> Page {
    let request = Request::get(uri)
        .header("cookie", cookie)
        .body(Body::empty())
        .unwrap();
    send(app, request).await
}

/// `POST uri` with a form body.
pub async fn post_form(app: Router, uri: &str, form: &str) -> Page {
    let request = Request::post(uri)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(Body::from(form.to_string()))
        .unwrap();
    send(app, request).await
}
