//! The JSON API, read side, through the real router on every backend: organizations,
//! members (paging, search, scope, masking, audit), errors with stable codes, and the
//! OpenAPI document and its page held equal to the route table.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

#[path = "api/client.rs"]
mod client;
#[path = "api/contract.rs"]
mod contract;
#[path = "api/errors.rs"]
mod errors;
#[path = "api/members.rs"]
mod members;
#[path = "api/orgs.rs"]
mod orgs;
