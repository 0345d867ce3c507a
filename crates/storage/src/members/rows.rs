//! The `members` row of a member record, with the search and sort keys of its name.

use crate::StoreError;
use crate::db::conn::DbConnection;
use crate::db::schema::members;
use dangvu_domain::Date;
use dangvu_domain::dataset::MemberRecord;
use dangvu_domain::enums::Enumeration;
use dangvu_domain::text::{fold, given_first_key, name_sort_key};
use diesel::prelude::*;

/// Bound parameters per row, for sizing insert chunks.
pub(crate) const MEMBER_COLUMNS: usize = 20;

#[derive(Insertable)]
#[diesel(table_name = members, treat_none_as_default_value = false)]
pub(crate) struct NewMember<'a> {
    code: &'a str,
    full_name: &'a str,
    name_folded: String,
    given_first: String,
    sort_key: String,
    gender: Option<&'static str>,
    birth_date: Option<Date>,
    ethnicity: Option<&'a str>,
    religion: Option<&'a str>,
    citizen_id: Option<&'a str>,
    hometown: Option<&'a str>,
    birthplace: Option<&'a str>,
    occupation: Option<&'a str>,
    general_education: Option<&'a str>,
    professional_qualification: Option<&'a str>,
    political_theory: Option<&'a str>,
    party_card_no: Option<&'a str>,
    cv_no: Option<&'a str>,
    admitted_on: Date,
    official_on: Option<Date>,
}

pub(crate) fn new_member(m: &MemberRecord) -> NewMember<'_> {
    let p = &m.profile;
    NewMember {
        code: m.code.as_str(),
        full_name: &p.full_name,
        name_folded: fold(&p.full_name),
        given_first: given_first_key(&p.full_name),
        sort_key: name_sort_key(&p.full_name),
        gender: p.gender.map(|g| g.code()),
        birth_date: p.birth_date,
        ethnicity: p.ethnicity.as_deref(),
        religion: p.religion.as_deref(),
        citizen_id: p.citizen_id.as_deref(),
        hometown: p.hometown.as_deref(),
        birthplace: p.birthplace.as_deref(),
        occupation: p.occupation.as_deref(),
        general_education: p.general_education.as_deref(),
        professional_qualification: p.professional_qualification.as_deref(),
        political_theory: p.political_theory.as_deref(),
        party_card_no: p.party_card_no.as_deref(),
        cv_no: p.cv_no.as_deref(),
        admitted_on: m.admitted_on,
        official_on: m.official_on,
    }
}

/// The largest member id stored (0 when none): members inserted after this point have
/// larger ids, and it is about the number of members (ids are given in order).
pub(crate) fn last_member_id(conn: &mut DbConnection) -> Result<i64, StoreError> {
    let last: Option<i64> = members::table
        .select(diesel::dsl::max(members::id))
        .first(conn)?;
    Ok(last.unwrap_or(0))
}
