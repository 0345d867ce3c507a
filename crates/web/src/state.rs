//! The application state shared by every handler, built once by the caller.
//!
//! Time is an input: handlers ask [`AppState`] for "today" instead of reading the clock, so
//! the command line passes the system date and tests pass a fixed one. Storage is
//! synchronous; [`AppState::read`] runs a use case on tokio's blocking pool, inside the
//! request's tracing span.

use crate::error::AppError;
use dangvu_domain::Date;
use dangvu_storage::{Scope, Store, StoreError};
use std::sync::Arc;

/// Gives the current date; the command line reads the clock, tests return a fixed day.
pub type Today = Arc<dyn Fn() -> Date + Send + Sync>;

/// What the handlers share: the store and the source of "today". Cheap to clone.
#[derive(Clone)]
pub struct AppState {
    store: Arc<Store>,
    today: Today,
}

impl AppState {
    /// Builds the state from an open store and a function giving today's date.
    pub fn new(store: Arc<Store>, today: Arc<dyn Fn() -> Date + Send + Sync>) -> Self {
        Self { store, today }
    }

    /// Today's date, as the caller defines it.
    pub(crate) fn today(&self) -> Date {
        (self.today)()
    }

    /// Runs one storage use case on the blocking pool, in the current span. The scope is
    /// the whole installation until accounts and access control arrive.
    pub(crate) async fn read<T, F>(&self, use_case: F) -> Result<T, AppError>
    where
        F: FnOnce(&Store, &Scope) -> Result<T, StoreError> + Send + 'static,
        T: Send + 'static,
    {
        let store = Arc::clone(&self.store);
        let scope = Scope::whole_installation(self.today());
        let span = tracing::Span::current();
        tokio::task::spawn_blocking(move || span.in_scope(|| use_case(&store, &scope)))
            .await
            .map_err(|join| AppError::Internal(format!("storage task failed: {join}")))?
            .map_err(AppError::from)
    }
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState")
            .field("backend", &self.store.backend())
            .finish_non_exhaustive()
    }
}
