//! Transfers of Party activity on the web (docs/transfers.md): the list of the reader's
//! scope (`/transfers`), a transfer's page with the next step's form for the side that
//! takes it (`/transfers/{id}`), the decision form (`/transfers/new?member=CODE`), and their
//! JSON twins under `/api/v1/transfers`.
//!
//! Handlers stay thin: the forms are read by [`forms`], the use cases decide who may do
//! what (the sending side: the member in scope; the receiving side: the receiving cell in
//! scope), and out of scope is "not found".

pub(crate) mod api;
mod forms;
mod json;
mod list_page;
mod new_page;
mod show_page;

pub(crate) use list_page::show_list;
pub(crate) use new_page::{record_new, show_new};
pub(crate) use show_page::{record_step, show_transfer};

use crate::error::AppError;
use axum::http::header::LOCATION;
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

/// 303 to `target`.
fn redirect(target: &str) -> Result<Response, AppError> {
    let location = HeaderValue::from_str(target)
        .map_err(|e| AppError::Internal(format!("redirect address: {e}")))?;
    let mut response = StatusCode::SEE_OTHER.into_response();
    response.headers_mut().insert(LOCATION, location);
    Ok(response)
}
