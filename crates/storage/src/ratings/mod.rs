//! Quality rating (issue 13): each part in its own folder.

pub(crate) mod statistics;
