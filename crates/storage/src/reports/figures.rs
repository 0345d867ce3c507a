//! The stock figures of a subtree on a day, counted in SQL.
//!
//! Membership follows `dangvu_domain::membership`: admitted on or before D, registered on D
//! in a cell of the subtree, status on D active or exempted. The figures are read from the
//! subtrees' pre-summed figures ([`crate::reports::subtree`]); [`members_on_day`] is the
//! member-by-member join the member list builds on.

use crate::StoreError;
use crate::db::conn::DbConnection;
use crate::db::count;
use crate::db::dating::{InSubtreeOn, ValidOn, in_subtree_on, valid_on};
use crate::db::schema::{member_statuses, members, org_paths, registrations};
use crate::reports::subtree;
use crate::tree::sql::Place;
use dangvu_domain::Date;
use dangvu_domain::summary::Figures;
use dangvu_domain::summary::subtree::SubtreeCounts;
use diesel::dsl;
use diesel::prelude::*;

/// The statuses under which a person counts as a Party member.
pub(crate) const COUNTED_STATUSES: [&str; 2] = ["DANG_SINH_HOAT", "MIEN_SINH_HOAT"];

/// The members of the subtree of `place` on `day`: registrations joined with the cell's
/// place, the member and the status, all valid on that day.
/// (`#[auto_type]` also names the type: [`members_on_day`], which the member list builds on.)
#[diesel::dsl::auto_type]
pub(crate) fn members_on_day<'a>(day: Date, place: &'a Place) -> _ {
    let registered: ValidOn<registrations::valid_from, registrations::valid_to, Date> =
        valid_on(registrations::valid_from, registrations::valid_to, day);
    let in_tree: InSubtreeOn<'a, Date> = in_subtree_on(place, day);
    let admitted: dsl::LtEq<members::admitted_on, Date> = members::admitted_on.le(day);
    let with_status: ValidOn<member_statuses::valid_from, member_statuses::valid_to, Date> =
        valid_on(member_statuses::valid_from, member_statuses::valid_to, day);
    let counted: dsl::EqAny<member_statuses::status, [&'static str; 2]> =
        member_statuses::status.eq_any(COUNTED_STATUSES);
    registrations::table
        .inner_join(org_paths::table.on(org_paths::org_id.eq(registrations::org_id)))
        .inner_join(members::table.on(members::id.eq(registrations::member_id)))
        .inner_join(
            member_statuses::table.on(member_statuses::member_id.eq(registrations::member_id)),
        )
        .filter(registered)
        .filter(in_tree)
        .filter(admitted)
        .filter(with_status)
        .filter(counted)
}

/// Figures of the subtree of `org_id` on `day` (zero when it does not exist then): one
/// row of its pre-summed figures ([`crate::reports::subtree`]).
pub(crate) fn figures_of(
    conn: &mut DbConnection,
    org_id: i64,
    day: Date,
) -> Result<Figures, StoreError> {
    let counts = subtree::counts_on(conn, &[org_id], day)?;
    figures_from(counts.get(&org_id).copied().unwrap_or_default())
}

/// The figures of pre-summed counts (a negative count is corrupt data, reported).
pub(crate) fn figures_from(c: SubtreeCounts) -> Result<Figures, StoreError> {
    Ok(Figures {
        grassroots_orgs: count(c.grassroots_orgs)?,
        cells_under_grassroots: count(c.cells_under_grassroots)?,
        members: count(c.members)?,
        members_probationary: count(c.probationary)?,
        members_exempted: count(c.exempted)?,
    })
}
