//! The one error type of the storage layer.

/// What can go wrong in storage. Database texts stay in logs; the variants say what a
/// caller can act on.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The record does not exist — or lies outside the caller's scope, which must look the same.
    #[error("{entity} {code} not found")]
    NotFound {
        /// What kind of record (`organization`, `member`).
        entity: &'static str,
        /// The code asked for.
        code: String,
    },
    /// A unique value is already taken.
    #[error("{field} is already used")]
    Conflict {
        /// The column whose value is taken.
        field: String,
    },
    /// Data that breaks a rule (e.g. a tree with a cycle).
    #[error("invalid data: {0}")]
    Invalid(String),
    /// The database location or settings are wrong.
    #[error("configuration: {0}")]
    Config(String),
    /// The database could not be reached or opened.
    #[error("cannot connect to the database: {0}")]
    Connection(String),
    /// Migrations failed.
    #[error("migration failed: {0}")]
    Migration(String),
    /// Any other database failure.
    #[error("database error: {0}")]
    Database(String),
}
