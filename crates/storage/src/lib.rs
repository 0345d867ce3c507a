//! The only crate of Đảng vụ that touches the database.
//!
//! One behaviour on SQLite (embedded default, WAL) and PostgreSQL, through diesel's
//! `MultiConnection` and one hand-written schema; every use case runs as one synchronous
//! transaction (call it from a blocking thread). Every read takes a [`Scope`], so no query
//! can forget who is asking; every change writes its audit row in the same transaction.

mod error;
mod scope;
mod store;
mod url;
mod views;

pub use error::StoreError;
pub use scope::Scope;
pub use store::Store;
pub use url::{Backend, DatabaseUrl};
pub use views::*;
