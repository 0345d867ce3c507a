//! The application state shared by every handler, built once by the caller.
//!
//! Time is an input: handlers ask [`AppState`] for "today" and "now" instead of reading the
//! clock, so the command line passes the system clock and tests pass fixed values. The use
//! cases are synchronous; [`AppState::run`] runs one on tokio's blocking pool, inside the
//! request's tracing span. Use cases that reach records take the request's
//! [`dangvu_app::Caller`], built only from a valid session or token, so a handler cannot
//! forget who is asking.

use crate::error::AppError;
use chrono::NaiveDateTime;
use dangvu_app::App;
use dangvu_domain::Date;
use std::sync::Arc;

/// Gives the current date; the command line reads the clock, tests return a fixed day.
pub type Today = Arc<dyn Fn() -> Date + Send + Sync>;

/// Gives the current instant (UTC), for sessions, throttling and audit rows.
pub type Now = Arc<dyn Fn() -> NaiveDateTime + Send + Sync>;

/// What the handlers share: the use cases, the clock and the cookie policy. Cheap to clone.
#[derive(Clone)]
pub struct AppState {
    app: App,
    today: Today,
    now: Now,
    secure_cookies: bool,
    uploads: Arc<crate::interchange::Uploads>,
    upload_root: crate::interchange::UploadRoot,
}

impl AppState {
    /// Builds the state from the application over an open database, a function giving
    /// today's date (where the records are kept) and one giving the current instant (UTC).
    pub fn new(app: impl Into<App>, today: Today, now: Now) -> Self {
        Self {
            app: app.into(),
            today,
            now,
            secure_cookies: false,
            uploads: Arc::default(),
            upload_root: crate::interchange::UploadRoot::default(),
        }
    }

    /// Keeps uploads waiting for their check under `path` (the application's data folder),
    /// created private if missing; upload folders a crash left there are removed now.
    pub fn with_upload_dir(mut self, path: &std::path::Path) -> std::io::Result<Self> {
        self.upload_root = crate::interchange::UploadRoot::prepare(path)?;
        Ok(self)
    }

    /// Removes the upload folders still under the upload folder (at a stop); how many.
    pub fn remove_leftover_uploads(&self) -> std::io::Result<usize> {
        self.upload_root.remove_leftovers()
    }

    /// Marks every cookie `Secure`, for a server that is only reached over TLS (behind a
    /// proxy that does not send `X-Forwarded-Proto`). Without it, cookies are `Secure`
    /// when the request says it came over HTTPS.
    pub fn with_secure_cookies(mut self, secure: bool) -> Self {
        self.secure_cookies = secure;
        self
    }

    /// Today's date, as the caller defines it.
    pub(crate) fn today(&self) -> Date {
        (self.today)()
    }

    /// The current instant (UTC), as the caller defines it.
    pub(crate) fn now(&self) -> NaiveDateTime {
        (self.now)()
    }

    /// Whether cookies are always `Secure`.
    pub(crate) fn secure_cookies(&self) -> bool {
        self.secure_cookies
    }

    /// Where uploads wait while they are checked.
    pub(crate) fn upload_root(&self) -> &crate::interchange::UploadRoot {
        &self.upload_root
    }

    /// The uploads waiting for their import (see `crate::interchange::registry`).
    pub(crate) fn uploads(&self) -> &crate::interchange::Uploads {
        &self.uploads
    }

    /// Runs a use case on the blocking pool, in the current span; its error becomes the
    /// web's.
    pub(crate) async fn run<T, E, F>(&self, use_case: F) -> Result<T, AppError>
    where
        F: FnOnce(&App) -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: Into<AppError> + Send + 'static,
    {
        self.blocking(use_case).await?.map_err(Into::into)
    }

    /// Runs a use case on the blocking pool, in the current span, and gives back what it
    /// returned (for use cases whose refusals the handler answers itself, like signing in).
    pub(crate) async fn blocking<T, F>(&self, use_case: F) -> Result<T, AppError>
    where
        F: FnOnce(&App) -> T + Send + 'static,
        T: Send + 'static,
    {
        let app = self.app.clone();
        let span = tracing::Span::current();
        tokio::task::spawn_blocking(move || span.in_scope(|| use_case(&app)))
            .await
            .map_err(|join| AppError::Internal(format!("use case task failed: {join}")))
    }
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState")
            .field("app", &self.app)
            .field("secure_cookies", &self.secure_cookies)
            .finish_non_exhaustive()
    }
}
