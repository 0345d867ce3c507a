//! The one error type of the web layer, mapped to HTTP once per surface.
//!
//! Handlers return [`AppError`]; the use cases' and the domain's errors convert into it
//! with `?`. For
//! pages, [`AppError`]'s response carries the error in an extension and the
//! [`crate::ui::layout::render_error_pages`] middleware renders it as a translated page in the
//! reader's language; for the JSON API, [`crate::api::ApiError`] writes
//! `{"error": {"code", "message_vi", "message_en"}}`. Internal causes are logged, never
//! shown: a 5xx says only that something went wrong on our side.

use crate::ui::i18n::Lang;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use dangvu_app::StoreError;
use dangvu_domain::DomainError;

/// Something a request could not get.
#[derive(Debug, Clone, thiserror::Error)]
pub(crate) enum AppError {
    /// No such record (or outside the caller's scope, which must look the same).
    #[error("{entity:?} {code} not found")]
    NotFound {
        /// What was looked for.
        entity: Entity,
        /// The code asked for.
        code: String,
    },
    /// The request itself is wrong.
    #[error("bad request: {0}")]
    BadInput(#[from] BadInput),
    /// No valid session or token: the caller must sign in.
    #[error("not signed in")]
    Unauthorized,
    /// The change breaks a rule of the records (a day out of order, a member not in the
    /// state the change needs): the message is storage's, "Vietnamese / English".
    #[error("refused: {0}")]
    Refused(String),
    /// The signed-in account's role may not do this.
    #[error("forbidden")]
    Forbidden,
    /// An unsafe request without the right anti-forgery token.
    #[error("missing or wrong anti-forgery token")]
    Csrf,
    /// The database is busy with a long change (an import) or has no free connection:
    /// the same request may succeed in a moment (503 with `Retry-After`).
    #[error("busy: {0}")]
    Busy(String),
    /// A failure on our side; the text goes to the log only.
    #[error("internal error: {0}")]
    Internal(String),
}

/// Seconds a client is asked to wait before retrying a [`AppError::Busy`] request.
pub(crate) const RETRY_AFTER_SECONDS: &str = "5";

/// The kinds of records a request can miss.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Entity {
    /// An organization.
    Org,
    /// A member.
    Member,
    /// An admission dossier.
    Dossier,
    /// A transfer of Party activity.
    Transfer,
    /// A rating round.
    RatingRound,
    /// A signed commitment.
    Commitment,
    /// Any other record, or a page.
    Page,
}

/// Largest page size a list of the API answers.
pub(crate) const MAX_PAGE_LIMIT: u32 = 500;

/// Every code of the JSON API's errors, with its HTTP status: those [`AppError::code`] gives
/// and those the import answers itself (`payload_too_large`, `unsupported_media_type`,
/// `import_refused`, see `api/transfer.rs`). The contract of the API, documented in the
/// OpenAPI document so that a script may match on them: codes are only ever added, never
/// renamed.
pub(crate) const ERROR_CODES: &[(&str, u16)] = &[
    ("not_found", 404),
    ("missing_parameter", 400),
    ("invalid_date", 400),
    ("invalid_code", 400),
    ("invalid_period", 400),
    ("invalid_cursor", 400),
    ("invalid_limit", 400),
    ("invalid_number", 400),
    ("malformed_request", 400),
    ("invalid_text", 400),
    ("unauthorized", 401),
    ("forbidden", 403),
    ("csrf", 403),
    ("payload_too_large", 413),
    ("unsupported_media_type", 415),
    ("import_refused", 422),
    ("invalid_field", 422),
    ("step_refused", 422),
    ("change_refused", 422),
    ("rating_refused", 422),
    ("internal", 500),
    ("busy", 503),
];

impl AppError {
    /// The HTTP status.
    pub(crate) fn status(&self) -> StatusCode {
        match self {
            AppError::NotFound { .. } => StatusCode::NOT_FOUND,
            AppError::BadInput(_) => StatusCode::BAD_REQUEST,
            AppError::Refused(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::Unauthorized => StatusCode::UNAUTHORIZED,
            AppError::Forbidden | AppError::Csrf => StatusCode::FORBIDDEN,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
            AppError::Busy(_) => StatusCode::SERVICE_UNAVAILABLE,
        }
    }

    /// The stable machine-readable code of the JSON API.
    pub(crate) fn code(&self) -> &'static str {
        match self {
            AppError::NotFound { .. } => "not_found",
            AppError::BadInput(bad) => bad.code(),
            AppError::Refused(_) => "change_refused",
            AppError::Unauthorized => "unauthorized",
            AppError::Forbidden => "forbidden",
            AppError::Csrf => "csrf",
            AppError::Internal(_) => "internal",
            AppError::Busy(_) => "busy",
        }
    }

