//! `/transfers/new?member=CODE`: the sending organization's decision (an official
//! transfer) or a temporary attendance, and `POST /transfers/new`, which records it.
//!
//! The member must be in the reader's scope and registered in a cell; the receiving cell
//! may lie outside it (its staff then register the member). A form that cannot be read or
//! a decision the records refuse answers 422 with the form as sent and the message;
//! nothing is written. A recorded transfer answers 303 to its page.

use super::forms::{Creation, NewForm};
use super::show_page::refusal_message;
use crate::accounts::auth::Authenticated;
use crate::error::AppError;
use crate::state::AppState;
use crate::ui::i18n::Lang;
use crate::ui::layout::{Chrome, PageCtx, render};
use crate::ui::params;
use askama::Template;
use axum::Form;
use axum::extract::rejection::{FormRejection, QueryRejection};
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use dangvu_app::records::TransferView;
use dangvu_domain::enums::Enumeration;
use dangvu_domain::lifecycle::TransferKind;
use serde::Deserialize;

/// The decision form.
#[derive(Template)]
#[template(path = "transfers_new.html")]
pub(crate) struct NewPage {
    pub lang: Lang,
    pub here: String,
    pub chrome: Chrome,
    pub form: NewForm,
    pub error: Option<String>,
}

impl NewPage {
    /// The kinds offered, with their labels.
    fn kinds(&self) -> Vec<(&'static str, String)> {
        TransferKind::ALL
            .iter()
            .map(|k| (k.code(), self.lang.label(k).into_owned()))
            .collect()
    }

    fn chosen(&self, code: &str) -> bool {
        let sent = self.form.transfer_kind.trim();
        sent == code || (sent.is_empty() && code == TransferKind::ChinhThuc.code())
    }
}

/// The page's query: the member the form is for.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct NewQuery {
    member: Option<String>,
}

fn page(ctx: PageCtx, form: NewForm, error: Option<String>) -> NewPage {
    NewPage {
        lang: ctx.lang,
        here: ctx.here,
        chrome: ctx.chrome,
        form,
        error,
    }
}

/// `GET /transfers/new?member=CODE`.
#[tracing::instrument(skip_all)]
pub(crate) async fn show_new(
    ctx: PageCtx,
    query: Result<Query<NewQuery>, QueryRejection>,
) -> Result<Response, AppError> {
    let query = params::query(query)?;
    let form = NewForm {
        member: query.member.unwrap_or_default().trim().to_string(),
        ..NewForm::default()
    };
    Ok(render(&page(ctx, form, None))?.into_response())
}

/// Records what `creation` asks for: the transfer, or why the records refuse it (in
/// `lang`); anything else is the request's error.
pub(crate) async fn create(
    state: &AppState,
    auth: &Authenticated,
    creation: Creation,
    lang: Lang,
) -> Result<Result<TransferView, String>, AppError> {
    let caller = auth.caller();
    let outcome = state
        .blocking(move |app| match &creation {
            Creation::Official(new) => app.decide_transfer(&caller, new),
            Creation::Temporary(new) => app.record_temporary_attendance(&caller, new),
        })
        .await?;
    match outcome {
        Ok(view) => Ok(Ok(view)),
        Err(err) => refusal_message(err, lang).map(Err),
    }
}

/// `POST /transfers/new`.
#[tracing::instrument(skip_all)]
pub(crate) async fn record_new(
    ctx: PageCtx,
    State(state): State<AppState>,
    auth: Authenticated,
    form: Result<Form<NewForm>, FormRejection>,
) -> Result<Response, AppError> {
    let form = form.map(|Form(f)| f).unwrap_or_default();
    let lang = ctx.lang;
    let creation = match form.creation() {
        Ok(creation) => creation,
        Err(bad) => {
            let message = AppError::BadInput(bad).message(lang);
            return refused(ctx, form, message);
        }
    };
    match create(&state, &auth, creation, lang).await {
        Ok(Ok(view)) => super::redirect(&format!("/transfers/{}", view.id)),
        Ok(Err(message)) => refused(ctx, form, message),
        Err(err @ AppError::NotFound { .. }) => {
            let message = err.message(lang);
            refused(ctx, form, message)
        }
        Err(other) => Err(other),
    }
}

fn refused(ctx: PageCtx, form: NewForm, message: String) -> Result<Response, AppError> {
    let page = page(ctx, form, Some(message));
    Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
}
