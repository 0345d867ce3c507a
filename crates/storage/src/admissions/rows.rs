//! Dossiers read back as the domain's [`Dossier`], many at a time (a list loads its rows,
//! then the votes, overrides and codes of all of them in a few statements).

use crate::StoreError;
use crate::db::conn::DbConnection;
use crate::db::schema::{
    admission_dossiers as d, admission_overrides as o, admission_votes as v, members, organizations,
};
use dangvu_domain::admissions::{
    Applicant, CellVote, Check, Closing, Decision, Dossier, Introducers, Override, ProbationEnd,
};
use dangvu_domain::enums::{Enumeration, Gender};
use dangvu_domain::{Date, MemberCode, OrgCode};
use diesel::prelude::*;
use std::collections::HashMap;

/// Ids per statement when reading children by dossier id.
const CHUNK: usize = 5_000;

/// A stored dossier row.
#[derive(Queryable, Selectable)]
#[diesel(table_name = d)]
pub(crate) struct DossierRow {
    pub id: i64,
    pub code: String,
    pub full_name: String,
    pub gender: String,
    pub birth_date: Date,
    pub ethnicity: Option<String>,
    pub education: Option<String>,
    pub cell_id: i64,
    pub listed_on: Option<Date>,
    pub course_on: Option<Date>,
    pub application_on: Option<Date>,
    pub introducer_1_id: Option<i64>,
    pub introducer_2_id: Option<i64>,
    pub youth_union_on: Option<Date>,
    pub referred_on: Option<Date>,
    pub resolution_on: Option<Date>,
    pub proposal_on: Option<Date>,
    pub decision_no: Option<String>,
    pub decision_on: Option<Date>,
    pub ceremony_on: Option<Date>,
    pub member_id: Option<i64>,
    pub recognized_on: Option<Date>,
    pub struck_off_on: Option<Date>,
    pub closed_on: Option<Date>,
    pub closing_reason: Option<String>,
}

/// The dossiers of `rows` with their children, in the order of `rows`.
pub(crate) fn assemble(
    conn: &mut DbConnection,
    rows: Vec<DossierRow>,
) -> Result<Vec<(i64, Dossier)>, StoreError> {
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let mut votes: HashMap<i64, Vec<CellVote>> = HashMap::new();
    let mut overrides: HashMap<i64, Vec<Override>> = HashMap::new();
    for chunk in ids.chunks(CHUNK) {
        let stored: Vec<(i64, Date, i32, i32, i32)> = v::table
            .filter(v::dossier_id.eq_any(chunk))
            .order((v::dossier_id, v::voted_on, v::id))
            .select((
                v::dossier_id,
                v::voted_on,
                v::votes_for,
                v::votes_against,
                v::official_members,
            ))
            .load(conn)?;
        for (id, on, votes_for, against, official) in stored {
            votes.entry(id).or_default().push(CellVote {
                on,
                votes_for: count(votes_for)?,
                votes_against: count(against)?,
                official_members: count(official)?,
            });
        }
        let stored: Vec<(i64, String, String)> = o::table
            .filter(o::dossier_id.eq_any(chunk))
            .order((o::dossier_id, o::id))
            .select((o::dossier_id, o::check_code, o::reason))
            .load(conn)?;
        for (id, check, reason) in stored {
            let check = Check::from_code(&check)
                .ok_or_else(|| StoreError::Corrupt(format!("admission check {check}")))?;
            overrides
                .entry(id)
                .or_default()
                .push(Override { check, reason });
        }
    }
    let member_ids: Vec<i64> = rows
        .iter()
        .flat_map(|r| [r.introducer_1_id, r.introducer_2_id, r.member_id])
        .flatten()
        .collect();
    let member_codes = codes_of_members(conn, &member_ids)?;
    let cell_ids: Vec<i64> = rows.iter().map(|r| r.cell_id).collect();
    let cell_codes = codes_of_orgs(conn, &cell_ids)?;
    rows.into_iter()
        .map(|row| {
            let id = row.id;
            let dossier = dossier(
                row,
                &member_codes,
                &cell_codes,
                votes.remove(&id).unwrap_or_default(),
                overrides.remove(&id).unwrap_or_default(),
            )?;
            Ok((id, dossier))
        })
        .collect()
}

