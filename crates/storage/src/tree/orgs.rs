//! Organization pages: roots, one organization as of a date, and its children.

use crate::db::conn::DbConnection;
use crate::db::dating::{in_subtree_on, valid_on};
use crate::db::schema::{org_parents, org_paths, organizations};
use crate::reports::figures::figures_from;
use crate::reports::subtree;
use crate::tree::refs::{REF_COLUMNS, org_ref, org_refs};
use crate::tree::sql::{PLACE, Place, place_on};
use crate::{OrgChild, OrgDetail, OrgRef, ParentPeriod, Scope, StoreError};
use dangvu_domain::actor::Reach;
use dangvu_domain::summary::Figures;
use dangvu_domain::{Date, Period};
use diesel::prelude::*;

/// Organizations standing as roots on `as_of`; under a subtree scope, the scope root; none
/// for a member's own-record scope.
pub(crate) fn roots(
    conn: &mut DbConnection,
    scope: &Scope,
    as_of: Date,
) -> Result<Vec<OrgRef>, StoreError> {
    let mut query = org_paths::table
        .inner_join(organizations::table.on(organizations::id.eq(org_paths::org_id)))
        .filter(valid_on(org_paths::valid_from, org_paths::valid_to, as_of))
        .order(organizations::code)
        .select(REF_COLUMNS)
        .into_boxed();
    query = match scope.reach() {
        Reach::Subtree(root) => query.filter(organizations::code.eq(root.as_str())),
        Reach::Everything => query.filter(org_paths::depth.eq(1)),
        Reach::OwnRecord(_) => return Ok(Vec::new()),
    };
    let rows: Vec<(String, String, String)> = query.load(conn)?;
    rows.into_iter()
        .map(|(code, name, org_type)| org_ref(&code, name, &org_type))
        .collect()
}

type DetailRow = (
    String,
    String,
    String,
    Option<Date>,
    Option<Date>,
    Option<i64>,
);

/// The page of organization `org_id` as of `as_of`.
pub(crate) fn detail(
    conn: &mut DbConnection,
    org_id: i64,
    as_of: Date,
) -> Result<OrgDetail, StoreError> {
    let (code, name, org_type, founded_on, dissolved_on, merged_into_id): DetailRow =
        organizations::table
            .find(org_id)
            .select((
                organizations::code,
                organizations::name,
                organizations::org_type,
                organizations::founded_on,
                organizations::dissolved_on,
                organizations::merged_into_id,
            ))
            .first(conn)?;
    let chain = place_on(conn, org_id, as_of)?
        .map(|p| p.chain())
        .unwrap_or_default();
    let ancestors: Vec<i64> = chain.iter().copied().filter(|id| *id != org_id).collect();
    let parents: Vec<(Option<i64>, Date, Date)> = org_parents::table
        .filter(org_parents::org_id.eq(org_id))
        .order(org_parents::valid_from)
        .select((
            org_parents::parent_id,
            org_parents::valid_from,
            org_parents::valid_to,
        ))
        .load(conn)?;
    let mut wanted = ancestors.clone();
    wanted.extend(parents.iter().filter_map(|(p, _, _)| *p));
    wanted.extend(merged_into_id);
    let refs = org_refs(conn, &wanted)?;
    let life = Period::new(founded_on, dissolved_on);
    Ok(OrgDetail {
        org: org_ref(&code, name, &org_type)?,
        founded_on,
        dissolved_on,
        merged_into: merged_into_id.and_then(|id| refs.get(&id).cloned()),
        active: life.contains(as_of),
        ancestors: ancestors
            .iter()
            .filter_map(|id| refs.get(id).cloned())
            .collect(),
        parent_history: parents
            .into_iter()
            .map(|(parent, from, to)| ParentPeriod {
                period: Period { from, to },
                parent: parent.and_then(|id| refs.get(&id).cloned()),
            })
            .collect(),
        reachable: Default::default(),
    })
}

/// The direct children of `org_id` on `as_of`, each with its subtree's figures.
pub(crate) fn children(
    conn: &mut DbConnection,
    org_id: i64,
    as_of: Date,
) -> Result<Vec<OrgChild>, StoreError> {
    Ok(figures_and_children(conn, org_id, as_of)?.1)
}

/// The figures of the subtree of `org_id` on `as_of` and its direct children with theirs:
/// one query for the children, one for the pre-summed figures of all of them
/// ([`crate::reports::subtree`]). Zero and none when it does not exist then.
pub(crate) fn figures_and_children(
    conn: &mut DbConnection,
    org_id: i64,
    as_of: Date,
) -> Result<(Figures, Vec<OrgChild>), StoreError> {
    let Some(parent) = place_on(conn, org_id, as_of)? else {
        return Ok((Figures::default(), Vec::new()));
    };
    let kids = child_places(conn, &parent, as_of)?;
    let ids: Vec<i64> = std::iter::once(org_id)
        .chain(kids.iter().map(|(place, _)| place.org_id))
        .collect();
    let counts = subtree::counts_on(conn, &ids, as_of)?;
    let figures_of = |id: i64| figures_from(counts.get(&id).copied().unwrap_or_default());
    let whole = figures_of(org_id)?;
    let children = kids
        .into_iter()
        .map(|(place, org)| {
            Ok(OrgChild {
                org,
                figures: figures_of(place.org_id)?,
            })
        })
        .collect::<Result<_, StoreError>>()?;
    Ok((whole, children))
}

fn child_places(
    conn: &mut DbConnection,
    parent: &Place,
    as_of: Date,
) -> Result<Vec<(Place, OrgRef)>, StoreError> {
    let rows: Vec<(Place, (String, String, String))> = org_paths::table
        .inner_join(organizations::table.on(organizations::id.eq(org_paths::org_id)))
        .filter(in_subtree_on(parent, as_of))
        .filter(org_paths::depth.eq(parent.depth + 1))
        .order(organizations::code)
        .select((PLACE, REF_COLUMNS))
        .load(conn)?;
    rows.into_iter()
        .map(|(place, (code, name, org_type))| Ok((place, org_ref(&code, name, &org_type)?)))
        .collect()
}
