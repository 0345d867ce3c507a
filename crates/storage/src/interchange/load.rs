//! Writing a whole dataset: organizations, tree paths, members, histories and ratings.
//!
//! Runs inside the caller's transaction, and ends by computing the tallies of the cells
//! its members are registered in (`crate::reports::tallies`). A dataset of new members
//! whose organizations are already stored is appended the same way, which is how a large
//! generated installation is loaded a part at a time. Rows go in multi-row inserts through
//! the inner connection of each engine, in chunks that stay under SQLite's limit of bound parameters
//! (32 766), then the audit row is appended. The steps are separate functions because an
//! import inserts its new records with them too (`import/write.rs`).

use crate::audit::{self, Change};
use crate::db::conn::DbConnection;
use crate::db::schema::{
    member_ratings, member_statuses, members, org_parents, org_paths, org_ratings, organizations,
    registrations,
};
use crate::interchange::load_rows::{self as rows, Ids};
use crate::members::rows::{MEMBER_COLUMNS, last_member_id, new_member};
use crate::reports::subtree::{self, Parts};
use crate::reports::tallies::refresh as tallies;
use crate::{AuditAction, AuditEntity};
use crate::{AuditContext, StoreError};
use dangvu_domain::dataset::{Dataset, MemberRating, MemberRecord, OrgRating, OrgRecord};
use dangvu_domain::tree::TreeHistory;
use diesel::prelude::*;
use serde::Serialize;

/// Bound parameters per statement: below SQLite's 32 766 and PostgreSQL's 65 535.
pub(crate) const MAX_PARAMETERS: usize = 30_000;

/// Rows per multi-row `insert` on SQLite. Every full batch is the same statement, which
/// the connection prepares once and keeps: preparing a statement of thousands of
/// parameters for each batch cost a tenth of a 10,000-member import.
pub(crate) const SQLITE_BATCH_ROWS: usize = 100;

/// Inserts `$rows` (a `Vec`) into `$table`; evaluates to the number of rows written. SQLite
/// takes fixed-size multi-row `insert`s of [`SQLITE_BATCH_ROWS`] rows (at most
/// `MAX_PARAMETERS` parameters), prepared once, then single-row ones for the rest;
/// PostgreSQL takes the rows in one binary `COPY`, several times faster than `insert` for
/// the hundreds of thousands of rows of an import (same constraints, same errors). Rows that
/// borrow their text take the `borrowed` form.
macro_rules! insert_chunks {
    // Rows that borrow their text (a batch of them has no fixed statement): one prepared
    // single-row `insert` each on SQLite.
    ($conn:expr, $table:expr, $rows:expr, $columns:expr, borrowed) => {{
        let rows = &$rows;
        let written: u64 = match &mut *$conn {
            $crate::db::conn::DbConnection::Sqlite(c) => {
                let mut written: u64 = 0;
                for row in rows.iter() {
                    let n = diesel::insert_into($table).values(row).execute(c)?;
                    written += n as u64;
                }
                written
            }
            $crate::db::conn::DbConnection::Pg(c) if !rows.is_empty() => {
                let n = diesel::copy_from($table)
                    .from_insertable(&rows[..])
                    .execute(c)?;
                n as u64
            }
            $crate::db::conn::DbConnection::Pg(_) => 0,
        };
        written
    }};
    ($conn:expr, $table:expr, $rows:expr, $columns:expr) => {{
        let rows = &$rows;
        let written: u64 = match &mut *$conn {
            $crate::db::conn::DbConnection::Sqlite(c) => {
                const ROWS: usize = if $crate::interchange::load::SQLITE_BATCH_ROWS * $columns
                    <= $crate::interchange::load::MAX_PARAMETERS
                {
                    $crate::interchange::load::SQLITE_BATCH_ROWS
                } else {
                    1
                };
                let mut written: u64 = 0;
                let mut batches = rows.chunks_exact(ROWS);
                for batch in &mut batches {
                    if let Ok(batch) = <&[_; ROWS]>::try_from(batch) {
                        let n = diesel::insert_into($table).values(batch).execute(c)?;
                        written += n as u64;
                    }
                }
                for row in batches.remainder() {
                    let n = diesel::insert_into($table).values(row).execute(c)?;
                    written += n as u64;
                }
                written
            }
            $crate::db::conn::DbConnection::Pg(c) if !rows.is_empty() => {
                let n = diesel::copy_from($table)
                    .from_insertable(&rows[..])
                    .execute(c)?;
                n as u64
            }
            $crate::db::conn::DbConnection::Pg(_) => 0,
        };
        written
    }};
}
pub(crate) use insert_chunks;

