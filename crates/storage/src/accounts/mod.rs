//! Who may sign in and as what: accounts and their administration ([`manage`]), signing in
//! ([`auth`]) with its throttle ([`throttle`]) and the refusals it counts ([`refusals`]),
//! browser sessions ([`sessions`]), API tokens ([`tokens`]), the secrets they rest on
//! ([`secrets`]), and the accounts of a fresh or demo installation ([`demo`]).

pub(crate) mod auth;
pub(crate) mod demo;
pub(crate) mod manage;
pub(crate) mod refusals;
pub(crate) mod rows;
pub(crate) mod secrets;
pub(crate) mod sessions;
pub(crate) mod throttle;
pub(crate) mod tokens;
mod views;

pub use dangvu_domain::actor::throttle::{
    ADDRESS_FREE as ADDRESS_LIMIT, PAIR_FREE as PAIR_LIMIT, WINDOW as THROTTLE_WINDOW,
};
pub use demo::{FIRST_ADMIN, demo_password};
pub use secrets::{SessionToken, TokenSecret};
pub use sessions::{SESSION_ABSOLUTE, SESSION_IDLE};
pub use tokens::MAX_TOKEN_DAYS;
pub use views::*;
