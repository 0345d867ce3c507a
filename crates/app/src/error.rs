//! The one error type of the use-case layer.
//!
//! Refusals a user can act on are not errors here: an import that breaks a rule returns
//! its problems as [`crate::ImportOutcome::Refused`]. What remains is what storage could not
//! do (not found, a conflict, a failure) and a file that could not be written.

/// What can go wrong in a use case.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Storage refused or failed (not found — also outside the scope —, conflict, …).
    #[error(transparent)]
    Store(#[from] dangvu_storage::StoreError),
    /// An exported file could not be written.
    #[error("cannot write the export: {0}")]
    Write(#[from] dangvu_interchange::WriteError),
    /// The caller's role may not do this (e.g. a read-only account recording a step).
    #[error("not permitted for this role")]
    Forbidden,
    /// A temporary file or folder could not be made or read.
    #[error("file error: {0}")]
    Io(#[from] std::io::Error),
}
