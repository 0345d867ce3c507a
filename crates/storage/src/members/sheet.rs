//! The member sheet as stored: one row type (which is its column list) and one conversion, shared by the
//! profile page (`member_detail`) and the export (`stored`).

use crate::StoreError;
use crate::db::schema::members;
use crate::tree::refs::{enum_code, member_code};
use dangvu_domain::dataset::MemberProfile;
use dangvu_domain::{Date, MemberCode};
use diesel::prelude::*;

/// The member sheet's columns of a `members` row: select them with
/// `SheetRow::as_select()` (the fields are the column list, written once).
#[derive(Queryable, Selectable)]
#[diesel(table_name = members)]
pub(crate) struct SheetRow {
    id: i64,
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

/// A member sheet read back into domain values.
pub(crate) struct Sheet {
    /// Member code.
    pub code: MemberCode,
    /// The profile fields.
    pub profile: MemberProfile,
    /// Admission date.
    pub admitted_on: Date,
    /// Full-membership date.
    pub official_on: Option<Date>,
}

impl SheetRow {
    /// The database id.
    pub(crate) fn id(&self) -> i64 {
        self.id
    }

    /// Parses the stored codes back into domain values.
    pub(crate) fn into_sheet(self) -> Result<Sheet, StoreError> {
        Ok(Sheet {
            code: member_code(&self.code)?,
            profile: MemberProfile {
                gender: self.gender.as_deref().map(enum_code).transpose()?,
                full_name: self.full_name,
                birth_date: self.birth_date,
                ethnicity: self.ethnicity,
                religion: self.religion,
                citizen_id: self.citizen_id,
                hometown: self.hometown,
                birthplace: self.birthplace,
                occupation: self.occupation,
                general_education: self.general_education,
                professional_qualification: self.professional_qualification,
                political_theory: self.political_theory,
                party_card_no: self.party_card_no,
                cv_no: self.cv_no,
            },
            admitted_on: self.admitted_on,
            official_on: self.official_on,
        })
    }
}
