//! The organization tree over time: who may see which organization or member
//! ([`access`]), the materialized paths of the tree in SQL ([`sql`]), references to
//! organizations as links show them ([`refs`]), and the organization pages ([`orgs`]).

pub(crate) mod access;
pub(crate) mod anchor;
pub(crate) mod orgs;
pub(crate) mod refs;
pub(crate) mod sql;
mod use_cases;
mod views;

pub use views::*;
