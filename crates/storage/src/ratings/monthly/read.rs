//! Reading monthly results: a cell's members in a month, and a subtree's members with the
//! twelve months of a year — a handful of statements per call whatever the number of
//! members (the year page of a district reads thousands of rows at once).

use super::views::{CellMonth, CellMonthRow, MemberMonths};
use crate::db::conn::DbConnection;
use crate::db::schema::{members, monthly_results as m, organizations, registrations};
use crate::interchange::stored::ID_CHUNK;
use crate::reports::figures::members_on_day;
use crate::tree::sql::{Place, places};
use crate::{Entity, StoreError};
use chrono::Datelike;
use dangvu_domain::enums::{Enumeration, OrgType};
use dangvu_domain::ratings::Month;
use dangvu_domain::{Date, MemberCode, OrgCode, Rating};
use diesel::prelude::*;
use std::collections::HashMap;

/// The members registered in cell `cell_id` on any day of `month` (admitted by its end):
/// id, code and name, in name order.
pub(crate) fn cell_members(
    conn: &mut DbConnection,
    cell_id: i64,
    month: Month,
) -> Result<Vec<(i64, MemberCode, String)>, StoreError> {
    let rows: Vec<(i64, String, String)> = registrations::table
        .inner_join(members::table.on(members::id.eq(registrations::member_id)))
        .filter(registrations::org_id.eq(cell_id))
        .filter(registrations::valid_from.lt(month.next_first_day()))
        .filter(registrations::valid_to.gt(month.first_day()))
        .filter(members::admitted_on.le(month.last_day()))
        .select((members::id, members::code, members::full_name))
        .order((members::sort_key, members::id))
        .load(conn)?;
    // A member registered twice in the cell that month comes twice, one after the other.
    let mut out: Vec<(i64, MemberCode, String)> = Vec::with_capacity(rows.len());
    for (id, code, name) in rows {
        if out.last().is_some_and(|(last, _, _)| *last == id) {
            continue;
        }
        out.push((id, member_code(&code)?, name));
    }
    Ok(out)
}

/// The cell `cell_id`'s code and name; refused when it is not a cell (only cells hold
/// members' monthly results).
pub(crate) fn cell_facts(
    conn: &mut DbConnection,
    cell_id: i64,
) -> Result<(OrgCode, String), StoreError> {
    let (code, name, kind): (String, String, String) = organizations::table
        .find(cell_id)
        .select((
            organizations::code,
            organizations::name,
            organizations::org_type,
        ))
        .first(conn)?;
    if !OrgType::from_code(&kind).is_some_and(OrgType::registers_members) {
        return Err(StoreError::Invalid(format!(
            "{code} không phải chi bộ: kết quả hằng tháng do chi bộ ghi / {code} is not a \
             cell: monthly results are recorded by cells"
        )));
    }
    let code = OrgCode::parse(&code).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    Ok((code, name))
}

/// The view of cell `cell_id` in `month`.
pub(crate) fn cell_month(
    conn: &mut DbConnection,
    cell_id: i64,
    month: Month,
) -> Result<CellMonth, StoreError> {
    let (cell, cell_name) = cell_facts(conn, cell_id)?;
    let members = cell_members(conn, cell_id, month)?;
    let ids: Vec<i64> = members.iter().map(|(id, _, _)| *id).collect();
    let mut stored = results_of(conn, &ids, month.first_day(), month.first_day())?;
    let rows = members
        .into_iter()
        .map(|(id, member, full_name)| {
            let found = stored.remove(&id).and_then(|mut r| r.pop());
            CellMonthRow {
                member,
                full_name,
                level: found.as_ref().map(|r| r.1),
                note: found.and_then(|r| r.2),
            }
        })
        .collect();
    Ok(CellMonth {
        cell,
        cell_name,
        month,
        rows,
    })
}

/// A stored result: the month's first day, the level, the note.
pub(crate) type StoredResult = (Date, Rating, Option<String>);

