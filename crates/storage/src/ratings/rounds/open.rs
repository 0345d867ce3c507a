//! Opening a round: the organizations below the committee and the members rated on the
//! reference day (the domain's eligibility rule), written with the round and its audit row.

use super::rows::{NewMemberRow, NewOrgRow};
use super::views::NewRound;
use crate::audit::{self, Change};
use crate::db::conn::DbConnection;
use crate::db::dating::{in_subtree_on, valid_on};
use crate::db::schema::{
    member_statuses as s, members as m, org_paths, organizations, rating_rounds, registrations as r,
};
use crate::interchange::load::insert_chunks;
use crate::interchange::stored::ID_CHUNK;
use crate::tree::access::visible_org;
use crate::tree::refs::enum_code;
use crate::tree::sql::{PLACE, Place, place_on};
use crate::{AuditAction, AuditContext, AuditEntity, Scope, StoreError};
use dangvu_domain::enums::{MemberStatus, OrgType};
use dangvu_domain::ratings::{EligibilityFacts, eligibility, for_year};
use dangvu_domain::{Date, OrgCode};
use diesel::prelude::*;
use std::collections::HashMap;

/// Opens `new` and answers the round's number; `Conflict` when the committee already has a
/// round for that period.
pub(crate) fn open(
    conn: &mut DbConnection,
    scope: &Scope,
    ctx: &AuditContext,
    new: &NewRound,
) -> Result<i64, StoreError> {
    let root = visible_org(conn, scope, new.org.as_str())?;
    let rules = for_year(new.year);
    if !rules.periods.contains(&new.kind.period) {
        return Err(StoreError::Invalid(format!(
            "{} chỉ đánh giá, xếp loại theo năm; kỳ quý và nhiệm kỳ áp dụng từ QĐ 366-QĐ/TW (2025) / \
             {} rates by year only; quarterly and term reviews start with QĐ 366-QĐ/TW (2025)",
            rules.name, rules.name
        )));
    }
    let reference = new
        .kind
        .reference(new.year)
        .ok_or_else(|| StoreError::Invalid(format!("năm {} / year {}", new.year, new.year)))?;
    let place = place_on(conn, root, reference)?.ok_or_else(|| absent(&new.org, reference))?;
    let quarter = i32::from(new.kind.quarter.unwrap_or(0));
    let taken: i64 = rating_rounds::table
        .filter(rating_rounds::org_id.eq(root))
        .filter(rating_rounds::year.eq(new.year))
        .filter(rating_rounds::period.eq(new.kind.code()))
        .filter(rating_rounds::quarter.eq(quarter))
        .count()
        .get_result(conn)?;
    if taken > 0 {
        return Err(StoreError::Conflict {
            field: "dot".into(),
        });
    }
    diesel::insert_into(rating_rounds::table)
        .values((
            rating_rounds::org_id.eq(root),
            rating_rounds::year.eq(new.year),
            rating_rounds::period.eq(new.kind.code()),
            rating_rounds::quarter.eq(quarter),
            rating_rounds::deadline.eq(new.deadline),
            rating_rounds::opened_on.eq(new.opened_on),
            rating_rounds::opened_by.eq(&ctx.actor),
        ))
        .execute(conn)?;
    let id: i64 = rating_rounds::table
        .filter(rating_rounds::org_id.eq(root))
        .filter(rating_rounds::year.eq(new.year))
        .filter(rating_rounds::period.eq(new.kind.code()))
        .filter(rating_rounds::quarter.eq(quarter))
        .select(rating_rounds::id)
        .first(conn)?;
    let tree = Subtree::read(conn, &place, reference)?;
    let orgs = tree.org_rows(id, root);
    let members = member_rows(conn, &tree, id, new.year, reference)?;
    let rated = (members.len(), orgs.len());
    insert_chunks!(conn, crate::db::schema::round_orgs::table, orgs, 4);
    insert_chunks!(conn, crate::db::schema::round_members::table, members, 4);
    audit::record(
        conn,
        ctx,
        Change {
            action: AuditAction::RatingRoundOpen,
            entity: AuditEntity::RatingRound,
            entity_code: Some(&id.to_string()),
            before_json: None,
            after_json: Some(
                serde_json::json!({
                    "to_chuc": new.org.as_str(), "nam": new.year, "ky": new.kind.code(),
                    "quy": new.kind.quarter, "han": new.deadline,
                    "dang_vien": rated.0, "to_chuc_xep_loai": rated.1,
                })
                .to_string(),
            ),
        },
    )?;
    Ok(id)
}

fn absent(org: &OrgCode, day: Date) -> StoreError {
    StoreError::Invalid(format!(
        "{org} không tồn tại vào ngày xếp loại {} / does not exist on the reference day {day}",
        day.format("%d/%m/%Y")
    ))
}

/// The subtree on the reference day: each organization's place and type.
struct Subtree {
    places: Vec<Place>,
    types: HashMap<i64, OrgType>,
}

