//! Exporting stored records as a [`Dataset`]: everything, or the subtree of one
//! organization with full histories — every organization that was ever in it (its paths
//! over all periods), every member ever registered in one of those whom the caller's
//! scope sees, with their whole history and ratings. A scope that reaches everything sees
//! everyone, so an administrator's export of a subtree keeps its figures of every year; a
//! subtree scope sees the members who belong to it today by the rule of
//! [`crate::tree::anchor`], the rule of its profiles and lists: someone who was once in a
//! cell and is registered elsewhere now is not in that cell secretary's export.
//!
//! A subtree's records refer to organizations outside it: superiors before or after a
//! restructure, cells members came from or went to, merger targets. Those are exported
//! too, as context (with their own superiors, so that the tree is whole), but without
//! their members or ratings; an export therefore always imports into an empty database.
//!
//! An export is a read of every record it holds (citizen IDs included), so it writes the
//! audit row `export` — who, which subtree, how many records — like the opening of a full
//! profile does ([`crate::Store::read_audited`]).

use crate::audit::pending::QueuedRow;
use crate::db::conn::DbConnection;
use crate::db::dating::in_range;
use crate::db::schema::{member_ratings, org_paths, org_ratings, registrations};
use crate::interchange::stored::{self, ID_CHUNK, StoredOrgs};
use crate::tree::access;
use crate::tree::anchor::anchor_day;
use crate::tree::refs::enum_code;
use crate::tree::sql::places;
use crate::{AuditAction, AuditEntity, Entity};
use crate::{AuditContext, Scope, StoreError};
use dangvu_domain::dataset::{Dataset, MemberRating, MemberRecord, OrgRating, OrgRecord};
use dangvu_domain::{Date, MemberCode, OrgCode, Period};
use diesel::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// The audit row `export` of `ctx` for `dataset`, the export of `org`'s subtree (default:
/// the scope's root, or everything): which subtree, how many records.
pub(crate) fn audit_row(
    ctx: &AuditContext,
    scope: &Scope,
    org: Option<&OrgCode>,
    dataset: &Dataset,
) -> QueuedRow {
    let root = org.or(scope.root()).map(OrgCode::to_string);
    let after = serde_json::json!({
        "orgs": dataset.orgs.len(),
        "members": dataset.members.len(),
        "member_ratings": dataset.member_ratings.len(),
        "org_ratings": dataset.org_ratings.len(),
        "calendar_days": dataset.calendar_days.len(),
        "dossiers": dataset.dossiers.len(),
        "monthly_results": dataset.monthly_results.len(),
        "commitments": dataset.commitments.len(),
    });
    QueuedRow {
        ctx: ctx.clone(),
        action: AuditAction::Export,
        entity: AuditEntity::Organization,
        entity_code: root,
        after_json: Some(after.to_string()),
    }
}

/// The records of the export of `org`'s subtree (default: the scope's root, or
/// everything), without its audit row.
pub(crate) fn collect(
    conn: &mut DbConnection,
    scope: &Scope,
    org: Option<&OrgCode>,
) -> Result<Dataset, StoreError> {
    if scope.own_member().is_some() {
        let code = org.map_or_else(String::new, ToString::to_string);
        return Err(StoreError::NotFound {
            entity: Entity::Organization,
            code,
        });
    }
    let orgs = stored::orgs(conn)?;
    let Some(root) = org.or(scope.root()) else {
        let ids: Vec<i64> = stored::member_ids(conn)?.into_values().collect();
        let wanted: BTreeSet<i64> = orgs.ids.values().copied().collect();
        let mut dataset = assemble(conn, orgs, &wanted, ids, true)?;
        crate::ratings::monthly::export(conn, &mut dataset)?;
        crate::ratings::commitments::export(conn, None, &mut dataset)?;
        return crate::admissions::read::with_dossiers(conn, scope, None, dataset);
    };
    let root_id = access::visible_org(conn, scope, root.as_str())?;
    let below = ever_below(conn, root_id)?;
    let subtree: BTreeSet<i64> = below.keys().copied().collect();
    let subtree_list: Vec<i64> = subtree.iter().copied().collect();
    let mut member_ids = Vec::new();
    for chunk in subtree_list.chunks(ID_CHUNK) {
        let found: Vec<i64> = registrations::table
            .filter(registrations::org_id.eq_any(chunk))
            .select(registrations::member_id)
            .distinct()
            .load(conn)?;
        member_ids.extend(found);
    }
    member_ids.sort_unstable();
    member_ids.dedup();
    let seen = match scope.root() {
        Some(scope_root) => {
            let scope_root_id = crate::tree::sql::org_id(conn, scope_root.as_str())?;
            // A scope usually exports its own root: its subtree over time is `below`.
            let scope_below = if scope_root_id == root_id {
                below
            } else {
                ever_below(conn, scope_root_id)?
            };
            belonging_members(conn, &member_ids, &scope_below, scope.today())?
        }
        None => member_ids,
    };
    let mut dataset = assemble(conn, orgs, &subtree, seen, false)?;
    crate::ratings::monthly::export(conn, &mut dataset)?;
    crate::ratings::commitments::export(conn, Some(&subtree_list), &mut dataset)?;
    crate::admissions::read::with_dossiers(conn, scope, Some(&subtree_list), dataset)
}