/// Writes `ds` and its audit row.
pub(crate) fn load(
    conn: &mut DbConnection,
    ds: &Dataset,
    ctx: &AuditContext,
) -> Result<LoadStats, StoreError> {
    let tree = TreeHistory::build(&ds.orgs).map_err(|e| StoreError::Invalid(e.to_string()))?;
    let orgs: Vec<&OrgRecord> = ds.orgs.iter().collect();
    let org_ids = insert_orgs(conn, &orgs)?;
    let last_old_member = last_member_id(conn)?;
    // The new organizations and those the dataset rates change the subtrees' figures by
    // their type and ratings; their members do through the cells' tallies below.
    let units = orgs_counted(ds, &org_ids);
    let stats = subtree::tracked(conn, &units, Parts::ORGS, |conn| {
        set_mergers(conn, &orgs, &org_ids)?;
        insert_parents(conn, &orgs, &org_ids)?;
        insert_chunks!(conn, org_paths::table, rows::path_rows(&tree, &org_ids)?, 6);
        let members: Vec<&MemberRecord> = ds.members.iter().collect();
        let member_ids = insert_members(conn, &members, last_old_member)?;
        let (registrations, statuses) = insert_histories(conn, &members, &member_ids, &org_ids)?;
        let member_ratings: Vec<&MemberRating> = ds.member_ratings.iter().collect();
        let org_ratings: Vec<&OrgRating> = ds.org_ratings.iter().collect();
        let ratings = (&member_ratings[..], &org_ratings[..]);
        Ok(LoadStats {
            orgs: ds.orgs.len() as u64,
            members: ds.members.len() as u64,
            registrations,
            statuses,
            ratings: insert_ratings(conn, ratings, &member_ids, &org_ids)?,
        })
    })?;
    for day in &ds.calendar_days {
        crate::calendar::upsert(conn, day)?;
    }
    if !ds.dossiers.is_empty() {
        crate::admissions::load::load(conn, &ds.dossiers, ctx)?;
    }
    crate::ratings::monthly::load(conn, &ds.monthly_results)?;
    crate::ratings::commitments::load(conn, &ds.commitments)?;
    let cells = tallies::cells_of_members_after(conn, last_old_member)?;
    tallies::refresh(conn, cells)?;
    audit::record(
        conn,
        ctx,
        Change {
            action: AuditAction::DatasetLoad,
            entity: AuditEntity::Dataset,
            entity_code: None,
            before_json: None,
            after_json: Some(serde_json::to_string(&stats).map_err(StoreError::from)?),
        },
    )?;
    refresh_statistics(conn)?;
    Ok(stats)
}

/// The ids of the organizations of `ds` and of those it rates.
fn orgs_counted(ds: &Dataset, ids: &Ids) -> Vec<i64> {
    let codes = ds.orgs.iter().map(|o| o.code.as_str());
    let rated = ds.org_ratings.iter().map(|r| r.org.as_str());
    let found: std::collections::BTreeSet<i64> = codes
        .chain(rated)
        .filter_map(|code| ids.get(code).copied())
        .collect();
    found.into_iter().collect()
}

/// Inserts the rows of `orgs` (without mergers, parents or paths); returns the ids of every
/// stored organization.
pub(crate) fn insert_orgs(conn: &mut DbConnection, orgs: &[&OrgRecord]) -> Result<Ids, StoreError> {
    let new_orgs: Vec<_> = orgs.iter().map(|o| rows::new_org(o)).collect();
    insert_chunks!(conn, organizations::table, new_orgs, 6, borrowed);
    Ok(organizations::table
        .select((organizations::code, organizations::id))
        .load::<(String, i64)>(conn)?
        .into_iter()
        .collect())
}

/// Sets (or clears) the merger target of each of `orgs`.
pub(crate) fn set_mergers(
    conn: &mut DbConnection,
    orgs: &[&OrgRecord],
    ids: &Ids,
) -> Result<(), StoreError> {
    for org in orgs.iter().filter(|o| o.merged_into.is_some()) {
        let target = org
            .merged_into
            .as_ref()
            .map(|m| rows::id_of(ids, m.as_str(), org.code.as_str()))
            .transpose()?;
        diesel::update(organizations::table)
            .filter(organizations::code.eq(org.code.as_str()))
            .set(organizations::merged_into_id.eq(target))
            .execute(conn)?;
    }
    Ok(())
}

/// Inserts the parent history of `orgs`.
pub(crate) fn insert_parents(
    conn: &mut DbConnection,
    orgs: &[&OrgRecord],
    ids: &Ids,
) -> Result<u64, StoreError> {
    let parents = rows::parent_rows(orgs.iter().copied(), ids)?;
    Ok(insert_chunks!(conn, org_parents::table, parents, 4))
}

