//! Writing a whole dataset: organizations, tree paths, members, histories and ratings.
//!
//! Runs inside the caller's transaction. Rows go in multi-row inserts through the inner
//! connection of each engine, in chunks that stay under SQLite's limit of bound parameters
//! (32 766), then the audit row is appended.

use crate::audit::{self, Change};
use crate::conn::{DbConnection, with_inner};
use crate::load_rows::{self as rows, Ids};
use crate::member_rows::{MEMBER_COLUMNS, new_member};
use crate::schema::{
    member_ratings, member_statuses, members, org_parents, org_paths, org_ratings, organizations,
    registrations,
};
use crate::{AuditContext, LoadStats, StoreError};
use dangvu_domain::dataset::Dataset;
use dangvu_domain::tree::TreeHistory;
use diesel::prelude::*;

/// Bound parameters per statement: below SQLite's 32 766 and PostgreSQL's 65 535.
const MAX_PARAMETERS: usize = 30_000;

/// Inserts `$rows` (a slice) into `$table` in chunks of at most `MAX_PARAMETERS`
/// parameters; evaluates to the number of rows written.
macro_rules! insert_chunks {
    ($conn:expr, $table:expr, $rows:expr, $columns:expr) => {{
        let mut written: u64 = 0;
        for chunk in $rows.chunks((MAX_PARAMETERS / $columns).max(1)) {
            let n = with_inner!(&mut *$conn, |c| diesel::insert_into($table)
                .values(chunk)
                .execute(c))?;
            written += n as u64;
        }
        written
    }};
}

/// Writes `ds` and its audit row.
pub(crate) fn load(
    conn: &mut DbConnection,
    ds: &Dataset,
    ctx: &AuditContext,
) -> Result<LoadStats, StoreError> {
    let tree = TreeHistory::build(&ds.orgs).map_err(|e| StoreError::Invalid(e.to_string()))?;
    let org_ids = load_orgs(conn, ds, &tree)?;
    let member_ids = load_members(conn, ds)?;
    let registrations = rows::registration_rows(&ds.members, &member_ids, &org_ids)?;
    let statuses = rows::status_rows(&ds.members, &member_ids)?;
    let member_ratings = rows::member_rating_rows(ds, &member_ids)?;
    let org_ratings = rows::org_rating_rows(ds, &org_ids)?;
    let stats = LoadStats {
        orgs: ds.orgs.len() as u64,
        members: ds.members.len() as u64,
        registrations: insert_chunks!(conn, registrations::table, registrations, 4),
        statuses: insert_chunks!(conn, member_statuses::table, statuses, 4),
        ratings: insert_chunks!(conn, member_ratings::table, member_ratings, 4)
            + insert_chunks!(conn, org_ratings::table, org_ratings, 4),
    };
    audit::record(
        conn,
        ctx,
        Change {
            action: "dataset.load",
            entity: "dataset",
            entity_code: None,
            before_json: None,
            after_json: Some(
                serde_json::to_string(&stats).map_err(|e| StoreError::Database(e.to_string()))?,
            ),
        },
    )?;
    refresh_statistics(conn)?;
    Ok(stats)
}

fn load_orgs(conn: &mut DbConnection, ds: &Dataset, tree: &TreeHistory) -> Result<Ids, StoreError> {
    let new_orgs: Vec<_> = ds.orgs.iter().map(rows::new_org).collect();
    insert_chunks!(conn, organizations::table, new_orgs, 6);
    let ids: Ids = organizations::table
        .select((organizations::code, organizations::id))
        .load::<(String, i64)>(conn)?
        .into_iter()
        .collect();
    for org in ds.orgs.iter().filter(|o| o.merged_into.is_some()) {
        let target = org
            .merged_into
            .as_ref()
            .map(|m| rows::id_of(&ids, m.as_str(), org.code.as_str()))
            .transpose()?;
        diesel::update(organizations::table)
            .filter(organizations::code.eq(org.code.as_str()))
            .set(organizations::merged_into_id.eq(target))
            .execute(conn)?;
    }
    let parents = rows::parent_rows(&ds.orgs, &ids)?;
    insert_chunks!(conn, org_parents::table, parents, 4);
    let paths = rows::path_rows(tree, &ids)?;
    insert_chunks!(conn, org_paths::table, paths, 6);
    Ok(ids)
}

fn load_members(conn: &mut DbConnection, ds: &Dataset) -> Result<Ids, StoreError> {
    let new_members: Vec<_> = ds.members.iter().map(new_member).collect();
    insert_chunks!(conn, members::table, new_members, MEMBER_COLUMNS);
    Ok(members::table
        .select((members::code, members::id))
        .load::<(String, i64)>(conn)?
        .into_iter()
        .collect())
}

/// Updates the planner's statistics after a bulk load, so that the first queries on a fresh
/// database already choose the indexes.
fn refresh_statistics(conn: &mut DbConnection) -> Result<(), StoreError> {
    use diesel::connection::SimpleConnection;
    conn.batch_execute("analyze")?;
    Ok(())
}
