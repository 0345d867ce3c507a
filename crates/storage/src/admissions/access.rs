//! The scope of dossiers: a dossier is in scope when its cell is (on the scope's day); out
//! of scope it is "not found", exactly like a dossier that does not exist.

use super::rows::{DossierRow, assemble};
use crate::db::conn::DbConnection;
use crate::db::dating::in_subtree_on;
use crate::db::schema::{admission_dossiers as d, org_paths, organizations};
use crate::tree::access::visible_org;
use crate::tree::sql::place_on;
use crate::{Entity, Scope, StoreError};
use dangvu_domain::Date;
use dangvu_domain::actor::Reach;
use dangvu_domain::admissions::Dossier;
use diesel::prelude::*;

/// `NotFound` for the dossier `code`.
pub(crate) fn not_found(code: &str) -> StoreError {
    StoreError::NotFound {
        entity: Entity::Dossier,
        code: code.to_string(),
    }
}

/// The id and facts of dossier `code` if the scope reaches its cell, else `NotFound`.
pub(crate) fn visible_dossier(
    conn: &mut DbConnection,
    scope: &Scope,
    code: &str,
) -> Result<(i64, Dossier), StoreError> {
    let row: DossierRow = d::table
        .filter(d::code.eq(code))
        .select(DossierRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| not_found(code))?;
    let cell: String = organizations::table
        .find(row.cell_id)
        .select(organizations::code)
        .first(conn)?;
    match visible_org(conn, scope, &cell) {
        Ok(_) => {}
        Err(StoreError::NotFound { .. }) => return Err(not_found(code)),
        Err(other) => return Err(other),
    }
    assemble(conn, vec![row])?
        .pop()
        .ok_or_else(|| not_found(code))
}

/// The ids of the organizations in the subtree of `root_id` on `day` (none when it does
/// not exist then).
pub(crate) fn subtree_ids(
    conn: &mut DbConnection,
    root_id: i64,
    day: Date,
) -> Result<Vec<i64>, StoreError> {
    let Some(place) = place_on(conn, root_id, day)? else {
        return Ok(Vec::new());
    };
    Ok(org_paths::table
        .filter(in_subtree_on(&place, day))
        .select(org_paths::org_id)
        .load(conn)?)
}

/// The organizations whose dossiers the scope reaches on `day`; `None` = all of them.
pub(crate) fn reached_ids(
    conn: &mut DbConnection,
    scope: &Scope,
    day: Date,
) -> Result<Option<Vec<i64>>, StoreError> {
    match scope.reach() {
        Reach::Everything => Ok(None),
        Reach::OwnRecord(_) => Ok(Some(Vec::new())),
        Reach::Subtree(root) => {
            let root_id = crate::tree::sql::org_id(conn, root.as_str())?;
            Ok(Some(subtree_ids(conn, root_id, day)?))
        }
    }
}
