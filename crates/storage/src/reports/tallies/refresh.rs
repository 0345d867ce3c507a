//! Rewriting the tallies of cells from the records they are derived from.
//!
//! Called inside the transaction of every write that touches registrations, statuses,
//! admission or full-membership days or ratings, with the cells those records were or are
//! in, so that the tallies never disagree with the records a reader sees beside them.

use crate::StoreError;
use crate::db::conn::DbConnection;
use crate::db::schema::{
    cell_admissions, cell_counts, cell_ratings, member_ratings, member_statuses, members,
    registrations,
};
use crate::interchange::load::insert_chunks;
use crate::interchange::stored::ID_CHUNK;
use crate::reports::stored;
use crate::reports::subtree::{self, Parts};
use crate::tree::refs::enum_code;
use dangvu_domain::dates::year_end;
use dangvu_domain::summary::cells::{CellTally, MemberFacts, Stay, tally};
use dangvu_domain::{Date, MemberStatus, Period, Rating};
use diesel::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// The migration that introduced the tallies: the store that applies it computes them for
/// the records already stored ([`refresh_all`]).
pub(crate) const TALLIES_MIGRATION: &str = "2026-12-04-000000_cell_tallies";

/// Cells rewritten per step: their members' facts are held in memory for one step only, so
/// the memory of a national refresh stays that of a few thousand cells.
const CELLS_PER_STEP: usize = 2_000;

/// The cells `member_ids` are or were ever registered in.
pub(crate) fn cells_of(
    conn: &mut DbConnection,
    member_ids: &[i64],
) -> Result<BTreeSet<i64>, StoreError> {
    let mut cells = BTreeSet::new();
    for chunk in member_ids.chunks(ID_CHUNK) {
        let ids: Vec<i64> = registrations::table
            .filter(registrations::member_id.eq_any(chunk))
            .select(registrations::org_id)
            .distinct()
            .load(conn)?;
        cells.extend(ids);
    }
    Ok(cells)
}

/// The cells of the members whose id is above `id`: those an import has just inserted.
pub(crate) fn cells_of_members_after(
    conn: &mut DbConnection,
    id: i64,
) -> Result<BTreeSet<i64>, StoreError> {
    let ids: Vec<i64> = registrations::table
        .filter(registrations::member_id.gt(id))
        .select(registrations::org_id)
        .distinct()
        .load(conn)?;
    Ok(ids.into_iter().collect())
}

/// Rewrites the tallies of every cell that has ever had a member, leaving the subtrees'
/// figures to be rebuilt from them (`crate::reports::subtree::rebuild_all`).
pub(crate) fn rewrite_all(conn: &mut DbConnection) -> Result<(), StoreError> {
    let cells: Vec<i64> = registrations::table
        .select(registrations::org_id)
        .distinct()
        .order(registrations::org_id)
        .load(conn)?;
    for step in cells.chunks(CELLS_PER_STEP) {
        rewrite(conn, step)?;
    }
    Ok(())
}

/// Rewrites the tallies of `cells` from the stored records, and the figures of the
/// subtrees they are in by the difference.
pub(crate) fn refresh(
    conn: &mut DbConnection,
    cells: impl IntoIterator<Item = i64>,
) -> Result<(), StoreError> {
    let cells: Vec<i64> = cells.into_iter().collect();
    for step in cells.chunks(CELLS_PER_STEP) {
        subtree::tracked(conn, step, Parts::MEMBERS, |c| rewrite(c, step))?;
    }
    Ok(())
}

/// Rewrites the tallies of `step` (at most [`CELLS_PER_STEP`] cells).
fn rewrite(conn: &mut DbConnection, step: &[i64]) -> Result<(), StoreError> {
    delete(conn, step)?;
    let stays = stays_in(conn, step)?;
    let member_ids: Vec<i64> = stays
        .values()
        .flatten()
        .map(|(_, id)| *id)
        .collect::<BTreeSet<i64>>()
        .into_iter()
        .collect();
    let facts = member_facts(conn, &member_ids)?;
    let mut rows = Rows::default();
    for (cell, periods) in &stays {
        let cell_stays: Vec<Stay<'_>> = periods
            .iter()
            .filter_map(|(registered, id)| {
                let member = facts.get(id)?;
                Some(Stay {
                    registered: *registered,
                    member,
                })
            })
            .collect();
        rows.add(*cell, &tally(&cell_stays))?;
    }
    rows.insert(conn)?;
    Ok(())
}

fn delete(conn: &mut DbConnection, cells: &[i64]) -> Result<(), StoreError> {
    diesel::delete(cell_counts::table.filter(cell_counts::org_id.eq_any(cells))).execute(conn)?;
    diesel::delete(cell_admissions::table.filter(cell_admissions::org_id.eq_any(cells)))
        .execute(conn)?;
    diesel::delete(cell_ratings::table.filter(cell_ratings::org_id.eq_any(cells))).execute(conn)?;
    Ok(())
}

