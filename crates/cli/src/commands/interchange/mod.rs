//! Import and export of interchange files (see `docs/interchange-format.md`).

pub(super) mod export;
pub(super) mod import;
