//! Quality rating on the command line (issue 13), each part in its own file.

pub mod rounds;
pub mod statistics;
