//! The database of an installation: opened and migrated, its engine, and the demo
//! district loaded into an empty one.

use crate::records::LoadStats;
use crate::{App, Backend, Caller, DatabaseUrl, Error};
use dangvu_storage::Store;
use std::sync::Arc;

/// Why the demo was not loaded.
#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    /// The database already holds organizations.
    #[error("the database already holds data")]
    NotEmpty,
    /// Storage failed.
    #[error(transparent)]
    Store(#[from] Error),
}

impl App {
    /// Opens (creating a SQLite file if needed) and migrates the database.
    pub fn open(url: &DatabaseUrl) -> Result<Self, Error> {
        Ok(Self {
            store: Arc::new(Store::open(url)?),
        })
    }

    /// The engine in use.
    pub fn backend(&self) -> Backend {
        self.store.backend()
    }

    /// Applies pending migrations; returns the names applied.
    pub fn migrate(&self) -> Result<Vec<String>, Error> {
        Ok(self.store.migrate()?)
    }

    /// Whether the database holds no organization yet.
    pub fn is_empty(&self) -> Result<bool, Error> {
        Ok(self.store.is_empty()?)
    }

    /// Generates the demo district from `seed` and loads it, with its audit row, into an
    /// empty database; refuses one that holds data.
    pub fn load_demo(&self, caller: &Caller, seed: u64) -> Result<LoadStats, DemoError> {
        if !self.is_empty()? {
            return Err(DemoError::NotEmpty);
        }
        let started = std::time::Instant::now();
        let dataset = dangvu_demo::generate(seed);
        let generated = started.elapsed();
        let stats = self
            .store
            .load_dataset(&dataset, caller.audit())
            .map_err(Error::from)?;
        tracing::info!(?generated, loaded = ?started.elapsed() - generated, seed, "demo loaded");
        Ok(stats)
    }
}
