//! Import and export of interchange files over HTTP, shared by the pages and the JSON API.
//!
//! The command line reads a path; a browser or a script sends bytes. This module turns an
//! upload into a path the interchange reader understands ([`upload`]: an `.xlsx` workbook,
//! a `.zip` of `<table>.csv` files, or loose `.csv` files, saved in a private temporary
//! folder), runs the same use case as `dangvu import` on it ([`run`]: known codes → check →
//! scoped import, dry or real) and keeps an upload between its preview and its confirmation
//! ([`registry`]). Export goes the other way ([`package`]): the scoped dataset, citizen IDs
//! masked unless the reader's role needs them, as one downloadable file.

pub(crate) mod package;
pub(crate) mod registry;
pub(crate) mod run;
mod unzip;
pub(crate) mod upload;

pub(crate) use package::{Download, Format};
pub(crate) use registry::Uploads;
pub(crate) use run::{Outcome, check_and_import};
pub(crate) use upload::{Incoming, StageError, UPLOAD_LIMIT};
