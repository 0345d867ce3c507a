//! The only crate of Đảng vụ that touches the database.
//!
//! One behaviour on SQLite (embedded default, WAL) and PostgreSQL, through diesel's
//! `MultiConnection` and one hand-written schema; every use case runs as one synchronous
//! transaction (call it from a blocking thread). Every read takes a [`Scope`], so no query
//! can forget who is asking; every change writes its audit row in the same transaction.

mod access;
mod account_rows;
mod account_views;
mod accounts;
mod audit;
mod audit_chain;
mod audit_records;
mod auth;
mod conn;
mod db_error;
mod demo_accounts;
mod error;
mod export;
mod figures;
mod import;
mod import_checks;
mod import_count;
mod import_history;
mod import_known;
mod import_merge;
mod import_plan;
mod import_state;
mod import_types;
mod import_write;
mod load;
mod load_rows;
mod member_detail;
mod member_rows;
mod member_sheet;
mod members;
mod migrate;
mod orgs;
mod periods;
mod refs;
mod schema;
mod scope;
mod secrets;
mod sessions;
mod store;
mod stored;
mod summary;
mod throttle;
mod tokens;
mod tree_sql;
mod txn;
mod url;
mod views;

pub use account_views::*;
pub use demo_accounts::{FIRST_ADMIN, demo_password};
pub use error::StoreError;
pub use import_types::{
    GivenColumns, ImportCounts, ImportError, ImportProgress, ImportRequest, ImportSummary,
    TableCounts,
};
pub use scope::Scope;
pub use secrets::{SessionToken, TokenSecret};
pub use sessions::{SESSION_ABSOLUTE, SESSION_IDLE};
pub use store::Store;
pub use throttle::{ACCOUNT_LIMIT, ADDRESS_LIMIT, WINDOW as THROTTLE_WINDOW};
pub use tokens::MAX_TOKEN_DAYS;
pub use url::{Backend, DatabaseUrl};
pub use views::*;
#[cfg(feature = "testing")]
pub mod import_bench;
#[cfg(feature = "testing")]
pub mod testing;
