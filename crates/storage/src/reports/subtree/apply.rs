//! Writing the differences of a write into the organizations' pre-summed figures.
//!
//! For each chunk of organizations: the stored rows from the earliest change on are read,
//! summed with the changes in the domain ([`rewrite`]), deleted and written back, so that
//! the rows stay canonical and a write costs the rows after its first change, not the
//! organization's whole history.

use super::{counts_of_row, year_of_row};
use crate::StoreError;
use crate::db::conn::DbConnection;
use crate::db::schema::{org_admissions, org_counts, org_years};
use crate::interchange::load::insert_chunks;
use crate::reports::stored;
use dangvu_domain::summary::subtree::{Changes, Steps, SubtreeCounts, YearCounts, rewrite};
use dangvu_domain::{Date, Period};
use diesel::prelude::*;
use std::collections::BTreeMap;

/// Organizations written per statement.
const ORGS_PER_STEP: usize = 1_000;

/// Adds `changes` to the stored figures.
pub(crate) fn apply(conn: &mut DbConnection, mut changes: Changes) -> Result<(), StoreError> {
    changes.prune();
    let counts: Vec<(i64, Steps)> = changes.counts.into_iter().collect();
    for chunk in counts.chunks(ORGS_PER_STEP) {
        apply_counts(conn, chunk)?;
    }
    let admissions = by_org(changes.admissions);
    for chunk in admissions.chunks(ORGS_PER_STEP) {
        apply_admissions(conn, chunk)?;
    }
    let years = by_org(changes.years);
    for chunk in years.chunks(ORGS_PER_STEP) {
        apply_years(conn, chunk)?;
    }
    Ok(())
}

fn by_org<K: Ord + Copy, V>(changes: BTreeMap<(i64, K), V>) -> Vec<(i64, BTreeMap<K, V>)> {
    let mut out: BTreeMap<i64, BTreeMap<K, V>> = BTreeMap::new();
    for ((org, key), value) in changes {
        out.entry(org).or_default().insert(key, value);
    }
    out.into_iter().collect()
}

type CountRow = (i64, Date, Date, i32, i32, i32, i32, i32);

fn apply_counts(conn: &mut DbConnection, chunk: &[(i64, Steps)]) -> Result<(), StoreError> {
    let Some(bound) = chunk.iter().filter_map(|(_, s)| s.first()).min() else {
        return Ok(());
    };
    let orgs: Vec<i64> = chunk.iter().map(|(org, _)| *org).collect();
    let read: Vec<CountRow> = org_counts::table
        .filter(org_counts::org_id.eq_any(&orgs))
        .filter(org_counts::valid_to.ge(bound))
        .order((org_counts::org_id, org_counts::valid_to))
        .load(conn)?;
    let mut by_org: BTreeMap<i64, Vec<(Period, SubtreeCounts)>> = BTreeMap::new();
    for (org, from, to, members, probationary, exempted, grassroots, cells) in read {
        let counts = counts_of_row([members, probationary, exempted, grassroots, cells]);
        by_org
            .entry(org)
            .or_default()
            .push((Period { from, to }, counts));
    }
    let mut rows = Vec::new();
    for (org, steps) in chunk {
        let old = by_org.remove(org).unwrap_or_default();
        for (period, c) in rewrite(&old, steps) {
            rows.push(NewCounts {
                org_id: *org,
                valid_from: period.from,
                valid_to: period.to,
                members: stored(c.members)?,
                probationary: stored(c.probationary)?,
                exempted: stored(c.exempted)?,
                grassroots_orgs: stored(c.grassroots_orgs)?,
                cells_under_grassroots: stored(c.cells_under_grassroots)?,
            });
        }
    }
    diesel::delete(
        org_counts::table
            .filter(org_counts::org_id.eq_any(&orgs))
            .filter(org_counts::valid_to.ge(bound)),
    )
    .execute(conn)?;
    insert_chunks!(conn, org_counts::table, rows, 8);
    Ok(())
}

