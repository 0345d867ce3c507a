//! Import and export of interchange files (see `docs/interchange-format.md`).
//!
//! One import for everyone: the codes the caller's scope already has, the file checked
//! against them, then the scoped import in one transaction — a preview (everything
//! checked, then rolled back) or for real. One export: the subtree's records with their
//! histories, citizen IDs masked unless the caller's role needs them, written as a
//! workbook, a CSV folder, or the bytes of either for a download.

mod export;
mod import;
mod package;
mod probing;

pub use export::{ExportCounts, ExportFile, ExportFormat};
pub use import::{ImportOutcome, ImportReport, TableReport};
pub(crate) use package::file_stem;
pub use package::{XLSX_TYPE, ZIP_TYPE};
pub use probing::{CONFLICT_LIMIT, CONFLICT_WINDOW};
