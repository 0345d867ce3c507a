//! Reading rounds: the list a caller reaches, one round's progress, and its rows for an
//! organization's part of the subtree.

use super::access::{Reached, RoundAccess, kind_of, round};
use super::entries::{member_entries, org_entries};
use super::rows::RoundRow;
use super::views::{MemberEntry, OrgEntry, RoundSummary, RoundView};
use crate::admissions::access::subtree_ids;
use crate::db::conn::DbConnection;
use crate::db::schema::{organizations, rating_rounds, round_members as rm, round_orgs as ro};
use crate::tree::sql::org_id;
use crate::{Scope, StoreError};
use dangvu_domain::OrgCode;
use diesel::dsl::{count, count_star};
use diesel::prelude::*;

/// The most members a round lists without a part asked for: beyond it the reader picks
/// an organization (a district's round rates tens of thousands).
pub(crate) const LISTED_WHOLE: u64 = 2_000;

/// Every round the scope reaches, newest year first.
pub(crate) fn list(
    conn: &mut DbConnection,
    scope: &Scope,
) -> Result<Vec<RoundSummary>, StoreError> {
    let ids: Vec<i64> = rating_rounds::table
        .order((rating_rounds::year.desc(), rating_rounds::id.desc()))
        .select(rating_rounds::id)
        .load(conn)?;
    let mut found = Vec::new();
    for id in ids {
        match round(conn, scope, id) {
            Ok(access) => found.push(summary(conn, &access)?),
            Err(StoreError::NotFound { .. }) => {}
            Err(other) => return Err(other),
        }
    }
    Ok(found)
}

/// The code and name of organization `id`.
pub(crate) fn org_name(conn: &mut DbConnection, id: i64) -> Result<(OrgCode, String), StoreError> {
    let (code, name): (String, String) = organizations::table
        .find(id)
        .select((organizations::code, organizations::name))
        .first(conn)?;
    Ok((crate::tree::refs::org_code(&code)?, name))
}

/// A round's progress over the rows the caller reaches.
pub(crate) fn summary(
    conn: &mut DbConnection,
    access: &RoundAccess,
) -> Result<RoundSummary, StoreError> {
    let row: &RoundRow = &access.row;
    let (org, org_name) = org_name(conn, row.org_id)?;
    let members = progress(conn, access, Rows::Members)?;
    let orgs = progress(conn, access, Rows::Orgs)?;
    let (kind, _) = kind_of(row)?;
    Ok(RoundSummary {
        id: row.id,
        org,
        org_name,
        year: row.year,
        kind,
        deadline: row.deadline,
        opened: (row.opened_on, row.opened_by.clone()),
        closed: row.closed_on.zip(row.closed_by.clone()),
        members,
        orgs,
    })
}

enum Rows {
    Members,
    Orgs,
}

/// Rows reached and rows decided, counted per organization in SQL and summed over those
/// the caller reaches.
fn progress(
    conn: &mut DbConnection,
    access: &RoundAccess,
    rows: Rows,
) -> Result<(u64, u64), StoreError> {
    let id = access.row.id;
    let per_org: Vec<(i64, i64, i64)> = match rows {
        Rows::Members => {
            // One member's own row, else every row (a range over the whole key).
            let (lo, hi) = match access.reached {
                Reached::Member(member) => (member, member),
                _ => (i64::MIN, i64::MAX),
            };
            rm::table
                .filter(rm::round_id.eq(id).and(rm::member_id.between(lo, hi)))
                .group_by(rm::cell_id)
                .select((rm::cell_id, count_star(), count(rm::decided_level)))
                .load(conn)?
        }
        Rows::Orgs => ro::table
            .filter(ro::round_id.eq(id))
            .group_by(ro::org_id)
            .select((ro::org_id, count_star(), count(ro::decided_level)))
            .load(conn)?,
    };
    let own = matches!(access.reached, Reached::Member(_));
    let (mut all, mut decided) = (0u64, 0u64);
    for (org, n, d) in per_org {
        if own || access.reached.org(org) {
            all += u64::try_from(n).unwrap_or(0);
            decided += u64::try_from(d).unwrap_or(0);
        }
    }
    Ok((all, decided))
}

/// The round `id` with the rows the caller reaches within the subtree of `part` (the whole
/// round when `None`).
pub(crate) fn view(
    conn: &mut DbConnection,
    scope: &Scope,
    id: i64,
    part: Option<&OrgCode>,
) -> Result<RoundView, StoreError> {
    let access = round(conn, scope, id)?;
    let within: Option<Vec<i64>> = match part {
        Some(code) => {
            let root = org_id(conn, code.as_str())?;
            Some(subtree_ids(conn, root, access.reference)?)
        }
        None => None,
    };
    let round = summary(conn, &access)?;
    let listed = within.is_some() || round.members.0 <= LISTED_WHOLE;
    let members = if listed {
        member_entries(conn, &access, within.as_deref())?
    } else {
        Vec::new()
    };
    let orgs = org_entries(conn, &access, within.as_deref())?;
    Ok(RoundView {
        round,
        members,
        members_listed: listed,
        orgs,
    })
}

/// The round `id` and member `member`'s row in it, if the scope reaches it.
pub(crate) fn member_view(
    conn: &mut DbConnection,
    scope: &Scope,
    id: i64,
    member: &dangvu_domain::MemberCode,
) -> Result<(RoundSummary, MemberEntry), StoreError> {
    let access = round(conn, scope, id)?;
    let not_found = || StoreError::NotFound {
        entity: crate::Entity::Member,
        code: member.to_string(),
    };
    let member_id: i64 = crate::db::schema::members::table
        .filter(crate::db::schema::members::code.eq(member.as_str()))
        .select(crate::db::schema::members::id)
        .first(conn)
        .optional()?
        .ok_or_else(not_found)?;
    let cell: i64 = rm::table
        .filter(rm::round_id.eq(id).and(rm::member_id.eq(member_id)))
        .select(rm::cell_id)
        .first(conn)
        .optional()?
        .ok_or_else(not_found)?;
    let entry = member_entries(conn, &access, Some(&[cell]))?
        .into_iter()
        .find(|e| &e.member == member)
        .ok_or_else(not_found)?;
    Ok((summary(conn, &access)?, entry))
}

/// The round `id` and organization `org`'s row in it, if the scope reaches it: the row alone,
/// where [`view`] of the organization's part would also read every member under it.
pub(crate) fn org_view(
    conn: &mut DbConnection,
    scope: &Scope,
    id: i64,
    org: &OrgCode,
) -> Result<(RoundSummary, OrgEntry), StoreError> {
    let access = round(conn, scope, id)?;
    let not_found = || StoreError::NotFound {
        entity: crate::Entity::Organization,
        code: org.to_string(),
    };
    let org_id: i64 = organizations::table
        .filter(organizations::code.eq(org.as_str()))
        .select(organizations::id)
        .first(conn)
        .optional()?
        .ok_or_else(not_found)?;
    let entry = org_entries(conn, &access, Some(&[org_id]))?
        .into_iter()
        .next()
        .ok_or_else(not_found)?;
    Ok((summary(conn, &access)?, entry))
}
