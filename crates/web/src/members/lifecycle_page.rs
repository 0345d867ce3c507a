//! `/members/{code}/lifecycle`: where organization staff and cell secretaries record what
//! happens to a member after admission — an exit (struck off, resigned, deceased), a Party
//! badge awarded, an exemption from activities decided by the cell, and its review.
//!
//! `GET` shows the member's party age card and the forms (the exemption form becomes the
//! review form while an exemption is open); `POST` records one change through its use case
//! and answers 303 back to the page with a confirmation. A form that cannot be read, or a
//! change the records refuse (a day out of order, a badge already awarded), answers 422
//! with the page, the form as sent and the message beside it; nothing is written.

use super::life_card::LifeCard;
use super::lifecycle_form::{self as forms, FormKind, LifecycleForm};
use crate::accounts::auth::Authenticated;
use crate::error::{AppError, in_language};
use crate::state::AppState;
use crate::ui::i18n::Lang;
use crate::ui::layout::{Chrome, PageCtx, render};
use crate::ui::params;
use askama::Template;
use axum::Form;
use axum::extract::rejection::{FormRejection, PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::header::LOCATION;
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use dangvu_app::StoreError;
use dangvu_app::records::MemberDetail;
use dangvu_domain::MemberCode;
use dangvu_domain::enums::Enumeration;
use dangvu_domain::lifecycle::{EarlyReason, ExemptionReason, MILESTONES};
use serde::Deserialize;

/// The lifecycle page.
#[derive(Template)]
#[template(path = "members_lifecycle.html")]
pub(crate) struct LifecyclePage {
    pub lang: Lang,
    pub here: String,
    pub chrome: Chrome,
    pub member: MemberDetail,
    pub card: LifeCard,
    /// The form as sent (shown again after a refusal).
    pub form: LifecycleForm,
    /// Why the change was refused, shown beside the form that was sent.
    pub error: Option<String>,
    /// The change just recorded, to confirm.
    pub saved: Option<FormKind>,
}

impl LifecyclePage {
    fn error_for(&self, kind: &FormKind) -> Option<&str> {
        (self.form.kind() == Some(*kind))
            .then_some(self.error.as_deref())
            .flatten()
    }

    fn value(&self, kind: &FormKind, field: &str) -> String {
        self.form.value_for(*kind, field).to_string()
    }

    fn chosen(&self, kind: &FormKind, field: &str, code: &str) -> bool {
        self.form.value_for(*kind, field) == code
    }

    fn saved_text(&self) -> Option<String> {
        let kind = self.saved?;
        Some(
            self.lang
                .t_dynamic(&format!("lifecycle.saved_{}", kind.code())),
        )
    }

    fn exit_choices(&self) -> Vec<(&'static str, String)> {
        choices(forms::exit_kinds(), self.lang)
    }

    fn case_choices(&self) -> Vec<(&'static str, String)> {
        choices(forms::strike_off_cases(), self.lang)
    }

    fn early_choices(&self) -> Vec<(&'static str, String)> {
        choices(EarlyReason::ALL, self.lang)
    }

    fn reason_choices(&self) -> Vec<(&'static str, String)> {
        choices(ExemptionReason::ALL, self.lang)
    }

    fn milestones(&self) -> Vec<String> {
        MILESTONES.iter().map(u32::to_string).collect()
    }

    fn kinds(&self) -> [FormKind; 5] {
        FormKind::ALL
    }
}

/// Codes and labels of an enumeration, for a `<select>`.
fn choices<E: Enumeration>(all: &[E], lang: Lang) -> Vec<(&'static str, String)> {
    all.iter()
        .map(|e| (e.code(), lang.label(e).into_owned()))
        .collect()
}

/// The page's query: which change was just recorded.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct SavedQuery {
    saved: Option<String>,
}

