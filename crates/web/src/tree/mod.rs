//! The organization tree: the tree page as of a date, an organization's page, and the
//! organizations of the JSON API.

pub(crate) mod api;
pub(crate) mod org_page;
pub(crate) mod tree_page;
