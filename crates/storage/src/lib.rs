//! The only crate of Đảng vụ that touches the database.
//!
//! One behaviour on SQLite (embedded default, WAL) and PostgreSQL, through diesel's
//! `MultiConnection` and one hand-written schema; every use case runs as one synchronous
//! transaction (call it from a blocking thread). Every read takes a [`Scope`], so no query
//! can forget who is asking; every change writes its audit row in the same transaction.

mod access;
mod audit;
mod conn;
mod db_error;
mod error;
mod figures;
mod load;
mod load_rows;
mod member_detail;
mod member_rows;
mod members;
mod migrate;
mod orgs;
mod periods;
mod refs;
mod schema;
mod scope;
mod store;
mod summary;
mod tree_sql;
mod url;
mod views;

pub use error::StoreError;
pub use scope::Scope;
pub use store::Store;
pub use url::{Backend, DatabaseUrl};
pub use views::*;
#[cfg(feature = "testing")]
pub mod testing;
