//! The baseline of the import benchmark (feature `testing`): the same member, registration
//! and status rows an import of `ds` writes, inserted into the same tables and indexes the
//! barest way each engine offers — one prepared single-row `insert` executed per row in one
//! transaction on SQLite (with the page cache the import uses), `COPY … FROM STDIN (FORMAT
//! binary)` on PostgreSQL. The rows are built before the clock starts; only the inserts are
//! timed.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a measuring tool: failing loudly is the point

use crate::db::conn::DbConnection;
use crate::db::schema::{member_statuses, members, organizations, registrations};
use crate::interchange::load_rows::{self as rows, Ids};
use crate::members::rows::new_member;
use crate::{DatabaseUrl, Store, StoreError};
use dangvu_domain::dataset::Dataset;
use diesel::prelude::*;
use std::time::{Duration, Instant};

/// How long the bare inserts took, and how many rows they wrote.
#[derive(Debug, Clone, Copy)]
pub struct RawInsert {
    /// Time spent inserting (building the rows excluded).
    pub took: Duration,
    /// Member rows.
    pub members: u64,
    /// Member, registration and status rows.
    pub rows: u64,
}

/// Loads the organizations of `ds` into the empty database at `url` (untimed), then inserts
/// its members and their histories the bare way (timed).
pub fn raw_insert(url: &DatabaseUrl, ds: &Dataset) -> Result<RawInsert, StoreError> {
    let store = Store::open(url)?;
    let orgs_only = Dataset {
        orgs: ds.orgs.clone(),
        ..Dataset::default()
    };
    store.load_dataset(&orgs_only, &bench_actor())?;
    let mut pooled = store.pooled()?;
    let conn: &mut DbConnection = &mut pooled;
    if let DbConnection::Sqlite(c) = conn {
        use diesel::connection::SimpleConnection;
        c.batch_execute(crate::interchange::import::SQLITE_IMPORT_CACHE)?;
    }
    let org_ids: Ids = organizations::table
        .select((organizations::code, organizations::id))
        .load::<(String, i64)>(conn)?
        .into_iter()
        .collect();
    let member_rows: Vec<_> = ds.members.iter().map(new_member).collect();
    let mut took = Duration::ZERO;
    let started = Instant::now();
    conn.transaction(|c| insert_each_or_copy_members(c, member_rows))?;
    took += started.elapsed();
    let member_ids: Ids = members::table
        .select((members::code, members::id))
        .load::<(String, i64)>(conn)?
        .into_iter()
        .collect();
    let registrations = rows::registration_rows(&ds.members, &member_ids, &org_ids)?;
    let statuses = rows::status_rows(&ds.members, &member_ids)?;
    let written = (ds.members.len() + registrations.len() + statuses.len()) as u64;
    let started = Instant::now();
    conn.transaction(|c| -> Result<(), StoreError> {
        match c {
            DbConnection::Sqlite(c) => {
                for row in &registrations {
                    diesel::insert_into(registrations::table)
                        .values(row)
                        .execute(c)?;
                }
                for row in &statuses {
                    diesel::insert_into(member_statuses::table)
                        .values(row)
                        .execute(c)?;
                }
            }
            DbConnection::Pg(c) => {
                diesel::copy_from(registrations::table)
                    .from_insertable(&registrations)
                    .execute(c)?;
                diesel::copy_from(member_statuses::table)
                    .from_insertable(&statuses)
                    .execute(c)?;
            }
        }
        Ok(())
    })?;
    took += started.elapsed();
    Ok(RawInsert {
        took,
        members: ds.members.len() as u64,
        rows: written,
    })
}

fn insert_each_or_copy_members(
    conn: &mut DbConnection,
    member_rows: Vec<crate::members::rows::NewMember<'_>>,
) -> Result<(), StoreError> {
    match conn {
        DbConnection::Sqlite(c) => {
            for row in &member_rows {
                diesel::insert_into(members::table).values(row).execute(c)?;
            }
        }
        DbConnection::Pg(c) => {
            diesel::copy_from(members::table)
                .from_insertable(&member_rows)
                .execute(c)?;
        }
    }
    Ok(())
}

fn bench_actor() -> crate::AuditContext {
    crate::AuditContext {
        actor: "bench".into(),
        source: "bench".into(),
        at: chrono::NaiveDateTime::default(),
    }
}
