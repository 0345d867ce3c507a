//! The scope check, in one place: every method finds its record through here.
//!
//! Under a subtree scope a record outside the subtree answers `NotFound`, exactly like a
//! record that does not exist, so that codes cannot be probed. "Outside" is judged on the
//! scope's day: an organization by its place on that day (or its last place, if it no
//! longer exists then), a member by their registration on that day (or their last one, if
//! they left: the rule of [`crate::tree::anchor`], which lists and exports apply too). A
//! member's own-record scope reaches no organization and no member but themselves.

use crate::Entity;
use crate::db::conn::DbConnection;
use crate::db::schema::{members, registrations};
use crate::tree::anchor::anchor_day;
use crate::tree::sql::{self as tree_sql, place_on, places};
use crate::{Scope, StoreError};
use dangvu_domain::actor::Reach;
use dangvu_domain::{Date, OrgCode, Period};
use diesel::dsl::{Eq, Filter, Order, Select};
use diesel::prelude::*;
use std::collections::BTreeSet;

/// The id of the organization `code` if the scope reaches it, else `NotFound`.
pub(crate) fn visible_org(
    conn: &mut DbConnection,
    scope: &Scope,
    code: &str,
) -> Result<i64, StoreError> {
    let org_id = tree_sql::org_id(conn, code)?;
    let periods: Vec<Period> = places(conn, org_id)?.iter().map(|p| p.period()).collect();
    let anchor = anchor_day(&periods, scope.today()).map(|(_, day)| (org_id, day));
    ensure_reached(conn, scope, anchor, || {
        not_found(Entity::Organization, code)
    })?;
    Ok(org_id)
}

/// Which of `codes` the scope reaches: a page links only to those (a link to another
/// would answer "not found") and names the others as plain text.
pub(crate) fn reachable_orgs<'a>(
    conn: &mut DbConnection,
    scope: &Scope,
    codes: impl IntoIterator<Item = &'a OrgCode>,
) -> Result<BTreeSet<OrgCode>, StoreError> {
    let mut reached = BTreeSet::new();
    for code in codes {
        let reaches = match scope.reach() {
            Reach::Everything => true,
            Reach::OwnRecord(_) => false,
            Reach::Subtree(_) => match visible_org(conn, scope, code.as_str()) {
                Ok(_) => true,
                Err(StoreError::NotFound { .. }) => false,
                Err(other) => return Err(other),
            },
        };
        if reaches {
            reached.insert(code.clone());
        }
    }
    Ok(reached)
}

/// The id of the member `code` if the scope reaches them, else `NotFound`.
pub(crate) fn visible_member(
    conn: &mut DbConnection,
    scope: &Scope,
    code: &str,
) -> Result<i64, StoreError> {
    if scope.own_member().is_some_and(|own| own.as_str() != code) {
        return Err(not_found(Entity::Member, code));
    }
    let member_id: i64 = member_id_query(code)
        .first(conn)
        .optional()?
        .ok_or_else(|| not_found(Entity::Member, code))?;
    if scope.own_member().is_some() {
        return Ok(member_id);
    }
    let regs: Vec<(i64, Date, Date)> = registrations_query(member_id).load(conn)?;
    let periods: Vec<Period> = regs
        .iter()
        .map(|(_, from, to)| Period {
            from: *from,
            to: *to,
        })
        .collect();
    let anchor = anchor_day(&periods, scope.today())
        .and_then(|(i, day)| regs.get(i).map(|(org_id, _, _)| (*org_id, day)));
    ensure_reached(conn, scope, anchor, || not_found(Entity::Member, code))?;
    Ok(member_id)
}

/// The statement that finds a member's id by code.
type MemberIdQuery<'a> = Select<Filter<members::table, Eq<members::code, &'a str>>, members::id>;

fn member_id_query(code: &str) -> MemberIdQuery<'_> {
    members::table
        .filter(members::code.eq(code))
        .select(members::id)
}

/// The statement that reads a member's registrations, oldest first.
type RegistrationsQuery = Select<
    Order<
        Filter<registrations::table, Eq<registrations::member_id, i64>>,
        registrations::valid_from,
    >,
    (
        registrations::org_id,
        registrations::valid_from,
        registrations::valid_to,
    ),
>;

fn registrations_query(member_id: i64) -> RegistrationsQuery {
    registrations::table
        .filter(registrations::member_id.eq(member_id))
        .order(registrations::valid_from)
        .select((
            registrations::org_id,
            registrations::valid_from,
            registrations::valid_to,
        ))
}

/// The plans of the statements [`visible_member`] runs for `code` under `scope`
/// (feature `testing`); the member must exist.
#[cfg(feature = "testing")]
pub(crate) fn explain_visible_member(
    conn: &mut DbConnection,
    scope: &Scope,
    code: &str,
) -> Result<Vec<crate::testing::plans::QueryPlan>, StoreError> {
    use crate::testing::plans::explain;
    let mut plans = vec![explain(
        conn,
        "access.member_id",
        member_id_query(code).limit(1),
    )?];
    let member_id: i64 = member_id_query(code).first(conn)?;
    plans.push(explain(
        conn,
        "access.registrations",
        registrations_query(member_id),
    )?);
    if let Some(root) = scope.root() {
        let root_id = tree_sql::org_id(conn, root.as_str())?;
        let plan = explain(
            conn,
            "tree.org_id",
            tree_sql::org_id_query(root.as_str()).limit(1),
        )?;
        plans.push(plan);
        let day = scope.today();
        let plan = explain(
            conn,
            "tree.place_on",
            tree_sql::place_on_query(root_id, day).limit(1),
        )?;
        plans.push(plan);
    }
    Ok(plans)
}

fn not_found(entity: Entity, code: &str) -> StoreError {
    StoreError::NotFound {
        entity,
        code: code.to_string(),
    }
}

/// Checks that the organization of `anchor` lies under the scope root on the anchor's day.
fn ensure_reached(
    conn: &mut DbConnection,
    scope: &Scope,
    anchor: Option<(i64, Date)>,
    missing: impl FnOnce() -> StoreError,
) -> Result<(), StoreError> {
    let root = match scope.reach() {
        Reach::Everything => return Ok(()),
        Reach::OwnRecord(_) => return Err(missing()),
        Reach::Subtree(root) => root,
    };
    let Some((org_id, day)) = anchor else {
        return Err(missing());
    };
    let Ok(root_id) = tree_sql::org_id(conn, root.as_str()) else {
        return Err(missing());
    };
    let root_place = place_on(conn, root_id, day)?;
    let org_place = place_on(conn, org_id, day)?;
    match (root_place, org_place) {
        (Some(r), Some(o)) if r.contains(&o) => Ok(()),
        _ => Err(missing()),
    }
}
