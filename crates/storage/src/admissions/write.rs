//! Writing a dossier: opening it, and storing it whole after a step (the row updated, its
//! votes and overrides replaced), each with its audit row in the same transaction.

use crate::audit::{self, Change};
use crate::db::conn::DbConnection;
use crate::db::schema::{admission_dossiers as d, admission_overrides as o, admission_votes as v};
use crate::db::schema::{member_statuses, members, organizations};
use crate::tree::access::{visible_member, visible_org};
use crate::{AuditAction, AuditContext, AuditEntity, Scope, StoreError};
use dangvu_domain::admissions::{Dossier, IntroducerFacts, ProbationEnd};
use dangvu_domain::enums::{Enumeration, MemberStatus, OrgType};
use dangvu_domain::{Date, MemberCode};
use diesel::prelude::*;

/// Inserts the dossier (only its row: a new dossier has no votes nor overrides) and its
/// audit row; answers `Conflict` for a code already used, `Invalid` for an organization
/// that is not a cell.
pub(crate) fn insert(
    conn: &mut DbConnection,
    scope: &Scope,
    ctx: &AuditContext,
    dossier: &Dossier,
) -> Result<(), StoreError> {
    let cell_id = visible_org(conn, scope, dossier.cell.as_str())?;
    let org_type: String = organizations::table
        .find(cell_id)
        .select(organizations::org_type)
        .first(conn)?;
    if !OrgType::from_code(&org_type).is_some_and(OrgType::registers_members) {
        return Err(StoreError::Invalid(format!(
            "{} không phải chi bộ / is not a cell",
            dossier.cell
        )));
    }
    let taken: i64 = d::table
        .filter(d::code.eq(&dossier.code))
        .count()
        .get_result(conn)?;
    if taken > 0 {
        return Err(StoreError::Conflict { field: "ma".into() });
    }
    let id = insert_row(conn, cell_id, dossier)?;
    save(conn, scope, id, dossier)?;
    record(conn, ctx, AuditAction::AdmissionOpen, None, dossier)
}

/// Inserts the row of a new dossier (the applicant in cell `cell_id`); returns its id.
pub(crate) fn insert_row(
    conn: &mut DbConnection,
    cell_id: i64,
    dossier: &Dossier,
) -> Result<i64, StoreError> {
    let a = &dossier.applicant;
    diesel::insert_into(d::table)
        .values((
            d::code.eq(&dossier.code),
            d::full_name.eq(&a.full_name),
            d::gender.eq(a.gender.code()),
            d::birth_date.eq(a.birth_date),
            d::ethnicity.eq(&a.ethnicity),
            d::education.eq(&a.education),
            d::cell_id.eq(cell_id),
        ))
        .execute(conn)?;
    Ok(d::table
        .filter(d::code.eq(&dossier.code))
        .select(d::id)
        .first(conn)?)
}

/// Stores `dossier` over row `id`: every column of the steps, and the votes and overrides
/// replaced. Introducers are found through the scope.
pub(crate) fn save(
    conn: &mut DbConnection,
    scope: &Scope,
    id: i64,
    dossier: &Dossier,
) -> Result<(), StoreError> {
    let mut member_id = |code: Option<&MemberCode>| -> Result<Option<i64>, StoreError> {
        code.map(|c| visible_member(conn, scope, c.as_str()))
            .transpose()
    };
    let intro_1 = member_id(dossier.introducers.first.as_ref())?;
    let intro_2 = member_id(dossier.introducers.second.as_ref())?;
    let admitted = match &dossier.member {
        Some(code) => Some(member_row(conn, code)?),
        None => None,
    };
    let (recognized, struck_off) = match dossier.probation_end {
        Some(ProbationEnd::Recognized { decided_on }) => (Some(decided_on), None),
        Some(ProbationEnd::StruckOff { on }) => (None, Some(on)),
        None => (None, None),
    };
    let decision = dossier.decision.as_ref();
    diesel::update(d::table.find(id))
        .set((
            (
                d::listed_on.eq(dossier.listed_on),
                d::course_on.eq(dossier.course_on),
                d::application_on.eq(dossier.application_on),
                d::introducer_1_id.eq(intro_1),
                d::introducer_2_id.eq(intro_2),
                d::youth_union_on.eq(dossier.introducers.youth_union_on),
                d::referred_on.eq(dossier.referred_on),
                d::resolution_on.eq(dossier.resolution_on),
                d::proposal_on.eq(dossier.proposal_on),
            ),
            (
                d::decision_no.eq(decision.and_then(|x| x.number.clone())),
                d::decision_on.eq(decision.map(|x| x.on)),
                d::ceremony_on.eq(dossier.ceremony_on),
                d::member_id.eq(admitted),
                d::recognized_on.eq(recognized),
                d::struck_off_on.eq(struck_off),
                d::closed_on.eq(dossier.closing.as_ref().map(|c| c.on)),
                d::closing_reason.eq(dossier.closing.as_ref().map(|c| c.reason.clone())),
            ),
        ))
        .execute(conn)?;
    replace_children(conn, id, dossier)
}

