//! Reads of a member's lifecycle: the facts party age is computed from, the badges
//! awarded, and the status timeline.

use super::views::{BadgeAward, LifecycleView, TimelineEntry, TimelineWhat};
use crate::StoreError;
use crate::db::conn::DbConnection;
use crate::db::schema::{
    admission_dossiers as ad, badge_awards as b, member_statuses as s, members as m,
    organizations as o, party_age_interruptions as pi, registrations as r,
};
use dangvu_domain::Date;
use dangvu_domain::dates::Period;
use dangvu_domain::enums::Enumeration;
use dangvu_domain::lifecycle::{EarlyReason, PartyAgeFacts};
use diesel::prelude::*;

/// The lifecycle of member `id` (already scope-checked).
pub(crate) fn view(conn: &mut DbConnection, id: i64) -> Result<LifecycleView, StoreError> {
    Ok(LifecycleView {
        facts: party_age_facts(conn, id)?,
        awards: awards(conn, id)?,
        timeline: timeline(conn, id)?,
        exemptions: super::exemptions::exemptions_of(conn, id)?,
    })
}

/// Party age facts: the admission decision of the member's dossier when one is stored,
/// the admission day, whether official, and the interruptions.
pub(crate) fn party_age_facts(
    conn: &mut DbConnection,
    id: i64,
) -> Result<PartyAgeFacts, StoreError> {
    let (admitted, official): (Date, Option<Date>) = m::table
        .find(id)
        .select((m::admitted_on, m::official_on))
        .first(conn)?;
    let decision: Option<Date> = ad::table
        .filter(ad::member_id.eq(id))
        .select(ad::decision_on)
        .first::<Option<Date>>(conn)
        .optional()?
        .flatten();
    let interruptions = pi::table
        .filter(pi::member_id.eq(id))
        .order(pi::valid_from)
        .select((pi::valid_from, pi::valid_to))
        .load::<(Date, Date)>(conn)?
        .into_iter()
        .map(|(from, to)| Period { from, to })
        .collect();
    Ok(PartyAgeFacts {
        decision,
        admitted: Some(admitted),
        official: official.is_some(),
        interruptions,
        override_start: None,
    })
}

/// The badges awarded to member `id`, by milestone.
pub(crate) fn awards(conn: &mut DbConnection, id: i64) -> Result<Vec<BadgeAward>, StoreError> {
    let rows: Vec<(i32, Date, Option<String>)> = b::table
        .filter(b::member_id.eq(id))
        .order(b::milestone)
        .select((b::milestone, b::awarded_on, b::early_reason))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(milestone, awarded_on, early)| BadgeAward {
            milestone: u32::try_from(milestone).unwrap_or(0),
            awarded_on,
            early: early.as_deref().and_then(EarlyReason::from_code),
        })
        .collect())
}

/// Statuses and registrations of member `id` in date order.
fn timeline(conn: &mut DbConnection, id: i64) -> Result<Vec<TimelineEntry>, StoreError> {
    let statuses: Vec<(Date, Date, String)> = s::table
        .filter(s::member_id.eq(id))
        .select((s::valid_from, s::valid_to, s::status))
        .load(conn)?;
    let registered: Vec<(Date, Date, String)> = r::table
        .inner_join(o::table.on(o::id.eq(r::org_id)))
        .filter(r::member_id.eq(id))
        .select((r::valid_from, r::valid_to, o::code))
        .load(conn)?;
    let mut lines: Vec<TimelineEntry> = statuses
        .into_iter()
        .map(|(from, to, code)| TimelineEntry {
            from,
            to,
            what: TimelineWhat::Status(code),
        })
        .chain(
            registered
                .into_iter()
                .map(|(from, to, code)| TimelineEntry {
                    from,
                    to,
                    what: TimelineWhat::Registered(code),
                }),
        )
        .collect();
    lines.sort_by_key(|l| (l.from, l.to));
    Ok(lines)
}
