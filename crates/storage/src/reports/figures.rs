//! The stock figures of a subtree on a day, counted in SQL.
//!
//! Membership follows `dangvu_domain::membership`: admitted on or before D, registered on D
//! in a cell of the subtree, status on D active or exempted. The member counts are summed
//! from the cells' tallies ([`crate::reports::tallies`]), by the cell's path, so one query
//! serves an organization and all its children.

use crate::StoreError;
use crate::db::conn::DbConnection;
use crate::db::count;
use crate::db::dating::{InSubtreeOn, ValidOn, in_subtree_on, valid_on};
use crate::db::schema::{member_statuses, members, org_paths, organizations, registrations};
use crate::reports::tallies::counts_by_cell;
use crate::tree::sql::{Place, place_on};
use dangvu_domain::enums::Enumeration;
use dangvu_domain::summary::Figures;
use dangvu_domain::{Date, OrgType};
use diesel::dsl;
use diesel::dsl::count_star;
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

/// Figures of the subtree of `org_id` on `day` (zero when it does not exist then).
pub(crate) fn figures_of(
    conn: &mut DbConnection,
    org_id: i64,
    day: Date,
) -> Result<Figures, StoreError> {
    let Some(place) = place_on(conn, org_id, day)? else {
        return Ok(Figures::default());
    };
    let mut figures = Figures::default();
    for (org_type, n) in org_types_in(conn, &place, day)? {
        add_org(&mut figures, &org_type, n)?;
    }
    for (_, counts) in counts_by_cell(conn, &place, day)? {
        add_members(&mut figures, &counts)?;
    }
    Ok(figures)
}

/// Counts one organization type into the figures.
pub(crate) fn add_org(figures: &mut Figures, org_type: &str, n: i64) -> Result<(), StoreError> {
    let n = count(n)?;
    match OrgType::from_code(org_type) {
        Some(t) if t.is_grassroots() => figures.grassroots_orgs += n,
        Some(OrgType::ChiBoTrucThuoc) => figures.cells_under_grassroots += n,
        _ => {}
    }
    Ok(())
}

/// Member counts of one registration cell.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct MemberCounts {
    pub members: i64,
    pub probationary: i64,
    pub exempted: i64,
}

/// Adds a cell's member counts into the figures.
pub(crate) fn add_members(figures: &mut Figures, counts: &MemberCounts) -> Result<(), StoreError> {
    figures.members += count(counts.members)?;
    figures.members_probationary += count(counts.probationary)?;
    figures.members_exempted += count(counts.exempted)?;
    Ok(())
}

/// Organizations of the subtree on `day`, counted by type.
fn org_types_in(
    conn: &mut DbConnection,
    place: &Place,
    day: Date,
) -> Result<Vec<(String, i64)>, StoreError> {
    Ok(org_paths::table
        .inner_join(organizations::table.on(organizations::id.eq(org_paths::org_id)))
        .filter(in_subtree_on(place, day))
        .group_by(organizations::org_type)
        .select((organizations::org_type, count_star()))
        .load(conn)?)
}

/// Organizations of the subtree on `day`: each one's path and type.
pub(crate) fn orgs_in(
    conn: &mut DbConnection,
    place: &Place,
    day: Date,
) -> Result<Vec<(String, String)>, StoreError> {
    Ok(org_paths::table
        .inner_join(organizations::table.on(organizations::id.eq(org_paths::org_id)))
        .filter(in_subtree_on(place, day))
        .select((org_paths::path, organizations::org_type))
        .load(conn)?)
}