fn apply_admissions(
    conn: &mut DbConnection,
    chunk: &[(i64, BTreeMap<Date, i64>)],
) -> Result<(), StoreError> {
    let days = chunk.iter().flat_map(|(_, m)| m.keys().copied());
    let (Some(lo), Some(hi)) = (days.clone().min(), days.max()) else {
        return Ok(());
    };
    let orgs: Vec<i64> = chunk.iter().map(|(org, _)| *org).collect();
    let range = org_admissions::org_id
        .eq_any(&orgs)
        .and(org_admissions::admitted_on.between(lo, hi));
    let read: Vec<(i64, Date, i32)> = org_admissions::table.filter(range.clone()).load(conn)?;
    let mut merged: BTreeMap<(i64, Date), i64> = read
        .into_iter()
        .map(|(org, day, n)| ((org, day), i64::from(n)))
        .collect();
    for (org, changes) in chunk {
        for (day, n) in changes {
            *merged.entry((*org, *day)).or_default() += n;
        }
    }
    let mut rows = Vec::new();
    for ((org_id, admitted_on), n) in merged.into_iter().filter(|(_, n)| *n != 0) {
        let admitted = stored(n)?;
        rows.push(NewAdmissions {
            org_id,
            admitted_on,
            admitted,
        });
    }
    diesel::delete(org_admissions::table.filter(range)).execute(conn)?;
    insert_chunks!(conn, org_admissions::table, rows, 3);
    Ok(())
}

fn apply_years(
    conn: &mut DbConnection,
    chunk: &[(i64, BTreeMap<i32, YearCounts>)],
) -> Result<(), StoreError> {
    let years = chunk.iter().flat_map(|(_, m)| m.keys().copied());
    let (Some(lo), Some(hi)) = (years.clone().min(), years.max()) else {
        return Ok(());
    };
    let orgs: Vec<i64> = chunk.iter().map(|(org, _)| *org).collect();
    let range = org_years::org_id
        .eq_any(&orgs)
        .and(org_years::year.between(lo, hi));
    let read: Vec<(i64, i32, i32, i32, i32, i32)> =
        org_years::table.filter(range.clone()).load(conn)?;
    let mut merged: BTreeMap<(i64, i32), YearCounts> = BTreeMap::new();
    for (org, year, members_rated, members_completed, orgs_rated, orgs_good) in read {
        let row = [members_rated, members_completed, orgs_rated, orgs_good];
        merged.insert((org, year), year_of_row(row));
    }
    for (org, changes) in chunk {
        for (year, c) in changes {
            merged.entry((*org, *year)).or_default().add(*c, 1);
        }
    }
    let mut rows = Vec::new();
    for ((org_id, year), c) in merged.into_iter().filter(|(_, c)| !c.is_zero()) {
        rows.push(NewYear {
            org_id,
            year,
            members_rated: stored(c.members_rated)?,
            members_completed: stored(c.members_completed)?,
            orgs_rated: stored(c.orgs_rated)?,
            orgs_good: stored(c.orgs_good)?,
        });
    }
    diesel::delete(org_years::table.filter(range)).execute(conn)?;
    insert_chunks!(conn, org_years::table, rows, 6);
    Ok(())
}

#[derive(Insertable)]
#[diesel(table_name = org_counts, treat_none_as_default_value = false)]
struct NewCounts {
    org_id: i64,
    valid_from: Date,
    valid_to: Date,
    members: i32,
    probationary: i32,
    exempted: i32,
    grassroots_orgs: i32,
    cells_under_grassroots: i32,
}

#[derive(Insertable)]
#[diesel(table_name = org_admissions, treat_none_as_default_value = false)]
struct NewAdmissions {
    org_id: i64,
    admitted_on: Date,
    admitted: i32,
}

#[derive(Insertable)]
#[diesel(table_name = org_years, treat_none_as_default_value = false)]
struct NewYear {
    org_id: i64,
    year: i32,
    members_rated: i32,
    members_completed: i32,
    orgs_rated: i32,
    orgs_good: i32,
}
