//! Reports: the summary report's page and its JSON API.

pub(crate) mod api;
pub(crate) mod summary_page;
