//! The real server for the browser: the application on a TCP port of this machine, over a
//! SQLite database in a temporary folder with the demo district and its accounts loaded.
//!
//! "Today" is fixed (as in the other web tests), so that the pages and the screenshots are
//! the same from one run to the next.

use super::Step;
use dangvu_domain::Date;
use dangvu_storage::{AuditContext, DatabaseUrl, Store};
use dangvu_web::AppState;
use std::net::SocketAddr;
use std::sync::Arc;
use tokio::sync::oneshot;

/// The fixed "today" of the suite: after the 2025 restructure and after the demo's last
/// recorded event (its probations end as late as 2026, and an import refuses a full
/// membership after its own day, so an export taken earlier would not import back).
pub const TODAY: &str = "2026-11-26";

/// The running server; stops, and removes its database, when dropped.
pub struct Server {
    pub base: String,
    stop: Option<oneshot::Sender<()>>,
    /// Holds the database folder until the server is gone.
    _folder: tempfile::TempDir,
}

fn today() -> Date {
    dangvu_domain::dates::parse_date("today", TODAY).unwrap_or_default()
}

/// A new database with the demo and its accounts: what `dangvu serve --demo` starts with.
fn load_demo(folder: &std::path::Path) -> Step<Store> {
    let file = folder.join("dangvu.db");
    let url = DatabaseUrl::parse(&file.to_string_lossy()).map_err(|e| e.to_string())?;
    let store = Store::open(&url).map_err(|e| format!("open {url}: {e}"))?;
    let audit = AuditContext {
        actor: "browser-suite".into(),
        source: "test".into(),
        at: today().and_hms_opt(9, 0, 0).unwrap_or_default(),
    };
    let dataset = dangvu_demo::generate(dangvu_demo::DEFAULT_SEED);
    store
        .load_dataset(&dataset, &audit)
        .map_err(|e| format!("load the demo: {e}"))?;
    let transfers = dangvu_demo::transfers::transfers(&dataset, today());
    let everything = dangvu_storage::Scope::whole_installation(today());
    store
        .load_transfers(&everything, &audit, &transfers)
        .map_err(|e| format!("load the demo's transfers: {e}"))?;
    store
        .create_demo_accounts(&audit, today())
        .map_err(|e| format!("create the demo accounts: {e}"))?;
    Ok(store)
}

impl Server {
    /// Loads the demo and starts serving on a free port of 127.0.0.1.
    pub async fn start() -> Step<Self> {
        let folder = tempfile::Builder::new()
            .prefix("dangvu-browser-")
            .tempdir()
            .map_err(|e| format!("temporary folder: {e}"))?;
        let path = folder.path().to_path_buf();
        let store = tokio::task::spawn_blocking(move || load_demo(&path))
            .await
            .map_err(|e| format!("demo loader: {e}"))??;
        let state = AppState::new(
            Arc::new(store),
            Arc::new(today),
            Arc::new(|| today().and_hms_opt(3, 0, 0).unwrap_or_default()),
        );
        let listener = tokio::net::TcpListener::bind(SocketAddr::from(([127, 0, 0, 1], 0)))
            .await
            .map_err(|e| format!("listen: {e}"))?;
        let address = listener.local_addr().map_err(|e| e.to_string())?;
        let (stop, stopped) = oneshot::channel::<()>();
        tokio::spawn(dangvu_web::serve(listener, state, async move {
            let _ = stopped.await;
        }));
        Ok(Server {
            base: format!("http://{address}"),
            stop: Some(stop),
            _folder: folder,
        })
    }

    /// The address of `path` on this server.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}
