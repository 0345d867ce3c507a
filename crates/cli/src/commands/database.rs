//! Opening the configured database. The commands that read or manage what is there refuse
//! a database that does not exist, since a mistyped `--db` would otherwise become a new,
//! empty database that answers "nothing here"; the commands that set an installation up
//! (`serve`, `demo`, `migrate`, `import`, `bench`) create it and say so.

use crate::config::Settings;
use crate::error::CliError;
use dangvu_app::{App, Backend, DatabaseUrl, StoreError};
use std::path::Path;

/// Opens an existing database (migrations run on open); refuses a SQLite file that does not
/// exist. PostgreSQL never creates a database on connection, so its missing database is
/// refused by the server.
pub fn open(settings: &Settings) -> Result<App, CliError> {
    if let Some(path) = missing_file(&settings.database) {
        return Err(CliError::NoDatabase(path.to_string()));
    }
    connect(&settings.database)
}

/// Opens the database, creating a SQLite file that does not exist yet, and says so on
/// standard error the one time it is created.
pub fn open_or_create(settings: &Settings) -> Result<App, CliError> {
    if let Some(path) = missing_file(&settings.database) {
        eprintln!("Tạo cơ sở dữ liệu mới / Creating a new database: {path}");
    }
    connect(&settings.database)
}

/// The SQLite file's path when it does not exist (an in-memory database always does).
fn missing_file(url: &DatabaseUrl) -> Option<&str> {
    let path = url.connection_string();
    let missing = url.backend() == Backend::Sqlite
        && !path.starts_with(":memory:")
        && !Path::new(path).exists();
    missing.then_some(path)
}

/// Opens and migrates; a database that cannot be reached at all is a configuration to
/// correct (exit 2), not a fault of the program.
fn connect(url: &DatabaseUrl) -> Result<App, CliError> {
    tracing::debug!(database = %url, "opening the database");
    App::open(url).map_err(|err| match err {
        dangvu_app::Error::Store(StoreError::Connection(detail)) => {
            CliError::CannotOpen(detail.trim_end().to_string())
        }
        other => other.into(),
    })
}
