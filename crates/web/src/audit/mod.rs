//! The audit log, for administrators.

pub(crate) mod page;
