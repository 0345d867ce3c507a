//! The codes references may point to: rows of the same import, and records that already
//! exist (interchange v1: "references … may point to rows of the same import or to existing
//! records"). This pure core knows existing records only through [`KnownCodes`], which the
//! database-aware import fills in.

use crate::codes::{MemberCode, OrgCode};
use crate::dataset::Dataset;
use crate::dates::{Date, Period};
use crate::enums::OrgType;
use std::collections::{HashMap, HashSet};

/// Existing organizations and members that imported rows may refer to.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct KnownCodes {
    /// Existing organizations, with what the import rules need to know of each.
    pub orgs: HashMap<OrgCode, KnownOrg>,
    /// Existing member codes.
    pub members: HashSet<MemberCode>,
    /// The day of the import: a birth, an admission, a full membership or a founding
    /// after it is refused, as no such event can lie in the future (dissolutions,
    /// transfers and status changes may be recorded ahead). `None` checks nothing (a file
    /// read on its own, outside an import).
    pub today: Option<Date>,
}

/// What the import rules need to know of an existing organization.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KnownOrg {
    /// Its type: members may only be registered in cells.
    pub org_type: OrgType,
    /// The days it exists: transfers may only go to an organization that exists then.
    pub life: Period,
}

impl KnownCodes {
    /// No existing records: every reference must point into the file itself.
    pub fn none() -> Self {
        Self::default()
    }

    /// The codes of a dataset already stored (or imported before).
    pub fn from_dataset(ds: &Dataset) -> Self {
        let orgs = ds
            .orgs
            .iter()
            .map(|o| {
                let known = KnownOrg {
                    org_type: o.org_type,
                    life: o.life(),
                };
                (o.code.clone(), known)
            })
            .collect();
        let members = ds.members.iter().map(|m| m.code.clone()).collect();
        Self {
            orgs,
            members,
            today: None,
        }
    }
}

/// What is known of an organization a row refers to, from the file or from [`KnownCodes`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct OrgFacts {
    /// The type, when it could be read.
    pub org_type: Option<OrgType>,
    /// The days it exists (open where a date is missing or unreadable).
    pub life: Period,
}

/// Organizations by code: rows of the file first (they update existing records), then the
/// known ones.
pub(crate) struct OrgIndex<'k> {
    in_file: HashMap<OrgCode, OrgFacts>,
    known: &'k KnownCodes,
}

impl<'k> OrgIndex<'k> {
    /// An index of the file's organizations (first row of each code) and the known ones.
    pub fn new(in_file: HashMap<OrgCode, OrgFacts>, known: &'k KnownCodes) -> Self {
        Self { in_file, known }
    }

    /// What is known of `code`, or `None` when it names no organization.
    pub fn get(&self, code: &OrgCode) -> Option<OrgFacts> {
        self.in_file.get(code).copied().or_else(|| {
            self.known.orgs.get(code).map(|k| OrgFacts {
                org_type: Some(k.org_type),
                life: k.life,
            })
        })
    }

    /// Whether `code` names an organization.
    pub fn contains(&self, code: &OrgCode) -> bool {
        self.get(code).is_some()
    }

    /// Whether the organization exists on `day` (unknown codes: reported elsewhere).
    pub fn is_active_on(&self, code: &OrgCode, day: Date) -> bool {
        self.get(code).is_none_or(|f| f.life.contains(day))
    }
}
