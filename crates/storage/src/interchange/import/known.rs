//! The existing records a file's references may point to, as the interchange rules need
//! them ([`KnownCodes`]): every organization with its type and life, every member code —
//! or, for a subtree scope, only those the caller can see, so that a reference outside the
//! scope reads as an unknown code.

use crate::db::conn::DbConnection;
use crate::db::schema::{members, organizations, registrations};
use crate::interchange::stored::ID_CHUNK;
use crate::tree::access::visible_org;
use crate::tree::refs::enum_code;
use crate::{Scope, StoreError};
use dangvu_domain::interchange::{KnownCodes, KnownOrg};
use dangvu_domain::{Date, OrgCode, Period};
use diesel::prelude::*;

type OrgRow = (i64, String, String, Option<Date>, Option<Date>);

/// The codes of the records `scope` reaches.
pub(crate) fn known_codes(
    conn: &mut DbConnection,
    scope: &Scope,
) -> Result<KnownCodes, StoreError> {
    let rows: Vec<OrgRow> = organizations::table
        .select((
            organizations::id,
            organizations::code,
            organizations::org_type,
            organizations::founded_on,
            organizations::dissolved_on,
        ))
        .load(conn)?;
    let mut known = KnownCodes::none();
    if scope.own_member().is_some() {
        return Ok(known);
    }
    let mut visible_ids = Vec::new();
    for (id, code, org_type, founded_on, dissolved_on) in rows {
        if scope.root().is_some() && visible_org(conn, scope, &code).is_err() {
            continue;
        }
        let parsed =
            OrgCode::parse(&code).map_err(|_| StoreError::Corrupt(format!("code {code:?}")))?;
        let org = KnownOrg {
            org_type: enum_code(&org_type)?,
            life: Period::new(founded_on, dissolved_on),
        };
        known.orgs.insert(parsed, org);
        visible_ids.push(id);
    }
    let codes: Vec<String> = if scope.root().is_none() {
        members::table.select(members::code).load(conn)?
    } else {
        let mut codes = Vec::new();
        for chunk in visible_ids.chunks(ID_CHUNK) {
            let found: Vec<String> = registrations::table
                .inner_join(members::table.on(members::id.eq(registrations::member_id)))
                .filter(registrations::org_id.eq_any(chunk))
                .select(members::code)
                .distinct()
                .load(conn)?;
            codes.extend(found);
        }
        codes
    };
    known.members.reserve(codes.len());
    for code in codes {
        known.members.insert(crate::tree::refs::member_code(&code)?);
    }
    Ok(known)
}
