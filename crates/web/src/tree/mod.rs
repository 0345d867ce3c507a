//! The organization tree: the tree page as of a date, an organization's page, and the
//! organizations of the JSON API.

pub(crate) mod api;
pub(crate) mod org_page;
pub(crate) mod tree_page;

use dangvu_app::records::OrgChild;
use dangvu_domain::OrgType;
use dangvu_domain::summary::FigureKinds;

/// The figures that mean something for an organization of `org_type` (the domain's rule),
/// for the figure cards and tables of the templates.
pub(crate) fn figure_kinds(org_type: &OrgType) -> FigureKinds {
    FigureKinds::of(*org_type)
}

/// The figure columns a table of `children` needs: those that apply to any of them.
pub(crate) fn children_kinds(children: &[OrgChild]) -> FigureKinds {
    FigureKinds::any_of(children.iter().map(|child| child.org.org_type))
}
