//! Import and export of interchange files over HTTP, shared by the pages and the JSON API.
//!
//! The command line reads a path; a browser or a script sends bytes. This folder turns an
//! upload into a path the use case understands ([`upload`]: an `.xlsx` workbook, a `.zip`
//! of `<table>.csv` files, or loose `.csv` files, saved in a private temporary folder),
//! keeps an upload between its preview and its confirmation ([`registry`]), and sends an
//! export as a download ([`package`]). Checking and importing, and building the export,
//! are the use-case layer's (`dangvu_app`); the pages and the API only carry files.

pub(crate) mod api;
mod api_json;
pub(crate) mod export_page;
mod folder;
pub(crate) mod import_page;
pub(crate) mod import_view;
pub(crate) mod package;
pub(crate) mod registry;
mod unzip;
pub(crate) mod upload;

pub(crate) use folder::UploadRoot;
pub(crate) use package::Download;
pub(crate) use registry::Uploads;
pub(crate) use upload::{Incoming, StageError, UPLOAD_LIMIT};
