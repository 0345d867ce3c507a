//! What the tree use cases return: organizations as pages and links show them.

use dangvu_domain::{Date, OrgCode, OrgType, Period};
use serde::Serialize;
use std::collections::BTreeSet;

/// A reference to an organization, as shown in links.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OrgRef {
    /// Code.
    pub code: OrgCode,
    /// Name.
    pub name: String,
    /// Type.
    pub org_type: OrgType,
}

/// A superior over a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ParentPeriod {
    /// When.
    pub period: Period,
    /// The superior, `None` when the organization stood as a root.
    pub parent: Option<OrgRef>,
}

/// An organization as its page shows it, as of a date.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OrgDetail {
    /// Code, name and type.
    pub org: OrgRef,
    /// Founding date.
    pub founded_on: Option<Date>,
    /// Dissolution date.
    pub dissolved_on: Option<Date>,
    /// The organization it merged into.
    pub merged_into: Option<OrgRef>,
    /// Whether it exists on the date asked.
    pub active: bool,
    /// Its ancestors on the date asked, root first (empty for a root or when inactive).
    pub ancestors: Vec<OrgRef>,
    /// Every superior it has had.
    pub parent_history: Vec<ParentPeriod>,
    /// The organizations named above that the reader's scope reaches: the page links to
    /// those and names the others as plain text.
    #[serde(skip)]
    pub reachable: BTreeSet<OrgCode>,
}

impl OrgDetail {
    /// Whether the reader's scope reaches organization `code` (so a link to it works).
    pub fn reaches(&self, code: &OrgCode) -> bool {
        self.reachable.contains(code)
    }

    /// The other organizations the page names: ancestors, superiors, merge target.
    pub(crate) fn named_orgs(&self) -> Vec<OrgCode> {
        let parents = self.parent_history.iter().filter_map(|p| p.parent.as_ref());
        self.ancestors
            .iter()
            .chain(parents)
            .chain(self.merged_into.as_ref())
            .map(|org| org.code.clone())
            .collect()
    }
}

/// A child organization with its figures on the date asked.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OrgChild {
    /// The child.
    pub org: OrgRef,
    /// Its subtree's figures.
    pub figures: dangvu_domain::summary::Figures,
}
