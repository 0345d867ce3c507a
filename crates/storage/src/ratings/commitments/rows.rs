//! Stored commitments read back as domain values, with the codes and names they refer to,
//! and the test of "its organization was in the subtree on the signing day".

use super::views::CommitmentView;
use crate::StoreError;
use crate::db::conn::DbConnection;
use crate::db::schema::{commitments as k, members, organizations};
use crate::tree::sql::{Place, places, places_of};
use dangvu_domain::enums::Enumeration;
use dangvu_domain::ratings::{Commitment, CommitmentOutcome, Evaluation, Post};
use dangvu_domain::{Date, MemberCode, OrgCode};
use diesel::prelude::*;
use std::collections::HashMap;

/// A stored row.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = k)]
pub(crate) struct CommitmentRow {
    pub id: i64,
    pub code: String,
    pub year: i32,
    pub org_id: i64,
    pub signer_id: i64,
    pub post: String,
    pub recipient_id: Option<i64>,
    pub content: String,
    pub signed_on: Date,
    pub outcome: Option<String>,
    pub evaluated_on: Option<Date>,
}

fn corrupt(what: &str, value: &str) -> StoreError {
    StoreError::Corrupt(format!("commitments.{what} {value:?}"))
}

/// The rows as views, in their order.
pub(crate) fn assemble(
    conn: &mut DbConnection,
    rows: Vec<CommitmentRow>,
) -> Result<Vec<CommitmentView>, StoreError> {
    let mut org_ids: Vec<i64> = rows.iter().map(|r| r.org_id).collect();
    org_ids.sort_unstable();
    org_ids.dedup();
    let orgs: HashMap<i64, (String, String)> = organizations::table
        .filter(organizations::id.eq_any(&org_ids))
        .select((
            organizations::id,
            (organizations::code, organizations::name),
        ))
        .load::<(i64, (String, String))>(conn)?
        .into_iter()
        .collect();
    let mut member_ids: Vec<i64> = rows
        .iter()
        .flat_map(|r| std::iter::once(r.signer_id).chain(r.recipient_id))
        .collect();
    member_ids.sort_unstable();
    member_ids.dedup();
    let people: HashMap<i64, (String, String)> = members::table
        .filter(members::id.eq_any(&member_ids))
        .select((members::id, (members::code, members::full_name)))
        .load::<(i64, (String, String))>(conn)?
        .into_iter()
        .collect();
    let person = |id: i64| -> Result<(MemberCode, String), StoreError> {
        let (code, name) = people
            .get(&id)
            .ok_or_else(|| corrupt("member", &id.to_string()))?;
        let code = MemberCode::parse(code).map_err(|_| corrupt("member", code))?;
        Ok((code, name.clone()))
    };
    rows.into_iter()
        .map(|r| {
            let (org_code, org_name) = orgs
                .get(&r.org_id)
                .ok_or_else(|| corrupt("org", &r.org_id.to_string()))?;
            let org = OrgCode::parse(org_code).map_err(|_| corrupt("org", org_code))?;
            let (signer, signer_name) = person(r.signer_id)?;
            let recipient = r.recipient_id.map(person).transpose()?;
            let post = Post::from_code(&r.post).ok_or_else(|| corrupt("post", &r.post))?;
            let evaluation = match (r.outcome.as_deref(), r.evaluated_on) {
                (Some(outcome), Some(on)) => Some(Evaluation {
                    outcome: CommitmentOutcome::from_code(outcome)
                        .ok_or_else(|| corrupt("outcome", outcome))?,
                    on,
                }),
                _ => None,
            };
            let (recipient, recipient_name) = match recipient {
                Some((code, name)) => (Some(code), Some(name)),
                None => (None, None),
            };
            Ok(CommitmentView {
                commitment: Commitment {
                    code: r.code,
                    year: r.year,
                    org,
                    signer,
                    post,
                    recipient,
                    content: r.content,
                    signed_on: r.signed_on,
                    evaluation,
                },
                org_name: org_name.clone(),
                signer_name,
                recipient_name,
            })
        })
        .collect()
}

/// Keeps the rows whose organization was in the subtree of `root_id` on the signing day.
pub(crate) fn in_subtree(
    conn: &mut DbConnection,
    root_id: i64,
    rows: Vec<CommitmentRow>,
) -> Result<Vec<CommitmentRow>, StoreError> {
    let root_places = places(conn, root_id)?;
    let mut org_ids: Vec<i64> = rows.iter().map(|r| r.org_id).collect();
    org_ids.sort_unstable();
    org_ids.dedup();
    let mut their: HashMap<i64, Vec<Place>> = HashMap::new();
    for place in places_of(conn, Some(&org_ids))? {
        their.entry(place.org_id).or_default().push(place);
    }
    let on = |list: &[Place], day: Date| list.iter().find(|p| p.period().contains(day)).cloned();
    Ok(rows
        .into_iter()
        .filter(|r| {
            let org = their.get(&r.org_id).and_then(|l| on(l, r.signed_on));
            match (on(&root_places, r.signed_on), org) {
                (Some(root), Some(org)) => root.contains(&org),
                _ => false,
            }
        })
        .collect())
}