/// When each organization lay under one of `root_id`'s paths: every `org_paths` row in
/// the range of a place of the root, for the time both held.
fn ever_below(
    conn: &mut DbConnection,
    root_id: i64,
) -> Result<BTreeMap<i64, Vec<Period>>, StoreError> {
    let mut found: BTreeMap<i64, Vec<Period>> = BTreeMap::new();
    for place in places(conn, root_id)? {
        let rows: Vec<(i64, Date, Date)> = org_paths::table
            .filter(in_range(&place))
            .filter(org_paths::valid_from.lt(place.valid_to))
            .filter(org_paths::valid_to.gt(place.valid_from))
            .select((
                org_paths::org_id,
                org_paths::valid_from,
                org_paths::valid_to,
            ))
            .load(conn)?;
        for (org_id, from, to) in rows {
            found.entry(org_id).or_default().push(Period {
                from: from.max(place.valid_from),
                to: to.min(place.valid_to),
            });
        }
    }
    Ok(found)
}

/// The members of `candidates` whose anchor registration ([`anchor_day`]) lay in an
/// organization of `below` (the scope's subtree over time) on the anchor day.
fn belonging_members(
    conn: &mut DbConnection,
    candidates: &[i64],
    below: &BTreeMap<i64, Vec<Period>>,
    today: Date,
) -> Result<Vec<i64>, StoreError> {
    let mut belonging = Vec::with_capacity(candidates.len());
    for chunk in candidates.chunks(ID_CHUNK) {
        let rows: Vec<(i64, i64, Date, Date)> = registrations::table
            .filter(registrations::member_id.eq_any(chunk))
            .order((registrations::member_id, registrations::valid_from))
            .select((
                registrations::member_id,
                registrations::org_id,
                registrations::valid_from,
                registrations::valid_to,
            ))
            .load(conn)?;
        for member in rows.chunk_by(|a, b| a.0 == b.0) {
            let periods: Vec<Period> = member
                .iter()
                .map(|&(_, _, from, to)| Period { from, to })
                .collect();
            let anchored = anchor_day(&periods, today).and_then(|(i, day)| {
                let (member_id, org_id, _, _) = member.get(i)?;
                let under = below.get(org_id)?.iter().any(|p| p.contains(day));
                under.then_some(*member_id)
            });
            belonging.extend(anchored);
        }
    }
    Ok(belonging)
}

