//! What an import will write, decided in memory before anything is written: which records
//! are new, which changed and how, and the counts of the summary.

use super::count::{count_member, count_org};
use super::records::{has_transfers, member_differences, merge_member, merge_org, org_differs};
use super::{GivenColumns, ImportCounts, ImportSummary};
use crate::codes::{MemberCode, OrgCode};
use crate::dataset::{Dataset, MemberRating, MemberRecord, OrgRating, OrgRecord};
use crate::dates::Date;
use crate::enums::Rating;
use crate::interchange::{SheetRows, Table};
use std::collections::HashMap;

/// A member whose stored record changes.
pub struct ChangedMember {
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
pub type StoredRatings = HashMap<(i64, i32), (Rating, Option<u8>)>;

/// Database ids by code (opaque numbers to the rules: they only travel into the plan).
pub type Ids = HashMap<String, i64>;

/// The stored records the file touches, with their ids.
pub struct StoredRecords<'s> {
    /// Every organization.
    pub orgs: &'s [OrgRecord],
    /// Every organization's id, by code.
    pub org_ids: &'s Ids,
    /// Every member's id, by code.
    pub member_ids: &'s Ids,
    /// The stored records of the file's members that exist, by code.
    pub members: &'s HashMap<MemberCode, (i64, MemberRecord)>,
    /// Stored ratings of the members the file rates.
    pub member_ratings: &'s StoredRatings,
    /// Stored ratings of organizations.
    pub org_ratings: &'s StoredRatings,
}

/// What the file asks: its records, the columns it gave, and when its undated changes
/// take effect.
#[derive(Clone, Copy)]
pub struct MergeRequest<'d> {
    /// The records of the file.
    pub dataset: &'d Dataset,
    /// The columns the file had.
    pub columns: &'d GivenColumns,
    /// The day a change without a date of its own takes effect.
    pub effective_on: Date,
    /// Whether the import will be rolled back (recorded in the summary).
    pub dry_run: bool,
    /// Where the file's records were read, when it was read from a file: which members'
    /// status histories are rows of `trang_thai_dang_vien` (without it, all are counted).
    pub rows: Option<&'d SheetRows>,
}

/// Everything an import writes.
pub struct Plan<'d> {
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
pub fn plan<'d>(stored: &StoredRecords<'_>, request: &MergeRequest<'d>) -> Plan<'d> {
    let ds = request.dataset;
    let mut summary = ImportSummary::new(request.effective_on, request.dry_run);
    let stored_by_code: HashMap<&OrgCode, &OrgRecord> =
        stored.orgs.iter().map(|o| (&o.code, o)).collect();
    let mut new_orgs = Vec::new();
    let mut changed_orgs = Vec::new();
    let mut replaced: HashMap<&OrgCode, OrgRecord> = HashMap::new();
    for file in &ds.orgs {
        let Some(old) = stored_by_code.get(&file.code) else {
            summary.counts_mut(Table::ToChuc).created += 1;
            count_org(&mut summary, None, file);
            new_orgs.push(file);
            continue;
        };
        let merged = merge_org(old, file, request.columns, request.effective_on);
        count_org(&mut summary, Some(old), file);
        let counts = summary.counts_mut(Table::ToChuc);
        if org_differs(old, &merged) {
            counts.updated += 1;
            replaced.insert(&file.code, merged.clone());
            changed_orgs.push((stored.org_ids.get(file.code.as_str()).copied(), merged));
        } else {
            counts.unchanged += 1;
        }
    }
    let all_orgs = stored
        .orgs
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
            stored.member_ratings,
            summary.counts_mut(Table::DanhGiaDangVien),
        ),
        org_ratings: plan_ratings(
            &ds.org_ratings,
            |r| stored.org_ids.get(r.org.as_str()).copied(),
            |r| (r.year, r.rating, r.score),
            stored.org_ratings,
            summary.counts_mut(Table::DanhGiaToChuc),
        ),
        summary,
    }
}

fn plan_members<'d>(
    stored: &StoredRecords<'_>,
    request: &MergeRequest<'d>,
    summary: &mut ImportSummary,
) -> (Vec<&'d MemberRecord>, Vec<ChangedMember>) {
    let mut new_members = Vec::new();
    let mut changed = Vec::new();
    let status_rows = |code: &MemberCode| request.rows.is_none_or(|r| r.status_rows.contains(code));
    for file in &request.dataset.members {
        let Some((id, old)) = stored.members.get(&file.code) else {
            summary.counts_mut(Table::DangVien).created += 1;
            count_member(summary, None, file, status_rows(&file.code));
            new_members.push(file);
            continue;
        };
        let merged = merge_member(old, file, request.columns, request.effective_on);
        count_member(summary, Some(old), file, status_rows(&file.code));
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
    counts: &mut ImportCounts,
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
