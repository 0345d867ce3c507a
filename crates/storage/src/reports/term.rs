//! The term report's figures counted from the member and organization records
//! (`docs/term-report.md`): each rating level per year, full memberships begun in the
//! period, organizations merged in the period. Each figure takes the tree as it stood on
//! its own reference day, like the summary report; the domain's
//! `summary::term::compute_figures` is the reference they are tested against.

use crate::StoreError;
use crate::db::conn::DbConnection;
use crate::db::count;
use crate::db::dating::{in_subtree_on, valid_on};
use crate::db::schema::{
    member_ratings, members, org_paths, org_ratings, organizations, registrations,
};
use crate::tree::sql::{Place, place_on, places, places_of};
use dangvu_domain::dates::year_end;
use dangvu_domain::enums::OrgType;
use dangvu_domain::summary::SummaryParams;
use dangvu_domain::summary::term::{LevelCounts, RatingLevelsYear, TermFigures, level_of};
use dangvu_domain::{Date, enums::Enumeration};
use diesel::dsl::count_star;
use diesel::prelude::*;

/// The figures of the subtree of `root_id` over the report's period.
pub(crate) fn figures(
    conn: &mut DbConnection,
    root_id: i64,
    params: &SummaryParams,
) -> Result<TermFigures, StoreError> {
    let mut rating_levels = Vec::new();
    for year in params.years() {
        let entry = levels(conn, root_id, year)?;
        if entry.orgs.total() + entry.members.total() > 0 {
            rating_levels.push(entry);
        }
    }
    Ok(TermFigures {
        rating_levels,
        recognized_official: recognized(conn, root_id, params.from, params.to)?,
        merged_orgs: merged(conn, root_id, params.from, params.to)?,
    })
}

/// Each level's count among the grassroots organizations and the members of the subtree on
/// 31 December of `year` (the populations of the summary's `ratings`).
fn levels(
    conn: &mut DbConnection,
    root_id: i64,
    year: i32,
) -> Result<RatingLevelsYear, StoreError> {
    let mut entry = RatingLevelsYear {
        year,
        orgs: LevelCounts::default(),
        members: LevelCounts::default(),
    };
    let Some(day) = year_end(year) else {
        return Ok(entry);
    };
    let Some(root) = place_on(conn, root_id, day)? else {
        return Ok(entry);
    };
    let grassroots = [OrgType::DangBoCoSo.code(), OrgType::ChiBoCoSo.code()];
    let orgs: Vec<(String, i64)> = org_ratings::table
        .inner_join(organizations::table.on(organizations::id.eq(org_ratings::org_id)))
        .inner_join(org_paths::table.on(org_paths::org_id.eq(org_ratings::org_id)))
        .filter(org_ratings::year.eq(year))
        .filter(organizations::org_type.eq_any(grassroots))
        .filter(in_subtree_on(&root, day))
        .group_by(org_ratings::rating)
        .select((org_ratings::rating, count_star()))
        .load(conn)?;
    let members: Vec<(String, i64)> = member_ratings::table
        .inner_join(registrations::table.on(registrations::member_id.eq(member_ratings::member_id)))
        .inner_join(org_paths::table.on(org_paths::org_id.eq(registrations::org_id)))
        .filter(member_ratings::year.eq(year))
        .filter(valid_on(
            registrations::valid_from,
            registrations::valid_to,
            day,
        ))
        .filter(in_subtree_on(&root, day))
        .group_by(member_ratings::rating)
        .select((member_ratings::rating, count_star()))
        .load(conn)?;
    add_levels(&mut entry.orgs, orgs)?;
    add_levels(&mut entry.members, members)?;
    Ok(entry)
}

fn add_levels(into: &mut LevelCounts, rows: Vec<(String, i64)>) -> Result<(), StoreError> {
    for (code, n) in rows {
        let level =
            level_of(&code).ok_or_else(|| StoreError::Corrupt(format!("rating {code:?}")))?;
        into.add(level, count(n)?);
    }
    Ok(())
}

/// Members whose full membership began in `from..=to` while registered in the subtree: for
/// each place the root held during the period, the days of it that fall in the period.
fn recognized(
    conn: &mut DbConnection,
    root_id: i64,
    from: Date,
    to: Date,
) -> Result<u64, StoreError> {
    let mut total = 0;
    for root in places(conn, root_id)? {
        let Some((first, last)) = overlap(&root, from, to) else {
            continue;
        };
        let n: i64 = members::table
            .inner_join(registrations::table.on(registrations::member_id.eq(members::id)))
            .inner_join(org_paths::table.on(org_paths::org_id.eq(registrations::org_id)))
            .filter(members::official_on.between(first, last))
            .filter(
                registrations::valid_from
                    .nullable()
                    .le(members::official_on),
            )
            .filter(registrations::valid_to.nullable().gt(members::official_on))
            .filter(org_paths::valid_from.nullable().le(members::official_on))
            .filter(org_paths::valid_to.nullable().gt(members::official_on))
            .filter(org_paths::path.ge(root.path.as_str()))
            .filter(org_paths::path.lt(root.path_upper.as_str()))
            .select(count_star())
            .first(conn)?;
        total += count(n)?;
    }
    Ok(total)
}

/// The days of `place`'s period inside `from..=to`, inclusive, if any.
fn overlap(place: &Place, from: Date, to: Date) -> Option<(Date, Date)> {
    let period = place.period();
    let first = period.from.max(from);
    let last = period.to.pred_opt()?.min(to);
    (first <= last).then_some((first, last))
}

/// Organizations merged into another whose dissolution falls in the period and that were
/// in the subtree the day before (a handful: checked one by one against the root's place).
fn merged(conn: &mut DbConnection, root_id: i64, from: Date, to: Date) -> Result<u64, StoreError> {
    let dissolved: Vec<(i64, Option<Date>)> = organizations::table
        .filter(organizations::merged_into_id.is_not_null())
        .filter(organizations::dissolved_on.between(from, to))
        .select((organizations::id, organizations::dissolved_on))
        .load(conn)?;
    let ids: Vec<i64> = dissolved.iter().map(|(id, _)| *id).collect();
    let their_places = places_of(conn, Some(&ids))?;
    let mut n = 0;
    for (id, day) in dissolved {
        let Some(before) = day.and_then(|d| d.pred_opt()) else {
            continue;
        };
        let Some(root) = place_on(conn, root_id, before)? else {
            continue;
        };
        let inside = their_places
            .iter()
            .any(|p| p.org_id == id && p.period().contains(before) && root.contains(p));
        n += u64::from(inside);
    }
    Ok(n)
}