    /// What to tell a person, in `lang`. Never contains internal details.
    pub(crate) fn message(&self, lang: Lang) -> String {
        match self {
            AppError::NotFound { entity, code } => {
                let key = match entity {
                    Entity::Org => "error.not_found_org",
                    Entity::Member => "error.not_found_member",
                    Entity::Dossier => "error.not_found_dossier",
                    Entity::Transfer => "error.not_found_transfer",
                    Entity::RatingRound => "error.not_found_round",
                    Entity::Commitment => "error.not_found_commitment",
                    Entity::Page => "error.not_found_page",
                };
                lang.fill(key, &[("code", &echo(code))])
            }
            AppError::BadInput(bad) => bad.message(lang),
            AppError::Refused(both) => in_language(both, lang),
            AppError::Unauthorized => lang.t("error.unauthorized").into_owned(),
            AppError::Forbidden => lang.t("error.forbidden").into_owned(),
            AppError::Csrf => lang.t("error.csrf").into_owned(),
            AppError::Internal(_) => lang.t("error.internal").into_owned(),
            AppError::Busy(_) => lang.t("error.busy").into_owned(),
        }
    }

    /// Logs failures on our side with their cause (client errors are not logged as errors).
    pub(crate) fn log(&self) {
        match self {
            AppError::Internal(cause) => tracing::error!(%cause, "request failed"),
            AppError::Busy(cause) => tracing::warn!(%cause, "request refused: database busy"),
            _ => {}
        }
    }
}

/// The part of a "Vietnamese / English" message in `lang` (the whole when not split).
pub(crate) fn in_language(both: &str, lang: Lang) -> String {
    match (both.split_once(" / "), lang) {
        (Some((vi, _)), Lang::Vi) => vi.to_string(),
        (Some((_, en)), Lang::En) => en.to_string(),
        (None, _) => both.to_string(),
    }
}

impl From<StoreError> for AppError {
    fn from(err: StoreError) -> Self {
        match err {
            StoreError::NotFound { entity, code } => AppError::NotFound {
                entity: match entity {
                    dangvu_app::Entity::Organization => Entity::Org,
                    dangvu_app::Entity::Member => Entity::Member,
                    dangvu_app::Entity::Dossier => Entity::Dossier,
                    dangvu_app::Entity::Transfer => Entity::Transfer,
                    dangvu_app::Entity::RatingRound => Entity::RatingRound,
                    dangvu_app::Entity::Commitment => Entity::Commitment,
                    _ => Entity::Page,
                },
                code,
            },
            StoreError::Busy | StoreError::Connection(_) => AppError::Busy(err.to_string()),
            StoreError::Invalid(message) => AppError::Refused(message),
            other => AppError::Internal(other.to_string()),
        }
    }
}

impl From<dangvu_app::Error> for AppError {
    fn from(err: dangvu_app::Error) -> Self {
        match err {
            dangvu_app::Error::Store(err) => err.into(),
            dangvu_app::Error::Forbidden => AppError::Forbidden,
            other => AppError::Internal(other.to_string()),
        }
    }
}

impl From<DomainError> for AppError {
    fn from(err: DomainError) -> Self {
        match err {
            DomainError::Required { field } => BadInput::Missing { field }.into(),
            DomainError::Invalid { field, value, .. } => BadInput::Code { field, value }.into(),
        }
    }
}

/// The error as the page-rendering middleware finds it on a response.
#[derive(Debug, Clone)]
pub(crate) struct PageFailure(pub(crate) AppError);

impl IntoResponse for AppError {
    /// For pages: the status, and the error for the middleware to render in the reader's
    /// language (the request's language is not known here), `Retry-After` included.
    fn into_response(self) -> Response {
        self.log();
        let mut response = self.status().into_response();
        response.extensions_mut().insert(PageFailure(self));
        response
    }
}

/// Adds `Retry-After` to a 503 answer, so that scripts and browsers know to try again.
pub(crate) fn with_retry_after(response: &mut Response) {
    if response.status() == StatusCode::SERVICE_UNAVAILABLE {
        response.headers_mut().insert(
            axum::http::header::RETRY_AFTER,
            axum::http::HeaderValue::from_static(RETRY_AFTER_SECONDS),
        );
    }
}

mod bad_input;
pub(crate) use bad_input::BadInput;
use bad_input::echo;

#[cfg(test)]
mod tests;
