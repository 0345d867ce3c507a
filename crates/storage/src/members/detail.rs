//! A member's full record: the member sheet and histories, oldest first.

use crate::db::conn::DbConnection;
use crate::db::schema::{member_ratings, member_statuses, members, organizations, registrations};
use crate::members::sheet::SheetRow;
use crate::tree::access::reachable_orgs;
use crate::tree::refs::{REF_COLUMNS, enum_code, org_ref};
use crate::{MemberDetail, RatingView, RegistrationView, Scope, StatusView, StoreError};
use dangvu_domain::{Date, Period};
use diesel::prelude::*;

/// The record of member `member_id`, read under `scope` (which organizations it may link).
pub(crate) fn detail(
    conn: &mut DbConnection,
    scope: &Scope,
    member_id: i64,
) -> Result<MemberDetail, StoreError> {
    let row: SheetRow = members::table
        .find(member_id)
        .select(SheetRow::as_select())
        .first(conn)?;
    let sheet = row.into_sheet()?;
    let registrations = registrations_of(conn, member_id)?;
    let reachable = reachable_orgs(conn, scope, registrations.iter().map(|r| &r.org.code))?;
    Ok(MemberDetail {
        code: sheet.code,
        admitted_on: sheet.admitted_on,
        official_on: sheet.official_on,
        registrations,
        statuses: statuses_of(conn, member_id)?,
        ratings: ratings_of(conn, member_id)?,
        profile: sheet.profile,
        reachable,
    })
}

fn registrations_of(
    conn: &mut DbConnection,
    member_id: i64,
) -> Result<Vec<RegistrationView>, StoreError> {
    let rows: Vec<(Date, Date, (String, String, String))> = registrations::table
        .inner_join(organizations::table.on(organizations::id.eq(registrations::org_id)))
        .filter(registrations::member_id.eq(member_id))
        .order(registrations::valid_from)
        .select((
            registrations::valid_from,
            registrations::valid_to,
            REF_COLUMNS,
        ))
        .load(conn)?;
    rows.into_iter()
        .map(|(from, to, (code, name, org_type))| {
            Ok(RegistrationView {
                period: Period { from, to },
                org: org_ref(&code, name, &org_type)?,
            })
        })
        .collect()
}

/// The status periods of member `member_id`, oldest first.
pub(crate) fn statuses_of(
    conn: &mut DbConnection,
    member_id: i64,
) -> Result<Vec<StatusView>, StoreError> {
    let rows: Vec<(String, Date, Date)> = member_statuses::table
        .filter(member_statuses::member_id.eq(member_id))
        .order(member_statuses::valid_from)
        .select((
            member_statuses::status,
            member_statuses::valid_from,
            member_statuses::valid_to,
        ))
        .load(conn)?;
    rows.into_iter()
        .map(|(status, from, to)| {
            Ok(StatusView {
                period: Period { from, to },
                status: enum_code(&status)?,
            })
        })
        .collect()
}

fn ratings_of(conn: &mut DbConnection, member_id: i64) -> Result<Vec<RatingView>, StoreError> {
    let rows: Vec<(i32, String, Option<i32>)> = member_ratings::table
        .filter(member_ratings::member_id.eq(member_id))
        .order(member_ratings::year)
        .select((
            member_ratings::year,
            member_ratings::rating,
            member_ratings::score,
        ))
        .load(conn)?;
    rows.into_iter()
        .map(|(year, rating, score)| {
            Ok(RatingView {
                year,
                rating: enum_code(&rating)?,
                score: score.and_then(|s| u8::try_from(s).ok()),
            })
        })
        .collect()
}
