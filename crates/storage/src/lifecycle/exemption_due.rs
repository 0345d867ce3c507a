//! The exemptions the cells said they would look at again, for the due list.
//!
//! An open exemption with a review day is listed from its decision until it is reviewed,
//! once the review day is within [`EXEMPTION_LOOKAHEAD_DAYS`]; past the review day it is
//! late. Only members counted in the subtree on the list's day are considered, so the
//! scope decides what is seen.

use super::due::places_of_scope;
use crate::db::conn::DbConnection;
use crate::db::schema::{exemptions, members, organizations, registrations};
use crate::reports::figures::members_on_day;
use crate::tree::sql::Place;
use crate::{Scope, Store, StoreError};
use chrono::Duration;
use dangvu_domain::OrgCode;
use dangvu_domain::dates::Date;
use dangvu_domain::due::{DueItem, DueKind};
use diesel::prelude::*;

/// How far ahead a coming review is listed.
pub const EXEMPTION_LOOKAHEAD_DAYS: i64 = 60;

impl Store {
    /// The exemption reviews due in the scope on `as_of`: open exemptions whose review day
    /// is past or within [`EXEMPTION_LOOKAHEAD_DAYS`].
    #[tracing::instrument(skip_all, fields(%as_of), err)]
    pub fn exemption_due_items(
        &self,
        scope: &Scope,
        as_of: Date,
    ) -> Result<Vec<DueItem>, StoreError> {
        self.read(|c| {
            let mut items = Vec::new();
            for place in places_of_scope(c, scope, as_of)? {
                items.extend(reviews_in(c, &place, as_of)?);
            }
            Ok(items)
        })
    }
}

/// The reviews due among the members of the subtree of `place` on `day`.
fn reviews_in(
    conn: &mut DbConnection,
    place: &Place,
    day: Date,
) -> Result<Vec<DueItem>, StoreError> {
    let horizon = day + Duration::days(EXEMPTION_LOOKAHEAD_DAYS);
    let rows: Vec<(String, String, String, Date, Option<Date>)> = members_on_day(day, place)
        .inner_join(organizations::table.on(organizations::id.eq(registrations::org_id)))
        .inner_join(exemptions::table.on(exemptions::member_id.eq(members::id)))
        .filter(exemptions::ended_on.is_null())
        .filter(exemptions::review_on.le(horizon))
        .select((
            members::code,
            members::full_name,
            organizations::code,
            exemptions::decided_on,
            exemptions::review_on,
        ))
        .load(conn)?;
    rows.into_iter()
        .filter_map(|(code, person, org, since, review)| {
            review.map(|due_on| (code, person, org, since, due_on))
        })
        .map(|(subject, person, org, since, due_on)| {
            Ok(DueItem {
                kind: DueKind::ExemptionReview,
                subject,
                person,
                org: OrgCode::parse(&org)
                    .map_err(|_| StoreError::Corrupt(format!("organization code {org:?}")))?,
                since,
                due_on,
            })
        })
        .collect()
}
