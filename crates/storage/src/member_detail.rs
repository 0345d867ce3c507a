//! A member's full record: the member sheet and histories, oldest first.

use crate::conn::DbConnection;
use crate::refs::{REF_COLUMNS, enum_code, member_code, org_ref};
use crate::schema::{member_ratings, member_statuses, members, organizations, registrations};
use crate::{MemberDetail, RatingView, RegistrationView, StatusView, StoreError};
use dangvu_domain::dataset::MemberProfile;
use dangvu_domain::{Date, Period};
use diesel::prelude::*;

#[derive(Queryable)]
struct SheetRow {
    code: String,
    full_name: String,
    gender: Option<String>,
    birth_date: Option<Date>,
    ethnicity: Option<String>,
    religion: Option<String>,
    citizen_id: Option<String>,
    hometown: Option<String>,
    birthplace: Option<String>,
    occupation: Option<String>,
    general_education: Option<String>,
    professional_qualification: Option<String>,
    political_theory: Option<String>,
    party_card_no: Option<String>,
    cv_no: Option<String>,
    admitted_on: Date,
    official_on: Option<Date>,
}

/// The record of member `member_id`.
pub(crate) fn detail(conn: &mut DbConnection, member_id: i64) -> Result<MemberDetail, StoreError> {
    let row: SheetRow = members::table
        .find(member_id)
        .select((
            members::code,
            members::full_name,
            members::gender,
            members::birth_date,
            members::ethnicity,
            members::religion,
            members::citizen_id,
            members::hometown,
            members::birthplace,
            members::occupation,
            members::general_education,
            members::professional_qualification,
            members::political_theory,
            members::party_card_no,
            members::cv_no,
            members::admitted_on,
            members::official_on,
        ))
        .first(conn)?;
    Ok(MemberDetail {
        code: member_code(&row.code)?,
        admitted_on: row.admitted_on,
        official_on: row.official_on,
        registrations: registrations_of(conn, member_id)?,
        statuses: statuses_of(conn, member_id)?,
        ratings: ratings_of(conn, member_id)?,
        profile: MemberProfile {
            gender: row.gender.as_deref().map(enum_code).transpose()?,
            full_name: row.full_name,
            birth_date: row.birth_date,
            ethnicity: row.ethnicity,
            religion: row.religion,
            citizen_id: row.citizen_id,
            hometown: row.hometown,
            birthplace: row.birthplace,
            occupation: row.occupation,
            general_education: row.general_education,
            professional_qualification: row.professional_qualification,
            political_theory: row.political_theory,
            party_card_no: row.party_card_no,
            cv_no: row.cv_no,
        },
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

fn statuses_of(conn: &mut DbConnection, member_id: i64) -> Result<Vec<StatusView>, StoreError> {
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
