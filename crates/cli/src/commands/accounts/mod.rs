//! Accounts and API tokens, managed by the local administrator.

pub(super) mod token;
pub(super) mod user;
