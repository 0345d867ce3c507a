//! A generated installation of a province's or the nation's size, loaded a part at a time:
//! what the load benchmark and the measurements of issue #10 run on.

use super::DemoError;
use crate::records::LoadStats;
use crate::{App, Caller, Error};
pub use dangvu_demo::Scale;

/// One part of a generated installation, loaded.
#[derive(Debug, Clone, Copy)]
pub struct ChunkLoaded {
    /// Position of the part, from 1.
    pub number: usize,
    /// How many parts there are.
    pub of: usize,
    /// What the part wrote.
    pub stats: LoadStats,
}

impl App {
    /// Generates the installation of `scale` from `seed` and loads it into an empty
    /// database, one part of about 100,000 members per transaction (each with its audit
    /// row), telling `loaded` after each; refuses a database that holds data. Only one part
    /// is in memory at a time.
    pub fn load_scaled(
        &self,
        caller: &Caller,
        scale: Scale,
        seed: u64,
        mut loaded: impl FnMut(ChunkLoaded),
    ) -> Result<LoadStats, DemoError> {
        if !self.is_empty()? {
            return Err(DemoError::NotEmpty);
        }
        let mut total = LoadStats::default();
        for chunk in dangvu_demo::chunks(scale, seed) {
            let chunk = chunk?;
            let stats = self.load_dataset(caller, &chunk.dataset)?;
            total += stats;
            loaded(ChunkLoaded {
                number: chunk.index + 1,
                of: chunk.of,
                stats,
            });
        }
        self.store.settle_after_loads().map_err(Error::from)?;
        Ok(total)
    }
}
