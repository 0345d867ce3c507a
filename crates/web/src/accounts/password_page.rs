//! `GET/POST /account/password`: changing one's own password.
//!
//! The current password is checked by storage (a wrong one counts as a failed sign-in, so
//! a stolen session cannot guess it at leisure). A change ends every session of the account
//! — another browser signed in with the old password is signed out — and this browser gets
//! a fresh session, so the person who changed it stays signed in.

use crate::accounts::auth::cookies::{self, SESSION_COOKIE};
use crate::accounts::auth::{Authenticated, Credential};
use crate::error::AppError;
use crate::state::AppState;
use crate::ui::i18n::Lang;
use crate::ui::layout::{Chrome, PageCtx, render};
use askama::Template;
use axum::Form;
use axum::extract::rejection::{FormRejection, QueryRejection};
use axum::extract::{Query, State};
use axum::http::header::{LOCATION, RETRY_AFTER, SET_COOKIE};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use dangvu_app::AuthError;
use dangvu_domain::actor::{
    Actor, MIN_ADMIN_PASSWORD_CHARS, MIN_PASSWORD_CHARS, NewPassword, PasswordProblem,
};
use dangvu_domain::roles::Role;
use serde::Deserialize;

/// Where a successful change lands: the form again, with its confirmation.
const DONE: &str = "/account/password?changed=1";

/// The password form.
#[derive(Template)]
#[template(path = "account_password.html")]
pub(crate) struct PasswordPage {
    pub lang: Lang,
    pub here: String,
    pub chrome: Chrome,
    /// The account, as the header shows it.
    pub username: String,
    /// Why the last attempt failed.
    pub error: Option<String>,
    /// Whether the password was just changed.
    pub changed: bool,
    /// Fewest characters of this account's password (more for an administrator).
    pub min_chars: usize,
}

impl PasswordPage {
    fn rules(&self) -> String {
        self.lang
            .fill("account.rules", &[("min", &self.min_chars.to_string())])
    }
}

/// The form as sent.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct PasswordForm {
    #[serde(default)]
    current: String,
    #[serde(default)]
    new: String,
    #[serde(default)]
    confirm: String,
}

fn page(ctx: PageCtx, auth: &Authenticated, error: Option<String>, changed: bool) -> PasswordPage {
    PasswordPage {
        lang: ctx.lang,
        here: ctx.here,
        chrome: ctx.chrome,
        username: auth.actor.username().to_string(),
        error,
        changed,
        min_chars: match auth.actor.role() {
            Role::QuanTri => MIN_ADMIN_PASSWORD_CHARS,
            _ => MIN_PASSWORD_CHARS,
        },
    }
}

/// `GET /account/password`.
pub(crate) async fn show_password_form(
    ctx: PageCtx,
    auth: Authenticated,
    query: Result<Query<ChangedQuery>, QueryRejection>,
) -> Result<Response, AppError> {
    let changed = query.is_ok_and(|Query(q)| q.changed.is_some());
    Ok(render(&page(ctx, &auth, None, changed))?.into_response())
}

/// The query of the form: `changed` after a successful change.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct ChangedQuery {
    changed: Option<String>,
}

/// Why a new password cannot be used by `actor`, in `lang`.
fn refuse_new(lang: Lang, actor: &Actor, form: &PasswordForm) -> Result<NewPassword, String> {
    if form.new != form.confirm {
        return Err(lang.t("account.mismatch").into_owned());
    }
    NewPassword::parse_for(&form.new, actor.username(), actor.role()).map_err(|problem| {
        match problem {
            PasswordProblem::TooShort(min) => {
                lang.fill("account.too_short", &[("min", &min.to_string())])
            }
            PasswordProblem::TooLong(max) => {
                lang.fill("account.too_long", &[("max", &max.to_string())])
            }
            PasswordProblem::Common => lang.t("account.common").into_owned(),
            PasswordProblem::Trivial => lang.t("account.trivial").into_owned(),
            PasswordProblem::HasUsername => lang.t("account.has_username").into_owned(),
        }
    })
}

/// `POST /account/password`.
#[tracing::instrument(skip_all, fields(username = %auth.actor.username()))]
pub(crate) async fn change_password(
    ctx: PageCtx,
    State(state): State<AppState>,
    auth: Authenticated,
    headers: HeaderMap,
    form: Result<Form<PasswordForm>, FormRejection>,
) -> Result<Response, AppError> {
    let form = form.map(|Form(f)| f).unwrap_or_default();
    let new = match refuse_new(ctx.lang, &auth.actor, &form) {
        Ok(new) => new,
        Err(message) => return refused(ctx, &auth, StatusCode::UNPROCESSABLE_ENTITY, message),
    };
    let (actor, source, now) = (auth.actor.clone(), auth.source.clone(), auth.now);
    let by_session = matches!(auth.credential, Credential::Session);
    let outcome = state
        .blocking(move |app| {
            app.change_own_password(&actor, &form.current, &new, &source, now, by_session)
        })
        .await?;
    match outcome {
        Ok(session) => {
            let mut response = StatusCode::SEE_OTHER.into_response();
            response
                .headers_mut()
                .insert(LOCATION, HeaderValue::from_static(DONE));
            let secure = cookies::secure(&state, &headers);
            if let Some(cookie) =
                session.and_then(|t| cookies::set(SESSION_COOKIE, t.expose(), secure))
            {
                response.headers_mut().insert(SET_COOKIE, cookie);
            }
            Ok(response)
        }
        Err(AuthError::BadCredentials { .. }) => {
            let message = ctx.lang.t("account.wrong_current").into_owned();
            refused(ctx, &auth, StatusCode::UNPROCESSABLE_ENTITY, message)
        }
        Err(AuthError::Throttled { seconds }) => {
            let message = crate::accounts::login::throttled_message(ctx.lang, seconds);
            let mut response = refused(ctx, &auth, StatusCode::TOO_MANY_REQUESTS, message)?;
            response
                .headers_mut()
                .insert(RETRY_AFTER, HeaderValue::from(seconds));
            Ok(response)
        }
        Err(AuthError::MemberLeft { since }) => {
            let message = crate::accounts::login::member_left_message(ctx.lang, since);
            refused(ctx, &auth, StatusCode::FORBIDDEN, message)
        }
        Err(AuthError::Store(error)) => Err(error.into()),
    }
}

fn refused(
    ctx: PageCtx,
    auth: &Authenticated,
    status: StatusCode,
    message: String,
) -> Result<Response, AppError> {
    Ok((status, render(&page(ctx, auth, Some(message), false))?).into_response())
}
