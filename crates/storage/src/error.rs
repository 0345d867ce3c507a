//! The one error type of the storage layer, and the kinds of record it can fail to find.
//!
//! A database failure keeps diesel's error as its source (logs print the chain); failures
//! that are not the database's (stored data that no longer reads back, JSON, the random
//! source) have variants of their own so that nobody mistakes them for one.

/// The kind of record a [`StoreError::NotFound`] names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Entity {
    /// A Party organization.
    Organization,
    /// A Party member.
    Member,
    /// A sign-in account.
    Account,
    /// An API token.
    ApiToken,
    /// An admission dossier.
    Dossier,
    /// A transfer of Party activity.
    Transfer,
    /// A rating round.
    RatingRound,
    /// A signed commitment.
    Commitment,
}

impl Entity {
    /// The name in messages and logs (`organization`, `member`, `account`, `api_token`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Organization => "organization",
            Self::Member => "member",
            Self::Account => "account",
            Self::ApiToken => "api_token",
            Self::Dossier => "admission_dossier",
            Self::Transfer => "transfer",
            Self::RatingRound => "rating_round",
            Self::Commitment => "commitment",
        }
    }
}

impl std::fmt::Display for Entity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What can go wrong in storage. Database texts stay in logs; the variants say what a
/// caller can act on.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The record does not exist — or lies outside the caller's scope, which must look the same.
    #[error("{entity} {code} not found")]
    NotFound {
        /// What kind of record.
        entity: Entity,
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
    /// The database could not be reached or opened (or no pooled connection came in time).
    #[error("cannot connect to the database: {0}")]
    Connection(String),
    /// Migrations failed.
    #[error("migration failed: {0}")]
    Migration(String),
    /// Another writer held the database past the wait allowed (SQLite's "database is
    /// locked" during a long import): nothing was done; the same request may succeed
    /// in a moment.
    #[error("the database is busy with another change; try again in a moment")]
    Busy,
    /// Any other database failure, with the driver's error as its source.
    #[error("database error: {0}")]
    Database(#[source] Box<dyn std::error::Error + Send + Sync>),
    /// A stored value no longer reads back (a code or an enumeration the rules reject, a
    /// row the data refers to is missing): the database was changed behind our back.
    #[error("stored data is not valid: {0}")]
    Corrupt(String),
    /// A value could not be written or read as JSON (audit rows, query plans).
    #[error("JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// The operating system's random source or password hashing failed.
    #[error("cryptography: {0}")]
    Crypto(String),
}
