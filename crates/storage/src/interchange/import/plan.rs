//! What an import will write, decided in memory before anything is written: which records
//! are new, which changed and how, and the counts of the summary.

use crate::interchange::import::count::{count_member, count_org};
use crate::interchange::import::merge::{
    has_transfers, member_differences, merge_member, merge_org, org_differs,
};
use crate::interchange::stored::StoredOrgs;
use crate::{ImportRequest, ImportSummary};
use dangvu_domain::dataset::{MemberRating, MemberRecord, OrgRating, OrgRecord};
use dangvu_domain::interchange::Table;
use dangvu_domain::{MemberCode, OrgCode, Rating};
use std::collections::HashMap;

/// A member whose stored record changes.
pub(crate) struct ChangedMember {
    /// The stored id.
    pub id: i64,
    /// The record after the import.
    pub record: MemberRecord,
    /// Whether the member sheet (or key dates) changed.
    pub sheet: bool,
    /// Whether the registration history changed.
    pub registrations: bool,
    /// Whether the status history changed.
    pub statuses: bool,
    /// Whether the file gave transfer rows (else a new registration is dated by the import).
    pub transfers_given: bool,
}

/// A stored rating: its level and points, by (member or organization id, year).
pub(crate) type StoredRatings = HashMap<(i64, i32), (Rating, Option<u8>)>;

/// The stored records the file touches.
pub(crate) struct Stored {
    /// Every organization.
    pub orgs: StoredOrgs,
    /// Every member's id, by code.
    pub member_ids: crate::interchange::load_rows::Ids,
    /// The stored records of the file's members that exist, by code.
    pub members: HashMap<MemberCode, (i64, MemberRecord)>,
    /// Stored ratings of the members the file rates.
    pub member_ratings: StoredRatings,
    /// Stored ratings of organizations.
    pub org_ratings: StoredRatings,
}

/// Everything an import writes.
pub(crate) struct Plan<'d> {
    /// Organizations to insert.
    pub new_orgs: Vec<&'d OrgRecord>,
    /// Stored organizations that change: id and the record after.
    pub changed_orgs: Vec<(i64, OrgRecord)>,
    /// Every organization as it will stand (for the tree and its paths).
    pub all_orgs: Vec<OrgRecord>,
    /// Members to insert.
    pub new_members: Vec<&'d MemberRecord>,
    /// Stored members that change.
    pub changed_members: Vec<ChangedMember>,
    /// Member ratings to insert, and to update (with the member id).
    pub member_ratings: (Vec<&'d MemberRating>, Vec<(i64, &'d MemberRating)>),
    /// Organization ratings to insert, and to update.
    pub org_ratings: (Vec<&'d OrgRating>, Vec<(i64, &'d OrgRating)>),
    /// The counts.
    pub summary: ImportSummary,
}

impl Plan<'_> {
    /// Whether the tree changes: then the paths of the affected organizations are rebuilt.
    pub fn changes_tree(&self) -> bool {
        !self.new_orgs.is_empty() || !self.changed_orgs.is_empty()
    }
}

/// Decides what `request` writes over `stored`.
pub(crate) fn plan<'d>(stored: &Stored, request: &ImportRequest<'d>) -> Plan<'d> {
    let ds = request.dataset;
    let mut summary = ImportSummary::new(request.effective_on, request.dry_run);
    let stored_by_code: HashMap<&OrgCode, &OrgRecord> =
        stored.orgs.records.iter().map(|o| (&o.code, o)).collect();
    let mut new_orgs = Vec::new();
    let mut changed_orgs = Vec::new();
    let mut replaced: HashMap<&OrgCode, OrgRecord> = HashMap::new();
    for file in &ds.orgs {
        let Some(old) = stored_by_code.get(&file.code) else {
            summary.counts_mut(Table::ToChuc).created += 1;
            count_org(&mut summary, None, file, file);
            new_orgs.push(file);
            continue;
        };
        let merged = merge_org(old, file, request.columns, request.effective_on);
        count_org(&mut summary, Some(old), file, &merged);
        let counts = summary.counts_mut(Table::ToChuc);
        if org_differs(old, &merged) {
            counts.updated += 1;
            replaced.insert(&file.code, merged.clone());
            changed_orgs.push((stored.orgs.ids.get(file.code.as_str()).copied(), merged));
        } else {
            counts.unchanged += 1;
        }
    }
    let all_orgs = stored
        .orgs
        .records
        .iter()
        .map(|o| replaced.remove(&o.code).unwrap_or_else(|| o.clone()))
        .chain(new_orgs.iter().map(|o| (*o).clone()))
        .collect();
    let (new_members, changed_members) = plan_members(stored, request, &mut summary);
    Plan {
        new_orgs,
        changed_orgs: changed_orgs
            .into_iter()
            .filter_map(|(id, record)| Some((id?, record)))
            .collect(),
        all_orgs,
        new_members,
        changed_members,
        member_ratings: plan_ratings(
            &ds.member_ratings,
            |r| stored.member_ids.get(r.member.as_str()).copied(),
            |r| (r.year, r.rating, r.score),
            &stored.member_ratings,
            summary.counts_mut(Table::DanhGiaDangVien),
        ),
        org_ratings: plan_ratings(
            &ds.org_ratings,
            |r| stored.orgs.ids.get(r.org.as_str()).copied(),
            |r| (r.year, r.rating, r.score),
            &stored.org_ratings,
            summary.counts_mut(Table::DanhGiaToChuc),
        ),
        summary,
    }
}

fn plan_members<'d>(
    stored: &Stored,
    request: &ImportRequest<'d>,
    summary: &mut ImportSummary,
) -> (Vec<&'d MemberRecord>, Vec<ChangedMember>) {
    let mut new_members = Vec::new();
    let mut changed = Vec::new();
    for file in &request.dataset.members {
        let Some((id, old)) = stored.members.get(&file.code) else {
            summary.counts_mut(Table::DangVien).created += 1;
            count_member(summary, None, file, file);
            new_members.push(file);
            continue;
        };
        let merged = merge_member(old, file, request.columns, request.effective_on);
        count_member(summary, Some(old), file, &merged);
        let (sheet, registrations, statuses) = member_differences(old, &merged);
        let counts = summary.counts_mut(Table::DangVien);
        if sheet || registrations || statuses {
            counts.updated += 1;
            changed.push(ChangedMember {
                id: *id,
                record: merged,
                sheet,
                registrations,
                statuses,
                transfers_given: has_transfers(file),
            });
        } else {
            counts.unchanged += 1;
        }
    }
    (new_members, changed)
}

/// Ratings are upserted by (code, year): new ones inserted, differing ones updated.
fn plan_ratings<'d, R>(
    ratings: &'d [R],
    id_of: impl Fn(&R) -> Option<i64>,
    key: impl Fn(&R) -> (i32, Rating, Option<u8>),
    stored: &StoredRatings,
    counts: &mut crate::ImportCounts,
) -> (Vec<&'d R>, Vec<(i64, &'d R)>) {
    let mut inserts = Vec::new();
    let mut updates = Vec::new();
    for rating in ratings {
        let (year, level, score) = key(rating);
        let found = id_of(rating).and_then(|id| Some((id, stored.get(&(id, year))?)));
        match found {
            None => {
                counts.created += 1;
                inserts.push(rating);
            }
            Some((_, old)) if *old == (level, score) => counts.unchanged += 1,
            Some((id, _)) => {
                counts.updated += 1;
                updates.push((id, rating));
            }
        }
    }
    (inserts, updates)
}
