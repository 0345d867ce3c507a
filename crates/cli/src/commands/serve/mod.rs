//! `dangvu serve`: the web application on the configured database, and the audit log's
//! head logged at start and periodically, so that an operator can keep it outside the
//! database (see `docs/audit-log.md`).

use crate::args::ServeArgs;
use crate::config::Settings;
use crate::error::CliError;
use dangvu_app::App;
use dangvu_app::Backend;
use std::path::{Path, PathBuf};
use std::time::Duration;

const DEFAULT_LISTEN: &str = "127.0.0.1:8080";

/// Runs `dangvu serve` until Ctrl-C.
pub fn run(args: &ServeArgs, settings: &Settings) -> Result<(), CliError> {
    let listen = args
        .listen
        .clone()
        .or_else(|| settings.listen.clone())
        .unwrap_or_else(|| DEFAULT_LISTEN.into());
    let app = super::open(settings)?;
    if args.demo && app.is_empty()? {
        println!("Đang tạo dữ liệu mẫu huyện Vị Xuyên… / Generating the Vị Xuyên demo…");
        let seed = settings.demo_seed.unwrap_or(dangvu_app::DEMO_SEED);
        super::demo::load_demo(&app, seed)?;
    }
    super::accounts::user::ensure_first_accounts(&app, args.demo)?;
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
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(&listen)
            .await
            .map_err(|e| CliError::Config(format!("cannot listen on {listen}: {e}")))?;
        println!(
            "Đảng vụ đang chạy tại / is running at http://{}",
            listener.local_addr()?
        );
        tokio::spawn(log_audit_head(head_app, head_every));
        dangvu_web::serve(listener, state, shutdown_signal()).await?;
        Ok::<(), CliError>(())
    })?;
    if let Err(error) = stopped.remove_leftover_uploads() {
        tracing::warn!(%error, "upload folders left at stop");
    }
    Ok(())
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

async fn shutdown_signal() {
    if tokio::signal::ctrl_c().await.is_err() {
        tracing::warn!("cannot listen for Ctrl-C; stop the process to end the server");
        std::future::pending::<()>().await;
    }
    tracing::info!("shutting down");
}
