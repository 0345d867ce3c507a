//! The scope of transfers: both sides see a transfer; anyone else gets "not found".

use super::rows::TransferRow;
use crate::db::conn::DbConnection;
use crate::db::schema::transfers as t;
use crate::{Entity, Scope, StoreError};
use dangvu_domain::Date;
use diesel::prelude::*;

/// `NotFound` for transfer `id`.
pub(crate) fn not_found(id: i64) -> StoreError {
    StoreError::NotFound {
        entity: Entity::Transfer,
        code: id.to_string(),
    }
}

/// The transfers the scope reaches on `day` through either organization (all of them for
/// the whole installation, none for a member's own record), oldest decision first.
pub(crate) fn reached_rows(
    conn: &mut DbConnection,
    scope: &Scope,
    day: Date,
) -> Result<Vec<TransferRow>, StoreError> {
    let query = t::table
        .select(TransferRow::as_select())
        .order((t::decision_on, t::id))
        .into_boxed();
    let ids = crate::admissions::access::reached_ids(conn, scope, day)?;
    let rows = match ids {
        None => query.load(conn)?,
        Some(ids) if ids.is_empty() => Vec::new(),
        Some(ids) => query
            .filter(
                t::from_org_id
                    .eq_any(ids.clone())
                    .or(t::to_org_id.eq_any(ids)),
            )
            .load(conn)?,
    };
    Ok(rows)
}

/// Transfer `id` if the scope reaches its sending or receiving organization, else
/// `NotFound`.
pub(crate) fn visible_row(
    conn: &mut DbConnection,
    scope: &Scope,
    id: i64,
) -> Result<TransferRow, StoreError> {
    let row: TransferRow = t::table
        .find(id)
        .select(TransferRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| not_found(id))?;
    let ids = crate::admissions::access::reached_ids(conn, scope, scope.today())?;
    match ids {
        None => Ok(row),
        Some(ids) if ids.contains(&row.from_org_id) || ids.contains(&row.to_org_id) => Ok(row),
        Some(_) => Err(not_found(id)),
    }
}
