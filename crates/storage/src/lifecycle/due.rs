//! The Party badges that fall due, for the due list.
//!
//! A badge is due on the first usual award day after a milestone of party age
//! (`dangvu_domain::lifecycle`). The members whose admission day puts a milestone's award
//! day in the coming months are found by the index on `members.admitted_on` (one small
//! range per milestone), then kept when they count as members of the subtree on the day.

use crate::db::conn::DbConnection;
use crate::db::schema::{
    admission_dossiers, badge_awards, members, organizations, party_age_interruptions,
    registrations,
};
use crate::reports::figures::members_on_day;
use crate::tree::sql::{Place, place_on};
use crate::{Scope, Store, StoreError};
use chrono::{Duration, Months};
use dangvu_domain::dates::{Date, Period};
use dangvu_domain::due::{DueItem, DueKind};
use dangvu_domain::lifecycle::{MILESTONES, PartyAgeFacts, upcoming_badge};
use dangvu_domain::{OrgCode, actor::Reach};
use diesel::prelude::*;
use std::collections::HashMap;

/// How far ahead the list looks for award days: the next round or two.
pub const BADGE_LOOKAHEAD_DAYS: i64 = 120;

/// How long before the ceremony an admission decision may be taken, at most, for finding
/// candidates (the rules give 30 working days; a margin for late ceremonies).
const DECISION_LEAD_MONTHS: u32 = 3;

impl Store {
    /// The badges due in the scope on `as_of`: members counted in the subtree that day
    /// whose next milestone's award day falls within [`BADGE_LOOKAHEAD_DAYS`].
    #[tracing::instrument(skip_all, fields(%as_of), err)]
    pub fn badge_due_items(&self, scope: &Scope, as_of: Date) -> Result<Vec<DueItem>, StoreError> {
        self.read(|c| {
            let mut items = Vec::new();
            for place in places_of_scope(c, scope, as_of)? {
                items.extend(badges_in(c, &place, as_of)?);
            }
            Ok(items)
        })
    }
}

/// The places whose subtrees make the scope on `day` (the roots for the whole installation).
pub(super) fn places_of_scope(
    conn: &mut DbConnection,
    scope: &Scope,
    day: Date,
) -> Result<Vec<Place>, StoreError> {
    let roots = match scope.reach() {
        Reach::OwnRecord(_) => return Ok(Vec::new()),
        _ => crate::tree::orgs::roots(conn, scope, day)?,
    };
    let mut places = Vec::new();
    for root in roots {
        let id = crate::tree::sql::org_id(conn, root.code.as_str())?;
        places.extend(place_on(conn, id, day)?);
    }
    Ok(places)
}

/// The badges due among the members of the subtree of `place` on `day`.
fn badges_in(
    conn: &mut DbConnection,
    place: &Place,
    day: Date,
) -> Result<Vec<DueItem>, StoreError> {
    let candidates = admitted_in_windows(conn, day)?;
    let mut items = Vec::new();
    for chunk in candidates.chunks(1000) {
        let rows: Vec<(i64, String, String, Date, String)> = members_on_day(day, place)
            .inner_join(organizations::table.on(organizations::id.eq(registrations::org_id)))
            .filter(members::id.eq_any(chunk))
            .filter(members::official_on.le(day))
            .select((
                members::id,
                members::code,
                members::full_name,
                members::admitted_on,
                organizations::code,
            ))
            .load(conn)?;
        let awarded = awarded_of(conn, chunk)?;
        let decisions = decisions_of(conn, chunk)?;
        let mut interruptions = interruptions_of(conn, chunk)?;
        for (id, code, person, admitted, org) in rows {
            let facts = PartyAgeFacts {
                decision: decisions.get(&id).copied(),
                admitted: Some(admitted),
                official: true,
                interruptions: interruptions.remove(&id).unwrap_or_default(),
                override_start: None,
            };
            let done = awarded.get(&id).map(Vec::as_slice).unwrap_or_default();
            let Some(due) = upcoming_badge(&facts, done, day) else {
                continue;
            };
            if due.award_day > day + Duration::days(BADGE_LOOKAHEAD_DAYS) {
                continue;
            }
            let (reached, award) = (due.reached_on, due.award_day);
            items.push(DueItem {
                kind: DueKind::Badge,
                subject: code,
                person,
                org: OrgCode::parse(&org)
                    .map_err(|_| StoreError::Corrupt(format!("organization code {org:?}")))?,
                since: reached,
                due_on: award,
            });
        }
    }
    Ok(items)
}

