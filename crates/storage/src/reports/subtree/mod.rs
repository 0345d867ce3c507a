//! The figures of every organization's subtree, pre-summed
//! (`dangvu_domain::summary::subtree`): an organization's figures on a day, its
//! admissions over a period and a year's ratings are one row or a short range of its own
//! rows, whatever the size of its subtree — a province's page reads what a cell's does.
//!
//! Kept by differences: a write that changes what an organization contributes (a cell's
//! tallies, an organization's path, type or rating) runs inside [`tracked`], which takes
//! the contributions of the organizations it touches before and after and adds the
//! difference to the organizations on their paths, in the write's transaction. The
//! differential tests (`tests/figures_agree.rs`, `tests/tallies_follow_imports.rs`) hold
//! the figures equal to the domain's member-by-member reference on both engines.

mod apply;
mod contributions;

use crate::StoreError;
use crate::db::conn::DbConnection;
use crate::db::schema::{org_admissions, org_counts, org_years, organizations};
use crate::interchange::stored::ID_CHUNK;
use dangvu_domain::Date;
use dangvu_domain::summary::subtree::{Changes, SubtreeCounts, YearCounts};
use diesel::dsl::sum;
use diesel::prelude::*;
use std::collections::{BTreeMap, HashMap};

/// The migration that introduced these figures: the store that applies it computes them
/// for the records already stored ([`rebuild_all`]).
pub(crate) const SUBTREE_MIGRATION: &str = "2026-12-05-000000_subtree_tallies";

/// Which parts of an organization's contribution a write changes.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Parts {
    /// The members of its cell tallies.
    pub members: bool,
    /// Itself, by type, while it stands.
    pub kinds: bool,
    /// Its ratings, when grassroots.
    pub org_ratings: bool,
}

impl Parts {
    /// Everything: for a change of paths or types.
    pub(crate) const ALL: Parts = Parts {
        members: true,
        kinds: true,
        org_ratings: true,
    };
    /// A cell's tallies.
    pub(crate) const MEMBERS: Parts = Parts {
        members: true,
        kinds: false,
        org_ratings: false,
    };
    /// An organization's type and ratings (a new or rated one).
    pub(crate) const ORGS: Parts = Parts {
        members: false,
        kinds: true,
        org_ratings: true,
    };
    /// An organization's ratings.
    pub(crate) const ORG_RATINGS: Parts = Parts {
        members: false,
        kinds: false,
        org_ratings: true,
    };
}

/// Runs `write`, which changes the `parts` of the contributions of `orgs` (and of no other
/// organization), and adds the difference to the figures.
pub(crate) fn tracked<T>(
    conn: &mut DbConnection,
    orgs: &[i64],
    parts: Parts,
    write: impl FnOnce(&mut DbConnection) -> Result<T, StoreError>,
) -> Result<T, StoreError> {
    let mut changes = Changes::default();
    contributions::add(conn, orgs, parts, -1, &mut changes)?;
    let out = write(conn)?;
    contributions::add(conn, orgs, parts, 1, &mut changes)?;
    apply::apply(conn, changes)?;
    Ok(out)
}

/// Adds the whole contribution of `orgs`, which contributed nothing before (new ones).
pub(crate) fn add_new(conn: &mut DbConnection, orgs: &[i64]) -> Result<(), StoreError> {
    let mut changes = Changes::default();
    contributions::add(conn, orgs, Parts::ALL, 1, &mut changes)?;
    apply::apply(conn, changes)
}

/// Computes every organization's figures from the cells' tallies, the types, the ratings
/// and the paths (once, when the migration that introduced them is applied).
pub(crate) fn rebuild_all(conn: &mut DbConnection) -> Result<(), StoreError> {
    diesel::delete(org_counts::table).execute(conn)?;
    diesel::delete(org_admissions::table).execute(conn)?;
    diesel::delete(org_years::table).execute(conn)?;
    let orgs: Vec<i64> = organizations::table
        .select(organizations::id)
        .order(organizations::id)
        .load(conn)?;
    for step in orgs.chunks(ID_CHUNK / 5) {
        add_new(conn, step)?;
    }
    Ok(())
}

/// The counts of the subtrees of `orgs` on `day` (absent: zero, or not standing then).
pub(crate) fn counts_on(
    conn: &mut DbConnection,
    orgs: &[i64],
    day: Date,
) -> Result<HashMap<i64, SubtreeCounts>, StoreError> {
    let mut out = HashMap::with_capacity(orgs.len());
    for chunk in orgs.chunks(ID_CHUNK) {
        let rows: Vec<(i64, i32, i32, i32, i32, i32)> = org_counts::table
            .filter(org_counts::org_id.eq_any(chunk))
            .filter(org_counts::valid_to.gt(day))
            .filter(org_counts::valid_from.le(day))
            .select((
                org_counts::org_id,
                org_counts::members,
                org_counts::probationary,
                org_counts::exempted,
                org_counts::grassroots_orgs,
                org_counts::cells_under_grassroots,
            ))
            .load(conn)?;
        for (org, members, probationary, exempted, grassroots, cells) in rows {
            let row = [members, probationary, exempted, grassroots, cells];
            out.insert(org, counts_of_row(row));
        }
    }
    Ok(out)
}

/// Members admitted on days in `[from, to]` into the subtree of `org` as it stood then.
pub(crate) fn admitted(
    conn: &mut DbConnection,
    org: i64,
    from: Date,
    to: Date,
) -> Result<u64, StoreError> {
    let n: Option<i64> = org_admissions::table
        .filter(org_admissions::org_id.eq(org))
        .filter(org_admissions::admitted_on.between(from, to))
        .select(sum(org_admissions::admitted))
        .get_result(conn)?;
    crate::db::count(n.unwrap_or(0))
}

/// The figures of each year of `years` of the subtree of `org` as it stood on 31 December.
pub(crate) fn years(
    conn: &mut DbConnection,
    org: i64,
    years: &std::ops::RangeInclusive<i32>,
) -> Result<BTreeMap<i32, YearCounts>, StoreError> {
    let rows: Vec<(i32, i32, i32, i32, i32)> = org_years::table
        .filter(org_years::org_id.eq(org))
        .filter(org_years::year.between(*years.start(), *years.end()))
        .select((
            org_years::year,
            org_years::members_rated,
            org_years::members_completed,
            org_years::orgs_rated,
            org_years::orgs_good,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(year, rated, completed, orgs_rated, orgs_good)| {
            (year, year_of_row([rated, completed, orgs_rated, orgs_good]))
        })
        .collect())
}

/// Counts as stored, in the order of the columns of `org_counts`.
fn counts_of_row([members, probationary, exempted, grassroots, cells]: [i32; 5]) -> SubtreeCounts {
    SubtreeCounts {
        members: members.into(),
        probationary: probationary.into(),
        exempted: exempted.into(),
        grassroots_orgs: grassroots.into(),
        cells_under_grassroots: cells.into(),
    }
}

/// A year's counts as stored, in the order of the columns of `org_years`.
fn year_of_row([members_rated, members_completed, orgs_rated, orgs_good]: [i32; 4]) -> YearCounts {
    YearCounts {
        members_rated: members_rated.into(),
        members_completed: members_completed.into(),
        orgs_rated: orgs_rated.into(),
        orgs_good: orgs_good.into(),
    }
}
