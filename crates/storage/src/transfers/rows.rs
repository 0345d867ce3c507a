//! Transfer rows as stored, and their assembly into views for one caller.

use super::views::TransferView;
use crate::db::conn::DbConnection;
use crate::db::schema::{members, transfers as t};
use crate::tree::access::reachable_orgs;
use crate::tree::refs::org_refs;
use crate::{Scope, StoreError};
use dangvu_domain::Date;
use dangvu_domain::calendar::WorkingCalendar;
use dangvu_domain::enums::Enumeration;
use dangvu_domain::lifecycle::{TransferKind, transfer_deadline};
use diesel::prelude::*;
use std::collections::HashMap;

/// One row of `transfers`.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = t)]
pub(crate) struct TransferRow {
    pub id: i64,
    pub member_id: i64,
    pub from_org_id: i64,
    pub to_org_id: i64,
    pub kind: String,
    pub decision_on: Date,
    pub introduced_on: Option<Date>,
    pub received_on: Option<Date>,
    pub end_on: Option<Date>,
    pub cancelled_on: Option<Date>,
    pub cancel_reason: Option<String>,
}

fn corrupt(what: &str, value: &str) -> StoreError {
    StoreError::Corrupt(format!("transfers: {what} {value:?}"))
}

/// The views of `rows` as `scope` sees them, deadlines on `calendar`.
pub(crate) fn assemble(
    conn: &mut DbConnection,
    scope: &Scope,
    rows: Vec<TransferRow>,
    calendar: &WorkingCalendar,
) -> Result<Vec<TransferView>, StoreError> {
    let mut org_ids: Vec<i64> = rows
        .iter()
        .flat_map(|r| [r.from_org_id, r.to_org_id])
        .collect();
    org_ids.sort_unstable();
    org_ids.dedup();
    let orgs = org_refs(conn, &org_ids)?;
    let reached = reachable_orgs(conn, scope, orgs.values().map(|o| &o.code))?;
    let member_ids: Vec<i64> = rows.iter().map(|r| r.member_id).collect();
    let people: HashMap<i64, (String, String)> = members::table
        .filter(members::id.eq_any(&member_ids))
        .select((members::id, (members::code, members::full_name)))
        .load::<(i64, (String, String))>(conn)?
        .into_iter()
        .collect();
    rows.into_iter()
        .map(|row| {
            let org = |id: i64| {
                orgs.get(&id)
                    .cloned()
                    .ok_or_else(|| corrupt("org id", &id.to_string()))
            };
            let (member, person) = people
                .get(&row.member_id)
                .cloned()
                .ok_or_else(|| corrupt("member id", &row.member_id.to_string()))?;
            let kind =
                TransferKind::from_code(&row.kind).ok_or_else(|| corrupt("kind", &row.kind))?;
            let (from, to) = (org(row.from_org_id)?, org(row.to_org_id)?);
            Ok(TransferView {
                id: row.id,
                kind,
                member,
                person,
                sender_side: reached.contains(&from.code),
                receiver_side: reached.contains(&to.code),
                from,
                to,
                decision_on: row.decision_on,
                introduced_on: row.introduced_on,
                received_on: row.received_on,
                end_on: row.end_on,
                cancelled_on: row.cancelled_on,
                cancel_reason: row.cancel_reason,
                due_on: kind
                    .moves_registration()
                    .then(|| transfer_deadline(calendar, row.decision_on)),
            })
        })
        .collect()
}
