//! Everything about reaching the database and nothing about what it holds: the URL, the
//! pooled connections of both engines, migrations, the schema, transactions, how database
//! failures become [`crate::StoreError`], and the [`Store`] that ties them together.

pub(crate) mod conn;
pub(crate) mod count_rows;
pub(crate) mod dating;
mod db_error;
mod migrate;
pub(crate) mod schema;
mod store;
pub(crate) mod txn;
mod url;

pub use store::Store;
pub use url::{Backend, DatabaseUrl};

/// A count read from the database (`COUNT(*)`, `SUM` of ones) as `u64`. Both engines
/// answer a signed integer; a negative one cannot come from correct SQL, so it is an error
/// rather than a zero that would pass for a real figure.
pub(crate) fn count(n: i64) -> Result<u64, crate::StoreError> {
    u64::try_from(n).map_err(|_| crate::StoreError::Corrupt(format!("a count of {n}")))
}
