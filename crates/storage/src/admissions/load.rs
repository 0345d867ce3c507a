//! Loading many dossiers at once (the demo's), in bulk, with one audit row: the facts are
//! the generator's, so they are stored as they are, not replayed step by step.

use crate::audit::{self, Change};
use crate::db::conn::DbConnection;
use crate::db::schema::{
    admission_dossiers as d, admission_overrides as o, admission_votes as v, members, organizations,
};
use crate::interchange::load::insert_chunks;
use crate::{AuditAction, AuditContext, AuditEntity, StoreError};
use dangvu_domain::Date;
use dangvu_domain::admissions::{Dossier, ProbationEnd};
use dangvu_domain::enums::Enumeration;
use diesel::prelude::*;
use std::collections::HashMap;

/// Codes per statement when looking ids up.
const CHUNK: usize = 5_000;

#[derive(Insertable)]
#[diesel(table_name = d, treat_none_as_default_value = false)]
struct NewRow {
    code: String,
    full_name: String,
    gender: &'static str,
    birth_date: Date,
    ethnicity: Option<String>,
    education: Option<String>,
    cell_id: i64,
    listed_on: Option<Date>,
    course_on: Option<Date>,
    application_on: Option<Date>,
    introducer_1_id: Option<i64>,
    introducer_2_id: Option<i64>,
    youth_union_on: Option<Date>,
    referred_on: Option<Date>,
    resolution_on: Option<Date>,
    proposal_on: Option<Date>,
    decision_no: Option<String>,
    decision_on: Option<Date>,
    ceremony_on: Option<Date>,
    member_id: Option<i64>,
    recognized_on: Option<Date>,
    struck_off_on: Option<Date>,
    closed_on: Option<Date>,
    closing_reason: Option<String>,
}

#[derive(Insertable)]
#[diesel(table_name = v, treat_none_as_default_value = false)]
struct NewVote {
    dossier_id: i64,
    voted_on: Date,
    votes_for: i32,
    votes_against: i32,
    official_members: i32,
}

#[derive(Insertable)]
#[diesel(table_name = o, treat_none_as_default_value = false)]
struct NewOverride {
    dossier_id: i64,
    check_code: &'static str,
    reason: String,
}

/// Inserts `dossiers` (codes not yet stored; their cells and members stored) and one audit
/// row; returns how many.
pub(crate) fn load(
    conn: &mut DbConnection,
    dossiers: &[Dossier],
    ctx: &AuditContext,
) -> Result<u64, StoreError> {
    let member_codes: Vec<&str> = dossiers
        .iter()
        .flat_map(|x| x.introducers.members().chain(x.member.iter()))
        .map(|c| c.as_str())
        .collect();
    let member_ids = ids(conn, &member_codes, true)?;
    let cell_codes: Vec<&str> = dossiers.iter().map(|x| x.cell.as_str()).collect();
    let cell_ids = ids(conn, &cell_codes, false)?;
    let find = |map: &HashMap<String, i64>, code: &str| {
        map.get(code)
            .copied()
            .ok_or_else(|| StoreError::Invalid(format!("{code} không có / not found")))
    };
    let mut rows = Vec::with_capacity(dossiers.len());
    for x in dossiers {
        let member = |c: Option<&dangvu_domain::MemberCode>| {
            c.map(|c| find(&member_ids, c.as_str())).transpose()
        };
        let (recognized_on, struck_off_on) = match x.probation_end {
            Some(ProbationEnd::Recognized { decided_on }) => (Some(decided_on), None),
            Some(ProbationEnd::StruckOff { on }) => (None, Some(on)),
            None => (None, None),
        };
        rows.push(NewRow {
            code: x.code.clone(),
            full_name: x.applicant.full_name.clone(),
            gender: x.applicant.gender.code(),
            birth_date: x.applicant.birth_date,
            ethnicity: x.applicant.ethnicity.clone(),
            education: x.applicant.education.clone(),
            cell_id: find(&cell_ids, x.cell.as_str())?,
            listed_on: x.listed_on,
            course_on: x.course_on,
            application_on: x.application_on,
            introducer_1_id: member(x.introducers.first.as_ref())?,
            introducer_2_id: member(x.introducers.second.as_ref())?,
            youth_union_on: x.introducers.youth_union_on,
            referred_on: x.referred_on,
            resolution_on: x.resolution_on,
            proposal_on: x.proposal_on,
            decision_no: x.decision.as_ref().and_then(|y| y.number.clone()),
            decision_on: x.decision.as_ref().map(|y| y.on),
            ceremony_on: x.ceremony_on,
            member_id: member(x.member.as_ref())?,
            recognized_on,
            struck_off_on,
            closed_on: x.closing.as_ref().map(|c| c.on),
            closing_reason: x.closing.as_ref().map(|c| c.reason.clone()),
        });
    }
    let written = insert_chunks!(conn, d::table, rows, 24);
    let codes: Vec<&str> = dossiers.iter().map(|x| x.code.as_str()).collect();
    let dossier_ids = dossier_ids(conn, &codes)?;
    let mut votes = Vec::new();
    let mut overrides = Vec::new();
    for x in dossiers {
        let dossier_id = find(&dossier_ids, &x.code)?;
        for vote in &x.votes {
            let n = |k: u32| i32::try_from(k).map_err(|_| StoreError::Invalid(format!("{k}")));
            votes.push(NewVote {
                dossier_id,
                voted_on: vote.on,
                votes_for: n(vote.votes_for)?,
                votes_against: n(vote.votes_against)?,
                official_members: n(vote.official_members)?,
            });
        }
        for ov in &x.overrides {
            overrides.push(NewOverride {
                dossier_id,
                check_code: ov.check.code(),
                reason: ov.reason.clone(),
            });
        }
    }
    insert_chunks!(conn, v::table, votes, 5);
    insert_chunks!(conn, o::table, overrides, 3);
    let after = serde_json::json!({ "dossiers": written }).to_string();
    audit::record(
        conn,
        ctx,
        Change {
            action: AuditAction::DatasetLoad,
            entity: AuditEntity::AdmissionDossier,
            entity_code: None,
            before_json: None,
            after_json: Some(after),
        },
    )?;
    Ok(written)
}

/// The ids of members (`members`) or organizations by code.
pub(crate) fn ids(
    conn: &mut DbConnection,
    codes: &[&str],
    of_members: bool,
) -> Result<HashMap<String, i64>, StoreError> {
    let mut unique: Vec<&str> = codes.to_vec();
    unique.sort_unstable();
    unique.dedup();
    let mut map = HashMap::new();
    for chunk in unique.chunks(CHUNK) {
        let rows: Vec<(String, i64)> = if of_members {
            members::table
                .filter(members::code.eq_any(chunk))
                .select((members::code, members::id))
                .load(conn)?
        } else {
            organizations::table
                .filter(organizations::code.eq_any(chunk))
                .select((organizations::code, organizations::id))
                .load(conn)?
        };
        map.extend(rows);
    }
    Ok(map)
}

fn dossier_ids(
    conn: &mut DbConnection,
    codes: &[&str],
) -> Result<HashMap<String, i64>, StoreError> {
    let mut map = HashMap::new();
    for chunk in codes.chunks(CHUNK) {
        let rows: Vec<(String, i64)> = d::table
            .filter(d::code.eq_any(chunk))
            .select((d::code, d::id))
            .load(conn)?;
        map.extend(rows);
    }
    Ok(map)
}