fn replace_children(conn: &mut DbConnection, id: i64, dossier: &Dossier) -> Result<(), StoreError> {
    diesel::delete(v::table.filter(v::dossier_id.eq(id))).execute(conn)?;
    diesel::delete(o::table.filter(o::dossier_id.eq(id))).execute(conn)?;
    let as_int = |n: u32| i32::try_from(n).map_err(|_| StoreError::Invalid(format!("{n}")));
    for vote in &dossier.votes {
        diesel::insert_into(v::table)
            .values((
                v::dossier_id.eq(id),
                v::voted_on.eq(vote.on),
                v::votes_for.eq(as_int(vote.votes_for)?),
                v::votes_against.eq(as_int(vote.votes_against)?),
                v::official_members.eq(as_int(vote.official_members)?),
            ))
            .execute(conn)?;
    }
    for o_row in &dossier.overrides {
        diesel::insert_into(o::table)
            .values((
                o::dossier_id.eq(id),
                o::check_code.eq(o_row.check.code()),
                o::reason.eq(&o_row.reason),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// The id of the member `code` (the dossier's own admitted member: not scope-checked,
/// the dossier was).
fn member_row(conn: &mut DbConnection, code: &MemberCode) -> Result<i64, StoreError> {
    members::table
        .filter(members::code.eq(code.as_str()))
        .select(members::id)
        .first(conn)
        .optional()?
        .ok_or_else(|| StoreError::Corrupt(format!("member {code}")))
}

/// The audit row of a change of `after` (from `before`), the whole dossier as JSON on
/// both sides: overrides and their reasons included.
pub(crate) fn record(
    conn: &mut DbConnection,
    ctx: &AuditContext,
    action: AuditAction,
    before: Option<&Dossier>,
    after: &Dossier,
) -> Result<(), StoreError> {
    let json = |x: &Dossier| serde_json::to_string(x).map_err(StoreError::from);
    audit::record(
        conn,
        ctx,
        Change {
            action,
            entity: AuditEntity::AdmissionDossier,
            entity_code: Some(&after.code),
            before_json: before.map(json).transpose()?,
            after_json: Some(json(after)?),
        },
    )
}

/// What storage knows of the introducers of `dossier` on `day`: their full-membership day
/// and whether their status then counts them as members. An introducer out of scope is
/// "not found".
pub(crate) fn introducer_facts(
    conn: &mut DbConnection,
    scope: &Scope,
    dossier: &Dossier,
    day: Date,
) -> Result<Vec<IntroducerFacts>, StoreError> {
    let mut facts = Vec::new();
    for code in dossier.introducers.members() {
        let id = visible_member(conn, scope, code.as_str())?;
        let (admitted_on, official_on): (Date, Option<Date>) = members::table
            .find(id)
            .select((members::admitted_on, members::official_on))
            .first(conn)?;
        let status: Option<String> = member_statuses::table
            .filter(member_statuses::member_id.eq(id))
            .filter(member_statuses::valid_from.le(day))
            .filter(member_statuses::valid_to.gt(day))
            .select(member_statuses::status)
            .first(conn)
            .optional()?;
        let active = status
            .as_deref()
            .and_then(MemberStatus::from_code)
            .is_none_or(MemberStatus::counts_as_member);
        facts.push(IntroducerFacts {
            code: code.clone(),
            official_on,
            counts_as_member: active && admitted_on <= day,
        });
    }
    Ok(facts)
}
