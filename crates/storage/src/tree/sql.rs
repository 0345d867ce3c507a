//! Places in the organization tree, read from the materialized paths.
//!
//! An organization's place on day D is its `org_paths` row valid on D. Its subtree on D is
//! every row valid on D whose path lies in `[path, path_upper)`: a range on an index.

use crate::Entity;
use crate::StoreError;
use crate::db::conn::DbConnection;
use crate::db::dating::{ValidOn, valid_on};
use crate::db::schema::{org_paths, organizations};
use dangvu_domain::{Date, Period};
use diesel::dsl::{Eq, Filter, Select};
use diesel::prelude::*;

/// Where an organization stands in the tree during one period.
#[derive(Debug, Clone, PartialEq, Eq, Queryable)]
pub(crate) struct Place {
    pub org_id: i64,
    pub valid_from: Date,
    pub valid_to: Date,
    pub path: String,
    pub path_upper: String,
    pub depth: i32,
}

impl Place {
    /// Whether `other` is this place or below it (both taken on the same day).
    pub(crate) fn contains(&self, other: &Place) -> bool {
        other.path.starts_with(&self.path)
    }

    /// The period of this place.
    pub(crate) fn period(&self) -> Period {
        Period {
            from: self.valid_from,
            to: self.valid_to,
        }
    }

    /// The ids on the path, root first, the organization itself last.
    pub(crate) fn chain(&self) -> Vec<i64> {
        self.path
            .split('/')
            .filter_map(|id| id.parse().ok())
            .collect()
    }
}

pub(crate) type PlaceColumns = (
    org_paths::org_id,
    org_paths::valid_from,
    org_paths::valid_to,
    org_paths::path,
    org_paths::path_upper,
    org_paths::depth,
);

pub(crate) const PLACE: PlaceColumns = (
    org_paths::org_id,
    org_paths::valid_from,
    org_paths::valid_to,
    org_paths::path,
    org_paths::path_upper,
    org_paths::depth,
);

/// The statement of [`org_id`] (shared with the plans of the tests).
pub(crate) type OrgIdQuery<'a> =
    Select<Filter<organizations::table, Eq<organizations::code, &'a str>>, organizations::id>;

/// The statement of [`org_id`].
pub(crate) fn org_id_query(code: &str) -> OrgIdQuery<'_> {
    organizations::table
        .filter(organizations::code.eq(code))
        .select(organizations::id)
}

/// The id of the organization with `code`, or `NotFound`.
pub(crate) fn org_id(conn: &mut DbConnection, code: &str) -> Result<i64, StoreError> {
    org_id_query(code)
        .first(conn)
        .optional()?
        .ok_or_else(|| StoreError::NotFound {
            entity: Entity::Organization,
            code: code.to_string(),
        })
}

/// The place of `org_id` on `day`, if it exists then.
pub(crate) fn place_on(
    conn: &mut DbConnection,
    org_id: i64,
    day: Date,
) -> Result<Option<Place>, StoreError> {
    Ok(place_on_query(org_id, day).first(conn).optional()?)
}

/// The statement of [`place_on`] (shared with the plans of the tests).
pub(crate) type PlaceOnQuery = Select<
    Filter<
        Filter<org_paths::table, Eq<org_paths::org_id, i64>>,
        ValidOn<org_paths::valid_from, org_paths::valid_to, Date>,
    >,
    PlaceColumns,
>;

/// The statement of [`place_on`]: the `org_paths` row of `org_id` valid on `day`.
pub(crate) fn place_on_query(org_id: i64, day: Date) -> PlaceOnQuery {
    org_paths::table
        .filter(org_paths::org_id.eq(org_id))
        .filter(valid_on(org_paths::valid_from, org_paths::valid_to, day))
        .select(PLACE)
}

/// The stored places of `orgs`, or of every organization when `None` (an import compares
/// them all with the tree it writes; the figures read those of the organizations a write
/// touches).
pub(crate) fn places_of(
    conn: &mut DbConnection,
    orgs: Option<&[i64]>,
) -> Result<Vec<Place>, StoreError> {
    let mut query = org_paths::table.select(PLACE).into_boxed();
    if let Some(orgs) = orgs {
        query = query.filter(org_paths::org_id.eq_any(orgs));
    }
    Ok(query.load(conn)?)
}

/// Every place of `org_id`, oldest first.
pub(crate) fn places(conn: &mut DbConnection, org_id: i64) -> Result<Vec<Place>, StoreError> {
    Ok(org_paths::table
        .filter(org_paths::org_id.eq(org_id))
        .order(org_paths::valid_from)
        .select(PLACE)
        .load(conn)?)
}
