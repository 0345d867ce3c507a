//! `GET /api/docs`: the API documentation as a page, rendered on the server.
//!
//! Everything listed is read from the generated OpenAPI document ([`super::openapi`]), the
//! one served at `/api/v1/openapi.json`, so the page cannot describe a different API than
//! the one that runs. Summaries, parameter descriptions and error meanings are translated
//! (`api_docs.*` keys), falling back to the document's English text for an operation that
//! has no translation yet. No JavaScript and no resources from elsewhere.

use super::openapi::document;
use crate::accounts::auth::{MaybeAuthenticated, UserBadge};
use crate::error::{AppError, ERROR_CODES};
use crate::ui::i18n::Lang;
use crate::ui::layout::{Chrome, PageCtx, render};
use askama::Template;
use axum::response::Html;
use serde_json::Value;

/// One operation as the page lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct OperationView {
    /// `GET`, `POST`…
    pub method: String,
    /// The path pattern, e.g. `/api/v1/orgs/{ma}`.
    pub path: String,
    /// The operation id, used as the anchor.
    pub id: String,
    /// One line on what it does.
    pub summary: String,
    /// More, when the document has it (English).
    pub description: String,
    /// Whether it needs a token or a session.
    pub guarded: bool,
    /// Its parameters.
    pub params: Vec<ParamView>,
    /// The media types of the body it takes, if it takes one.
    pub request_types: Vec<String>,
    /// Its answers.
    pub responses: Vec<ResponseView>,
}

/// A parameter of an operation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ParamView {
    /// Its name.
    pub name: String,
    /// `path` or `query`.
    pub location: String,
    /// Whether it must be given.
    pub required: bool,
    /// What it is.
    pub description: String,
}

/// An answer of an operation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ResponseView {
    /// The HTTP status.
    pub status: String,
    /// The schema of a successful JSON body, e.g. `OrgJson`.
    pub schema: Option<String>,
    /// The media types of a successful body that is not JSON (a file).
    pub media: Vec<String>,
    /// The error codes an error answer may carry.
    pub codes: Vec<String>,
}

/// An error code with its status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ErrorCodeView {
    /// The code.
    pub code: String,
    /// Its HTTP status.
    pub status: u16,
}

/// The documentation page.
#[derive(Template)]
#[template(path = "api_docs.html")]
pub(crate) struct ApiDocsPage {
    pub lang: Lang,
    pub here: String,
    pub chrome: Chrome,
    pub openapi_version: String,
    pub operations: Vec<OperationView>,
    pub error_codes: Vec<ErrorCodeView>,
}

impl ApiDocsPage {
    /// The translation of `api_docs.<group>.<name>`, else `fallback`.
    fn translated(&self, group: &str, name: &str, fallback: &str) -> String {
        let key = format!("api_docs.{group}.{name}");
        let text = self.lang.t_dynamic(&key);
        if text == key {
            fallback.to_string()
        } else {
            text
        }
    }

    /// The operation's summary in the reader's language.
    fn summary(&self, op: &OperationView) -> String {
        self.translated("ops", &op.id, &op.summary)
    }

    /// The parameter's description in the reader's language: the operation's own text
    /// (`api_docs.params.<operation>.<name>`), else the parameter's everywhere.
    fn param_text(&self, op: &OperationView, param: &ParamView) -> String {
        let general = self.translated("params", &param.name, &param.description);
        self.translated("params", &format!("{}.{}", op.id, param.name), &general)
    }

    /// What an error code means, in the reader's language.
    fn meaning(&self, code: &str) -> String {
        self.translated("codes", code, "")
    }
}

/// `GET /api/docs`.
pub(crate) async fn show_docs(
    mut ctx: PageCtx,
    MaybeAuthenticated(signed_in): MaybeAuthenticated,
) -> Result<Html<String>, AppError> {
    ctx.chrome.user = signed_in.as_ref().map(UserBadge::of);
    let doc = document();
    render(&ApiDocsPage {
        lang: ctx.lang,
        here: ctx.here,
        chrome: ctx.chrome,
        openapi_version: text(&doc["openapi"]),
        operations: operations(doc),
        error_codes: error_codes(doc),
    })
}

fn text(value: &Value) -> String {
    value.as_str().unwrap_or_default().to_string()
}

/// Every operation of `doc`, by path then method.
pub(crate) fn operations(doc: &Value) -> Vec<OperationView> {
    let Some(paths) = doc["paths"].as_object() else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for (path, item) in paths {
        for method in ["get", "post", "put", "patch", "delete"] {
            let op = &item[method];
            if op.is_object() {
                found.push(operation(path, method, op));
            }
        }
    }
    found
}

