//! A round's rows for the reader: members in Vietnamese name order and organizations by
//! code, only those the scope reaches and within the part asked for.

use super::access::{Reached, RoundAccess};
use super::read::org_name;
use super::rows::{DecisionCols, proposal, self_assessment};
use super::views::{MemberEntry, OrgEntry};
use crate::StoreError;
use crate::db::conn::DbConnection;
use crate::db::schema::{members, round_members as rm, round_orgs as ro};
use crate::interchange::stored::ID_CHUNK;
use crate::tree::refs::{enum_code, member_code};
use dangvu_domain::ratings::OrgShape;
use dangvu_domain::{OrgCode, Rating};
use diesel::prelude::*;
use std::collections::HashMap;

type MemberRowCols = (
    i64,
    i64,
    i64,
    super::rows::SelfCols,
    super::rows::ProposalCols,
    super::rows::DecisionTuple,
);

/// The members' rows reached, in Vietnamese name order.
pub(super) fn member_entries(
    conn: &mut DbConnection,
    access: &RoundAccess,
    within: Option<&[i64]>,
) -> Result<Vec<MemberEntry>, StoreError> {
    let query = rm::table.filter(rm::round_id.eq(access.row.id)).select((
        rm::member_id,
        rm::cell_id,
        rm::unit_id,
        (
            rm::self_level,
            rm::self_points,
            rm::self_text,
            rm::self_form,
            rm::self_on,
            rm::self_by,
        ),
        (
            rm::proposed_level,
            rm::proposed_points,
            rm::votes_for,
            rm::votes_cast,
            rm::proposed_on,
            rm::proposed_by,
        ),
        (
            rm::decided_level,
            rm::decided_label,
            rm::decided_points,
            rm::decided_reason,
            rm::exceptions,
            rm::decided_on,
            rm::decided_by,
            rm::decided_org,
        ),
    ));
    let mut rows: Vec<MemberRowCols> = Vec::new();
    match (&access.reached, within) {
        (Reached::Member(member), _) => {
            rows = query.filter(rm::member_id.eq(*member)).load(conn)?
        }
        (_, Some(ids)) => {
            for chunk in ids.chunks(ID_CHUNK) {
                rows.extend(
                    query
                        .filter(rm::cell_id.eq_any(chunk))
                        .load::<MemberRowCols>(conn)?,
                );
            }
        }
        (_, None) => rows = query.load(conn)?,
    }
    rows.retain(|r| matches!(access.reached, Reached::Member(_)) || access.reached.org(r.1));
    let names = member_names(conn, rows.iter().map(|r| r.0).collect())?;
    let mut orgs = OrgCodes::default();
    let mut entries = Vec::with_capacity(rows.len());
    for (member_id, cell_id, unit_id, own, prop, dec) in rows {
        let Some((code, full_name, sort_key)) = names.get(&member_id) else {
            continue;
        };
        let (level, label, points, reason, exceptions, on, by, org) = dec;
        entries.push((
            sort_key.clone(),
            MemberEntry {
                member: member_code(code)?,
                full_name: full_name.clone(),
                cell: orgs.code(conn, cell_id)?,
                unit: orgs.code(conn, unit_id)?,
                self_assessment: self_assessment(own)?,
                proposal: proposal(prop)?,
                decision: DecisionCols {
                    level,
                    label,
                    points,
                    reason,
                    exceptions,
                    on,
                    by,
                    org,
                }
                .decided()?,
            },
        ));
    }
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(entries.into_iter().map(|(_, e)| e).collect())
}

/// Codes of organizations, read once each.
#[derive(Default)]
pub(crate) struct OrgCodes(HashMap<i64, (OrgCode, String)>);

impl OrgCodes {
    pub(crate) fn code(&mut self, conn: &mut DbConnection, id: i64) -> Result<OrgCode, StoreError> {
        Ok(self.named(conn, id)?.0)
    }

    pub(crate) fn named(
        &mut self,
        conn: &mut DbConnection,
        id: i64,
    ) -> Result<(OrgCode, String), StoreError> {
        if let Some(found) = self.0.get(&id) {
            return Ok(found.clone());
        }
        let found = org_name(conn, id)?;
        self.0.insert(id, found.clone());
        Ok(found)
    }
}

/// Code, name and sort key of each member.
fn member_names(
    conn: &mut DbConnection,
    ids: Vec<i64>,
) -> Result<HashMap<i64, (String, String, String)>, StoreError> {
    let mut found = HashMap::new();
    for chunk in ids.chunks(ID_CHUNK) {
        let rows: Vec<(i64, String, String, String)> = members::table
            .filter(members::id.eq_any(chunk))
            .select((
                members::id,
                members::code,
                members::full_name,
                members::sort_key,
            ))
            .load(conn)?;
        found.extend(rows.into_iter().map(|(id, c, n, k)| (id, (c, n, k))));
    }
    Ok(found)
}

type OrgRowCols = (
    i64,
    Option<i64>,
    String,
    (
        Option<String>,
        Option<String>,
        Option<dangvu_domain::Date>,
        Option<String>,
    ),
    super::rows::DecisionTuple,
);

/// The organizations' rows reached, by code.
pub(super) fn org_entries(
    conn: &mut DbConnection,
    access: &RoundAccess,
    within: Option<&[i64]>,
) -> Result<Vec<OrgEntry>, StoreError> {
    if matches!(access.reached, Reached::Member(_)) {
        return Ok(Vec::new());
    }
    let rows: Vec<OrgRowCols> = ro::table
        .filter(ro::round_id.eq(access.row.id))
        .select((
            ro::org_id,
            ro::parent_id,
            ro::shape,
            (ro::self_level, ro::self_text, ro::self_on, ro::self_by),
            (
                ro::decided_level,
                ro::decided_label,
                ro::decided_points,
                ro::decided_reason,
                ro::exceptions,
                ro::decided_on,
                ro::decided_by,
                ro::decided_org,
            ),
        ))
        .load(conn)?;
    let mut codes = OrgCodes::default();
    let mut entries = Vec::new();
    for (org_id, parent_id, shape, own, dec) in rows {
        let inside = within.is_none_or(|ids| ids.contains(&org_id));
        if !inside || !access.reached.org(org_id) {
            continue;
        }
        let (org, name) = codes.named(conn, org_id)?;
        let parent = parent_id.map(|p| codes.code(conn, p)).transpose()?;
        let self_review = match own {
            (Some(level), text, Some(on), Some(by)) => Some(super::views::Stepped {
                value: (enum_code::<Rating>(&level)?, text.unwrap_or_default()),
                on,
                by,
            }),
            _ => None,
        };
        let (level, label, points, reason, exceptions, on, by, level_org) = dec;
        entries.push(OrgEntry {
            org,
            name,
            parent,
            shape: if shape == "CHI_BO" {
                OrgShape::Cell
            } else {
                OrgShape::Committee
            },
            self_review,
            decision: DecisionCols {
                level,
                label,
                points,
                reason,
                exceptions,
                on,
                by,
                org: level_org,
            }
            .decided()?,
        });
    }
    entries.sort_by(|a, b| a.org.as_str().cmp(b.org.as_str()));
    Ok(entries)
}
