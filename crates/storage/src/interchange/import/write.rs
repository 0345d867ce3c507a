//! Writing a planned import: new records through the bulk inserts of `load.rs`, changed
//! records by update, and the histories of changed records replaced whole (their stored
//! periods are few, and the new ones were merged from them).

use crate::db::conn::DbConnection;
use crate::db::schema::{
    member_ratings, member_statuses, members, org_parents, org_ratings, organizations,
    registrations,
};
use crate::interchange::import::paths;
use crate::interchange::import::state::Stored;
use crate::interchange::load::{self, insert_chunks};
use crate::interchange::load_rows::{self as rows, Ids};
use crate::interchange::stored::ID_CHUNK;
use crate::members::rows::last_member_id;
use crate::reports::subtree::{self, Parts};
use crate::reports::tallies::refresh as tallies;
use crate::{ImportProgress, ImportRequest, StoreError};
use dangvu_domain::dataset::{MemberRecord, OrgRecord};
use dangvu_domain::enums::Enumeration;
use dangvu_domain::interchange::merge::{ChangedMember, Plan};
use dangvu_domain::text::{fold, given_first_key, name_sort_key};
use dangvu_domain::tree::TreeHistory;
use diesel::prelude::*;
use std::collections::{BTreeSet, HashSet};

/// New members written between two progress reports.
const MEMBERS_PER_STEP: usize = 50_000;

/// Writes `plan`; `stored` is what it was planned over, `tree` the tree after it.
pub(crate) fn write(
    conn: &mut DbConnection,
    stored: Stored,
    plan: &Plan<'_>,
    tree: &TreeHistory,
    request: &ImportRequest<'_>,
) -> Result<(), StoreError> {
    let ds = request.dataset;
    let total =
        (ds.orgs.len() + ds.members.len() + ds.member_ratings.len() + ds.org_ratings.len()) as u64;
    let report = |done: usize| {
        if let Some(progress) = request.progress {
            progress(ImportProgress {
                done: done as u64,
                total,
            });
        }
    };
    // The cells whose tallies the import moves: those the moved members leave (read before
    // their registrations are replaced) and, after writing, those every touched member is in.
    let last_old_member = last_member_id(conn)?;
    let moved: Vec<i64> = plan
        .changed_members
        .iter()
        .filter(|c| c.registrations)
        .map(|c| c.id)
        .collect();
    let mut cells = tallies::cells_of(conn, &moved)?;
    let org_ids = write_orgs(conn, &stored, plan, tree)?;
    report(ds.orgs.len());
    let mut member_ids = stored.member_ids;
    let mut known_up_to = member_ids.values().copied().max().unwrap_or(0);
    // The ids of new members are needed afterwards only for their ratings: a million
    // codes are not kept for nothing.
    let rated: HashSet<&str> = plan
        .member_ratings
        .0
        .iter()
        .map(|r| r.member.as_str())
        .collect();
    let mut done = ds.orgs.len();
    for chunk in plan.new_members.chunks(MEMBERS_PER_STEP) {
        let inserted = load::insert_members(conn, chunk, known_up_to)?;
        known_up_to = inserted.values().copied().max().unwrap_or(known_up_to);
        load::insert_histories(conn, chunk, &inserted, &org_ids)?;
        member_ids.extend(
            inserted
                .into_iter()
                .filter(|(code, _)| rated.contains(code.as_str())),
        );
        done += chunk.len();
        report(done);
    }
    update_members(conn, &plan.changed_members)?;
    replace_histories(conn, &plan.changed_members, &member_ids, &org_ids)?;
    report(ds.orgs.len() + ds.members.len());
    let inserts = (&plan.member_ratings.0[..], &plan.org_ratings.0[..]);
    subtree::tracked(conn, &rated_orgs(plan, &org_ids), Parts::ORG_RATINGS, |c| {
        load::insert_ratings(c, inserts, &member_ids, &org_ids)?;
        update_ratings(c, plan)
    })?;
    cells.extend(tallies::cells_of(
        conn,
        &touched_members(plan, &member_ids),
    )?);
    cells.extend(tallies::cells_of_members_after(conn, last_old_member)?);
    tallies::refresh(conn, cells)?;
    report(total as usize);
    Ok(())
}

/// The stored members whose tallied facts the plan changes: their days, histories or
/// ratings (new members are found by id).
fn touched_members(plan: &Plan<'_>, member_ids: &Ids) -> Vec<i64> {
    let changed = plan.changed_members.iter().map(|c| c.id);
    let rated = plan
        .member_ratings
        .0
        .iter()
        .filter_map(|r| member_ids.get(r.member.as_str()).copied());
    let rerated = plan.member_ratings.1.iter().map(|(id, _)| *id);
    let touched: BTreeSet<i64> = changed.chain(rated).chain(rerated).collect();
    touched.into_iter().collect()
}

/// The organizations whose ratings the plan inserts or changes.
fn rated_orgs(plan: &Plan<'_>, org_ids: &Ids) -> Vec<i64> {
    let inserted = plan
        .org_ratings
        .0
        .iter()
        .filter_map(|r| org_ids.get(r.org.as_str()).copied());
    let changed = plan.org_ratings.1.iter().map(|(id, _)| *id);
    let rated: BTreeSet<i64> = inserted.chain(changed).collect();
    rated.into_iter().collect()
}