fn operation(path: &str, method: &str, op: &Value) -> OperationView {
    let params = op["parameters"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default();
    let responses = op["responses"].as_object();
    OperationView {
        method: method.to_ascii_uppercase(),
        path: path.to_string(),
        id: text(&op["operationId"]),
        summary: text(&op["summary"]),
        description: text(&op["description"]),
        guarded: op["security"].as_array().is_some_and(|s| !s.is_empty()),
        params: params.iter().map(param).collect(),
        request_types: media_types(&op["requestBody"]["content"]),
        responses: responses
            .into_iter()
            .flatten()
            .map(|(status, r)| response(status, r))
            .collect(),
    }
}

fn param(value: &Value) -> ParamView {
    ParamView {
        name: text(&value["name"]),
        location: text(&value["in"]),
        required: value["required"].as_bool().unwrap_or(false),
        description: text(&value["description"]),
    }
}

/// The keys of a `content` object.
fn media_types(content: &Value) -> Vec<String> {
    content
        .as_object()
        .into_iter()
        .flatten()
        .map(|(media, _)| media.clone())
        .collect()
}

fn response(status: &str, value: &Value) -> ResponseView {
    let content = &value["content"];
    let reference = text(&content["application/json"]["schema"]["$ref"]);
    let success = status.starts_with('2');
    let schema = reference
        .rsplit('/')
        .next()
        .filter(|name| success && !name.is_empty());
    let file = success && content["application/json"].is_null();
    ResponseView {
        status: status.to_string(),
        schema: schema.map(str::to_string),
        media: if file {
            media_types(content)
        } else {
            Vec::new()
        },
        codes: if success {
            Vec::new()
        } else {
            let description = text(&value["description"]);
            description
                .split('`')
                .skip(1)
                .step_by(2)
                .map(str::to_string)
                .collect()
        },
    }
}

/// The error codes of the document's `ErrorDetail` schema, with their statuses.
pub(crate) fn error_codes(doc: &Value) -> Vec<ErrorCodeView> {
    let codes =
        doc["components"]["schemas"]["ErrorDetail"]["properties"]["code"]["enum"].as_array();
    codes
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .map(|code| ErrorCodeView {
            code: code.to_string(),
            status: ERROR_CODES
                .iter()
                .find(|(c, _)| *c == code)
                .map_or(0, |(_, s)| *s),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_lists_what_the_document_holds() {
        let ops = operations(document());
        let org = ops
            .iter()
            .find(|op| op.path == "/api/v1/orgs/{ma}")
            .unwrap();
        assert_eq!((org.method.as_str(), org.id.as_str()), ("GET", "get_org"));
        assert!(org.guarded && !org.summary.is_empty());
        let names: Vec<&str> = org.params.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["ma", "as_of"]);
        assert!(org.params[0].required && !org.params[1].required);
        let ok = org.responses.iter().find(|r| r.status == "200").unwrap();
        assert_eq!(ok.schema.as_deref(), Some("OrgJson"));
        let bad = org.responses.iter().find(|r| r.status == "400").unwrap();
        assert!(bad.codes.contains(&"invalid_date".to_string()), "{bad:?}");
        let codes = error_codes(document());
        assert_eq!(codes.len(), ERROR_CODES.len());
        assert!(codes.iter().all(|c| c.status >= 400));
    }

    /// The operations of this module's routes (other modules' operations fall back to the
    /// document's English until translated).
    const TRANSLATED: &[&str] = &[
        "list_orgs",
        "get_org",
        "list_children",
        "list_members",
        "get_member",
        "get_summary",
        "get_openapi",
        "list_audit",
        "working_day",
    ];

    #[test]
    fn every_error_code_and_documented_operation_is_translated() {
        for lang in [Lang::Vi, Lang::En] {
            let page = ApiDocsPage {
                lang,
                here: "/api/docs".into(),
                chrome: Chrome::default(),
                openapi_version: String::new(),
                operations: Vec::new(),
                error_codes: Vec::new(),
            };
            for (code, _) in ERROR_CODES {
                assert!(!page.meaning(code).is_empty(), "{lang:?} {code}");
            }
            for op in operations(document()) {
                let key = format!("api_docs.ops.{}", op.id);
                let listed = TRANSLATED.contains(&op.id.as_str());
                assert!(!listed || lang.t_dynamic(&key) != key, "{lang:?} {}", op.id);
                for param in &op.params {
                    let text = page.param_text(&op, param);
                    assert!(
                        !listed || text != param.description || lang == Lang::En,
                        "{}",
                        param.name
                    );
                }
            }
        }
    }
}
