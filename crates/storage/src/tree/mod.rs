//! The organization tree over time: who may see which organization or member
//! ([`access`]), the materialized paths of the tree in SQL ([`sql`]), references to
//! organizations as links show them ([`refs`]), the organization pages ([`orgs`]) and the
//! search by code or name ([`search`]).

pub(crate) mod access;
pub(crate) mod anchor;
pub(crate) mod orgs;
pub(crate) mod refs;
mod search;
pub(crate) mod sql;
mod use_cases;
mod views;

pub use views::*;
