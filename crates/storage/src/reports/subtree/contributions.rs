//! Reading what organizations contribute to the figures of the organizations on their
//! paths, from the stored rows: the cells' tallies, the organizations' types and their
//! ratings, and the paths themselves.

use super::Parts;
use crate::StoreError;
use crate::db::conn::DbConnection;
use crate::db::schema::{cell_admissions, cell_counts, cell_ratings, org_ratings, organizations};
use crate::interchange::stored::ID_CHUNK;
use crate::tree::refs::enum_code;
use crate::tree::sql::places_of;
use dangvu_domain::dates::year_end;
use dangvu_domain::summary::cells::Counts;
use dangvu_domain::summary::subtree::{Changes, Contribution, SubtreeCounts, UnitPath, YearCounts};
use dangvu_domain::{Date, OrgType, Period, Rating};
use diesel::prelude::*;
use std::collections::HashMap;

/// Adds `sign ×` the `parts` of the contributions of `orgs`, as the rows stand now, to
/// `changes`.
pub(crate) fn add(
    conn: &mut DbConnection,
    orgs: &[i64],
    parts: Parts,
    sign: i64,
    changes: &mut Changes,
) -> Result<(), StoreError> {
    for chunk in orgs.chunks(ID_CHUNK) {
        let paths = paths_of(conn, chunk)?;
        let mut units: HashMap<i64, Contribution> = HashMap::new();
        if parts.members {
            add_members(conn, chunk, &mut units)?;
        }
        if parts.kinds || parts.org_ratings {
            add_orgs(conn, chunk, parts, &mut units)?;
        }
        for (org, unit) in &units {
            for path in paths.get(org).into_iter().flatten() {
                changes.add(path, unit, sign);
            }
        }
    }
    Ok(())
}

/// The path periods of `orgs`, each with the ids along it.
fn paths_of(
    conn: &mut DbConnection,
    orgs: &[i64],
) -> Result<HashMap<i64, Vec<UnitPath>>, StoreError> {
    let mut paths: HashMap<i64, Vec<UnitPath>> = HashMap::new();
    for place in places_of(conn, Some(orgs))? {
        let ids = place
            .path
            .split('/')
            .filter(|s| !s.is_empty())
            .map(|s| {
                s.parse::<i64>()
                    .map_err(|_| StoreError::Corrupt(format!("organization path {}", place.path)))
            })
            .collect::<Result<Vec<i64>, StoreError>>()?;
        paths.entry(place.org_id).or_default().push(UnitPath {
            period: place.period(),
            ids,
        });
    }
    Ok(paths)
}

/// The members the cells among `orgs` count: their tallies.
fn add_members(
    conn: &mut DbConnection,
    orgs: &[i64],
    units: &mut HashMap<i64, Contribution>,
) -> Result<(), StoreError> {
    let counts: Vec<(i64, Date, Date, i32, i32, i32)> = cell_counts::table
        .filter(cell_counts::org_id.eq_any(orgs))
        .select((
            cell_counts::org_id,
            cell_counts::valid_from,
            cell_counts::valid_to,
            cell_counts::members,
            cell_counts::probationary,
            cell_counts::exempted,
        ))
        .load(conn)?;
    for (org, from, to, members, probationary, exempted) in counts {
        let counts = Counts {
            members: members.into(),
            probationary: probationary.into(),
            exempted: exempted.into(),
        };
        let unit = units.entry(org).or_default();
        unit.counts
            .push((Period { from, to }, SubtreeCounts::of_members(counts)));
    }
    let admissions: Vec<(i64, Date, i32)> = cell_admissions::table
        .filter(cell_admissions::org_id.eq_any(orgs))
        .select((
            cell_admissions::org_id,
            cell_admissions::admitted_on,
            cell_admissions::admitted,
        ))
        .load(conn)?;
    for (org, day, n) in admissions {
        units
            .entry(org)
            .or_default()
            .admissions
            .push((day, n.into()));
    }
    let ratings: Vec<(i64, i32, Date, i32, i32)> = cell_ratings::table
        .filter(cell_ratings::org_id.eq_any(orgs))
        .select((
            cell_ratings::org_id,
            cell_ratings::year,
            cell_ratings::rated_on,
            cell_ratings::rated,
            cell_ratings::completed,
        ))
        .load(conn)?;
    for (org, year, day, rated, completed) in ratings {
        let counts = YearCounts {
            members_rated: rated.into(),
            members_completed: completed.into(),
            ..YearCounts::default()
        };
        add_year(units, org, year, day, counts);
    }
    Ok(())
}

/// What `orgs` count for themselves: their kind while they stand (`parts.kinds`) and, for
/// grassroots organizations, their ratings at year end (`parts.org_ratings`).
fn add_orgs(
    conn: &mut DbConnection,
    orgs: &[i64],
    parts: Parts,
    units: &mut HashMap<i64, Contribution>,
) -> Result<(), StoreError> {
    let types: Vec<(i64, String)> = organizations::table
        .filter(organizations::id.eq_any(orgs))
        .select((organizations::id, organizations::org_type))
        .load(conn)?;
    let mut grassroots = Vec::new();
    for (org, code) in types {
        let org_type: OrgType = enum_code(&code)?;
        if parts.kinds {
            let own = SubtreeCounts::of_org(org_type);
            units
                .entry(org)
                .or_default()
                .counts
                .push((Period::ALWAYS, own));
        }
        if org_type.is_grassroots() {
            grassroots.push(org);
        }
    }
    if !parts.org_ratings || grassroots.is_empty() {
        return Ok(());
    }
    let ratings: Vec<(i64, i32, String)> = org_ratings::table
        .filter(org_ratings::org_id.eq_any(&grassroots))
        .select((org_ratings::org_id, org_ratings::year, org_ratings::rating))
        .load(conn)?;
    for (org, year, code) in ratings {
        let rating: Rating = enum_code(&code)?;
        let Some(day) = year_end(year) else { continue };
        let counts = YearCounts {
            orgs_rated: 1,
            orgs_good: i64::from(rating.is_good_or_better()),
            ..YearCounts::default()
        };
        add_year(units, org, year, day, counts);
    }
    Ok(())
}

fn add_year(
    units: &mut HashMap<i64, Contribution>,
    org: i64,
    year: i32,
    day: Date,
    counts: YearCounts,
) {
    let unit = units.entry(org).or_default();
    unit.years.push((year, (day, counts)));
}
