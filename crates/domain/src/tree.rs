//! The organization tree over time.
//!
//! An organization's place in the tree changes when it (or any of its superiors) moves
//! under another superior, is founded or is dissolved. [`TreeHistory::build`] splits each
//! organization's life into periods with one ancestor chain each; storage keeps those as
//! materialized paths so that "the subtree of S on day D" is one indexed range query, and
//! the reference report ([`crate::summary`]) walks the same chains in memory.

use crate::codes::OrgCode;
use crate::dataset::OrgRecord;
use crate::dates::{Date, Period};
use std::collections::HashMap;

/// A period during which an organization has one ancestor chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathPeriod {
    /// When the chain holds.
    pub period: Period,
    /// The chain from the root down to the organization itself (inclusive).
    pub chain: Vec<OrgCode>,
}

/// A problem that makes a tree impossible.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TreeError {
    /// A parent code names no organization.
    #[error("{org}: unknown parent {parent}")]
    UnknownParent {
        /// The child.
        org: OrgCode,
        /// The missing parent.
        parent: OrgCode,
    },
    /// Following parents from an organization comes back to it.
    #[error("{org}: the parent chain forms a cycle")]
    Cycle {
        /// An organization on the cycle.
        org: OrgCode,
    },
}

/// Every organization's ancestor chains over time.
#[derive(Debug, Clone, Default)]
pub struct TreeHistory {
    periods: HashMap<OrgCode, Vec<PathPeriod>>,
}

impl TreeHistory {
    /// Computes the chains of every organization. While a superior does not exist (not yet
    /// founded, or dissolved without moving its children) the child stands as a root.
    pub fn build(orgs: &[OrgRecord]) -> Result<Self, TreeError> {
        let by_code: HashMap<&OrgCode, &OrgRecord> = orgs.iter().map(|o| (&o.code, o)).collect();
        let mut history = TreeHistory::default();
        for org in orgs {
            let mut visiting = Vec::new();
            history.resolve(org, &by_code, &mut visiting)?;
        }
        Ok(history)
    }

    fn resolve(
        &mut self,
        org: &OrgRecord,
        by_code: &HashMap<&OrgCode, &OrgRecord>,
        visiting: &mut Vec<OrgCode>,
    ) -> Result<(), TreeError> {
        if self.periods.contains_key(&org.code) {
            return Ok(());
        }
        if visiting.contains(&org.code) {
            return Err(TreeError::Cycle {
                org: org.code.clone(),
            });
        }
        visiting.push(org.code.clone());
        let mut result = Vec::new();
        for (period, parent) in org.parent_periods() {
            let Some(parent_code) = parent else {
                result.push(PathPeriod {
                    period,
                    chain: vec![org.code.clone()],
                });
                continue;
            };
            let parent_org = by_code
                .get(parent_code)
                .ok_or_else(|| TreeError::UnknownParent {
                    org: org.code.clone(),
                    parent: parent_code.clone(),
                })?;
            self.resolve(parent_org, by_code, visiting)?;
            let parent_periods = self
                .periods
                .get(parent_code)
                .map(Vec::as_slice)
                .unwrap_or(&[]);
            result.extend(under_parent(&org.code, period, parent_periods));
        }
        visiting.pop();
        self.periods.insert(org.code.clone(), coalesce(result));
        Ok(())
    }