/// The page for member `code` with the forms' state.
async fn page(
    ctx: PageCtx,
    state: &AppState,
    auth: &Authenticated,
    code: MemberCode,
    form: LifecycleForm,
    error: Option<String>,
) -> Result<LifecyclePage, AppError> {
    let caller = auth.caller();
    let today = state.today();
    let (member, life) = state
        .run(move |app| app.member_with_lifecycle(&caller, &code, today))
        .await?;
    Ok(LifecyclePage {
        card: LifeCard {
            lang: ctx.lang,
            today,
            life,
        },
        lang: ctx.lang,
        here: ctx.here,
        chrome: ctx.chrome,
        member,
        form,
        error,
        saved: None,
    })
}

/// `GET /members/{code}/lifecycle`.
#[tracing::instrument(skip_all, fields(member))]
pub(crate) async fn show_lifecycle(
    ctx: PageCtx,
    State(state): State<AppState>,
    auth: Authenticated,
    path: Result<Path<String>, PathRejection>,
    query: Result<Query<SavedQuery>, QueryRejection>,
) -> Result<Response, AppError> {
    let code = params::member_code(&params::path(path)?)?;
    tracing::Span::current().record("member", code.as_str());
    let saved = params::query(query)?
        .saved
        .and_then(|s| FormKind::parse(&s));
    let mut page = page(ctx, &state, &auth, code, LifecycleForm::default(), None).await?;
    page.saved = saved;
    Ok(render(&page)?.into_response())
}

/// `POST /members/{code}/lifecycle`.
#[tracing::instrument(skip_all, fields(member))]
pub(crate) async fn record_change(
    ctx: PageCtx,
    State(state): State<AppState>,
    auth: Authenticated,
    path: Result<Path<String>, PathRejection>,
    form: Result<Form<LifecycleForm>, FormRejection>,
) -> Result<Response, AppError> {
    let code = params::member_code(&params::path(path)?)?;
    tracing::Span::current().record("member", code.as_str());
    let form = form.map(|Form(f)| f).unwrap_or_default();
    let change = match form.parse(ctx.lang) {
        Ok(change) => change,
        Err(message) => return refused(ctx, &state, &auth, code, form, message).await,
    };
    let caller = auth.caller();
    let target = code.clone();
    let outcome = state
        .blocking(move |app| app.record_lifecycle_change(&caller, &target, &change))
        .await?;
    match outcome {
        Ok(()) => saved_redirect(&code, &form),
        Err(err) => {
            let message = refusal_message(err, ctx.lang)?;
            refused(ctx, &state, &auth, code, form, message).await
        }
    }
}

/// The message of a change the records refuse; anything else is the request's error.
fn refusal_message(err: dangvu_app::Error, lang: Lang) -> Result<String, AppError> {
    match err {
        dangvu_app::Error::Store(StoreError::Invalid(both)) => Ok(in_language(&both, lang)),
        dangvu_app::Error::Store(StoreError::Conflict { .. }) => {
            Ok(lang.t("lifecycle.already_recorded").into_owned())
        }
        other => Err(other.into()),
    }
}

/// 422 with the page, the form as sent and `message` beside it.
async fn refused(
    ctx: PageCtx,
    state: &AppState,
    auth: &Authenticated,
    code: MemberCode,
    form: LifecycleForm,
    message: String,
) -> Result<Response, AppError> {
    let page = page(ctx, state, auth, code, form, Some(message)).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
}

/// 303 back to the page with the change confirmed.
fn saved_redirect(code: &MemberCode, form: &LifecycleForm) -> Result<Response, AppError> {
    let action = form.kind().map_or("", FormKind::code);
    let target = format!("/members/{}/lifecycle?saved={action}", code.as_str());
    let location = HeaderValue::from_str(&target)
        .map_err(|e| AppError::Internal(format!("redirect address: {e}")))?;
    let mut response = StatusCode::SEE_OTHER.into_response();
    response.headers_mut().insert(LOCATION, location);
    Ok(response)
}
