//! The demo's members as the dossiers need them: who is an official member of a cell on a
//! day (the introducers and the base of the cell's vote), and the cells that exist.

use dangvu_domain::dataset::{Dataset, MemberRecord};
use dangvu_domain::{Date, MemberCode, OrgCode, Period};
use std::collections::BTreeMap;

/// The generated members, indexed by the cells they were registered in.
pub(crate) struct Roster<'a> {
    /// Every member.
    pub members: &'a [MemberRecord],
    /// Per cell, its registration periods with the member's index.
    stays: BTreeMap<&'a OrgCode, Vec<(Period, usize)>>,
}

impl<'a> Roster<'a> {
    pub(crate) fn new(dataset: &'a Dataset) -> Self {
        let mut stays: BTreeMap<&'a OrgCode, Vec<(Period, usize)>> = BTreeMap::new();
        for (i, m) in dataset.members.iter().enumerate() {
            for (period, cell) in m.registration_periods() {
                stays.entry(cell).or_default().push((period, i));
            }
        }
        Self {
            members: &dataset.members,
            stays,
        }
    }

    /// The cell `member` was registered in on `day`.
    pub(crate) fn cell_of(member: &MemberRecord, day: Date) -> Option<OrgCode> {
        member
            .registration_periods()
            .into_iter()
            .find(|(p, _)| p.contains(day))
            .map(|(_, cell)| cell.clone())
    }

    /// The official members of `cell` on `day`, in code order.
    pub(crate) fn officials(&self, cell: &OrgCode, day: Date) -> Vec<MemberCode> {
        let mut codes: Vec<MemberCode> = self
            .stays
            .get(cell)
            .into_iter()
            .flatten()
            .filter(|(p, _)| p.contains(day))
            .filter_map(|(_, i)| self.members.get(*i))
            .filter(|m| is_official_on(m, day))
            .map(|m| m.code.clone())
            .collect();
        codes.sort();
        codes.dedup();
        codes
    }

    /// The cells with at least one official member on `day`.
    pub(crate) fn cells_with_officials(&self, day: Date) -> Vec<OrgCode> {
        self.stays
            .keys()
            .filter(|cell| !self.officials(cell, day).is_empty())
            .map(|c| (*c).clone())
            .collect()
    }
}

/// Whether `m` is an official member counted as a member on `day`.
pub(crate) fn is_official_on(m: &MemberRecord, day: Date) -> bool {
    let counted = m
        .status_periods()
        .into_iter()
        .find(|(p, _)| p.contains(day))
        .is_some_and(|(_, s)| s.counts_as_member());
    counted && m.admitted_on <= day && m.official_on.is_some_and(|o| o <= day)
}
