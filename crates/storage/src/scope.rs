//! The part of the organization tree a caller may see.
//!
//! Every storage read and write takes a `Scope`. It can only be built through these
//! constructors, so a query without one does not compile.

use dangvu_domain::{Date, OrgCode};

/// A caller's reach: the whole installation, or one organization's subtree as the tree
/// stands on the day of the request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scope {
    pub(crate) root: Option<OrgCode>,
    pub(crate) today: Date,
}

impl Scope {
    /// Everything: the local administrator (command line) and administrators.
    pub fn whole_installation(today: Date) -> Self {
        Self { root: None, today }
    }

    /// The subtree of `root` as it stands on `today`.
    pub fn subtree(root: OrgCode, today: Date) -> Self {
        Self {
            root: Some(root),
            today,
        }
    }

    /// The root of the subtree, or `None` for the whole installation.
    pub fn root(&self) -> Option<&OrgCode> {
        self.root.as_ref()
    }

    /// The day of the request.
    pub fn today(&self) -> Date {
        self.today
    }
}
