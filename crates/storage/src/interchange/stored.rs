//! Stored records read back as the domain's records, in bulk: what an import compares the
//! file with, and what an export writes.
//!
//! Histories come back as lists of `since` entries built from the stored periods (a period
//! starting at the open-start sentinel becomes `since: None`), so that the periods the
//! domain derives from them are exactly the stored ones.

use crate::StoreError;
use crate::db::conn::DbConnection;
use crate::db::schema::{member_statuses, members, org_parents, organizations, registrations};
use crate::interchange::load_rows::Ids;
use crate::members::sheet::SheetRow;
use crate::tree::refs::enum_code;
use dangvu_domain::dataset::{MemberRecord, OrgRecord, ParentLink, Registration, StatusChange};
use dangvu_domain::dates::DateSentinels;
use dangvu_domain::{Date, MemberStatus, OrgCode};
use diesel::prelude::*;
use std::collections::HashMap;

/// Ids per query: far below both engines' limits on bound parameters.
pub(crate) const ID_CHUNK: usize = 10_000;

/// Every stored organization.
pub(crate) struct StoredOrgs {
    /// The records, with their parent histories.
    pub records: Vec<OrgRecord>,
    /// Codes to ids.
    pub ids: Ids,
    /// Ids to codes.
    pub codes: HashMap<i64, OrgCode>,
}

type OrgRow = (
    i64,
    String,
    String,
    String,
    Option<Date>,
    Option<Date>,
    Option<i64>,
);

/// Reads every organization with its parent history.
pub(crate) fn orgs(conn: &mut DbConnection) -> Result<StoredOrgs, StoreError> {
    let rows: Vec<OrgRow> = organizations::table
        .select((
            organizations::id,
            organizations::code,
            organizations::name,
            organizations::org_type,
            organizations::founded_on,
            organizations::dissolved_on,
            organizations::merged_into_id,
        ))
        .order(organizations::id)
        .load(conn)?;
    let mut codes = HashMap::with_capacity(rows.len());
    for (id, code, ..) in &rows {
        let parsed =
            OrgCode::parse(code).map_err(|_| StoreError::Corrupt(format!("code {code:?}")))?;
        codes.insert(*id, parsed);
    }
    let mut parents = parent_links(conn, &codes)?;
    let mut records = Vec::with_capacity(rows.len());
    for (id, _, name, org_type, founded_on, dissolved_on, merged) in rows {
        records.push(OrgRecord {
            code: code_of(&codes, id)?,
            name,
            org_type: enum_code(&org_type)?,
            founded_on,
            dissolved_on,
            merged_into: merged.map(|m| code_of(&codes, m)).transpose()?,
            parents: parents.remove(&id).unwrap_or_default(),
        });
    }
    let ids = codes.iter().map(|(id, c)| (c.to_string(), *id)).collect();
    Ok(StoredOrgs {
        records,
        ids,
        codes,
    })
}

fn code_of(codes: &HashMap<i64, OrgCode>, id: i64) -> Result<OrgCode, StoreError> {
    codes
        .get(&id)
        .cloned()
        .ok_or_else(|| StoreError::Corrupt(format!("organization id {id} is missing")))
}

fn since(from: Date) -> Option<Date> {
    (from != Date::MIN_SENTINEL).then_some(from)
}

fn parent_links(
    conn: &mut DbConnection,
    codes: &HashMap<i64, OrgCode>,
) -> Result<HashMap<i64, Vec<ParentLink>>, StoreError> {
    let rows: Vec<(i64, Option<i64>, Date)> = org_parents::table
        .select((
            org_parents::org_id,
            org_parents::parent_id,
            org_parents::valid_from,
        ))
        .order((org_parents::org_id, org_parents::valid_from))
        .load(conn)?;
    let mut links: HashMap<i64, Vec<ParentLink>> = HashMap::new();
    for (org_id, parent_id, from) in rows {
        links.entry(org_id).or_default().push(ParentLink {
            since: since(from),
            parent: parent_id.map(|p| code_of(codes, p)).transpose()?,
        });
    }
    Ok(links)
}

/// Every member's code and id.
pub(crate) fn member_ids(conn: &mut DbConnection) -> Result<Ids, StoreError> {
    Ok(members::table
        .select((members::code, members::id))
        .load::<(String, i64)>(conn)?
        .into_iter()
        .collect())
}

/// The members `ids` (at most [`ID_CHUNK`]) with their histories, by id.
pub(crate) fn members_by_id(
    conn: &mut DbConnection,
    ids: &[i64],
    org_codes: &HashMap<i64, OrgCode>,
) -> Result<Vec<(i64, MemberRecord)>, StoreError> {
    let sheets: Vec<SheetRow> = members::table
        .filter(members::id.eq_any(ids))
        .order(members::id)
        .select(SheetRow::as_select())
        .load(conn)?;
    let mut registered = registrations_of(conn, ids, org_codes)?;
    let mut statuses = statuses_of(conn, ids)?;
    sheets
        .into_iter()
        .map(|row| {
            let id = row.id();
            let registrations = registered.remove(&id).unwrap_or_default();
            let statuses = statuses.remove(&id).unwrap_or_default();
            Ok((id, record(row, registrations, statuses)?))
        })
        .collect()
}

fn record(
    row: SheetRow,
    registrations: Vec<Registration>,
    statuses: Vec<StatusChange>,
) -> Result<MemberRecord, StoreError> {
    let sheet = row.into_sheet()?;
    Ok(MemberRecord {
        code: sheet.code,
        profile: sheet.profile,
        admitted_on: sheet.admitted_on,
        official_on: sheet.official_on,
        registrations,
        statuses,
    })
}

fn registrations_of(
    conn: &mut DbConnection,
    ids: &[i64],
    org_codes: &HashMap<i64, OrgCode>,
) -> Result<HashMap<i64, Vec<Registration>>, StoreError> {
    let rows: Vec<(i64, i64, Date)> = registrations::table
        .filter(registrations::member_id.eq_any(ids))
        .select((
            registrations::member_id,
            registrations::org_id,
            registrations::valid_from,
        ))
        .order((registrations::member_id, registrations::valid_from))
        .load(conn)?;
    let mut out: HashMap<i64, Vec<Registration>> = HashMap::new();
    for (member_id, org_id, from) in rows {
        out.entry(member_id).or_default().push(Registration {
            org: code_of(org_codes, org_id)?,
            since: since(from),
        });
    }
    Ok(out)
}

/// Status changes: every stored period but the "active" one the history starts with.
fn statuses_of(
    conn: &mut DbConnection,
    ids: &[i64],
) -> Result<HashMap<i64, Vec<StatusChange>>, StoreError> {
    let rows: Vec<(i64, String, Date)> = member_statuses::table
        .filter(member_statuses::member_id.eq_any(ids))
        .select((
            member_statuses::member_id,
            member_statuses::status,
            member_statuses::valid_from,
        ))
        .order((member_statuses::member_id, member_statuses::valid_from))
        .load(conn)?;
    let mut out: HashMap<i64, Vec<StatusChange>> = HashMap::new();
    for (member_id, status, from) in rows {
        let status: MemberStatus = enum_code(&status)?;
        let changes = out.entry(member_id).or_default();
        if let Some(on) = since(from) {
            changes.push(StatusChange { status, on });
        }
    }
    Ok(out)
}