    /// The chains of one organization over time.
    pub fn periods_of(&self, org: &OrgCode) -> &[PathPeriod] {
        self.periods.get(org).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Every organization with its chains.
    pub fn iter(&self) -> impl Iterator<Item = (&OrgCode, &[PathPeriod])> {
        self.periods
            .iter()
            .map(|(code, periods)| (code, periods.as_slice()))
    }

    /// The ancestor chain of `org` on `day`, or `None` if it does not exist then.
    pub fn chain_on(&self, org: &OrgCode, day: Date) -> Option<&[OrgCode]> {
        self.periods_of(org)
            .iter()
            .find(|p| p.period.contains(day))
            .map(|p| p.chain.as_slice())
    }

    /// Whether `org` is `root` or below it on `day` (both must exist on that day).
    pub fn is_in_subtree(&self, org: &OrgCode, root: &OrgCode, day: Date) -> bool {
        self.chain_on(org, day)
            .is_some_and(|chain| chain.contains(root))
    }
}

/// Splits `period` by the parent's chains: covered parts hang under the parent, the rest
/// (the parent not existing) stands alone.
fn under_parent(org: &OrgCode, period: Period, parent: &[PathPeriod]) -> Vec<PathPeriod> {
    let mut out = Vec::new();
    let mut cursor = period.from;
    for pp in parent {
        let overlap = pp.period.intersect(&period);
        if overlap.is_empty() {
            continue;
        }
        if cursor < overlap.from {
            let gap = Period {
                from: cursor,
                to: overlap.from,
            };
            out.push(PathPeriod {
                period: gap,
                chain: vec![org.clone()],
            });
        }
        let mut chain = pp.chain.clone();
        chain.push(org.clone());
        out.push(PathPeriod {
            period: overlap,
            chain,
        });
        cursor = overlap.to;
    }
    if cursor < period.to {
        let rest = Period {
            from: cursor,
            to: period.to,
        };
        out.push(PathPeriod {
            period: rest,
            chain: vec![org.clone()],
        });
    }
    out
}

/// Sorts periods and merges neighbours that have the same chain.
fn coalesce(mut periods: Vec<PathPeriod>) -> Vec<PathPeriod> {
    periods.sort_by_key(|p| p.period.from);
    let mut out: Vec<PathPeriod> = Vec::with_capacity(periods.len());
    for p in periods {
        match out.last_mut() {
            Some(last) if last.chain == p.chain && last.period.to == p.period.from => {
                last.period.to = p.period.to;
            }
            _ => out.push(p),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::ParentLink;
    use crate::dates::parse_date;
    use crate::enums::OrgType;

    fn d(s: &str) -> Date {
        parse_date("ngay", s).unwrap()
    }
    fn code(s: &str) -> OrgCode {
        OrgCode::parse(s).unwrap()
    }
    fn org(
        c: &str,
        parents: &[(Option<&str>, Option<&str>)],
        life: (Option<&str>, Option<&str>),
    ) -> OrgRecord {
        OrgRecord {
            code: code(c),
            name: c.to_string(),
            org_type: OrgType::DangBoCoSo,
            founded_on: life.0.map(d),
            dissolved_on: life.1.map(d),
            merged_into: None,
            parents: parents
                .iter()
                .map(|(since, parent)| ParentLink {
                    since: since.map(d),
                    parent: parent.map(code),
                })
                .collect(),
        }
    }

    /// The 2025 restructure: VX is dissolved and its grassroots organization moves under a
    /// new commune-level committee of the province on the same day.
    fn restructure() -> Vec<OrgRecord> {
        vec![
            org("VX", &[(None, None)], (None, Some("2025-07-01"))),
            org("TQ", &[(None, None)], (None, None)),
            org("XA1", &[(None, Some("TQ"))], (Some("2025-07-01"), None)),
            org(
                "G1",
                &[(None, Some("VX")), (Some("2025-07-01"), Some("XA1"))],
                (None, None),
            ),
            org("C1", &[(None, Some("G1"))], (None, None)),
        ]
    }

    #[test]
    fn a_cell_follows_its_grassroots_organization_when_it_moves() {
        let tree = TreeHistory::build(&restructure()).unwrap();
        let c1 = code("C1");
        assert_eq!(
            tree.chain_on(&c1, d("2020-07-31")).unwrap(),
            &[code("VX"), code("G1"), c1.clone()]
        );
        assert_eq!(
            tree.chain_on(&c1, d("2025-07-01")).unwrap(),
            &[code("TQ"), code("XA1"), code("G1"), c1.clone()]
        );
        assert!(tree.is_in_subtree(&c1, &code("VX"), d("2025-06-30")));
        assert!(!tree.is_in_subtree(&c1, &code("VX"), d("2025-07-01")));
        assert!(tree.is_in_subtree(&c1, &code("TQ"), d("2026-01-01")));
    }

    #[test]
    fn a_dissolved_organization_has_no_place_after_its_end() {
        let tree = TreeHistory::build(&restructure()).unwrap();
        assert_eq!(tree.chain_on(&code("VX"), d("2025-07-01")), None);
        assert_eq!(tree.chain_on(&code("XA1"), d("2025-06-30")), None);
        assert_eq!(tree.periods_of(&code("C1")).len(), 2);
    }

    #[test]
    fn cycles_and_unknown_parents_are_errors() {
        let cyclic = vec![
            org("A", &[(None, Some("B"))], (None, None)),
            org("B", &[(None, Some("A"))], (None, None)),
        ];
        assert!(matches!(
            TreeHistory::build(&cyclic),
            Err(TreeError::Cycle { .. })
        ));
        let orphan = vec![org("A", &[(None, Some("Z"))], (None, None))];
        assert!(matches!(
            TreeHistory::build(&orphan),
            Err(TreeError::UnknownParent { .. })
        ));
    }
}