fn assemble(
    conn: &mut DbConnection,
    orgs: StoredOrgs,
    wanted: &BTreeSet<i64>,
    mut member_ids: Vec<i64>,
    everything: bool,
) -> Result<Dataset, StoreError> {
    member_ids.sort_unstable();
    let mut members = Vec::with_capacity(member_ids.len());
    let mut codes: HashMap<i64, MemberCode> = HashMap::with_capacity(member_ids.len());
    let mut member_ratings = Vec::new();
    for chunk in member_ids.chunks(ID_CHUNK) {
        for (id, record) in stored::members_by_id(conn, chunk, &orgs.codes)? {
            codes.insert(id, record.code.clone());
            members.push(record);
        }
        member_ratings.extend(member_ratings_of(conn, chunk, &codes)?);
    }
    let wanted_codes: BTreeSet<&OrgCode> =
        wanted.iter().filter_map(|id| orgs.codes.get(id)).collect();
    let org_ratings = org_ratings_of(conn, &orgs, |code| {
        everything || wanted_codes.contains(code)
    })?;
    let needed = with_context(&orgs.records, &wanted_codes, &members);
    let records = orgs
        .records
        .into_iter()
        .filter(|o| needed.contains(&o.code))
        .collect();
    // The calendar is the installation's, not a subtree's: only a whole export holds it.
    let calendar_days = if everything {
        crate::calendar::load(conn)?
    } else {
        Vec::new()
    };
    Ok(Dataset {
        orgs: records,
        members,
        member_ratings,
        org_ratings,
        calendar_days,
        dossiers: Vec::new(),
        monthly_results: Vec::new(),
        commitments: Vec::new(),
    })
}

/// The organizations `wanted`, and every organization they or `members` refer to, with
/// the superiors of those in turn.
fn with_context(
    all: &[OrgRecord],
    wanted: &BTreeSet<&OrgCode>,
    members: &[MemberRecord],
) -> BTreeSet<OrgCode> {
    let by_code: HashMap<&OrgCode, &OrgRecord> = all.iter().map(|o| (&o.code, o)).collect();
    let mut needed: BTreeSet<OrgCode> = wanted.iter().map(|c| (*c).clone()).collect();
    let mut pending: Vec<OrgCode> = needed.iter().cloned().collect();
    for member in members {
        pending.extend(member.registrations.iter().map(|r| r.org.clone()));
    }
    while let Some(code) = pending.pop() {
        needed.insert(code.clone());
        let Some(org) = by_code.get(&code) else {
            continue;
        };
        let refs = org
            .parents
            .iter()
            .filter_map(|l| l.parent.clone())
            .chain(org.merged_into.clone());
        pending.extend(refs.filter(|c| !needed.contains(c)));
    }
    needed
}

type RatingRow = (i64, i32, String, Option<i32>);

fn member_ratings_of(
    conn: &mut DbConnection,
    ids: &[i64],
    codes: &HashMap<i64, MemberCode>,
) -> Result<Vec<MemberRating>, StoreError> {
    let rows: Vec<RatingRow> = member_ratings::table
        .filter(member_ratings::member_id.eq_any(ids))
        .order((member_ratings::member_id, member_ratings::year))
        .select((
            member_ratings::member_id,
            member_ratings::year,
            member_ratings::rating,
            member_ratings::score,
        ))
        .load(conn)?;
    rows.into_iter()
        .filter_map(|(id, year, rating, score)| {
            let member = codes.get(&id)?.clone();
            Some(enum_code(&rating).map(|rating| MemberRating {
                year,
                member,
                rating,
                score: score.and_then(|s| u8::try_from(s).ok()),
            }))
        })
        .collect()
}

fn org_ratings_of(
    conn: &mut DbConnection,
    orgs: &StoredOrgs,
    include: impl Fn(&OrgCode) -> bool,
) -> Result<Vec<OrgRating>, StoreError> {
    let rows: Vec<RatingRow> = org_ratings::table
        .order((org_ratings::org_id, org_ratings::year))
        .select((
            org_ratings::org_id,
            org_ratings::year,
            org_ratings::rating,
            org_ratings::score,
        ))
        .load(conn)?;
    rows.into_iter()
        .filter_map(|(id, year, rating, score)| {
            let org = orgs.codes.get(&id).filter(|c| include(c))?.clone();
            Some(enum_code(&rating).map(|rating| OrgRating {
                year,
                org,
                rating,
                score: score.and_then(|s| u8::try_from(s).ok()),
            }))
        })
        .collect()
}