impl Subtree {
    fn read(conn: &mut DbConnection, root: &Place, day: Date) -> Result<Self, StoreError> {
        let places: Vec<Place> = org_paths::table
            .filter(in_subtree_on(root, day))
            .select(PLACE)
            .load(conn)?;
        let mut types = HashMap::new();
        for chunk in places.chunks(ID_CHUNK) {
            let ids: Vec<i64> = chunk.iter().map(|p| p.org_id).collect();
            let rows: Vec<(i64, String)> = organizations::table
                .filter(organizations::id.eq_any(&ids))
                .select((organizations::id, organizations::org_type))
                .load(conn)?;
            for (id, code) in rows {
                types.insert(id, enum_code::<OrgType>(&code)?);
            }
        }
        Ok(Self { places, types })
    }

    /// Every organization below the root except party groups, rated by the round.
    fn org_rows(&self, round_id: i64, root: i64) -> Vec<NewOrgRow> {
        self.places
            .iter()
            .filter(|p| p.org_id != root && self.types.get(&p.org_id) != Some(&OrgType::ToDang))
            .map(|p| {
                let chain = p.chain();
                let cell = self.is_cell(p.org_id);
                NewOrgRow {
                    round_id,
                    org_id: p.org_id,
                    parent_id: chain
                        .len()
                        .checked_sub(2)
                        .and_then(|i| chain.get(i).copied()),
                    shape: if cell { "CHI_BO" } else { "DANG_BO" }.into(),
                }
            })
            .collect()
    }

    fn is_cell(&self, id: i64) -> bool {
        self.types.get(&id).is_some_and(|t| t.registers_members())
    }

    /// The cells of the subtree with their grassroots organization (the nearest grassroots
    /// ancestor, or the cell itself when none).
    fn cells(&self) -> HashMap<i64, i64> {
        self.places
            .iter()
            .filter(|p| self.is_cell(p.org_id))
            .map(|p| {
                let unit = p
                    .chain()
                    .into_iter()
                    .rev()
                    .find(|id| self.types.get(id).is_some_and(|t| t.is_grassroots()))
                    .unwrap_or(p.org_id);
                (p.org_id, unit)
            })
            .collect()
    }
}

/// The members registered in the subtree's cells on `day` whom the year's rules rate.
fn member_rows(
    conn: &mut DbConnection,
    tree: &Subtree,
    round_id: i64,
    year: i32,
    day: Date,
) -> Result<Vec<NewMemberRow>, StoreError> {
    let rules = for_year(year);
    let cells = tree.cells();
    let cell_ids: Vec<i64> = cells.keys().copied().collect();
    let mut rows = Vec::new();
    for chunk in cell_ids.chunks(ID_CHUNK) {
        let registered: Vec<(i64, i64)> = r::table
            .filter(r::org_id.eq_any(chunk))
            .filter(valid_on(r::valid_from, r::valid_to, day))
            .select((r::member_id, r::org_id))
            .load(conn)?;
        let ids: Vec<i64> = registered.iter().map(|(id, _)| *id).collect();
        let statuses = statuses_on(conn, &ids, day)?;
        let admitted = admitted_on(conn, &ids)?;
        for (member_id, cell_id) in registered {
            let Some(admitted_on) = admitted.get(&member_id).copied() else {
                continue;
            };
            let status = statuses
                .get(&member_id)
                .copied()
                .unwrap_or((MemberStatus::DangSinhHoat, admitted_on));
            let facts = EligibilityFacts {
                admitted_on,
                status,
                suspended_since: None,
            };
            if eligibility(rules, day, &facts).is_ok() {
                let unit_id = cells.get(&cell_id).copied().unwrap_or(cell_id);
                rows.push(NewMemberRow {
                    round_id,
                    member_id,
                    unit_id,
                    cell_id,
                });
            }
        }
    }
    Ok(rows)
}

/// Each member's admission day.
fn admitted_on(conn: &mut DbConnection, ids: &[i64]) -> Result<HashMap<i64, Date>, StoreError> {
    let mut found = HashMap::new();
    for chunk in ids.chunks(ID_CHUNK) {
        let rows: Vec<(i64, Date)> = m::table
            .filter(m::id.eq_any(chunk))
            .select((m::id, m::admitted_on))
            .load(conn)?;
        found.extend(rows);
    }
    Ok(found)
}

/// Each member's status on `day` and the day it began.
fn statuses_on(
    conn: &mut DbConnection,
    ids: &[i64],
    day: Date,
) -> Result<HashMap<i64, (MemberStatus, Date)>, StoreError> {
    let mut found = HashMap::new();
    for chunk in ids.chunks(ID_CHUNK) {
        let rows: Vec<(i64, String, Date)> = s::table
            .filter(s::member_id.eq_any(chunk))
            .filter(valid_on(s::valid_from, s::valid_to, day))
            .select((s::member_id, s::status, s::valid_from))
            .load(conn)?;
        for (id, status, from) in rows {
            found.insert(id, (enum_code::<MemberStatus>(&status)?, from));
        }
    }
    Ok(found)
}
