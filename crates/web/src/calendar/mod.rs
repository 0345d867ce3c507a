//! The working-day calendar: the page of a year's days off and days worked (administrators
//! add or correct a day there), and the API that counts working days.

pub(crate) mod api;
mod form;
pub(crate) mod page;
