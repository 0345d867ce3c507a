//! Rating rounds on the web: the rounds a reader reaches and the form to open one
//! (`/ratings/rounds`), a round with its organizations and members (`/ratings/rounds/{id}`),
//! the steps of one member or organization, closing, and the same through the API.
//!
//! Each page calls one use case; a step the records refuse answers 422 with the page, the
//! form as sent and every rule broken named with its source; nothing is written.

pub(crate) mod api;
pub(crate) mod entry_page;
pub(crate) mod forms;
pub(crate) mod json;
pub(crate) mod list_page;
pub(crate) mod round_page;

use crate::error::{AppError, Entity, in_language};
use crate::ui::i18n::Lang;
use crate::ui::params;
use axum::extract::Path;
use axum::extract::rejection::PathRejection;
use axum::http::header::LOCATION;
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use dangvu_app::StoreError;
use dangvu_domain::ratings::Violation;

/// A round number as written in a path; anything else is a round that does not exist.
pub(crate) fn round_id(raw: &str) -> Result<i64, AppError> {
    raw.trim().parse::<i64>().map_err(|_| AppError::NotFound {
        entity: Entity::RatingRound,
        code: raw.to_string(),
    })
}

/// The round number of a one-segment path.
pub(crate) fn round_in_path(path: Result<Path<String>, PathRejection>) -> Result<i64, AppError> {
    round_id(&params::path(path)?)
}

/// 303 to `target`.
pub(crate) fn redirect(target: &str) -> Result<Response, AppError> {
    let location = HeaderValue::from_str(target)
        .map_err(|e| AppError::Internal(format!("redirect address: {e}")))?;
    let mut response = StatusCode::SEE_OTHER.into_response();
    response.headers_mut().insert(LOCATION, location);
    Ok(response)
}

/// The rules broken, one line each, in `lang`.
pub(crate) fn violation_lines(found: &[Violation], lang: Lang) -> Vec<String> {
    found
        .iter()
        .map(|v| match lang {
            Lang::Vi => v.message_vi.clone(),
            Lang::En => v.message_en.clone(),
        })
        .collect()
}

/// The message of a write the records refuse; anything else is the request's error.
pub(crate) fn refusal(err: dangvu_app::Error, lang: Lang) -> Result<Vec<String>, AppError> {
    match err {
        dangvu_app::Error::Store(StoreError::Invalid(both)) => Ok(vec![in_language(&both, lang)]),
        dangvu_app::Error::Store(StoreError::Conflict { .. }) => {
            Ok(vec![lang.t("rounds.already_open").into_owned()])
        }
        other => Err(other.into()),
    }
}
