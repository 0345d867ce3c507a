//! Which of the stock figures ([`super::Figures`]) mean something for an organization of a
//! given type.
//!
//! The figures count the whole subtree, the organization itself included, so that they add
//! up across levels; shown as they are, a cell would read "0 grassroots organizations · 1
//! cell under a grassroots committee" and a grassroots committee "1 grassroots organization"
//! (itself). Pages show only the figures that describe what lies in or below the
//! organization: members everywhere; the cells of a grassroots (or sub-) committee; the
//! grassroots organizations and cells below a level above the grassroots.

use crate::enums::OrgType;
use serde::Serialize;

/// The organization figures that apply to an organization (the member figures always do).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct FigureKinds {
    /// The grassroots organizations below it.
    pub grassroots_orgs: bool,
    /// The cells under grassroots committees below it (or its own).
    pub cells_under_grassroots: bool,
}

impl FigureKinds {
    /// The figures that apply to an organization of type `org_type`.
    pub fn of(org_type: OrgType) -> Self {
        match org_type {
            OrgType::Tinh | OrgType::Huyen | OrgType::Xa => Self {
                grassroots_orgs: true,
                cells_under_grassroots: true,
            },
            OrgType::DangBoCoSo | OrgType::DangBoBoPhan => Self {
                grassroots_orgs: false,
                cells_under_grassroots: true,
            },
            OrgType::ChiBoCoSo | OrgType::ChiBoTrucThuoc | OrgType::ToDang => Self::default(),
        }
    }

    /// The figures that apply to any of several organizations (the columns of a table).
    pub fn any_of(types: impl IntoIterator<Item = OrgType>) -> Self {
        types.into_iter().fold(Self::default(), |acc, t| {
            let kinds = Self::of(t);
            Self {
                grassroots_orgs: acc.grassroots_orgs || kinds.grassroots_orgs,
                cells_under_grassroots: acc.cells_under_grassroots || kinds.cells_under_grassroots,
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::enums::Enumeration;

    #[test]
    fn each_type_shows_what_lies_below_it_never_itself() {
        // (type, grassroots organizations, cells under grassroots committees)
        let cases = [
            (OrgType::Tinh, true, true),
            (OrgType::Huyen, true, true),
            (OrgType::Xa, true, true),
            (OrgType::DangBoCoSo, false, true),
            (OrgType::DangBoBoPhan, false, true),
            (OrgType::ChiBoCoSo, false, false),
            (OrgType::ChiBoTrucThuoc, false, false),
            (OrgType::ToDang, false, false),
        ];
        assert_eq!(cases.len(), OrgType::ALL.len());
        for (org_type, grassroots_orgs, cells) in cases {
            let kinds = FigureKinds::of(org_type);
            assert_eq!(kinds.grassroots_orgs, grassroots_orgs, "{org_type:?}");
            assert_eq!(kinds.cells_under_grassroots, cells, "{org_type:?}");
            // A grassroots organization never counts itself as one.
            assert!(!(org_type.is_grassroots() && kinds.grassroots_orgs));
        }
    }

    #[test]
    fn a_table_shows_a_column_when_any_row_needs_it() {
        let cells = [OrgType::ChiBoTrucThuoc, OrgType::ChiBoTrucThuoc];
        assert_eq!(FigureKinds::any_of(cells), FigureKinds::default());
        let mixed = [OrgType::ChiBoCoSo, OrgType::DangBoCoSo];
        let kinds = FigureKinds::any_of(mixed);
        assert!(kinds.cells_under_grassroots && !kinds.grassroots_orgs);
        assert_eq!(FigureKinds::any_of([]), FigureKinds::default());
    }
}
