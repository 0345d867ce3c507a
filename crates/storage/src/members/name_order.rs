//! The first pages of a large subtree read along the name index instead of sorting it.
//!
//! The list joins every registration of the subtree to its member, status and cell, and
//! sorts them all to keep 51: the cost grows with the subtree (a district's thousands of
//! member rows for every page). When the subtree holds a large share of the installation's
//! members, walking the members in list order (the `members_sort` index) and keeping those
//! with a registration in the subtree and a counted status on the day (a correlated
//! `EXISTS`: a few index lookups per member walked) finds a page after a few dozen rows.
//! A subquery listing the subtree's members instead would be read whole first, which is
//! the cost this avoids. When the subtree is small, the walk would pass most of the
//! installation before finding a page, so the join-and-sort stays: [`pays`] chooses.

use crate::MemberCursor;
use crate::db::conn::DbConnection;
use crate::db::dating::{ValidOn, in_subtree_on, valid_on};
use crate::db::schema::{member_statuses, members, org_paths, organizations, registrations};
use crate::reports::figures::COUNTED_STATUSES;
use crate::tree::anchor::AnchoredUnder;
use crate::tree::sql::Place;
use dangvu_domain::Date;
use diesel::dsl;
use diesel::prelude::*;

/// Whether walking the name index pays for a page of `limit` rows of a subtree of
/// `subtree` members among about `everyone`: the walk reads about
/// `(limit + 1) × everyone / subtree` members, the join-and-sort about `subtree`.
pub(super) fn pays(subtree: u64, everyone: u64, limit: u32) -> bool {
    let page = u128::from(limit) + 1;
    let subtree = u128::from(subtree);
    subtree > 0 && subtree * subtree > page * u128::from(everyone)
}

/// The backend of [`DbConnection`] (diesel's generated multi-backend).
type Db = <DbConnection as diesel::Connection>::Backend;

/// The statement of [`walk_query`]: the ids of the page's members.
pub(super) type WalkQuery<'a> = members::BoxedQuery<'a, Db, diesel::sql_types::BigInt>;

/// The ids of the page's members (one more than `limit`), in list order after the cursor:
/// members walked along the name index, each kept when one of its registrations on `day`
/// lies in the subtree of `place` with a counted status then and the scope sees it
/// (`anchored`), until the page is full.
pub(super) fn walk_query<'a>(
    place: &'a Place,
    day: Date,
    after: Option<&MemberCursor>,
    anchored: Option<AnchoredUnder>,
    limit: u32,
) -> WalkQuery<'a> {
    let registered_here = registrations::table
        .inner_join(org_paths::table.on(org_paths::org_id.eq(registrations::org_id)))
        .inner_join(
            member_statuses::table.on(member_statuses::member_id.eq(registrations::member_id)),
        )
        .filter(registrations::member_id.eq(members::id))
        .filter(valid_on(
            registrations::valid_from,
            registrations::valid_to,
            day,
        ))
        .filter(in_subtree_on(place, day))
        .filter(valid_on(
            member_statuses::valid_from,
            member_statuses::valid_to,
            day,
        ))
        .filter(member_statuses::status.eq_any(COUNTED_STATUSES))
        .select(registrations::id);
    let mut q = members::table
        .select(members::id)
        .filter(members::admitted_on.le(day))
        .filter(diesel::dsl::exists(registered_here))
        .into_boxed();
    if let Some(anchored) = anchored {
        q = q.filter(anchored);
    }
    if let Some(after) = after {
        q = q.filter(after_cursor(after));
    }
    q.order((members::sort_key.asc(), members::code.asc()))
        .limit(i64::from(limit) + 1)
}

/// The page's rows for the members `ids` found by the walk, in list order: each member with
/// the registration and the counted status that hold on `day`, and their cell. Read by
/// member id: the walk has checked that this registration lies in the subtree (a member's
/// registration periods, built from dated changes, never overlap, nor their statuses').
#[diesel::dsl::auto_type]
pub(super) fn rows_of<'a>(ids: &'a [i64], day: Date) -> _ {
    let registered: ValidOn<registrations::valid_from, registrations::valid_to, Date> =
        valid_on(registrations::valid_from, registrations::valid_to, day);
    let with_status: ValidOn<member_statuses::valid_from, member_statuses::valid_to, Date> =
        valid_on(member_statuses::valid_from, member_statuses::valid_to, day);
    let counted: dsl::EqAny<member_statuses::status, [&'static str; 2]> =
        member_statuses::status.eq_any(COUNTED_STATUSES);
    let chosen: dsl::EqAny<members::id, &'a [i64]> = members::id.eq_any(ids);
    members::table
        .inner_join(registrations::table.on(registrations::member_id.eq(members::id)))
        .inner_join(member_statuses::table.on(member_statuses::member_id.eq(members::id)))
        .inner_join(organizations::table.on(organizations::id.eq(registrations::org_id)))
        .filter(chosen)
        .filter(registered)
        .filter(with_status)
        .filter(counted)
        .order((members::sort_key.asc(), members::code.asc()))
}

/// The condition of [`after_cursor`].
pub(super) type AfterCursor = dsl::Or<
    dsl::Gt<members::sort_key, String>,
    dsl::And<dsl::Eq<members::sort_key, String>, dsl::Gt<members::code, String>>,
>;

/// The member comes after `after` in list order (name key, then code): keyset paging.
pub(super) fn after_cursor(after: &MemberCursor) -> AfterCursor {
    members::sort_key
        .gt(after.sort_key.clone())
        .or(members::sort_key
            .eq(after.sort_key.clone())
            .and(members::code.gt(after.code.clone())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_walk_pays_for_a_large_share_of_the_installation_only() {
        // A district that is the whole demo: the walk reads about 70 members, not 7,300.
        assert!(pays(7_300, 10_000, 50));
        // A cell of 30 among 10,000: the walk would read 17,000 rows.
        assert!(!pays(30, 10_000, 50));
        // A district of 8,000 among 5.6 million: 36,000 rows walked against 8,000 sorted.
        assert!(!pays(8_000, 5_600_000, 50));
        // A province of 160,000 among 5.6 million.
        assert!(pays(160_000, 5_600_000, 50));
        assert!(!pays(0, 0, 50));
    }
}