/// The milestones already awarded to each of `ids`.
fn awarded_of(conn: &mut DbConnection, ids: &[i64]) -> Result<HashMap<i64, Vec<u32>>, StoreError> {
    let rows: Vec<(i64, i32)> = badge_awards::table
        .filter(badge_awards::member_id.eq_any(ids))
        .select((badge_awards::member_id, badge_awards::milestone))
        .load(conn)?;
    let mut out: HashMap<i64, Vec<u32>> = HashMap::new();
    for (id, milestone) in rows {
        out.entry(id)
            .or_default()
            .extend(u32::try_from(milestone).ok());
    }
    Ok(out)
}

/// The admission decision of each of `ids` that has a dossier (party age starts there).
fn decisions_of(conn: &mut DbConnection, ids: &[i64]) -> Result<HashMap<i64, Date>, StoreError> {
    let rows: Vec<(Option<i64>, Option<Date>)> = admission_dossiers::table
        .filter(admission_dossiers::member_id.eq_any(ids))
        .filter(admission_dossiers::decision_on.is_not_null())
        .select((
            admission_dossiers::member_id,
            admission_dossiers::decision_on,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, day)| Some((id?, day?)))
        .collect())
}

/// The periods that do not count towards party age, of each of `ids`.
fn interruptions_of(
    conn: &mut DbConnection,
    ids: &[i64],
) -> Result<HashMap<i64, Vec<Period>>, StoreError> {
    let rows: Vec<(i64, Date, Date)> = party_age_interruptions::table
        .filter(party_age_interruptions::member_id.eq_any(ids))
        .select((
            party_age_interruptions::member_id,
            party_age_interruptions::valid_from,
            party_age_interruptions::valid_to,
        ))
        .load(conn)?;
    let mut out: HashMap<i64, Vec<Period>> = HashMap::new();
    for (id, from, to) in rows {
        out.entry(id).or_default().push(Period { from, to });
    }
    Ok(out)
}

/// Members admitted so that a milestone is reached between the last award round and the
/// look-ahead (a superset: `next_badge` decides), plus every member with an interruption
/// (which pushes the milestone later by any length; they are few). The window reaches
/// [`DECISION_LEAD_MONTHS`] past the admission days, since party age starts at the
/// decision, which comes before the ceremony.
fn admitted_in_windows(conn: &mut DbConnection, day: Date) -> Result<Vec<i64>, StoreError> {
    let mut ids: Vec<i64> = party_age_interruptions::table
        .select(party_age_interruptions::member_id)
        .distinct()
        .load(conn)?;
    for years in MILESTONES {
        let back = Months::new(years * 12);
        let (Some(first), Some(last)) = (
            (day - Duration::days(110)).checked_sub_months(back),
            (day + Duration::days(BADGE_LOOKAHEAD_DAYS))
                .checked_sub_months(back)
                .and_then(|d| d.checked_add_months(Months::new(DECISION_LEAD_MONTHS))),
        ) else {
            continue;
        };
        let found: Vec<i64> = members::table
            .filter(members::admitted_on.between(first, last))
            .select(members::id)
            .load(conn)?;
        ids.extend(found);
    }
    ids.sort_unstable();
    ids.dedup();
    Ok(ids)
}
