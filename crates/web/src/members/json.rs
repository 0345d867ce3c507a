//! The JSON of members: a page of the member list and one member's full record.

use crate::api::schema::{OrgRefJson, gender_schema, rating_schema, status_schema};
use dangvu_app::records::{
    MemberDetail, MemberListItem, MemberPage, RatingView, RegistrationView, StatusView,
};
use dangvu_domain::{Date, Gender, MemberStatus, Rating};
use serde::Serialize;
use utoipa::ToSchema;

/// One page of the members of a subtree on a date, in Vietnamese name order.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct MemberPageJson {
    /// The code of the subtree's root.
    pub org: String,
    /// The date of the registrations and statuses.
    pub as_of: Date,
    /// The search text applied, if any.
    pub q: Option<String>,
    /// How many members match in all (every page) when `total_exact`; otherwise more than
    /// this many match: the count stops at 10,000 so that a province's list stays fast.
    pub total: u64,
    /// Whether `total` is exact; `false` means "more than `total`".
    pub total_exact: bool,
    /// The page size asked.
    pub limit: u32,
    /// Pass as `after` for the next page; null on the last page.
    pub next: Option<String>,
    /// This page's members.
    pub members: Vec<MemberRowJson>,
}

/// One row of the member list.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct MemberRowJson {
    /// Member code (`ma`).
    pub code: String,
    /// Full name (`ho_ten`).
    pub full_name: String,
    /// Sex (`gioi_tinh`).
    #[schema(schema_with = gender_schema)]
    pub gender: Option<Gender>,
    /// Birth date (`ngay_sinh`).
    pub birth_date: Option<Date>,
    /// Admission date (`ngay_vao_dang`).
    pub admitted_on: Date,
    /// Full-membership date (`ngay_chinh_thuc`); null while probationary.
    pub official_on: Option<Date>,
    /// Status on the date of the list (`trang_thai`).
    #[schema(schema_with = status_schema)]
    pub status: MemberStatus,
    /// Where registered on the date of the list.
    pub org: OrgRefJson,
}

impl MemberPageJson {
    /// The page `page` of `org`'s list.
    pub(crate) fn new(
        org: String,
        as_of: Date,
        q: Option<String>,
        limit: u32,
        page: MemberPage,
    ) -> Self {
        Self {
            org,
            as_of,
            q,
            total: page.total,
            total_exact: page.total_exact,
            limit,
            next: page.next.map(|cursor| cursor.encode()),
            members: page.rows.into_iter().map(Into::into).collect(),
        }
    }
}

impl From<MemberListItem> for MemberRowJson {
    fn from(row: MemberListItem) -> Self {
        Self {
            code: row.code.to_string(),
            full_name: row.full_name,
            gender: row.gender,
            birth_date: row.birth_date,
            admitted_on: row.admitted_on,
            official_on: row.official_on,
            status: row.status,
            org: row.org.into(),
        }
    }
}

/// A member's full record: the member sheet, key dates and histories.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct MemberJson {
    /// Member code (`ma`).
    pub code: String,
    /// Full name (`ho_ten`).
    pub full_name: String,
    /// Sex (`gioi_tinh`).
    #[schema(schema_with = gender_schema)]
    pub gender: Option<Gender>,
    /// Birth date (`ngay_sinh`).
    pub birth_date: Option<Date>,
    /// Ethnic group (`dan_toc`).
    pub ethnicity: Option<String>,
    /// Religion (`ton_giao`); null = none.
    pub religion: Option<String>,
    /// Citizen ID (`so_cccd`), masked (`0021•••••402`) unless the caller's role needs it.
    pub citizen_id: Option<String>,
    /// Whether `citizen_id` is masked.
    pub citizen_id_masked: bool,
    /// Home town (`que_quan`).
    pub hometown: Option<String>,
    /// Place of birth.
    pub birthplace: Option<String>,
    /// Occupation.
    pub occupation: Option<String>,
    /// General education, e.g. `12/12`.
    pub general_education: Option<String>,
    /// Professional qualification.
    pub professional_qualification: Option<String>,
    /// Political theory level.
    pub political_theory: Option<String>,
    /// Party card number.
    pub party_card_no: Option<String>,
    /// Party CV number (số lý lịch).
    pub cv_no: Option<String>,
    /// Admission date (`ngay_vao_dang`).
    pub admitted_on: Date,
    /// Full-membership date (`ngay_chinh_thuc`); null while probationary.
    pub official_on: Option<Date>,
    /// Official registrations, oldest first.
    pub registrations: Vec<RegistrationJson>,
    /// Statuses, oldest first.
    pub statuses: Vec<StatusJson>,
    /// Yearly ratings, oldest first.
    pub ratings: Vec<RatingJson>,
}

/// An official registration over a period `[from, to)`.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct RegistrationJson {
    /// First day; null when since the beginning of the record.
    pub from: Option<Date>,
    /// First day no longer registered there; null while registered.
    pub to: Option<Date>,
    /// The cell.
    pub org: OrgRefJson,
}

/// A status over a period `[from, to)`.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct StatusJson {
    /// First day; null when since the beginning of the record.
    pub from: Option<Date>,
    /// First day it no longer holds; null while it holds.
    pub to: Option<Date>,
    /// The status (`trang_thai`).
    #[schema(schema_with = status_schema)]
    pub status: MemberStatus,
}

/// A yearly quality rating.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct RatingJson {
    /// Year (`nam`).
    pub year: i32,
    /// Level (`xep_loai`).
    #[schema(schema_with = rating_schema)]
    pub rating: Rating,
    /// Points (`diem`), 0–100, where the year's rules score.
    pub score: Option<u8>,
}

impl MemberJson {
    /// The record as the use case gave it to the caller; `masked`: the use case masked
    /// the citizen ID for the caller's role.
    pub(crate) fn new(member: MemberDetail, masked: bool) -> Self {
        let p = member.profile;
        let masked = masked && p.citizen_id.is_some();
        let citizen_id = p.citizen_id;
        Self {
            code: member.code.to_string(),
            full_name: p.full_name,
            gender: p.gender,
            birth_date: p.birth_date,
            ethnicity: p.ethnicity,
            religion: p.religion,
            citizen_id,
            citizen_id_masked: masked,
            hometown: p.hometown,
            birthplace: p.birthplace,
            occupation: p.occupation,
            general_education: p.general_education,
            professional_qualification: p.professional_qualification,
            political_theory: p.political_theory,
            party_card_no: p.party_card_no,
            cv_no: p.cv_no,
            admitted_on: member.admitted_on,
            official_on: member.official_on,
            registrations: member.registrations.into_iter().map(Into::into).collect(),
            statuses: member.statuses.into_iter().map(Into::into).collect(),
            ratings: member.ratings.into_iter().map(Into::into).collect(),
        }
    }
}

impl From<RegistrationView> for RegistrationJson {
    fn from(r: RegistrationView) -> Self {
        Self {
            from: r.period.start(),
            to: r.period.end(),
            org: r.org.into(),
        }
    }
}

impl From<StatusView> for StatusJson {
    fn from(s: StatusView) -> Self {
        Self {
            from: s.period.start(),
            to: s.period.end(),
            status: s.status,
        }
    }
}

impl From<RatingView> for RatingJson {
    fn from(r: RatingView) -> Self {
        Self {
            year: r.year,
            rating: r.rating,
            score: r.score,
        }
    }
}