/// Inserts new organizations, updates changed ones, and rebuilds the affected paths;
/// returns the ids of every organization.
fn write_orgs(
    conn: &mut DbConnection,
    stored: &Stored,
    plan: &Plan<'_>,
    tree: &TreeHistory,
) -> Result<Ids, StoreError> {
    if !plan.changes_tree() {
        return Ok(stored.orgs.ids.clone());
    }
    let ids = load::insert_orgs(conn, &plan.new_orgs)?;
    let (moved, paths) = paths::changes(conn, tree, &ids)?;
    // Whose whole contribution to the subtrees' figures moves: the organizations whose
    // paths change (new ones included) and those whose type may.
    let mut units: BTreeSet<i64> = moved.clone();
    units.extend(plan.changed_orgs.iter().map(|(id, _)| *id));
    let units: Vec<i64> = units.into_iter().collect();
    subtree::tracked(conn, &units, Parts::ALL, |conn| {
        load::set_mergers(conn, &plan.new_orgs, &ids)?;
        let changed_ids: Vec<i64> = plan.changed_orgs.iter().map(|(id, _)| *id).collect();
        for (id, org) in &plan.changed_orgs {
            update_org(conn, *id, org, &ids)?;
        }
        diesel::delete(org_parents::table.filter(org_parents::org_id.eq_any(&changed_ids)))
            .execute(conn)?;
        let reparented: Vec<&OrgRecord> = plan
            .new_orgs
            .iter()
            .copied()
            .chain(plan.changed_orgs.iter().map(|(_, o)| o))
            .collect();
        load::insert_parents(conn, &reparented, &ids)?;
        paths::replace(conn, &moved, paths)
    })?;
    Ok(ids)
}

fn update_org(
    conn: &mut DbConnection,
    id: i64,
    org: &OrgRecord,
    ids: &Ids,
) -> Result<(), StoreError> {
    let merged_into = org
        .merged_into
        .as_ref()
        .map(|m| rows::id_of(ids, m.as_str(), org.code.as_str()))
        .transpose()?;
    diesel::update(organizations::table.find(id))
        .set((
            organizations::name.eq(&org.name),
            organizations::name_folded.eq(fold(&org.name)),
            organizations::org_type.eq(org.org_type.code()),
            organizations::founded_on.eq(org.founded_on),
            organizations::dissolved_on.eq(org.dissolved_on),
            organizations::merged_into_id.eq(merged_into),
        ))
        .execute(conn)?;
    Ok(())
}

fn update_members(conn: &mut DbConnection, changed: &[ChangedMember]) -> Result<(), StoreError> {
    for member in changed.iter().filter(|c| c.sheet) {
        let (m, p) = (&member.record, &member.record.profile);
        diesel::update(members::table.find(member.id))
            .set((
                members::full_name.eq(&p.full_name),
                members::name_folded.eq(fold(&p.full_name)),
                members::given_first.eq(given_first_key(&p.full_name)),
                members::sort_key.eq(name_sort_key(&p.full_name)),
                members::gender.eq(p.gender.map(|g| g.code())),
                members::birth_date.eq(p.birth_date),
                members::ethnicity.eq(&p.ethnicity),
                members::religion.eq(&p.religion),
                members::citizen_id.eq(&p.citizen_id),
                members::hometown.eq(&p.hometown),
                members::admitted_on.eq(m.admitted_on),
                members::official_on.eq(m.official_on),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Replaces the registration and status periods of the members whose histories changed.
fn replace_histories(
    conn: &mut DbConnection,
    changed: &[ChangedMember],
    member_ids: &Ids,
    org_ids: &Ids,
) -> Result<(), StoreError> {
    let moved: Vec<&ChangedMember> = changed.iter().filter(|c| c.registrations).collect();
    for chunk in moved.chunks(ID_CHUNK) {
        let ids: Vec<i64> = chunk.iter().map(|c| c.id).collect();
        diesel::delete(registrations::table.filter(registrations::member_id.eq_any(&ids)))
            .execute(conn)?;
        let records: Vec<&MemberRecord> = chunk.iter().map(|c| &c.record).collect();
        let rows = rows::registration_rows(records, member_ids, org_ids)?;
        insert_chunks!(conn, registrations::table, rows, 4);
    }
    let restated: Vec<&ChangedMember> = changed.iter().filter(|c| c.statuses).collect();
    for chunk in restated.chunks(ID_CHUNK) {
        let ids: Vec<i64> = chunk.iter().map(|c| c.id).collect();
        diesel::delete(member_statuses::table.filter(member_statuses::member_id.eq_any(&ids)))
            .execute(conn)?;
        let records: Vec<&MemberRecord> = chunk.iter().map(|c| &c.record).collect();
        let rows = rows::status_rows(records, member_ids)?;
        insert_chunks!(conn, member_statuses::table, rows, 4);
    }
    Ok(())
}

fn update_ratings(conn: &mut DbConnection, plan: &Plan<'_>) -> Result<(), StoreError> {
    for (id, r) in &plan.member_ratings.1 {
        diesel::update(
            member_ratings::table
                .filter(member_ratings::member_id.eq(id))
                .filter(member_ratings::year.eq(r.year)),
        )
        .set((
            member_ratings::rating.eq(r.rating.code()),
            member_ratings::score.eq(r.score.map(i32::from)),
        ))
        .execute(conn)?;
    }
    for (id, r) in &plan.org_ratings.1 {
        diesel::update(
            org_ratings::table
                .filter(org_ratings::org_id.eq(id))
                .filter(org_ratings::year.eq(r.year)),
        )
        .set((
            org_ratings::rating.eq(r.rating.code()),
            org_ratings::score.eq(r.score.map(i32::from)),
        ))
        .execute(conn)?;
    }
    Ok(())
}
