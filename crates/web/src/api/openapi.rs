//! The OpenAPI document of `/api/v1`, generated from the handlers' `#[utoipa::path]`
//! annotations and served at `GET /api/v1/openapi.json`.
//!
//! To document a new operation, annotate its handler and add one line to `paths(…)` below;
//! a test holds the operations of the document equal to the API routes of
//! [`crate::routes::route_table`], so a route cannot be added without it. What every
//! guarded operation shares (the bearer and session security, the `unauthorized`,
//! `forbidden` and `internal` answers) is added by [`Contract`] from the route table, so
//! the document states exactly the access the router enforces.
//!
//! Error answers list their codes (see [`crate::error::ERROR_CODES`]) in their
//! description, each in backquotes, e.g. ``"`invalid_code`, `not_found`"``; the browsable
//! page reads them from there.

use crate::routes::{Surface, route_table};
use axum::Json;
use std::sync::OnceLock;
use utoipa::openapi::path::Operation;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{OpenApi as Document, RefOr, ResponseBuilder, SecurityRequirement};
use utoipa::{Modify, OpenApi};

/// 400 of an answer as of a date.
pub(crate) const E400_DATE: &str = "`invalid_date`, `malformed_request`, `invalid_text`";
/// 400 of an organization as of a date.
pub(crate) const E400_CODE_DATE: &str =
    "`invalid_code`, `invalid_date`, `malformed_request`, `invalid_text`";
/// 400 of the due list.
pub(crate) const E400_DUE: &str =
    "`missing_parameter`, `invalid_code`, `invalid_date`, `malformed_request`, `invalid_text`";
/// 400 of the member list.
pub(crate) const E400_MEMBERS: &str = "`missing_parameter`, `invalid_code`, `invalid_date`, \
     `invalid_cursor`, `invalid_limit`, `malformed_request`, `invalid_text`";
/// 400 of one member.
pub(crate) const E400_MEMBER_CODE: &str = "`invalid_code`, `malformed_request`, `invalid_text`";
/// 400 of the summary report.
pub(crate) const E400_SUMMARY: &str = "`missing_parameter`, `invalid_code`, `invalid_date`, \
     `invalid_period`, `malformed_request`, `invalid_text`";
/// 404 of a record addressed by its code.
pub(crate) const E404: &str =
    "`not_found`: no such record, or one outside the caller's scope (the two look the same)";

/// The name of the bearer-token security scheme.
const BEARER: &str = "bearer";
/// The name of the session-cookie security scheme.
const SESSION: &str = "session";

/// The document: one line per operation in `paths(…)`.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Đảng vụ API",
        description = "Read the Party organization tree, members and reports within the \
            caller's scope. Authenticate with `Authorization: Bearer <token>` \
            (`dangvu token create`) or a browser session. Every answer is JSON; errors are \
            `{\"error\": {\"code\", \"message_vi\", \"message_en\"}}` with a stable code."
    ),
    paths(
        crate::tree::api::list_orgs,
        crate::tree::api::get_org,
        crate::tree::api::list_children,
        crate::members::api::list_members,
        crate::members::api::get_member,
        crate::members::lifecycle_api::get_lifecycle,
        crate::members::lifecycle_api::post_lifecycle,
        crate::ratings::api::get_rated,
        crate::ratings::rounds::api::list_rounds,
        crate::ratings::rounds::api::open_round,
        crate::ratings::rounds::api::get_round,
        crate::ratings::rounds::api::member_step,
        crate::ratings::rounds::api::org_step,
        crate::ratings::rounds::api::close_round,
        crate::ratings::monthly_api::get_monthly,
        crate::ratings::monthly_api::post_monthly,
        crate::ratings::commitments_api::list_commitments,
        crate::ratings::commitments_api::post_commitment,
        crate::ratings::commitments_api::post_evaluation,
        crate::ratings::statistics::api::get_statistics,
        crate::reports::api::get_summary,
        crate::reports::term_api::get_term,
        crate::due::api::get_due,
        crate::audit::api::list_audit,
        crate::admissions::api::list_dossiers,
        crate::admissions::api::open_dossier,
        crate::admissions::api::get_dossier,
        crate::admissions::api::record_step,
        crate::transfers::api::list_transfers,
        crate::transfers::api::create_transfer,
        crate::transfers::api::get_transfer,
        crate::transfers::api::record_step,
        crate::calendar::api::working_day,
        crate::interchange::api::import_file,
        crate::interchange::api::export_org,
        get_openapi,
    ),
    tags(
        (name = "orgs", description = "The organization tree"),
        (name = "members", description = "Party members"),
        (name = "ratings", description = "Quality rating: who is rated, rating rounds and their steps"),
        (name = "reports", description = "Reports"),
        (name = "admissions", description = "Admission dossiers (phát triển đảng viên)"),
        (name = "transfers", description = "Transfers of Party activity (chuyển sinh hoạt đảng)"),
        (name = "due", description = "What is due: open steps of the workflows"),
        (name = "transfer", description = "Import and export of interchange files"),
        (name = "audit", description = "The audit log, for administrators"),
        (name = "calendar", description = "The working-day calendar"),
        (name = "meta", description = "This document"),
    ),
    modifiers(&Contract)
)]
pub(crate) struct ApiDoc;

