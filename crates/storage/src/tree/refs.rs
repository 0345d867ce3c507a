//! Stored codes turned back into domain values.
//!
//! Codes were parsed before they were stored, so a failure here means the database was
//! changed behind the application's back: it is reported, never hidden.

use crate::db::conn::DbConnection;
use crate::db::schema::organizations;
use crate::{OrgRef, StoreError};
use dangvu_domain::enums::Enumeration;
use dangvu_domain::{MemberCode, OrgCode};
use diesel::prelude::*;
use std::collections::HashMap;

fn corrupt(what: &str, value: &str) -> StoreError {
    StoreError::Corrupt(format!("{what} {value:?}"))
}

/// An enumeration from its stored code.
pub(crate) fn enum_code<E: Enumeration>(code: &str) -> Result<E, StoreError> {
    E::from_code(code).ok_or_else(|| corrupt(E::FIELD, code))
}

/// An organization code as stored.
pub(crate) fn org_code(code: &str) -> Result<dangvu_domain::OrgCode, StoreError> {
    dangvu_domain::OrgCode::parse(code).map_err(|_| corrupt("organization code", code))
}

/// A member code as stored.
pub(crate) fn member_code(code: &str) -> Result<MemberCode, StoreError> {
    MemberCode::parse(code).map_err(|_| corrupt("member code", code))
}

/// An organization reference from its stored columns.
pub(crate) fn org_ref(code: &str, name: String, org_type: &str) -> Result<OrgRef, StoreError> {
    Ok(OrgRef {
        code: OrgCode::parse(code).map_err(|_| corrupt("organization code", code))?,
        name,
        org_type: enum_code(org_type)?,
    })
}

/// The columns an [`OrgRef`] is built from, as a row to embed in a `Selectable` row.
#[derive(Debug, Queryable, Selectable)]
#[diesel(table_name = organizations)]
pub(crate) struct OrgRefRow {
    code: String,
    name: String,
    org_type: String,
}

impl OrgRefRow {
    /// The reference, its codes parsed.
    pub(crate) fn into_ref(self) -> Result<OrgRef, StoreError> {
        org_ref(&self.code, self.name, &self.org_type)
    }
}

/// The columns an [`OrgRef`] is built from.
pub(crate) type RefColumns = (
    organizations::code,
    organizations::name,
    organizations::org_type,
);

/// See [`RefColumns`].
pub(crate) const REF_COLUMNS: RefColumns = (
    organizations::code,
    organizations::name,
    organizations::org_type,
);

/// References of the organizations `ids`, by id.
pub(crate) fn org_refs(
    conn: &mut DbConnection,
    ids: &[i64],
) -> Result<HashMap<i64, OrgRef>, StoreError> {
    let rows: Vec<(i64, String, String, String)> = organizations::table
        .filter(organizations::id.eq_any(ids))
        .select((
            organizations::id,
            organizations::code,
            organizations::name,
            organizations::org_type,
        ))
        .load(conn)?;
    rows.into_iter()
        .map(|(id, code, name, org_type)| Ok((id, org_ref(&code, name, &org_type)?)))
        .collect()
}
