//! The building blocks of the API's JSON answers: organization references, figures,
//! periods, enumeration codes and the error body.
//!
//! The answers are written with these structs, never with storage's views directly, so that
//! a change inside storage cannot move the contract. Keys are snake_case, dates
//! `YYYY-MM-DD`, enumeration values the codes of the interchange format
//! (`docs/interchange-format.md`), and each enumeration's schema lists its codes from the
//! domain's own table, so the document cannot fall behind the domain.

use crate::error::ERROR_CODES;
use dangvu_app::records::OrgRef;
use dangvu_domain::enums::Enumeration;
use dangvu_domain::summary::Figures;
use dangvu_domain::{Gender, MemberStatus, OrgType, Rating};
use serde::Serialize;
use utoipa::ToSchema;
use utoipa::openapi::schema::{Object, ObjectBuilder, SchemaType, Type};

/// A string schema whose values are the codes of `E`.
fn codes_schema<E: Enumeration>(description: &str) -> Object {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .enum_values(Some(E::ALL.iter().map(|value| value.code())))
        .description(Some(description))
        .build()
}

/// The schema of an organization type (`loai`).
pub(crate) fn org_type_schema() -> Object {
    codes_schema::<OrgType>("Organization type (`loai` of the interchange format).")
}

/// The schema of a member status (`trang_thai`).
pub(crate) fn status_schema() -> Object {
    codes_schema::<MemberStatus>("Member status (`trang_thai` of the interchange format).")
}

/// The schema of a quality rating (`xep_loai`).
pub(crate) fn rating_schema() -> Object {
    codes_schema::<Rating>("Yearly quality rating (`xep_loai` of the interchange format).")
}

/// The schema of an optional sex (`gioi_tinh`).
pub(crate) fn gender_schema() -> Object {
    let codes = Gender::ALL
        .iter()
        .map(|value| serde_json::json!(value.code()));
    ObjectBuilder::new()
        .schema_type(SchemaType::from_iter([Type::String, Type::Null]))
        .enum_values(Some(codes.chain([serde_json::Value::Null])))
        .description(Some("Sex (`gioi_tinh`); null when not recorded."))
        .build()
}

/// The schema of an error code: every code of [`ERROR_CODES`].
pub(crate) fn error_code_schema() -> Object {
    let listed: Vec<String> = ERROR_CODES
        .iter()
        .map(|(code, status)| format!("`{code}` ({status})"))
        .collect();
    ObjectBuilder::new()
        .schema_type(Type::String)
        .enum_values(Some(ERROR_CODES.iter().map(|(code, _)| *code)))
        .description(Some(format!(
            "Stable machine-readable error code, with its HTTP status: {}.",
            listed.join(", ")
        )))
        .build()
}

/// An organization named in an answer: code, name and type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub(crate) struct OrgRefJson {
    /// Code (`ma`), e.g. `VX.05`.
    #[schema(example = "VX.05")]
    pub code: String,
    /// Name (`ten`).
    pub name: String,
    /// Type (`loai`).
    #[serde(rename = "type")]
    #[schema(schema_with = org_type_schema)]
    pub org_type: OrgType,
}

impl From<OrgRef> for OrgRefJson {
    fn from(org: OrgRef) -> Self {
        Self {
            code: org.code.to_string(),
            name: org.name,
            org_type: org.org_type,
        }
    }
}

/// The stock figures of a subtree on a date (definitions of `docs/summary-report.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
pub(crate) struct FiguresJson {
    /// Active `DANG_BO_CO_SO` and `CHI_BO_CO_SO`.
    pub grassroots_orgs: u64,
    /// Active `CHI_BO_TRUC_THUOC`.
    pub cells_under_grassroots: u64,
    /// Party members (active or exempted).
    pub members: u64,
    /// Of them, without a full-membership date on or before the date.
    pub members_probationary: u64,
    /// Of them, exempted on the date.
    pub members_exempted: u64,
}

impl From<Figures> for FiguresJson {
    fn from(f: Figures) -> Self {
        Self {
            grassroots_orgs: f.grassroots_orgs,
            cells_under_grassroots: f.cells_under_grassroots,
            members: f.members,
            members_probationary: f.members_probationary,
            members_exempted: f.members_exempted,
        }
    }
}

/// An organization with its subtree's figures (a root or a child).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub(crate) struct OrgFiguresJson {
    /// The organization.
    #[serde(flatten)]
    pub org: OrgRefJson,
    /// Its subtree's figures on the date asked.
    pub figures: FiguresJson,
}

/// The body of every error answer.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub(crate) struct ErrorBody {
    /// What went wrong.
    pub error: ErrorDetail,
}

/// An error: its stable code and a message for people in Vietnamese and English.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub(crate) struct ErrorDetail {
    /// The stable code a program matches on.
    #[schema(schema_with = error_code_schema)]
    pub code: &'static str,
    /// The message in Vietnamese.
    pub message_vi: String,
    /// The message in English.
    pub message_en: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enumeration_schemas_list_the_interchange_codes() {
        let schema = serde_json::to_value(org_type_schema()).unwrap();
        let codes = schema["enum"].as_array().unwrap();
        assert!(codes.contains(&"CHI_BO_TRUC_THUOC".into()) && codes.len() == 8);
        let gender = serde_json::to_value(gender_schema()).unwrap();
        assert_eq!(gender["enum"], serde_json::json!(["NAM", "NU", null]));
    }
}
