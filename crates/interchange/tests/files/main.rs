//! Integration tests of the interchange files: what a person importing or exporting sees.
//! One test binary (one link step) for every file-level test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod csv_folder;
mod round_trip;
mod support;
mod template;
mod xlsx_fixtures;
