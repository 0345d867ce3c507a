//! Signing in and out: `GET/POST /login`, `POST /logout`.
//!
//! The form carries the browser's anti-forgery token (checked by [`crate::accounts::auth::csrf`]
//! before this code runs). A failure says the same thing for an unknown username, a wrong
//! password and a disabled account, so names cannot be probed; too many failures answer
//! 429 with the time to wait. A success starts a session in storage and sets its cookie,
//! ending the browser's previous session if it had one, then returns to the page that
//! asked for the sign-in (a local address only).

use crate::accounts::auth::cookies::{self, SESSION_COOKIE};
use crate::accounts::auth::{Authenticated, Credential, MaybeAuthenticated, client_address};
use crate::error::AppError;
use crate::state::AppState;
use crate::ui::i18n::Lang;
use crate::ui::layout::{Chrome, PageCtx, is_local_path, render};
use askama::Template;
use axum::Form;
use axum::extract::rejection::{FormRejection, QueryRejection};
use axum::extract::{Query, State};
use axum::http::header::{LOCATION, RETRY_AFTER, SET_COOKIE};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use dangvu_app::AuthError;
use serde::Deserialize;

/// The sign-in page.
#[derive(Template)]
#[template(path = "login.html")]
pub(crate) struct LoginPage {
    pub lang: Lang,
    pub here: String,
    pub chrome: Chrome,
    /// Where to go after signing in.
    pub next: String,
    /// The username as typed, kept after a failure.
    pub username: String,
    /// Why the last attempt failed.
    pub error: Option<String>,
    /// Whether the next failure makes this address wait (the page warns).
    pub last_attempt: bool,
}

/// The query of the sign-in page.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct NextQuery {
    next: Option<String>,
}

/// The sign-in form.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct LoginForm {
    #[serde(default)]
    username: String,
    #[serde(default)]
    password: String,
    next: Option<String>,
}

/// Where to go after signing in: `next` if it stays on this site, else the home page.
fn target(next: Option<&str>) -> String {
    next.filter(|n| is_local_path(n) && !n.starts_with("/login"))
        .unwrap_or("/")
        .to_string()
}

/// A 303 to `target`, with `cookie` set if given.
fn see_other(target: &str, cookie: Option<HeaderValue>) -> Response {
    let mut response = StatusCode::SEE_OTHER.into_response();
    if let Ok(location) = HeaderValue::from_str(target) {
        response.headers_mut().insert(LOCATION, location);
    }
    if let Some(cookie) = cookie {
        response.headers_mut().insert(SET_COOKIE, cookie);
    }
    response
}

/// `GET /login?next=`: the form, or straight on for a browser already signed in.
pub(crate) async fn show_login(
    ctx: PageCtx,
    MaybeAuthenticated(signed_in): MaybeAuthenticated,
    query: Result<Query<NextQuery>, QueryRejection>,
) -> Result<Response, AppError> {
    let query = query.map(|Query(q)| q).unwrap_or_default();
    let next = target(query.next.as_deref());
    if signed_in.is_some() {
        return Ok(see_other(&next, None));
    }
    let page = LoginPage {
        lang: ctx.lang,
        here: ctx.here,
        chrome: ctx.chrome,
        next,
        username: String::new(),
        error: None,
        last_attempt: false,
    };
    Ok(render(&page)?.into_response())
}

