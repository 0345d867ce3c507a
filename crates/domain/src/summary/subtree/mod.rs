//! The figures of every organization's whole subtree, pre-summed, so that an
//! organization's figures on a day are one row whatever the size of its subtree.
//!
//! The cells' tallies ([`super::cells`]) make a subtree's figures one row per cell; a
//! province still has tens of thousands of cells. Each organization's figures are a step
//! function of the day too: the sum, over the organizations below it on each day, of what
//! each of them contributes on that day (a cell its members, a grassroots organization or a
//! cell under one itself, a rated organization its rating at year end). A contribution
//! reaches every organization on the unit's path while that path holds, so the tree's own
//! history is respected: "as of any date" is untouched.
//!
//! A write never recomputes an organization's figures from its subtree: it takes the
//! contributions of the units it touches before and after, and adds the difference
//! ([`Changes`]) to the stored periods of the organizations concerned ([`rewrite`]). The
//! stored periods stay canonical (maximal, not zero), so an organization's rows after any
//! sequence of writes equal its rows computed from scratch; the tests below and storage's
//! differential tests hold that.

use crate::dates::{Date, Period};
use crate::enums::OrgType;
use std::collections::BTreeMap;

/// What a subtree holds on a day.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SubtreeCounts {
    /// Party members (active or exempted).
    pub members: i64,
    /// Of them, probationary.
    pub probationary: i64,
    /// Of them, exempted.
    pub exempted: i64,
    /// Grassroots organizations.
    pub grassroots_orgs: i64,
    /// Cells under a grassroots organization.
    pub cells_under_grassroots: i64,
}

impl SubtreeCounts {
    /// The members a cell counts.
    pub fn of_members(c: super::cells::Counts) -> Self {
        SubtreeCounts {
            members: c.members,
            probationary: c.probationary,
            exempted: c.exempted,
            ..Self::default()
        }
    }

    /// What an organization of `org_type` counts for itself while it stands.
    pub fn of_org(org_type: OrgType) -> Self {
        SubtreeCounts {
            grassroots_orgs: i64::from(org_type.is_grassroots()),
            cells_under_grassroots: i64::from(org_type == OrgType::ChiBoTrucThuoc),
            ..Self::default()
        }
    }

    /// Whether it counts nothing.
    pub fn is_zero(&self) -> bool {
        *self == Self::default()
    }

    fn add(&mut self, other: SubtreeCounts, sign: i64) {
        self.members += sign * other.members;
        self.probationary += sign * other.probationary;
        self.exempted += sign * other.exempted;
        self.grassroots_orgs += sign * other.grassroots_orgs;
        self.cells_under_grassroots += sign * other.cells_under_grassroots;
    }
}

/// Changes of an organization's counts by the day they take effect: the counts on a day
/// move by the sum of the changes on or before it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Steps(BTreeMap<Date, SubtreeCounts>);

impl Steps {
    /// Adds `sign × counts` on every day of `period`.
    pub fn add(&mut self, period: Period, counts: SubtreeCounts, sign: i64) {
        if period.is_empty() || counts.is_zero() {
            return;
        }
        self.0.entry(period.from).or_default().add(counts, sign);
        self.0.entry(period.to).or_default().add(counts, -sign);
    }

    /// The first day on which the counts move, if any.
    pub fn first(&self) -> Option<Date> {
        self.0
            .iter()
            .find(|(_, delta)| !delta.is_zero())
            .map(|(day, _)| *day)
    }
}

/// What a year's summary counts of a subtree, on 31 December.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct YearCounts {
    /// Rated members.
    pub members_rated: i64,
    /// Of them, completed or better.
    pub members_completed: i64,
    /// Rated grassroots organizations.
    pub orgs_rated: i64,
    /// Of them, good or better.
    pub orgs_good: i64,
}

impl YearCounts {
    /// Whether it counts nothing.
    pub fn is_zero(&self) -> bool {
        *self == Self::default()
    }

