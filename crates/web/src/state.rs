//! The application state shared by every handler, built once by the caller.
//!
//! Time is an input: handlers ask [`AppState`] for "today" and "now" instead of reading the
//! clock, so the command line passes the system clock and tests pass fixed values. Storage
//! is synchronous; [`AppState::read`] runs a use case on tokio's blocking pool, inside the
//! request's tracing span, with the caller's [`Scope`] — there is no other way to reach the
//! records, so a handler cannot forget who is asking.

use crate::error::AppError;
use chrono::NaiveDateTime;
use dangvu_domain::Date;
use dangvu_storage::{Scope, Store, StoreError};
use std::sync::Arc;

/// Gives the current date; the command line reads the clock, tests return a fixed day.
pub type Today = Arc<dyn Fn() -> Date + Send + Sync>;

/// Gives the current instant (UTC), for sessions, throttling and audit rows.
pub type Now = Arc<dyn Fn() -> NaiveDateTime + Send + Sync>;

/// What the handlers share: the store, the clock and the cookie policy. Cheap to clone.
#[derive(Clone)]
pub struct AppState {
    store: Arc<Store>,
    today: Today,
    now: Now,
    secure_cookies: bool,
    uploads: Arc<crate::transfer::Uploads>,
}

impl AppState {
    /// Builds the state from an open store, a function giving today's date (where the
    /// records are kept) and one giving the current instant (UTC).
    pub fn new(store: Arc<Store>, today: Today, now: Now) -> Self {
        Self {
            store,
            today,
            now,
            secure_cookies: false,
            uploads: Arc::default(),
        }
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

    /// The uploads waiting for their import (see `crate::transfer::registry`).
    pub(crate) fn uploads(&self) -> &crate::transfer::Uploads {
        &self.uploads
    }

    /// Runs one storage use case on the blocking pool, in the current span, with the
    /// caller's scope.
    pub(crate) async fn read<T, F>(&self, scope: &Scope, use_case: F) -> Result<T, AppError>
    where
        F: FnOnce(&Store, &Scope) -> Result<T, StoreError> + Send + 'static,
        T: Send + 'static,
    {
        let scope = scope.clone();
        self.blocking(move |store| use_case(store, &scope).map_err(AppError::from))
            .await?
    }

    /// Runs a use case that acts before anyone is known (signing in, finding the account
    /// of a session or token) on the blocking pool. Record reads go through
    /// [`AppState::read`].
    pub(crate) async fn blocking<T, F>(&self, use_case: F) -> Result<T, AppError>
    where
        F: FnOnce(&Store) -> T + Send + 'static,
        T: Send + 'static,
    {
        let store = Arc::clone(&self.store);
        let span = tracing::Span::current();
        tokio::task::spawn_blocking(move || span.in_scope(|| use_case(&store)))
            .await
            .map_err(|join| AppError::Internal(format!("storage task failed: {join}")))
    }
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState")
            .field("backend", &self.store.backend())
            .field("secure_cookies", &self.secure_cookies)
            .finish_non_exhaustive()
    }
}
