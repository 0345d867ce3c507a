//! Test harness: the real router over real databases loaded with the demo district.
//!
//! Every backend available (`dangvu_storage::testing`): a fresh SQLite file always, and a
//! fresh PostgreSQL database when `DANGVU_TEST_POSTGRES_URL` names a server. Loading the
//! demo takes seconds, so the tests of one binary share the loaded databases while any of
//! them runs; the last one out drops them (and with them the PostgreSQL database).
//! "Today" is fixed at [`TODAY`], after the 2025 restructure, and the clock at [`NOW`].
//!
//! Every page needs an account: the demo accounts (`Store::create_demo_accounts`) are
//! created with the demo, and [`Demo::app`] is the router as seen by the signed-in
//! administrator (its session cookie and anti-forgery token are added to every request),
//! [`Demo::app_as`] as another demo account, [`Demo::anonymous`] as a browser that has not
//! signed in. Sessions are opened through the real sign-in form, once per account and
//! database.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use axum::Router;
use chrono::NaiveDateTime;
use dangvu_domain::Date;
use dangvu_domain::OrgCode;
use dangvu_domain::dataset::Dataset;
use dangvu_domain::enums::MemberStatus;
use dangvu_storage::testing::TestDb;
use dangvu_storage::{AuditContext, MemberListItem, MemberQuery, Scope, Store, demo_password};
use dangvu_web::AppState;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock, Weak};

mod auth;
mod http;
pub use auth::*;
pub use http::*;

/// The fixed "today" of the tests.
pub const TODAY: &str = "2025-11-26";

/// The demo accounts, one per role (`Store::create_demo_accounts`).
pub const DEMO_USERS: [&str; 6] = ["quantri", "canbo", "kiemtra", "bithu", "xem", "dangvien"];

/// The fixed instant of the tests (UTC), on [`TODAY`].
pub fn now() -> NaiveDateTime {
    day(TODAY).and_hms_opt(3, 0, 0).unwrap()
}

