//! When the server stops: on Ctrl-C (SIGINT) or on SIGTERM, the signal a service manager,
//! `kill` or a container runtime sends. Either starts the graceful shutdown: the server
//! stops accepting, finishes the requests under way, and the upload folder is emptied.

use std::future::Future;

/// Installs the handlers now, before the server says it is running (a signal arriving
/// before the first poll would otherwise end the process without a clean stop), and
/// returns what completes at the first Ctrl-C or SIGTERM, after logging "shutting down".
/// Must be called within the runtime.
#[cfg(unix)]
pub(super) fn shutdown() -> impl Future<Output = ()> + Send + 'static {
    use tokio::signal::unix::{SignalKind, signal};
    let interrupt = signal(SignalKind::interrupt());
    let terminate = signal(SignalKind::terminate());
    async move {
        match (interrupt, terminate) {
            (Ok(mut interrupt), Ok(mut terminate)) => {
                tokio::select! {
                    _ = interrupt.recv() => {}
                    _ = terminate.recv() => {}
                }
            }
            (Err(error), _) | (_, Err(error)) => {
                tracing::warn!(%error, "cannot listen for Ctrl-C or SIGTERM; stop the process to end the server");
                std::future::pending::<()>().await;
            }
        }
        tracing::info!("Đang dừng / shutting down");
    }
}

/// Completes at the first Ctrl-C, after logging "shutting down".
#[cfg(not(unix))]
pub(super) fn shutdown() -> impl Future<Output = ()> + Send + 'static {
    async {
        if tokio::signal::ctrl_c().await.is_err() {
            tracing::warn!("cannot listen for Ctrl-C; stop the process to end the server");
            std::future::pending::<()>().await;
        }
        tracing::info!("Đang dừng / shutting down");
    }
}