    /// Adds `sign × other`.
    pub fn add(&mut self, other: YearCounts, sign: i64) {
        self.members_rated += sign * other.members_rated;
        self.members_completed += sign * other.members_completed;
        self.orgs_rated += sign * other.orgs_rated;
        self.orgs_good += sign * other.orgs_good;
    }
}

/// What a write changes in the organizations' pre-summed figures, by organization id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    /// Changes of each organization's counts.
    pub counts: BTreeMap<i64, Steps>,
    /// Changes of the admissions of each organization on each day.
    pub admissions: BTreeMap<(i64, Date), i64>,
    /// Changes of each organization's figures of a year.
    pub years: BTreeMap<(i64, i32), YearCounts>,
}

impl Changes {
    /// Adds a unit's contribution to the organizations of its path while it holds:
    /// `sign` is −1 for what a write replaces and +1 for what it writes.
    pub fn add(&mut self, path: &UnitPath, unit: &Contribution, sign: i64) {
        for ancestor in &path.ids {
            let steps = self.counts.entry(*ancestor).or_default();
            for (period, counts) in &unit.counts {
                steps.add(period.intersect(&path.period), *counts, sign);
            }
            for (day, n) in &unit.admissions {
                if path.period.contains(*day) && *n != 0 {
                    *self.admissions.entry((*ancestor, *day)).or_default() += sign * n;
                }
            }
            for (year, (day, counts)) in &unit.years {
                if path.period.contains(*day) {
                    self.years
                        .entry((*ancestor, *year))
                        .or_default()
                        .add(*counts, sign);
                }
            }
        }
    }

    /// Drops what cancels out, so that an unchanged unit writes nothing.
    pub fn prune(&mut self) {
        for steps in self.counts.values_mut() {
            steps.0.retain(|_, delta| !delta.is_zero());
        }
        self.counts.retain(|_, steps| !steps.0.is_empty());
        self.admissions.retain(|_, n| *n != 0);
        self.years.retain(|_, counts| !counts.is_zero());
    }
}

/// One period of a unit's path: the organizations from the root down to the unit itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitPath {
    /// When the path holds.
    pub period: Period,
    /// The organizations on it, the unit included.
    pub ids: Vec<i64>,
}

/// What one organization contributes to every organization on its path, whatever the path.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Contribution {
    /// Counts over periods (may overlap: they add up).
    pub counts: Vec<(Period, SubtreeCounts)>,
    /// Admissions by day.
    pub admissions: Vec<(Date, i64)>,
    /// A year's figures, with the day they are taken on (31 December).
    pub years: Vec<(i32, (Date, YearCounts))>,
}

/// The stored periods of an organization that end on or after some day, replaced by the
/// periods of their sum with `steps` (every change on or after that day): canonical —
/// in order, disjoint, not zero, equal neighbours merged.
///
/// `stored` must hold every stored period that ends on or after its first period's start
/// (storage reads those ending on or after the first change).
pub fn rewrite(stored: &[(Period, SubtreeCounts)], steps: &Steps) -> Vec<(Period, SubtreeCounts)> {
    let mut all = steps.clone();
    for (period, counts) in stored {
        all.add(*period, *counts, 1);
    }
    let mut periods: Vec<(Period, SubtreeCounts)> = Vec::new();
    let mut running = SubtreeCounts::default();
    let mut since: Option<Date> = None;
    for (day, delta) in &all.0 {
        if delta.is_zero() {
            continue;
        }
        if let Some(from) = since.filter(|_| !running.is_zero()) {
            match periods.last_mut() {
                Some((last, counts)) if last.to == from && *counts == running => last.to = *day,
                _ => periods.push((Period { from, to: *day }, running)),
            }
        }
        running.add(*delta, 1);
        since = Some(*day);
    }
    periods
}

#[cfg(test)]
mod tests;
