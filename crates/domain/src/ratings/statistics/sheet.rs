//! The yearly results sheet a committee sends upward: one row per organization directly
//! under the committee on 31 December (for a district committee, its grassroots
//! organizations), with the organization's own level and its members' levels, and a totals
//! row. The storage fills the rows; the interchange writes them as Excel.

use crate::OrgCode;
use crate::enums::Rating;
use crate::summary::term::LevelCounts;

/// One organization's row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetRow {
    /// The organization.
    pub code: OrgCode,
    /// Its name.
    pub name: String,
    /// Its own level that year, if rated.
    pub rating: Option<Rating>,
    /// The members registered in its subtree on 31 December, by level.
    pub members: LevelCounts,
}

/// The sheet of one committee and year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResultsSheet {
    /// The committee.
    pub code: OrgCode,
    /// Its name.
    pub name: String,
    /// The year rated.
    pub year: i32,
    /// The organizations directly under it, in code order.
    pub rows: Vec<SheetRow>,
}

impl ResultsSheet {
    /// The members' levels over all rows.
    pub fn member_totals(&self) -> LevelCounts {
        let mut total = LevelCounts::default();
        for row in &self.rows {
            total.htxsnv += row.members.htxsnv;
            total.httnv += row.members.httnv;
            total.htnv += row.members.htnv;
            total.khtnv += row.members.khtnv;
        }
        total
    }

    /// The organizations' own levels over all rows.
    pub fn org_totals(&self) -> LevelCounts {
        let mut total = LevelCounts::default();
        for level in self.rows.iter().filter_map(|r| r.rating) {
            total.add(level, 1);
        }
        total
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn totals_add_the_rows() {
        let row = |code: &str, rating, n| SheetRow {
            code: OrgCode::parse(code).unwrap(),
            name: code.to_string(),
            rating,
            members: LevelCounts {
                htxsnv: n,
                httnv: n,
                htnv: 1,
                khtnv: 0,
            },
        };
        let sheet = ResultsSheet {
            code: OrgCode::parse("VX").unwrap(),
            name: "VX".into(),
            year: 2020,
            rows: vec![row("VX.01", Some(Rating::Httnv), 2), row("VX.02", None, 3)],
        };
        assert_eq!(sheet.member_totals().total(), 12);
        assert_eq!(sheet.org_totals().httnv, 1);
        assert_eq!(sheet.org_totals().total(), 1);
    }
}
