//! Reports: the summary report's page, its charts and its JSON and Excel API.

pub(crate) mod api;
pub(crate) mod chart;
pub(crate) mod summary_charts;
mod summary_form;
pub(crate) mod summary_page;
pub(crate) mod term_api;
