//! The database of an installation: opened and migrated, its engine, and the demo
//! district loaded into an empty one.

use crate::records::LoadStats;
use crate::{App, Backend, Caller, DatabaseUrl, Error};
use dangvu_domain::dataset::Dataset;
use dangvu_storage::Store;
use std::sync::Arc;

mod scaled;

pub use scaled::{ChunkLoaded, Scale};

/// Why the demo was not loaded.
#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    /// The database already holds organizations.
    #[error("the database already holds data")]
    NotEmpty,
    /// Storage failed.
    #[error(transparent)]
    Store(#[from] Error),
    /// The generator wrote a record that does not validate (a bug in the generator).
    #[error(transparent)]
    Generator(#[from] dangvu_domain::DomainError),
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
        let dataset = Self::generate_demo(seed);
        let generated = started.elapsed();
        let stats = self.load_dataset(caller, &dataset)?;
        let dossiers = dangvu_demo::admissions::dossiers(&dataset, seed);
        self.store
            .load_dossiers(caller.scope(), caller.audit(), &dossiers)
            .map_err(Error::from)?;
        let lifecycle = dangvu_demo::lifecycle_records::records(&dataset, caller.scope().today());
        self.store
            .load_lifecycle(caller.scope(), caller.audit(), &lifecycle)
            .map_err(Error::from)?;
        let transfers = dangvu_demo::transfers::transfers(&dataset, caller.scope().today());
        self.store
            .load_transfers(caller.scope(), caller.audit(), &transfers)
            .map_err(Error::from)?;
        self.load_demo_rounds(caller)?;
        self.store.settle_after_loads().map_err(Error::from)?;
        tracing::info!(?generated, loaded = ?started.elapsed() - generated, seed, "demo loaded");
        Ok(stats)
    }

    /// The demo's rating rounds: a closed round a year made from the ratings just loaded,
    /// and one under way for the current year (part of [`App::load_demo`]; public for the
    /// test harnesses that load the demo's parts one by one).
    pub fn load_demo_rounds(&self, caller: &Caller) -> Result<(), Error> {
        for plan in dangvu_demo::rating_rounds::plan(caller.scope().today()) {
            let org = dangvu_domain::OrgCode::parse(plan.org)
                .map_err(|e| dangvu_storage::StoreError::Invalid(e.to_string()))?;
            let new = crate::records::NewRound {
                org,
                year: plan.year,
                kind: dangvu_domain::ratings::RoundKind::YEAR,
                deadline: plan.deadline,
                opened_on: plan.opened_on,
            };
            let fill = if plan.history {
                crate::records::RoundFill::History
            } else {
                crate::records::RoundFill::Proposed { default: None }
            };
            self.load_rating_round(caller, &new, fill)?;
        }
        Ok(())
    }

    /// The demo district for `seed` (deterministic), not yet loaded.
    pub fn generate_demo(seed: u64) -> Dataset {
        dangvu_demo::generate(seed)
    }

    /// Writes a whole dataset in one transaction, with its audit row (the demo, a
    /// benchmark's data).
    pub fn load_dataset(&self, caller: &Caller, dataset: &Dataset) -> Result<LoadStats, Error> {
        Ok(self.store.load_dataset(dataset, caller.audit())?)
    }
}

impl From<Arc<Store>> for App {
    /// An application over a store already open (tests share one between servers).
    fn from(store: Arc<Store>) -> Self {
        Self { store }
    }
}

impl From<Store> for App {
    fn from(store: Store) -> Self {
        Self::from(Arc::new(store))
    }
}
