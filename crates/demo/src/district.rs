//! The organization tree of the demo: Đảng bộ huyện Vị Xuyên until 2025-06-30, then the
//! commune-level committees of Đảng bộ tỉnh Tuyên Quang.
//!
//! The tree does not depend on the seed (it is drawn from a fixed structure seed), so a
//! code such as `VX.13.04` names the same village cell in every demo; only the people differ.
//! Alongside the [`OrgRecord`]s it keeps, for each cell that registers members, what the
//! simulation needs: the kind of cell, its commune, its expected size and its life.

use dangvu_domain::dataset::OrgRecord;
use dangvu_domain::{Date, OrgCode};

mod build;
mod units;

pub(crate) use build::build;

/// What kind of members a cell registers; drives sizes, ages and occupations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CellKind {
    /// A village (thôn) cell.
    Village,
    /// A residential group (tổ dân phố) cell of a town.
    Residential,
    /// The commune's own offices (cơ quan xã).
    CommuneOffice,
    /// The commune's military command and militia.
    Militia,
    /// A school.
    School,
    /// A State, Party or mass-organization agency.
    Agency,
    /// A unit of the district police.
    Police,
    /// A unit of the district military command.
    Army,
    /// A health unit.
    Health,
    /// An enterprise, cooperative or utility.
    Enterprise,
}

impl CellKind {
    /// Cells where people are registered by residence (retirees, farmers).
    pub fn is_residence(self) -> bool {
        matches!(self, Self::Village | Self::Residential)
    }

    fn size_range(self, highland: bool) -> (u32, u32) {
        match self {
            Self::Village if highland => (8, 22),
            Self::Village => (10, 26),
            Self::Residential => (14, 30),
            Self::CommuneOffice => (14, 24),
            Self::Militia => (6, 10),
            Self::School => (6, 15),
            Self::Police => (10, 18),
            Self::Army => (8, 13),
            Self::Health => (8, 16),
            Self::Agency | Self::Enterprise => (5, 12),
        }
    }
}

/// A cell that registers members (chi bộ cơ sở or chi bộ trực thuộc).
#[derive(Debug, Clone)]
pub(crate) struct Cell {
    /// The cell's code.
    pub code: OrgCode,
    /// What kind of members it registers.
    pub kind: CellKind,
    /// The commune (index in `COMMUNES`) where it sits.
    pub commune: usize,
    /// Expected number of members: the relative chance to receive a newcomer.
    pub weight: u32,
    /// First day of existence, `None` before any date in the data.
    pub founded_on: Option<Date>,
    /// First day it no longer exists.
    pub dissolved_on: Option<Date>,
    /// Index in `District::orgs` of its grassroots organization (itself for a chi bộ cơ sở).
    pub grassroots: usize,
}

impl Cell {
    /// Whether the cell exists on `day`.
    pub fn is_active_on(&self, day: Date) -> bool {
        self.founded_on.is_none_or(|f| f <= day) && self.dissolved_on.is_none_or(|d| day < d)
    }

    /// Whether the cell is never dissolved, so a registration there may stay open.
    pub fn is_permanent(&self) -> bool {
        self.dissolved_on.is_none()
    }
}

/// The members of a cell move to another cell on the day their organization merges.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Merge {
    /// The day of the merger (the first day the old cell no longer exists).
    pub on: Date,
    /// Index in `District::cells` of the dissolved cell.
    pub from_cell: usize,
    /// Index in `District::cells` of the receiving cell.
    pub to_cell: usize,
}

/// The whole tree with the simulation's view of its cells.
#[derive(Debug, Clone)]
pub(crate) struct District {
    /// Every organization, in code order under each root.
    pub orgs: Vec<OrgRecord>,
    /// Every cell that registers members.
    pub cells: Vec<Cell>,
    /// The mergers of the term.
    pub merges: Vec<Merge>,
}
