//! The signed-in account of a request, from its session cookie or bearer token.
//!
//! Resolved once per request: the route guard ([`crate::routes`]) stores the result in the
//! request's extensions, and the extractors below reuse it. An `Authorization` header, when
//! present, is the only credential looked at (an invalid token is a 401 even if a session
//! cookie is also sent), so that a script never acts with a browser's session by accident.

use super::cookies::{self, SESSION_COOKIE};
use super::csrf::CsrfChecked;
use crate::error::AppError;
use crate::state::AppState;
use axum::extract::{FromRequestParts, OptionalFromRequestParts};
use axum::http::header::{AUTHORIZATION, LOCATION};
use axum::http::request::Parts;
use axum::http::{HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::NaiveDateTime;
use dangvu_app::{Caller, Scope};
use dangvu_domain::actor::Actor;
use dangvu_domain::roles::Role;
use std::convert::Infallible;

/// How the request proved who it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Credential {
    /// A browser session cookie (its forms carry the session's anti-forgery token).
    Session,
    /// An API bearer token.
    Token,
}

/// A signed-in account: who, reaching what today, from where, at what instant.
#[derive(Debug, Clone)]
pub(crate) struct Authenticated {
    /// The account.
    pub actor: Actor,
    /// What it may reach today: pass it to every storage call.
    pub scope: Scope,
    /// The client's address, for the audit log.
    pub source: String,
    /// The instant of the request (UTC).
    pub now: NaiveDateTime,
    /// Session or token.
    pub credential: Credential,
}

impl Authenticated {
    /// Who is asking, for the use cases: the role, the scope and the audit identity.
    pub(crate) fn caller(&self) -> Caller {
        Caller::signed_in(&self.actor, &self.source, self.now, self.scope.today())
    }

    /// The account's role.
    pub(crate) fn role(&self) -> Role {
        self.actor.role()
    }
}

/// What the header shows of the signed-in account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct UserBadge {
    /// Login name.
    pub username: String,
    /// Role.
    pub role: Role,
    /// The member the person is, if recorded.
    pub member: Option<String>,
}

impl UserBadge {
    /// The badge of `auth`.
    pub(crate) fn of(auth: &Authenticated) -> Self {
        Self {
            username: auth.actor.username().to_string(),
            role: auth.role(),
            member: auth.actor.member().map(ToString::to_string),
        }
    }
}

/// The account of the request, if any credential is valid: cached in the extensions.
pub(crate) async fn resolve(
    parts: &mut Parts,
    state: &AppState,
) -> Result<Option<Authenticated>, AppError> {
    if let Some(found) = parts.extensions.get::<Authenticated>() {
        return Ok(Some(found.clone()));
    }
    let now = state.now();
    let (credential, secret) = match parts.headers.get(AUTHORIZATION) {
        Some(header) => match bearer(header) {
            Some(secret) => (Credential::Token, secret),
            None => return Ok(None),
        },
        None => match cookies::read(&parts.headers, SESSION_COOKIE) {
            Some(token) => (Credential::Session, token.to_string()),
            None => return Ok(None),
        },
    };
    let by_token = credential == Credential::Token;
    let today = state.today();
    let actor = state
        .blocking(move |app| {
            if by_token {
                app.token_actor(&secret, now, today)
            } else {
                app.session_actor(&secret, now, today)
            }
        })
        .await??;
    let Some(actor) = actor else {
        return Ok(None);
    };
    let found = Authenticated {
        scope: Scope::for_actor(&actor, state.today()),
        actor,
        source: super::client_address(&parts.extensions),
        now,
        credential,
    };
    parts.extensions.insert(found.clone());
    Ok(Some(found))
}

/// The secret of `Authorization: Bearer <secret>`.
fn bearer(header: &HeaderValue) -> Option<String> {
    let text = header.to_str().ok()?;
    let (scheme, secret) = text.trim().split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| secret.trim().to_string())
}

/// The answer to a request that needs an account and has none: the sign-in page for a
/// page (coming back here afterwards), a JSON 401 for the API.
pub(crate) fn sign_in_first(parts: &Parts) -> Response {
    let path = parts.uri.path();
    if super::is_api_path(path) || parts.method != Method::GET {
        return super::reject(path, AppError::Unauthorized);
    }
    let here = parts
        .uri
        .path_and_query()
        .map_or(path, |pq| pq.as_str())
        .to_string();
    let target = format!("/login?next={}", crate::ui::href::encode(&here));
    let mut response = StatusCode::SEE_OTHER.into_response();
    if let Ok(location) = HeaderValue::from_str(&target) {
        response.headers_mut().insert(LOCATION, location);
    }
    response
}

impl FromRequestParts<AppState> for Authenticated {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let path = parts.uri.path().to_string();
        let found = resolve(parts, state)
            .await
            .map_err(|e| super::reject(&path, e))?;
        let Some(auth) = found else {
            return Err(sign_in_first(parts));
        };
        let unsafe_method = !matches!(parts.method, Method::GET | Method::HEAD | Method::OPTIONS);
        let by_session = matches!(auth.credential, Credential::Session);
        if unsafe_method && by_session && parts.extensions.get::<CsrfChecked>().is_none() {
            return Err(super::reject(&path, AppError::Csrf));
        }
        Ok(auth)
    }
}

/// The signed-in account, if there is one; never rejects.
#[derive(Debug, Clone)]
pub(crate) struct MaybeAuthenticated(pub Option<Authenticated>);

impl FromRequestParts<AppState> for MaybeAuthenticated {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Infallible> {
        let found =
            <Authenticated as OptionalFromRequestParts<AppState>>::from_request_parts(parts, state)
                .await?;
        Ok(Self(found))
    }
}

impl OptionalFromRequestParts<AppState> for Authenticated {
    type Rejection = Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Option<Self>, Infallible> {
        match resolve(parts, state).await {
            Ok(found) => Ok(found),
            Err(error) => {
                error.log();
                Ok(None)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_bearer_credentials_are_read() {
        let secret = |text: &'static str| bearer(&HeaderValue::from_static(text));
        assert_eq!(secret("Bearer dvt_abc"), Some("dvt_abc".into()));
        assert_eq!(secret("bearer  dvt_abc "), Some("dvt_abc".into()));
        assert_eq!(secret("Basic YWxhZGRpbjpvcGVu"), None);
        assert_eq!(secret("dvt_abc"), None);
    }
}