/// The audit identity of test fixtures.
pub fn audit_context() -> AuditContext {
    AuditContext {
        actor: "test".into(),
        source: "test".into(),
        at: now(),
    }
}

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
    sessions: Mutex<HashMap<String, Session>>,
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
        let dossiers = dangvu_demo::admissions::dossiers(dataset(), dangvu_demo::DEFAULT_SEED);
        store
            .load_dossiers(&Scope::whole_installation(day(TODAY)), &audit, &dossiers)
            .unwrap();
        let lifecycle = dangvu_demo::lifecycle_records::records(dataset(), day(TODAY));
        store
            .load_lifecycle(&Scope::whole_installation(day(TODAY)), &audit, &lifecycle)
            .unwrap();
        let transfers = dangvu_demo::transfers::transfers(dataset(), day(TODAY));
        store
            .load_transfers(&Scope::whole_installation(day(TODAY)), &audit, &transfers)
            .unwrap();
        store.create_demo_accounts(&audit, day(TODAY)).unwrap();
        let store = Arc::new(store);
        let caller = dangvu_app::Caller::command_line(now(), day(TODAY));
        dangvu_app::App::from(Arc::clone(&store))
            .load_demo_rounds(&caller)
            .unwrap();
        Demo {
            label: format!("{:?}", store.backend()),
            store,
            dataset: dataset(),
            sessions: Mutex::new(HashMap::new()),
            _db: db,
        }
    }

    /// The scope the web layer uses.
    pub fn scope(&self) -> Scope {
        Scope::whole_installation(day(TODAY))
    }

    /// The application state of the tests: fixed today and clock.
    pub fn state(&self) -> AppState {
        let today = day(TODAY);
        AppState::new(
            Arc::clone(&self.store),
            Arc::new(move || today),
            Arc::new(now),
        )
    }

    /// A fresh router over the shared store, for a browser that has not signed in.
    pub fn anonymous(&self) -> Router {
        dangvu_web::router(self.state())
    }

    /// A router whose clock is `clock` (moved by the test), for a browser that has not
    /// signed in.
    pub fn with_clock(&self, clock: Arc<Mutex<NaiveDateTime>>) -> Router {
        let today = day(TODAY);
        let now = move || *clock.lock().unwrap();
        dangvu_web::router(AppState::new(
            Arc::clone(&self.store),
            Arc::new(move || today),
            Arc::new(now),
        ))
    }

    /// Creates account `username` (unique to the test) and returns its password.
    pub fn new_account(
        &self,
        username: &str,
        role: dangvu_domain::roles::Role,
        org: Option<&str>,
        member: Option<&str>,
    ) -> String {
        let password = format!("{username}-mat-khau-dai");
        let account = dangvu_storage::NewAccount {
            username: dangvu_domain::actor::Username::parse(username).unwrap(),
            role,
            org: org.map(|c| dangvu_domain::OrgCode::parse(c).unwrap()),
            member: member.map(|c| dangvu_domain::MemberCode::parse(c).unwrap()),
            password: dangvu_domain::actor::NewPassword::parse(&password).unwrap(),
        };
        self.store
            .create_account(&self.scope(), &audit_context(), &account)
            .unwrap();
        password
    }

    /// A new one-day API token of account `username`: its secret.
    pub fn token(&self, username: &str) -> String {
        let name = dangvu_domain::actor::Username::parse(username).unwrap();
        let (_, secret) = self
            .store
            .create_token(&self.scope(), &audit_context(), &name, Some(1))
            .unwrap();
        secret.expose().to_string()
    }

    /// The audit rows of `actor`, newest first.
    pub fn audit_of(&self, actor: &str) -> Vec<dangvu_storage::AuditEntry> {
        let filter = dangvu_storage::AuditFilter {
            actor: Some(actor.to_string()),
            limit: 500,
            ..Default::default()
        };
        self.store
            .audit_entries(&self.scope(), &filter)
            .unwrap()
            .rows
    }

    /// A fresh router as seen by the signed-in administrator.
    pub fn app(&self) -> Router {
        self.app_as("quantri")
    }

    /// A fresh router as seen by demo account `username`, signed in.
    pub fn app_as(&self, username: &str) -> Router {
        let session = self.session(username);
        self.anonymous()
            .layer(tower::util::MapRequestLayer::new(move |request| {
                with_session(request, &session)
            }))
    }

    /// The session of demo account `username`, opened once through the sign-in form.
    pub fn session(&self, username: &str) -> Session {
        let mut sessions = self.sessions.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(found) = sessions.get(username) {
            return found.clone();
        }
        let session = std::thread::scope(|scope| {
            scope
                .spawn(|| {
                    tokio::runtime::Builder::new_current_thread()
                        .enable_all()
                        .build()
                        .unwrap()
                        .block_on(sign_in(
                            self.anonymous(),
                            username,
                            &demo_password(username),
                        ))
                })
                .join()
                .unwrap()
        })
        .unwrap_or_else(|| panic!("{username} cannot sign in on {}", self.label));
        sessions.insert(username.to_string(), session.clone());
        session
    }
}

/// The active members registered in `org`'s subtree today and admitted by `admitted_by`,
/// by code (the members a test takes a change to).
pub fn active_members(demo: &Demo, org: &str, admitted_by: Date) -> Vec<MemberListItem> {
    let query = MemberQuery {
        org: OrgCode::parse(org).unwrap(),
        as_of: day(TODAY),
        search: None,
        after: None,
        limit: 500,
    };
    let mut rows: Vec<_> = demo
        .store
        .members(&demo.scope(), &query)
        .unwrap()
        .rows
        .into_iter()
        .filter(|r| r.status == MemberStatus::DangSinhHoat && r.admitted_on <= admitted_by)
        .collect();
    rows.sort_by(|a, b| a.code.as_str().cmp(b.code.as_str()));
    rows
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