/// The results of `ids` for the months whose first day is in `first..=last`, by member.
pub(crate) fn results_of(
    conn: &mut DbConnection,
    ids: &[i64],
    first: Date,
    last: Date,
) -> Result<HashMap<i64, Vec<StoredResult>>, StoreError> {
    let mut out: HashMap<i64, Vec<StoredResult>> = HashMap::new();
    for chunk in ids.chunks(ID_CHUNK) {
        let rows: Vec<(i64, Date, String, Option<String>)> = m::table
            .filter(m::member_id.eq_any(chunk))
            .filter(m::month.between(first, last))
            .select((m::member_id, m::month, m::level, m::note))
            .load(conn)?;
        for (id, month, level, note) in rows {
            let level = Rating::from_code(&level)
                .ok_or_else(|| StoreError::Corrupt(format!("monthly_results.level {level}")))?;
            out.entry(id).or_default().push((month, level, note));
        }
    }
    Ok(out)
}

/// A year's results as January to December.
pub(crate) fn twelve(results: Vec<StoredResult>) -> [Option<Rating>; 12] {
    let mut months = [None; 12];
    for (month, level, _) in results {
        if let Some(slot) = months.get_mut(month.month0() as usize) {
            *slot = Some(level);
        }
    }
    months
}

/// The day a subtree's year is read on: 31 December, or `today` in the current year, or
/// the last day the organization existed in the year. `None` when it did not exist in it.
pub(crate) fn reference_day(list: &[Place], year: i32, today: Date) -> Option<Date> {
    let first = Date::from_ymd_opt(year, 1, 1)?;
    let limit = Date::from_ymd_opt(year, 12, 31)?.min(today);
    list.iter()
        .filter_map(|p| {
            let last = p.valid_to.pred_opt()?.min(limit);
            (last >= p.valid_from.max(first)).then_some(last)
        })
        .max()
}

/// The members of the subtree of `root_id` on the year's reference day, with their twelve
/// months, in name order.
pub(crate) fn year_of(
    conn: &mut DbConnection,
    root_id: i64,
    year: i32,
    today: Date,
) -> Result<Vec<MemberMonths>, StoreError> {
    let list = places(conn, root_id)?;
    let Some(day) = reference_day(&list, year, today) else {
        return Ok(Vec::new());
    };
    let Some(place) = list.iter().find(|p| p.period().contains(day)) else {
        return Ok(Vec::new());
    };
    let rows: Vec<(i64, String, String, i64)> = members_on_day(day, place)
        .select((
            members::id,
            members::code,
            members::full_name,
            registrations::org_id,
        ))
        .order((members::sort_key, members::id))
        .load(conn)?;
    let mut cell_ids: Vec<i64> = rows.iter().map(|r| r.3).collect();
    cell_ids.sort_unstable();
    cell_ids.dedup();
    let cells: HashMap<i64, String> = organizations::table
        .filter(organizations::id.eq_any(&cell_ids))
        .select((organizations::id, organizations::code))
        .load::<(i64, String)>(conn)?
        .into_iter()
        .collect();
    let ids: Vec<i64> = rows.iter().map(|r| r.0).collect();
    let (jan, dec) = match (Month::new(year, 1), Month::new(year, 12)) {
        (Some(jan), Some(dec)) => (jan.first_day(), dec.first_day()),
        _ => return Ok(Vec::new()),
    };
    let mut results = results_of(conn, &ids, jan, dec)?;
    rows.into_iter()
        .map(|(id, code, full_name, cell_id)| {
            let months = twelve(results.remove(&id).unwrap_or_default());
            let cell = cells.get(&cell_id).ok_or(StoreError::NotFound {
                entity: Entity::Organization,
                code: cell_id.to_string(),
            })?;
            Ok(MemberMonths {
                member: member_code(&code)?,
                full_name,
                cell: OrgCode::parse(cell).map_err(|e| StoreError::Corrupt(e.to_string()))?,
                months,
            })
        })
        .collect()
}

fn member_code(code: &str) -> Result<MemberCode, StoreError> {
    MemberCode::parse(code).map_err(|e| StoreError::Corrupt(e.to_string()))
}
