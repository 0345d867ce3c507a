//! The audit log, for administrators.

pub(crate) mod api;
pub(crate) mod labels;
pub(crate) mod page;
