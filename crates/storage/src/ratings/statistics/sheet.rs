//! The results sheet: the organizations directly under a committee on 31 December, each
//! with its own level and its subtree's members by level. Members are counted in one
//! grouped query over the committee's subtree (by the place of their cell) and added up
//! under the child whose path their cell's path starts with.

use super::{add_all, parse_code};
use crate::StoreError;
use crate::db::conn::DbConnection;
use crate::db::count;
use crate::db::dating::{in_subtree_on, valid_on};
use crate::db::schema::{member_ratings, org_paths, org_ratings, organizations, registrations};
use crate::tree::refs::enum_code;
use crate::tree::sql::{PLACE, Place, place_on};
use dangvu_domain::dates::year_end;
use dangvu_domain::enums::Rating;
use dangvu_domain::ratings::statistics::sheet::{ResultsSheet, SheetRow};
use dangvu_domain::summary::term::LevelCounts;
use diesel::dsl::count_star;
use diesel::prelude::*;

/// The sheet of the committee `root_id` for `year`.
pub(super) fn sheet(
    conn: &mut DbConnection,
    root_id: i64,
    year: i32,
) -> Result<ResultsSheet, StoreError> {
    let (code, name): (String, String) = organizations::table
        .find(root_id)
        .select((organizations::code, organizations::name))
        .first(conn)?;
    let mut sheet = ResultsSheet {
        code: parse_code(&code)?,
        name,
        year,
        rows: Vec::new(),
    };
    let Some(day) = year_end(year) else {
        return Ok(sheet);
    };
    let Some(root) = place_on(conn, root_id, day)? else {
        return Ok(sheet);
    };
    let children: Vec<(Place, String, String)> = org_paths::table
        .inner_join(organizations::table.on(organizations::id.eq(org_paths::org_id)))
        .filter(in_subtree_on(&root, day))
        .filter(org_paths::depth.eq(root.depth + 1))
        .order(organizations::code)
        .select((PLACE, organizations::code, organizations::name))
        .load(conn)?;
    let ids: Vec<i64> = children.iter().map(|(p, _, _)| p.org_id).collect();
    let ratings: Vec<(i64, String)> = org_ratings::table
        .filter(org_ratings::year.eq(year))
        .filter(org_ratings::org_id.eq_any(&ids))
        .select((org_ratings::org_id, org_ratings::rating))
        .load(conn)?;
    let by_cell: Vec<(String, String, i64)> = member_ratings::table
        .inner_join(registrations::table.on(registrations::member_id.eq(member_ratings::member_id)))
        .inner_join(org_paths::table.on(org_paths::org_id.eq(registrations::org_id)))
        .filter(member_ratings::year.eq(year))
        .filter(valid_on(
            registrations::valid_from,
            registrations::valid_to,
            day,
        ))
        .filter(in_subtree_on(&root, day))
        .group_by((org_paths::path, member_ratings::rating))
        .select((org_paths::path, member_ratings::rating, count_star()))
        .load(conn)?;
    for (place, code, name) in children {
        let rating = match ratings.iter().find(|(id, _)| *id == place.org_id) {
            Some((_, r)) => Some(enum_code::<Rating>(r)?),
            None => None,
        };
        let mut members = LevelCounts::default();
        for (_, level, n) in by_cell
            .iter()
            .filter(|(p, _, _)| p.starts_with(&place.path))
        {
            add_all(&mut members, &[(enum_code(level)?, count(*n)?)]);
        }
        sheet.rows.push(SheetRow {
            code: parse_code(&code)?,
            name,
            rating,
            members,
        });
    }
    Ok(sheet)
}
