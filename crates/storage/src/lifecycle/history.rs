//! Status and registration changes of the lifecycle: a new status from a day on, the open
//! registration closed on a day, with the cells' tallies refreshed around them.

use crate::StoreError;
use crate::db::conn::DbConnection;
use crate::db::schema::{member_statuses as s, registrations as r};
use crate::reports::tallies::refresh as tallies;
use dangvu_domain::Date;
use dangvu_domain::dates::DateSentinels;
use dangvu_domain::enums::{Enumeration, MemberStatus};
use diesel::prelude::*;

/// Sets `status` from `on` for member `id`: the open status ends on `on`. A status that
/// began after `on` makes the change ambiguous and is refused.
pub(crate) fn set_status_from(
    conn: &mut DbConnection,
    id: i64,
    status: MemberStatus,
    on: Date,
) -> Result<(), StoreError> {
    let later: i64 = s::table
        .filter(s::member_id.eq(id))
        .filter(s::valid_from.ge(on))
        .count()
        .get_result(conn)?;
    if later > 0 {
        return Err(StoreError::Invalid(format!(
            "đã có trạng thái từ {on} trở về sau / a status already starts on or after {on}"
        )));
    }
    diesel::update(
        s::table
            .filter(s::member_id.eq(id))
            .filter(s::valid_to.eq(Date::MAX_SENTINEL)),
    )
    .set(s::valid_to.eq(on))
    .execute(conn)?;
    diesel::insert_into(s::table)
        .values((
            s::member_id.eq(id),
            s::status.eq(status.code()),
            s::valid_from.eq(on),
            s::valid_to.eq(Date::MAX_SENTINEL),
        ))
        .execute(conn)?;
    Ok(())
}

/// Closes member `id`'s open registration on `on`.
pub(crate) fn close_registration(
    conn: &mut DbConnection,
    id: i64,
    on: Date,
) -> Result<(), StoreError> {
    diesel::update(
        r::table
            .filter(r::member_id.eq(id))
            .filter(r::valid_to.eq(Date::MAX_SENTINEL))
            .filter(r::valid_from.lt(on)),
    )
    .set(r::valid_to.eq(on))
    .execute(conn)?;
    Ok(())
}

/// Runs `change` on member `id`'s history and refreshes the tallies of every cell the
/// member was registered in, before and after.
pub(crate) fn tracked<T>(
    conn: &mut DbConnection,
    id: i64,
    change: impl FnOnce(&mut DbConnection) -> Result<T, StoreError>,
) -> Result<T, StoreError> {
    let mut cells = tallies::cells_of(conn, &[id])?;
    let out = change(conn)?;
    cells.extend(tallies::cells_of(conn, &[id])?);
    tallies::refresh(conn, cells)?;
    Ok(out)
}
