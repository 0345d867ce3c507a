//! Members: the member list of a subtree, a member's profile with their party age and
//! badges, the page recording their lifecycle (exit, badge, exemption), and the JSON API.

pub(crate) mod api;
pub(crate) mod json;
mod life_card;
pub(crate) mod lifecycle_api;
mod lifecycle_form;
pub(crate) mod lifecycle_page;
pub(crate) mod list_page;
pub(crate) mod profile_page;
