//! Writing monthly results: a cell's month recorded at once (replacing what the cell had
//! recorded for that month), and the `ket_qua_thang` rows of an import or a load.

use super::read::{cell_members, results_of};
use super::views::MonthlyEntry;
use crate::audit::{self, Change};
use crate::db::conn::DbConnection;
use crate::db::schema::{members, monthly_results as m};
use crate::interchange::load::insert_chunks;
use crate::interchange::stored::ID_CHUNK;
use crate::{AuditAction, AuditContext, AuditEntity, StoreError};
use dangvu_domain::enums::Enumeration;
use dangvu_domain::ratings::{Month, MonthlyResult};
use dangvu_domain::{Date, MemberCode, OrgCode};
use diesel::prelude::*;
use serde_json::json;
use std::collections::HashMap;

/// Replaces the results of cell `cell_id`'s members for `month` by `entries`, with the
/// audit row. Every entry must name a member registered in the cell during the month.
pub(crate) fn record_cell_month(
    conn: &mut DbConnection,
    ctx: &AuditContext,
    (cell_id, cell): (i64, &OrgCode),
    month: Month,
    entries: &[MonthlyEntry],
) -> Result<(), StoreError> {
    let members = cell_members(conn, cell_id, month)?;
    let ids: HashMap<&MemberCode, i64> = members.iter().map(|(id, c, _)| (c, *id)).collect();
    let mut rows = Vec::with_capacity(entries.len());
    for entry in entries {
        let Some(id) = ids.get(&entry.member) else {
            return Err(StoreError::Invalid(format!(
                "đảng viên {member} không sinh hoạt tại chi bộ {cell} trong tháng {month} / \
                 member {member} is not registered in cell {cell} in {month}",
                member = entry.member
            )));
        };
        rows.push((*id, entry));
    }
    let all: Vec<i64> = members.iter().map(|(id, _, _)| *id).collect();
    let day = month.first_day();
    let before = results_of(conn, &all, day, day)?;
    let codes: HashMap<i64, &MemberCode> = members.iter().map(|(id, c, _)| (*id, c)).collect();
    let before_json: Vec<_> = before
        .iter()
        .flat_map(|(id, list)| {
            let code = codes.get(id).copied();
            list.iter()
                .map(move |(_, level, note)| json!([code, level.code(), note]))
        })
        .collect();
    diesel::delete(
        m::table
            .filter(m::member_id.eq_any(&all))
            .filter(m::month.eq(day)),
    )
    .execute(conn)?;
    for (id, entry) in &rows {
        insert(conn, *id, day, entry.level.code(), entry.note.as_deref())?;
    }
    let after: Vec<_> = entries
        .iter()
        .map(|e| json!([e.member, e.level.code(), e.note]))
        .collect();
    audit::record(
        conn,
        ctx,
        Change {
            action: AuditAction::MonthlyResults,
            entity: AuditEntity::Organization,
            entity_code: Some(cell.as_str()),
            before_json: Some(json!({"thang": month, "ket_qua": before_json}).to_string()),
            after_json: Some(json!({"thang": month, "ket_qua": after}).to_string()),
        },
    )
}

fn insert(
    conn: &mut DbConnection,
    member_id: i64,
    day: Date,
    level: &str,
    note: Option<&str>,
) -> Result<(), StoreError> {
    diesel::insert_into(m::table)
        .values((
            m::member_id.eq(member_id),
            m::month.eq(day),
            m::level.eq(level),
            m::note.eq(note),
        ))
        .execute(conn)?;
    Ok(())
}

/// What writing a list of results did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Written {
    /// New rows.
    pub created: u64,
    /// Rows changed.
    pub updated: u64,
    /// Rows already so.
    pub unchanged: u64,
}

/// The ids of members `codes` (those stored).
pub(crate) fn member_ids<'a>(
    conn: &mut DbConnection,
    codes: impl Iterator<Item = &'a MemberCode>,
) -> Result<HashMap<String, i64>, StoreError> {
    let mut codes: Vec<&str> = codes.map(MemberCode::as_str).collect();
    codes.sort_unstable();
    codes.dedup();
    let mut out = HashMap::with_capacity(codes.len());
    for chunk in codes.chunks(ID_CHUNK) {
        let rows: Vec<(String, i64)> = members::table
            .filter(members::code.eq_any(chunk))
            .select((members::code, members::id))
            .load(conn)?;
        out.extend(rows);
    }
    Ok(out)
}

/// Writes `results` over the stored rows of the same member and month (an import, a load):
/// a row already so is left alone. The member ids are `ids` (every member is stored).
pub(crate) fn upsert_all(
    conn: &mut DbConnection,
    results: &[MonthlyResult],
    ids: &HashMap<String, i64>,
) -> Result<Written, StoreError> {
    let mut written = Written::default();
    let mut by_member: HashMap<i64, Vec<&MonthlyResult>> = HashMap::new();
    for r in results {
        let id = ids
            .get(r.member.as_str())
            .ok_or_else(|| StoreError::NotFound {
                entity: crate::Entity::Member,
                code: r.member.to_string(),
            })?;
        by_member.entry(*id).or_default().push(r);
    }
    let member_list: Vec<i64> = by_member.keys().copied().collect();
    let (first, last) = bounds(results);
    let stored = results_of(conn, &member_list, first, last)?;
    let mut new_rows = Vec::new();
    for (id, list) in &by_member {
        let existing = stored.get(id);
        for r in list {
            let day = r.month.first_day();
            let found = existing.and_then(|e| e.iter().find(|(d, _, _)| *d == day));
            match found {
                None => {
                    new_rows.push(NewResult {
                        member_id: *id,
                        month: day,
                        level: r.level.code(),
                        note: r.note.clone(),
                    });
                    written.created += 1;
                }
                Some((_, level, note)) if *level == r.level && *note == r.note => {
                    written.unchanged += 1;
                }
                Some(_) => {
                    diesel::update(
                        m::table
                            .filter(m::member_id.eq(*id))
                            .filter(m::month.eq(day)),
                    )
                    .set((m::level.eq(r.level.code()), m::note.eq(r.note.as_deref())))
                    .execute(conn)?;
                    written.updated += 1;
                }
            }
        }
    }
    insert_chunks!(conn, m::table, new_rows, 4);
    Ok(written)
}

/// A new row of a bulk write.
#[derive(Insertable)]
#[diesel(table_name = m, treat_none_as_default_value = false)]
struct NewResult {
    member_id: i64,
    month: Date,
    level: &'static str,
    note: Option<String>,
}

/// The first days of the earliest and latest months of `results`.
fn bounds(results: &[MonthlyResult]) -> (Date, Date) {
    let first = results.iter().map(|r| r.month).min();
    let last = results.iter().map(|r| r.month).max();
    match (first, last) {
        (Some(first), Some(last)) => (first.first_day(), last.first_day()),
        _ => (Date::MIN, Date::MIN),
    }
}
