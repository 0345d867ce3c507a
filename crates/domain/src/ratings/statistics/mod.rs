//! Rating statistics of a subtree (issue 13): for each year, the grassroots organizations,
//! the cells and the members by level, with the shares the Party's targets are stated in
//! ("trên 85% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên; 80% đảng viên hoàn thành
//! nhiệm vụ trở lên").
//!
//! The populations are those of the term report's `rating_levels`: the organizations of the
//! subtree on 31 December and the members registered in it that day. Years of the old
//! scheme (until 2017) count their labels as the four levels (`legacy`); pages show the
//! labels verbatim through [`level_label`]. [`compute`] is the reference the storage's SQL
//! is tested against; [`findings`] turns the rule checks into import findings.

pub mod findings;
pub mod sheet;

use super::legacy::{LegacyMemberLabel, LegacyOrgLabel};
use super::rule_sets::{Scheme, for_year};
use crate::OrgCode;
use crate::dataset::Dataset;
use crate::dates::year_end;
use crate::enums::{Enumeration, OrgType, Rating};
use crate::summary::term::LevelCounts;
use crate::tree::TreeHistory;
use std::collections::HashMap;

/// A share the Party sets as a yearly target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Target {
    /// The percentage.
    pub percent: u32,
    /// Whether the share must exceed it ("trên 85%") rather than reach it ("80%").
    pub strictly_above: bool,
}

impl Target {
    /// Whether `share` (a percentage) meets the target.
    pub fn met_by(self, share: f64) -> bool {
        let target = f64::from(self.percent);
        if self.strictly_above {
            share > target
        } else {
            share >= target
        }
    }
}

/// Over 85% of grassroots organizations HTTNV or better each year.
pub const GRASSROOTS_TARGET: Target = Target {
    percent: 85,
    strictly_above: true,
};

/// At least 80% of members HTNV or better each year.
pub const MEMBERS_TARGET: Target = Target {
    percent: 80,
    strictly_above: false,
};

/// One year's statistics of a subtree.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct YearStatistics {
    /// The year rated.
    pub year: i32,
    /// Grassroots organizations (đảng bộ cơ sở, chi bộ cơ sở) of the subtree, by level.
    pub grassroots: LevelCounts,
    /// Cells under a grassroots committee (chi bộ trực thuộc), by level.
    pub cells: LevelCounts,
    /// Members registered in the subtree on 31 December, by level.
    pub members: LevelCounts,
}

impl YearStatistics {
    /// A year with nothing counted.
    pub fn empty(year: i32) -> Self {
        Self {
            year,
            ..Self::default()
        }
    }

    /// Whether anything was rated that year.
    pub fn is_empty(&self) -> bool {
        self.grassroots.total() + self.cells.total() + self.members.total() == 0
    }

    /// The share of grassroots organizations rated HTTNV or better, when any was rated.
    pub fn grassroots_good_share(&self) -> Option<f64> {
        let c = &self.grassroots;
        percent(c.htxsnv + c.httnv, c.total())
    }

    /// The share of members rated HTNV or better, when any was rated.
    pub fn members_completed_share(&self) -> Option<f64> {
        let c = &self.members;
        percent(c.total() - c.khtnv, c.total())
    }
}

/// `n` out of `total` as a percentage, `None` for an empty total.
pub fn percent(n: u64, total: u64) -> Option<f64> {
    (total > 0).then(|| n as f64 * 100.0 / total as f64)
}

/// One level's count in `counts`.
pub fn count_of(counts: &LevelCounts, level: Rating) -> u64 {
    match level {
        Rating::Htxsnv => counts.htxsnv,
        Rating::Httnv => counts.httnv,
        Rating::Htnv => counts.htnv,
        Rating::Khtnv => counts.khtnv,
    }
}

/// Who a label is for: the old scheme named organizations' and members' levels apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rated {
    /// An organization.
    Org,
    /// A member.
    Member,
}

/// The Vietnamese label of `level` in `year`: the old scheme's label verbatim for the years
/// its rule set covers, the level's own label after.
pub fn level_label(year: i32, level: Rating, who: Rated) -> &'static str {
    match (for_year(year).scheme, who) {
        (Scheme::TrongSachVungManh, Rated::Org) => LegacyOrgLabel::of_level(level).label_vi(),
        (Scheme::TrongSachVungManh, Rated::Member) => LegacyMemberLabel::of_level(level).label_vi(),
        _ => level.label_vi(),
    }
}

/// The reference computation: each year of `years` for the subtree of `root`.
pub fn compute(
    ds: &Dataset,
    tree: &TreeHistory,
    root: &OrgCode,
    years: std::ops::RangeInclusive<i32>,
) -> Vec<YearStatistics> {
    let types: HashMap<_, _> = ds.orgs.iter().map(|o| (&o.code, o.org_type)).collect();
    let members: HashMap<_, _> = ds.members.iter().map(|m| (&m.code, m)).collect();
    years
        .map(|year| {
            let mut entry = YearStatistics::empty(year);
            let Some(day) = year_end(year) else {
                return entry;
            };
            for r in ds.org_ratings.iter().filter(|r| r.year == year) {
                if !tree.is_in_subtree(&r.org, root, day) {
                    continue;
                }
                match types.get(&r.org) {
                    Some(t) if t.is_grassroots() => entry.grassroots.add(r.rating, 1),
                    Some(OrgType::ChiBoTrucThuoc) => entry.cells.add(r.rating, 1),
                    _ => {}
                }
            }
            for r in ds.member_ratings.iter().filter(|r| r.year == year) {
                let registered = members.get(&r.member).and_then(|m| m.registration_on(day));
                if registered.is_some_and(|o| tree.is_in_subtree(o, root, day)) {
                    entry.members.add(r.rating, 1);
                }
            }
            entry
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_targets_read_as_the_resolution_states_them() {
        assert!(!GRASSROOTS_TARGET.met_by(85.0), "trên 85%");
        assert!(GRASSROOTS_TARGET.met_by(85.1));
        assert!(MEMBERS_TARGET.met_by(80.0), "80% trở lên");
        assert!(!MEMBERS_TARGET.met_by(79.9));
    }

    #[test]
    fn shares_count_the_levels_the_targets_name() {
        let mut y = YearStatistics::empty(2020);
        assert_eq!(y.grassroots_good_share(), None);
        y.grassroots.add(Rating::Htxsnv, 1);
        y.grassroots.add(Rating::Httnv, 2);
        y.grassroots.add(Rating::Htnv, 1);
        assert_eq!(y.grassroots_good_share(), Some(75.0));
        y.members.add(Rating::Htnv, 3);
        y.members.add(Rating::Khtnv, 1);
        assert_eq!(y.members_completed_share(), Some(75.0));
    }

    #[test]
    fn old_years_show_the_old_labels() {
        assert_eq!(
            level_label(2016, Rating::Htxsnv, Rated::Org),
            "Trong sạch, vững mạnh"
        );
        assert_eq!(
            level_label(2017, Rating::Htnv, Rated::Member),
            "Đủ tư cách, hoàn thành nhiệm vụ nhưng còn hạn chế"
        );
        assert_eq!(
            level_label(2020, Rating::Htnv, Rated::Member),
            "Hoàn thành nhiệm vụ"
        );
    }
}
