//! Everything about reaching the database and nothing about what it holds: the URL, the
//! pooled connections of both engines, migrations, the schema, transactions, how database
//! failures become [`crate::StoreError`], and the [`Store`] that ties them together.

pub(crate) mod conn;
pub(crate) mod dating;
mod db_error;
mod migrate;
pub(crate) mod schema;
mod store;
pub(crate) mod txn;
mod url;

pub use store::Store;
pub use url::{Backend, DatabaseUrl};