fn count(n: i32) -> Result<u32, StoreError> {
    u32::try_from(n).map_err(|_| StoreError::Corrupt(format!("vote count {n}")))
}

fn dossier(
    row: DossierRow,
    members: &HashMap<i64, MemberCode>,
    cells: &HashMap<i64, OrgCode>,
    votes: Vec<CellVote>,
    overrides: Vec<Override>,
) -> Result<Dossier, StoreError> {
    let member = |id: Option<i64>| -> Result<Option<MemberCode>, StoreError> {
        id.map(|id| {
            members
                .get(&id)
                .cloned()
                .ok_or_else(|| StoreError::Corrupt(format!("member id {id}")))
        })
        .transpose()
    };
    let gender = Gender::from_code(&row.gender)
        .ok_or_else(|| StoreError::Corrupt(format!("gender {}", row.gender)))?;
    let cell = cells
        .get(&row.cell_id)
        .cloned()
        .ok_or_else(|| StoreError::Corrupt(format!("org id {}", row.cell_id)))?;
    let probation_end = match (row.recognized_on, row.struck_off_on) {
        (Some(decided_on), _) => Some(ProbationEnd::Recognized { decided_on }),
        (None, Some(on)) => Some(ProbationEnd::StruckOff { on }),
        (None, None) => None,
    };
    Ok(Dossier {
        code: row.code,
        applicant: Applicant {
            full_name: row.full_name,
            gender,
            birth_date: row.birth_date,
            ethnicity: row.ethnicity,
            education: row.education,
        },
        cell,
        listed_on: row.listed_on,
        course_on: row.course_on,
        application_on: row.application_on,
        introducers: Introducers {
            first: member(row.introducer_1_id)?,
            second: member(row.introducer_2_id)?,
            youth_union_on: row.youth_union_on,
        },
        votes,
        referred_on: row.referred_on,
        resolution_on: row.resolution_on,
        proposal_on: row.proposal_on,
        decision: row.decision_on.map(|on| Decision {
            number: row.decision_no,
            on,
        }),
        ceremony_on: row.ceremony_on,
        member: member(row.member_id)?,
        probation_end,
        closing: row.closed_on.map(|on| Closing {
            on,
            reason: row.closing_reason.unwrap_or_default(),
        }),
        overrides,
    })
}

fn codes_of_members(
    conn: &mut DbConnection,
    ids: &[i64],
) -> Result<HashMap<i64, MemberCode>, StoreError> {
    let mut codes = HashMap::new();
    for chunk in ids.chunks(CHUNK) {
        let rows: Vec<(i64, String)> = members::table
            .filter(members::id.eq_any(chunk))
            .select((members::id, members::code))
            .load(conn)?;
        for (id, code) in rows {
            let code = MemberCode::parse(&code)
                .map_err(|_| StoreError::Corrupt(format!("member code {code}")))?;
            codes.insert(id, code);
        }
    }
    Ok(codes)
}

fn codes_of_orgs(
    conn: &mut DbConnection,
    ids: &[i64],
) -> Result<HashMap<i64, OrgCode>, StoreError> {
    let mut unique = ids.to_vec();
    unique.sort_unstable();
    unique.dedup();
    let mut codes = HashMap::new();
    for chunk in unique.chunks(CHUNK) {
        let rows: Vec<(i64, String)> = organizations::table
            .filter(organizations::id.eq_any(chunk))
            .select((organizations::id, organizations::code))
            .load(conn)?;
        for (id, code) in rows {
            let code = OrgCode::parse(&code)
                .map_err(|_| StoreError::Corrupt(format!("org code {code}")))?;
            codes.insert(id, code);
        }
    }
    Ok(codes)
}
