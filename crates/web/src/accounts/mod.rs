//! Accounts: who is asking (sessions, tokens, anti-forgery, the capability check), signing
//! in and out, and changing one's own password.

pub(crate) mod auth;
pub(crate) mod login;
pub(crate) mod password_page;
