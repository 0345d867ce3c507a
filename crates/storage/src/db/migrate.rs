//! Embedded migrations, one folder per engine, applied when a store opens.
//!
//! The two folders hold the same schema in each engine's dialect (see `src/schema.rs`);
//! they are embedded in the binary so that an installation needs no files beside it.

use crate::StoreError;
use crate::db::conn::DbConnection;
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

const SQLITE: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
const POSTGRES: EmbeddedMigrations = embed_migrations!("migrations/postgres");

/// Applies the pending migrations of the connection's engine; returns their names.
pub(crate) fn run_pending(conn: &mut DbConnection) -> Result<Vec<String>, StoreError> {
    let failed = |e: Box<dyn std::error::Error + Send + Sync>| StoreError::Migration(e.to_string());
    match conn {
        DbConnection::Sqlite(c) => apply(c, SQLITE).map_err(failed),
        DbConnection::Pg(c) => apply(c, POSTGRES).map_err(failed),
    }
}

type MigrationResult<T> = diesel::migration::Result<T>;

fn apply<C, DB>(conn: &mut C, source: EmbeddedMigrations) -> MigrationResult<Vec<String>>
where
    DB: diesel::backend::Backend,
    C: MigrationHarness<DB>,
    EmbeddedMigrations: diesel::migration::MigrationSource<DB>,
{
    let pending = conn.pending_migrations(source)?;
    let mut applied = Vec::with_capacity(pending.len());
    for migration in &pending {
        conn.run_migration(migration.as_ref())?;
        applied.push(migration.name().to_string());
    }
    Ok(applied)
}
