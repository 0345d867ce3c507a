//! The only crate of Đảng vụ that touches the database.
//!
//! One behaviour on SQLite (embedded default, WAL) and PostgreSQL, through diesel's
//! `MultiConnection` and one hand-written schema; every use case runs as one synchronous
//! transaction (call it from a blocking thread). Every read takes a [`Scope`], so no query
//! can forget who is asking; every change writes its audit row in the same transaction.
//!
//! One folder per capability, named as in the other crates: [`db`] reaches the database;
//! `tree`, `members`, `interchange`, `accounts`, `audit`, `reports` and `calendar` each hold their
//! queries, their views and their `impl Store` use cases.

mod accounts;
mod admissions;
mod audit;
mod calendar;
mod db;
mod error;
mod interchange;
mod lifecycle;
mod members;
mod ratings;
mod reports;
mod scope;
#[cfg(feature = "testing")]
pub mod testing;
mod transfers;
mod tree;

pub use accounts::*;
pub use admissions::*;
pub use audit::*;
pub use db::{Backend, DatabaseUrl, Store};
pub use error::{Entity, StoreError};
pub use interchange::*;
pub use lifecycle::*;
pub use members::*;
pub use scope::Scope;
#[cfg(feature = "testing")]
pub use testing::import_bench;
pub use transfers::*;
pub use tree::*;