/// Inserts the member rows of `members`, a chunk at a time (the rows of a million members
/// are never built at once); returns the code and id of every member whose id is above
/// `known_up_to` (0: every member). The rows (search and sort keys of each name) are built
/// on a second thread while the previous chunk is written.
pub(crate) fn insert_members(
    conn: &mut DbConnection,
    members: &[&MemberRecord],
    known_up_to: i64,
) -> Result<Ids, StoreError> {
    std::thread::scope(|scope| -> Result<(), StoreError> {
        let (sender, built) = std::sync::mpsc::sync_channel(2);
        scope.spawn(move || {
            for chunk in members.chunks(MAX_PARAMETERS / MEMBER_COLUMNS) {
                let rows: Vec<_> = chunk.iter().map(|m| new_member(m)).collect();
                // A closed channel means writing failed: nothing more to build.
                if sender.send(rows).is_err() {
                    break;
                }
            }
        });
        for new_members in built {
            insert_chunks!(conn, members::table, new_members, MEMBER_COLUMNS, borrowed);
        }
        Ok(())
    })?;
    Ok(members::table
        .filter(members::id.gt(known_up_to))
        .select((members::code, members::id))
        .load::<(String, i64)>(conn)?
        .into_iter()
        .collect())
}

/// Inserts the registration and status periods of `members`; returns how many of each.
pub(crate) fn insert_histories(
    conn: &mut DbConnection,
    members: &[&MemberRecord],
    member_ids: &Ids,
    org_ids: &Ids,
) -> Result<(u64, u64), StoreError> {
    let registrations = rows::registration_rows(members.iter().copied(), member_ids, org_ids)?;
    let written = insert_chunks!(conn, registrations::table, registrations, 4);
    let statuses = rows::status_rows(members.iter().copied(), member_ids)?;
    Ok((
        written,
        insert_chunks!(conn, member_statuses::table, statuses, 4),
    ))
}

/// Inserts ratings of members and organizations; returns how many.
pub(crate) fn insert_ratings(
    conn: &mut DbConnection,
    (member_ratings, org_ratings): (&[&MemberRating], &[&OrgRating]),
    member_ids: &Ids,
    org_ids: &Ids,
) -> Result<u64, StoreError> {
    let members = rows::member_rating_rows(member_ratings.iter().copied(), member_ids)?;
    let orgs = rows::org_rating_rows(org_ratings.iter().copied(), org_ids)?;
    Ok(insert_chunks!(conn, member_ratings::table, members, 4)
        + insert_chunks!(conn, org_ratings::table, orgs, 4))
}

/// Updates the planner's statistics after a bulk load, so that the first queries on a fresh
/// database already choose the indexes.
pub(crate) fn refresh_statistics(conn: &mut DbConnection) -> Result<(), StoreError> {
    use diesel::connection::SimpleConnection;
    match conn {
        // A sample of each index is enough for the planner, and reading every index of a
        // large table whole took longer than some imports.
        DbConnection::Sqlite(_) => {
            conn.batch_execute("pragma analysis_limit = 1000; analyze; pragma analysis_limit = 0")?
        }
        // A sample of 3,000 rows per table instead of 30,000: the same choice of indexes
        // for a tenth of the time (a fifth of a 10,000-member import). `set local` ends
        // with the transaction this runs in; later autovacuum analyzes refine it.
        DbConnection::Pg(_) => {
            conn.batch_execute("set local default_statistics_target = 10; analyze")?;
        }
    }
    Ok(())
}
/// Settles PostgreSQL's tables after a bulk load: `vacuum` marks the new pages all-visible
/// (so that the member lists' index-only scans read no table pages) and drops the rows the
/// figures' rewrites replaced. Until autovacuum came by on its own, the demo's member lists
/// were half again slower under load (decision 0004). It cannot run inside a transaction;
/// SQLite has nothing of the kind to do.
pub(crate) fn settle(conn: &mut DbConnection) -> Result<(), StoreError> {
    use diesel::connection::SimpleConnection;
    if let DbConnection::Pg(_) = conn {
        conn.batch_execute("vacuum")?;
    }
    Ok(())
}

/// How many rows a bulk load wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct LoadStats {
    /// Organizations.
    pub orgs: u64,
    /// Members.
    pub members: u64,
    /// Registration periods.
    pub registrations: u64,
    /// Status periods.
    pub statuses: u64,
    /// Ratings of members and organizations.
    pub ratings: u64,
}

impl std::ops::AddAssign for LoadStats {
    /// What two loads wrote together (a generated installation loaded in parts).
    fn add_assign(&mut self, other: Self) {
        self.orgs += other.orgs;
        self.members += other.members;
        self.registrations += other.registrations;
        self.statuses += other.statuses;
        self.ratings += other.ratings;
    }
}