/// Every registration period in `cells`, with the member's id, by cell.
fn stays_in(
    conn: &mut DbConnection,
    cells: &[i64],
) -> Result<BTreeMap<i64, Vec<(Period, i64)>>, StoreError> {
    let rows: Vec<(i64, i64, Date, Date)> = registrations::table
        .filter(registrations::org_id.eq_any(cells))
        .select((
            registrations::org_id,
            registrations::member_id,
            registrations::valid_from,
            registrations::valid_to,
        ))
        .load(conn)?;
    let mut stays: BTreeMap<i64, Vec<(Period, i64)>> = BTreeMap::new();
    for (cell, member, from, to) in rows {
        stays
            .entry(cell)
            .or_default()
            .push((Period { from, to }, member));
    }
    Ok(stays)
}

/// The facts of `ids` the tallies need: days, statuses and ratings.
fn member_facts(
    conn: &mut DbConnection,
    ids: &[i64],
) -> Result<HashMap<i64, MemberFacts>, StoreError> {
    let mut facts = HashMap::with_capacity(ids.len());
    for chunk in ids.chunks(ID_CHUNK) {
        let days: Vec<(i64, Date, Option<Date>)> = members::table
            .filter(members::id.eq_any(chunk))
            .select((members::id, members::admitted_on, members::official_on))
            .load(conn)?;
        for (id, admitted_on, official_on) in days {
            let member = MemberFacts {
                admitted_on,
                official_on,
                statuses: Vec::new(),
                ratings: Vec::new(),
            };
            facts.insert(id, member);
        }
        let statuses: Vec<(i64, Date, Date, String)> = member_statuses::table
            .filter(member_statuses::member_id.eq_any(chunk))
            .select((
                member_statuses::member_id,
                member_statuses::valid_from,
                member_statuses::valid_to,
                member_statuses::status,
            ))
            .load(conn)?;
        for (id, from, to, status) in statuses {
            let status: MemberStatus = enum_code(&status)?;
            if let Some(member) = facts.get_mut(&id) {
                member.statuses.push((Period { from, to }, status));
            }
        }
        let ratings: Vec<(i64, i32, String)> = member_ratings::table
            .filter(member_ratings::member_id.eq_any(chunk))
            .select((
                member_ratings::member_id,
                member_ratings::year,
                member_ratings::rating,
            ))
            .load(conn)?;
        for (id, year, rating) in ratings {
            let rating: Rating = enum_code(&rating)?;
            if let Some(member) = facts.get_mut(&id) {
                member.ratings.push((year, rating));
            }
        }
    }
    Ok(facts)
}

/// The rows of one step's tallies, written together.
#[derive(Default)]
struct Rows {
    counts: Vec<CountRow>,
    admissions: Vec<AdmissionRow>,
    ratings: Vec<RatingRow>,
}

#[derive(Insertable)]
#[diesel(table_name = cell_counts, treat_none_as_default_value = false)]
struct CountRow {
    org_id: i64,
    valid_from: Date,
    valid_to: Date,
    members: i32,
    probationary: i32,
    exempted: i32,
}

#[derive(Insertable)]
#[diesel(table_name = cell_admissions, treat_none_as_default_value = false)]
struct AdmissionRow {
    org_id: i64,
    admitted_on: Date,
    admitted: i32,
}

#[derive(Insertable)]
#[diesel(table_name = cell_ratings, treat_none_as_default_value = false)]
struct RatingRow {
    org_id: i64,
    year: i32,
    rated_on: Date,
    rated: i32,
    completed: i32,
}

impl Rows {
    fn add(&mut self, org_id: i64, tally: &CellTally) -> Result<(), StoreError> {
        for (period, c) in &tally.counts {
            self.counts.push(CountRow {
                org_id,
                valid_from: period.from,
                valid_to: period.to,
                members: stored(c.members)?,
                probationary: stored(c.probationary)?,
                exempted: stored(c.exempted)?,
            });
        }
        for (day, n) in &tally.admissions {
            self.admissions.push(AdmissionRow {
                org_id,
                admitted_on: *day,
                admitted: stored(*n)?,
            });
        }
        for (year, r) in &tally.ratings {
            let Some(rated_on) = year_end(*year) else {
                continue;
            };
            self.ratings.push(RatingRow {
                org_id,
                year: *year,
                rated_on,
                rated: stored(r.rated)?,
                completed: stored(r.completed)?,
            });
        }
        Ok(())
    }

    fn insert(self, conn: &mut DbConnection) -> Result<(), StoreError> {
        insert_chunks!(conn, cell_counts::table, self.counts, 6);
        insert_chunks!(conn, cell_admissions::table, self.admissions, 3);
        insert_chunks!(conn, cell_ratings::table, self.ratings, 5);
        Ok(())
    }
}