/// Adds the security schemes, and to every operation whose route needs an account its
/// security and the answers of the route guard.
pub(crate) struct Contract;

impl Modify for Contract {
    fn modify(&self, doc: &mut Document) {
        let components = doc.components.get_or_insert_with(Default::default);
        let bearer = HttpBuilder::new()
            .scheme(HttpAuthScheme::Bearer)
            .description(Some("An API token from `dangvu token create`."))
            .build();
        components.add_security_scheme(BEARER, SecurityScheme::Http(bearer));
        let session = ApiKeyValue::with_description("dangvu_session", "A browser session.");
        components.add_security_scheme(SESSION, SecurityScheme::ApiKey(ApiKey::Cookie(session)));
        for spec in route_table().iter().filter(|s| s.surface == Surface::Api) {
            let guarded = spec.access.needs_account();
            let item = doc.paths.paths.get_mut(spec.path);
            if let Some(op) = item.and_then(|item| operation(item, spec.verb)) {
                add_common(op, guarded);
            }
        }
    }
}

/// The operation of `item` for `verb`.
fn operation(
    item: &mut utoipa::openapi::PathItem,
    verb: crate::routes::Verb,
) -> Option<&mut Operation> {
    match verb {
        crate::routes::Verb::Get => item.get.as_mut(),
        crate::routes::Verb::Post => item.post.as_mut(),
    }
}

/// The security of a guarded operation and the answers any operation may give.
fn add_common(op: &mut Operation, guarded: bool) {
    let mut answers = vec![("500", "`internal`: a failure on our side (logged)")];
    if guarded {
        op.security = Some(vec![
            SecurityRequirement::new::<_, _, &str>(BEARER, []),
            SecurityRequirement::new::<_, _, &str>(SESSION, []),
        ]);
        answers.push(("401", "`unauthorized`: no valid token or session"));
        answers.push((
            "403",
            "`forbidden`: the account's role may not do this (recorded in the audit log)",
        ));
    }
    for (status, description) in answers {
        let response = ResponseBuilder::new()
            .description(description)
            .content("application/json", error_content())
            .build();
        op.responses
            .responses
            .entry(status.to_string())
            .or_insert(RefOr::T(response));
    }
}

/// The JSON content of an error answer.
fn error_content() -> utoipa::openapi::Content {
    utoipa::openapi::ContentBuilder::new()
        .schema(Some(RefOr::Ref(utoipa::openapi::Ref::from_schema_name(
            "ErrorBody",
        ))))
        .build()
}

/// The document as JSON, built once.
pub(crate) fn document() -> &'static serde_json::Value {
    static DOC: OnceLock<serde_json::Value> = OnceLock::new();
    #[allow(
        clippy::expect_used,
        reason = "the document is built from types, not input"
    )]
    DOC.get_or_init(|| {
        serde_json::to_value(ApiDoc::openapi())
            .expect("the OpenAPI document serializes: it is plain data built by utoipa")
    })
}

/// This document (OpenAPI 3.1).
#[utoipa::path(get, path = "/api/v1/openapi.json", tag = "meta",
    responses((status = 200, description = "The OpenAPI document", content_type = "application/json")))]
pub(crate) async fn get_openapi() -> Json<serde_json::Value> {
    Json(document().clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ERROR_CODES;

    /// Every code in backquotes in an error answer's description.
    fn codes_in(text: &str) -> Vec<&str> {
        text.split('`').skip(1).step_by(2).collect()
    }

    #[test]
    fn error_answers_name_only_listed_codes() {
        let doc = document();
        let mut named = 0;
        for item in doc["paths"].as_object().unwrap().values() {
            for op in item.as_object().unwrap().values() {
                for (status, response) in op["responses"].as_object().unwrap() {
                    if status.starts_with('2') {
                        continue;
                    }
                    let text = response["description"].as_str().unwrap();
                    let codes = codes_in(text);
                    assert!(!codes.is_empty(), "{status}: {text}");
                    for code in codes {
                        named += 1;
                        let listed = ERROR_CODES.iter().find(|(c, _)| *c == code);
                        assert_eq!(
                            listed.map(|l| l.1.to_string()),
                            Some(status.clone()),
                            "{code}"
                        );
                    }
                }
            }
        }
        assert!(named > 20, "only {named} codes named");
    }

    #[test]
    fn guarded_operations_need_a_token_or_a_session() {
        let doc = document();
        let members = &doc["paths"]["/api/v1/members"]["get"];
        assert_eq!(members["security"][0], serde_json::json!({"bearer": []}));
        assert!(members["responses"]["401"].is_object());
        let itself = &doc["paths"]["/api/v1/openapi.json"]["get"];
        assert!(itself["security"].is_null() && itself["responses"]["401"].is_null());
        let scheme = &doc["components"]["securitySchemes"]["bearer"];
        assert_eq!(scheme["scheme"], "bearer");
    }
}