/// `POST /login`.
#[tracing::instrument(skip_all)]
pub(crate) async fn submit_login(
    ctx: PageCtx,
    State(state): State<AppState>,
    parts: Parts,
    form: Result<Form<LoginForm>, FormRejection>,
) -> Result<Response, AppError> {
    let form = form.map(|Form(f)| f).unwrap_or_default();
    let next = target(form.next.as_deref());
    // `last_attempt`: the next failure makes this address wait, so the page warns.
    let failed = |status: StatusCode, error: String, last_attempt: bool, ctx: PageCtx| {
        let page = LoginPage {
            lang: ctx.lang,
            here: ctx.here,
            chrome: ctx.chrome,
            next: next.clone(),
            username: form.username.trim().chars().take(64).collect(),
            error: Some(error),
            last_attempt,
        };
        Ok::<_, AppError>((status, render(&page)?).into_response())
    };
    if form.username.trim().is_empty() || form.password.is_empty() {
        let message = ctx.lang.t("login.empty").into_owned();
        return failed(StatusCode::UNPROCESSABLE_ENTITY, message, false, ctx);
    }
    let source = client_address(&parts.extensions);
    let (now, today) = (state.now(), state.today());
    let previous = cookies::read(&parts.headers, SESSION_COOKIE).map(str::to_string);
    let (username, password) = (form.username.clone(), form.password.clone());
    let outcome = state
        .blocking(move |app| {
            app.sign_in(
                &username,
                &password,
                &source,
                now,
                today,
                previous.as_deref(),
            )
        })
        .await?;
    match outcome {
        Ok((_, token)) => {
            let secure = cookies::secure(&state, &parts.headers);
            Ok(see_other(
                &next,
                cookies::set(SESSION_COOKIE, token.expose(), secure),
            ))
        }
        Err(AuthError::BadCredentials { attempts_left }) => {
            let message = ctx.lang.t("login.failed").into_owned();
            failed(StatusCode::UNAUTHORIZED, message, attempts_left == 1, ctx)
        }
        Err(AuthError::Throttled { seconds }) => {
            let message = throttled_message(ctx.lang, seconds);
            let mut response = failed(StatusCode::TOO_MANY_REQUESTS, message, false, ctx)?;
            response
                .headers_mut()
                .insert(RETRY_AFTER, HeaderValue::from(seconds));
            Ok(response)
        }
        Err(AuthError::MemberLeft { since }) => {
            let message = member_left_message(ctx.lang, since);
            failed(StatusCode::FORBIDDEN, message, false, ctx)
        }
        Err(AuthError::Store(error)) => Err(error.into()),
    }
}

/// Why the account of a member who left the Party no longer signs in, and since when.
pub(crate) fn member_left_message(lang: Lang, since: dangvu_domain::Date) -> String {
    lang.fill(
        "account_closed.member_left",
        &[("date", &lang.date(&since))],
    )
}

/// "Try again in N minutes": the wait of a refused attempt, in whole minutes (at least one).
pub(crate) fn throttled_message(lang: Lang, seconds: u64) -> String {
    let minutes = seconds.div_ceil(60).max(1).to_string();
    lang.fill("login.throttled", &[("minutes", &minutes)])
}

/// `POST /logout`: ends the session in storage and removes the cookie.
#[tracing::instrument(skip_all)]
pub(crate) async fn logout(
    State(state): State<AppState>,
    auth: Authenticated,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    if let (Credential::Session, Some(token)) =
        (&auth.credential, cookies::read(&headers, SESSION_COOKIE))
    {
        let token = token.to_string();
        let (source, now) = (auth.source.clone(), auth.now);
        state
            .run(move |app| app.sign_out(&token, &source, now))
            .await?;
    }
    let secure = cookies::secure(&state, &headers);
    Ok(see_other("/login", cookies::clear(SESSION_COOKIE, secure)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_addresses_are_followed_after_signing_in() {
        assert_eq!(
            target(Some("/orgs/VX?as_of=2020-07-31")),
            "/orgs/VX?as_of=2020-07-31"
        );
        assert_eq!(target(Some("//evil.example")), "/");
        assert_eq!(target(Some("https://evil.example")), "/");
        assert_eq!(target(Some("/login?next=/")), "/");
        assert_eq!(target(None), "/");
    }

    #[test]
    fn the_throttle_message_says_when_to_retry() {
        assert!(throttled_message(Lang::Vi, 900).contains("15 phút"));
        assert!(throttled_message(Lang::En, 30).contains("in 1 min"));
        assert!(
            throttled_message(Lang::Vi, 61).contains("2 phút"),
            "rounded up"
        );
    }
}
