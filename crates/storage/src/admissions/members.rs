//! What the end steps of a dossier do to the member registry, in the step's transaction:
//! the ceremony creates the member (probationary, admitted on the ceremony day, registered
//! in the cell) through the import's member-writing path; recognition sets the
//! full-membership day; striking off closes the status and the registration. Each
//! refreshes the tallies of the cell (docs/architecture.md, "Adding a workflow", step 7).

use crate::db::conn::DbConnection;
use crate::db::schema::{member_statuses, members, registrations};
use crate::interchange::load;
use crate::interchange::load_rows::Ids;
use crate::members::rows::last_member_id;
use crate::reports::tallies::refresh as tallies;
use crate::tree::sql as tree_sql;
use crate::{Entity, StoreError};
use dangvu_domain::admissions::Dossier;
use dangvu_domain::dataset::{MemberProfile, MemberRecord, Registration};
use dangvu_domain::dates::DateSentinels;
use dangvu_domain::enums::{Enumeration, MemberStatus};
use dangvu_domain::{Date, MemberCode};
use diesel::prelude::*;

/// Creates the member `code` admitted at the ceremony on `on`.
pub(crate) fn admit(
    conn: &mut DbConnection,
    dossier: &Dossier,
    code: &MemberCode,
    on: Date,
) -> Result<(), StoreError> {
    let taken: i64 = members::table
        .filter(members::code.eq(code.as_str()))
        .count()
        .get_result(conn)?;
    if taken > 0 {
        return Err(StoreError::Conflict {
            field: "ma_dang_vien".into(),
        });
    }
    let a = &dossier.applicant;
    let record = MemberRecord {
        code: code.clone(),
        profile: MemberProfile {
            full_name: a.full_name.clone(),
            gender: Some(a.gender),
            birth_date: Some(a.birth_date),
            ethnicity: a.ethnicity.clone(),
            general_education: a.education.clone(),
            ..MemberProfile::default()
        },
        admitted_on: on,
        official_on: None,
        registrations: vec![Registration {
            org: dossier.cell.clone(),
            since: Some(on),
        }],
        statuses: Vec::new(),
    };
    let cell_id = tree_sql::org_id(conn, dossier.cell.as_str())?;
    let known_up_to = last_member_id(conn)?;
    let member_ids = load::insert_members(conn, &[&record], known_up_to)?;
    let org_ids: Ids = [(dossier.cell.to_string(), cell_id)].into_iter().collect();
    load::insert_histories(conn, &[&record], &member_ids, &org_ids)?;
    tallies::refresh(conn, [cell_id])
}

/// Sets the full-membership day of the dossier's member.
pub(crate) fn recognize(
    conn: &mut DbConnection,
    code: &MemberCode,
    official_on: Date,
) -> Result<(), StoreError> {
    let id = member_id(conn, code)?;
    let cells = tallies::cells_of(conn, &[id])?;
    diesel::update(members::table.find(id))
        .set(members::official_on.eq(Some(official_on)))
        .execute(conn)?;
    tallies::refresh(conn, cells)
}

/// Strikes the member off on `on`: the open status ends and `XOA_TEN` begins, the open
/// registration ends that day.
pub(crate) fn strike_off(
    conn: &mut DbConnection,
    code: &MemberCode,
    on: Date,
) -> Result<(), StoreError> {
    let id = member_id(conn, code)?;
    let cells = tallies::cells_of(conn, &[id])?;
    diesel::update(
        member_statuses::table
            .filter(member_statuses::member_id.eq(id))
            .filter(member_statuses::valid_to.eq(Date::MAX_SENTINEL)),
    )
    .set(member_statuses::valid_to.eq(on))
    .execute(conn)?;
    diesel::insert_into(member_statuses::table)
        .values((
            member_statuses::member_id.eq(id),
            member_statuses::status.eq(MemberStatus::XoaTen.code()),
            member_statuses::valid_from.eq(on),
            member_statuses::valid_to.eq(Date::MAX_SENTINEL),
        ))
        .execute(conn)?;
    diesel::update(
        registrations::table
            .filter(registrations::member_id.eq(id))
            .filter(registrations::valid_to.eq(Date::MAX_SENTINEL)),
    )
    .set(registrations::valid_to.eq(on))
    .execute(conn)?;
    tallies::refresh(conn, cells)
}

fn member_id(conn: &mut DbConnection, code: &MemberCode) -> Result<i64, StoreError> {
    members::table
        .filter(members::code.eq(code.as_str()))
        .select(members::id)
        .first(conn)
        .optional()?
        .ok_or_else(|| StoreError::NotFound {
            entity: Entity::Member,
            code: code.to_string(),
        })
}
