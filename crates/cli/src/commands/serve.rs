//! `dangvu serve`: the web application on the configured database.

use crate::args::ServeArgs;
use crate::config::Settings;
use crate::error::CliError;
use dangvu_web::AppState;
use std::sync::Arc;

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
    let state = AppState::new(
        app,
        Arc::new(crate::clock::today),
        Arc::new(crate::clock::now),
    )
    .with_secure_cookies(args.secure_cookies);
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
        dangvu_web::serve(listener, state, shutdown_signal()).await?;
        Ok(())
    })
}

async fn shutdown_signal() {
    if tokio::signal::ctrl_c().await.is_err() {
        tracing::warn!("cannot listen for Ctrl-C; stop the process to end the server");
        std::future::pending::<()>().await;
    }
    tracing::info!("shutting down");
}
