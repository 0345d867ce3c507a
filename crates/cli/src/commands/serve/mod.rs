//! `dangvu serve`: the web application on the configured database, and the audit log's
//! head logged at start and periodically, so that an operator can keep it outside the
//! database (see `docs/audit-log.md`).

use crate::args::ServeArgs;
use crate::config::Settings;
use crate::error::CliError;
use crate::output::out;
use dangvu_app::App;
use dangvu_app::Backend;
use std::path::{Path, PathBuf};
use std::time::Duration;

mod signals;

const DEFAULT_LISTEN: &str = "127.0.0.1:8080";

/// Runs `dangvu serve` until Ctrl-C or SIGTERM.
///
/// The address is bound before anything is written: when the port is taken, the command
/// fails before it creates the first administrator, whose password is shown only once.
pub fn run(args: &ServeArgs, settings: &Settings) -> Result<(), CliError> {
    let listen = args
        .listen
        .clone()
        .or_else(|| settings.listen.clone())
        .unwrap_or_else(|| DEFAULT_LISTEN.into());
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind(&listen))
        .map_err(|source| CliError::Listen {
            address: listen.clone(),
            source,
        })?;
    let app = super::open_or_create(settings)?;
    // The demo accounts come only with the demo: on a database of real data their
    // well-known names would be a way in.
    let demo_loaded = args.demo && load_demo_if_empty(&app, settings)?;
    super::accounts::user::ensure_first_accounts(&app, demo_loaded)?;
    let head_every = Duration::from_secs(args.audit_head_minutes.saturating_mul(60));
    let head_app = app.clone();
    let upload_dir = args
        .upload_dir
        .clone()
        .unwrap_or_else(|| default_upload_dir(settings));
    let state = super::web_state(&app)
        .with_secure_cookies(args.secure_cookies)
        .with_upload_dir(&upload_dir)
        .map_err(|e| CliError::Config(format!("upload folder {}: {e}", upload_dir.display())))?;
    let stopped = state.clone();
    runtime.block_on(async move {
        let stop = signals::shutdown();
        out!(
            "Đảng vụ đang chạy tại / is running at http://{}",
            listener.local_addr()?
        );
        tokio::spawn(log_audit_head(head_app, head_every));
        dangvu_web::serve(listener, state, stop).await?;
        Ok::<(), CliError>(())
    })?;
    if let Err(error) = stopped.remove_leftover_uploads() {
        tracing::warn!(%error, "upload folders left at stop");
    }
    Ok(())
}

/// `serve --demo`: loads the demo into an empty database, and says why it does not into
/// one that holds data (the data stays as it is); whether it loaded it.
fn load_demo_if_empty(app: &App, settings: &Settings) -> Result<bool, CliError> {
    if !app.is_empty()? {
        tracing::warn!(
            "Cơ sở dữ liệu đã có dữ liệu: bỏ qua --demo, dữ liệu hiện có được giữ nguyên / \
             The database already holds data: --demo is skipped, the data is kept as it is"
        );
        return Ok(false);
    }
    out!("Đang tạo dữ liệu mẫu huyện Vị Xuyên… / Generating the Vị Xuyên demo…");
    let seed = settings.demo_seed.unwrap_or(dangvu_app::DEMO_SEED);
    super::demo::load_demo(app, seed)?;
    Ok(true)
}

/// `dangvu-uploads` beside the SQLite file, or in the current folder for PostgreSQL.
fn default_upload_dir(settings: &Settings) -> PathBuf {
    const NAME: &str = "dangvu-uploads";
    match settings.database.backend() {
        Backend::Sqlite => Path::new(settings.database.connection_string())
            .parent()
            .map_or_else(|| PathBuf::from(NAME), |dir| dir.join(NAME)),
        Backend::Postgres => PathBuf::from(NAME),
    }
}

/// Logs `audit log head: rows=N head=HEX` now and then every `every`, reading it on the
/// blocking pool like any use case; a failed reading is logged and tried again next time.
async fn log_audit_head(app: App, every: Duration) {
    let mut ticks = tokio::time::interval(every);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticks.tick().await;
        let app = app.clone();
        match tokio::task::spawn_blocking(move || app.audit_head()).await {
            Ok(Ok(head)) => tracing::info!("audit log head: {head}"),
            Ok(Err(error)) => tracing::warn!(%error, "cannot read the audit log's head"),
            Err(error) => tracing::warn!(%error, "reading the audit log's head stopped"),
        }
    }
}
