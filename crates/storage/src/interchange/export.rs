//! Exporting stored records as a [`Dataset`]: everything, or the subtree of one
//! organization with full histories — every organization that was ever in it (its paths
//! over all periods), every member ever registered in one of those, and their ratings.
//!
//! A subtree's records refer to organizations outside it: superiors before or after a
//! restructure, cells members came from or went to, merger targets. Those are exported
//! too, as context (with their own superiors, so that the tree is whole), but without
//! their members or ratings; an export therefore always imports into an empty database.
//!
//! An export is a read of every record it holds (citizen IDs included), so it writes the
//! audit row `export` — who, which subtree, how many records — in its own transaction, like
//! the opening of a full profile does.

use crate::audit::{self, Change};
use crate::db::conn::DbConnection;
use crate::db::dating::in_range;
use crate::db::schema::{member_ratings, org_paths, org_ratings, registrations};
use crate::interchange::stored::{self, ID_CHUNK, StoredOrgs};
use crate::tree::access;
use crate::tree::refs::enum_code;
use crate::tree::sql::places;
use crate::{AuditAction, AuditEntity, Entity};
use crate::{AuditContext, Scope, StoreError};
use dangvu_domain::dataset::{Dataset, MemberRating, MemberRecord, OrgRating, OrgRecord};
use dangvu_domain::{MemberCode, OrgCode};
use diesel::prelude::*;
use std::collections::{BTreeSet, HashMap};

/// The dataset of `org`'s subtree (default: the scope's root, or everything), with the
/// audit row `export` of `ctx`.
pub(crate) fn export(
    conn: &mut DbConnection,
    scope: &Scope,
    org: Option<&OrgCode>,
    ctx: &AuditContext,
) -> Result<Dataset, StoreError> {
    let dataset = collect(conn, scope, org)?;
    let root = org.or(scope.root()).map(OrgCode::as_str);
    let after = serde_json::json!({
        "orgs": dataset.orgs.len(),
        "members": dataset.members.len(),
        "member_ratings": dataset.member_ratings.len(),
        "org_ratings": dataset.org_ratings.len(),
    });
    audit::record(
        conn,
        ctx,
        Change {
            action: AuditAction::Export,
            entity: AuditEntity::Organization,
            entity_code: root,
            before_json: None,
            after_json: Some(after.to_string()),
        },
    )?;
    Ok(dataset)
}

/// The records of the export, without its audit row.
fn collect(
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
        return assemble(conn, orgs, &wanted, ids, true);
    };
    let root_id = access::visible_org(conn, scope, root.as_str())?;
    let subtree = ever_below(conn, root_id)?;
    let subtree_list: Vec<i64> = subtree.iter().copied().collect();
    let mut member_ids = BTreeSet::new();
    for chunk in subtree_list.chunks(ID_CHUNK) {
        let found: Vec<i64> = registrations::table
            .filter(registrations::org_id.eq_any(chunk))
            .select(registrations::member_id)
            .distinct()
            .load(conn)?;
        member_ids.extend(found);
    }
    assemble(
        conn,
        orgs,
        &subtree,
        member_ids.into_iter().collect(),
        false,
    )
}

/// Every organization whose path lay under one of `root_id`'s paths at the same time.
fn ever_below(conn: &mut DbConnection, root_id: i64) -> Result<BTreeSet<i64>, StoreError> {
    let mut found = BTreeSet::new();
    for place in places(conn, root_id)? {
        let ids: Vec<i64> = org_paths::table
            .filter(in_range(&place))
            .filter(org_paths::valid_from.lt(place.valid_to))
            .filter(org_paths::valid_to.gt(place.valid_from))
            .select(org_paths::org_id)
            .load(conn)?;
        found.extend(ids);
    }
    Ok(found)
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
    Ok(Dataset {
        orgs: records,
        members,
        member_ratings,
        org_ratings,
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
