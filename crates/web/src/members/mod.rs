//! Members: the member list of a subtree, a member's profile, and their JSON API.

pub(crate) mod api;
pub(crate) mod json;
pub(crate) mod list_page;
pub(crate) mod profile_page;
