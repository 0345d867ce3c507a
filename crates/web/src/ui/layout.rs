//! What every page shares: the reader's language and address, rendering, the translated
//! error pages and the language switch.
//!
//! The language comes from `?lang=` (a one-off override, handy for links), else from the
//! `lang` cookie set by the footer's POST form, else Vietnamese. Changing it is a POST
//! followed by a redirect back, so no GET request changes state and no script is needed.
//! The header shows the signed-in account ([`Chrome`]); every form carries the request's
//! anti-forgery token.

use crate::accounts::auth::csrf::CsrfToken;
use crate::accounts::auth::{Authenticated, UserBadge};
use crate::error::{AppError, BadInput, PageFailure};
use crate::ui::i18n::Lang;
use askama::Template;
use axum::Form;
use axum::extract::rejection::FormRejection;
use axum::extract::{FromRequestParts, Request};
use axum::http::header::{LOCATION, SET_COOKIE};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use serde::Deserialize;
use std::convert::Infallible;

/// How long the language choice is remembered (one year, in seconds).
const LANG_COOKIE_MAX_AGE: u32 = 365 * 24 * 60 * 60;

/// The reader's language and the address of the page, for the layout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PageCtx {
    /// The language to render in.
    pub lang: Lang,
    /// Path and query of this page without `lang`, where the language switch returns.
    pub here: String,
    /// The signed-in account and the forms' token.
    pub chrome: Chrome,
}

/// What the layout shows around every page: the signed-in account (if any) and the
/// anti-forgery token of its forms (logout, language).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Chrome {
    /// The anti-forgery token.
    pub csrf: String,
    /// The signed-in account.
    pub user: Option<UserBadge>,
}

impl Chrome {
    /// Whether to show the links to the records (every role but a member account).
    pub(crate) fn reads_records(&self) -> bool {
        self.user
            .as_ref()
            .is_some_and(|u| u.role.can_read_records())
    }

    /// Whether to show the forms that record changes (organization staff, secretaries).
    pub(crate) fn writes_records(&self) -> bool {
        self.user
            .as_ref()
            .is_some_and(|u| u.role.can_write_records())
    }

    /// Whether to show the link to the import page (every role that may import).
    pub(crate) fn imports(&self) -> bool {
        self.user
            .as_ref()
            .is_some_and(|u| u.role.can_import_records())
    }

    /// Whether to show the link to the working-day calendar (administrators, who keep it;
    /// the page itself is open to every signed-in account).
    pub(crate) fn manages_calendar(&self) -> bool {
        self.user
            .as_ref()
            .is_some_and(|u| u.role.can(dangvu_domain::roles::Capability::ManageCalendar))
    }

    /// Whether the home page counts the late steps of the scope: the roles that do the
    /// work (staff, secretaries, administrators), not read-only readers.
    pub(crate) fn counts_due(&self) -> bool {
        self.user
            .as_ref()
            .is_some_and(|u| u.role.can(dangvu_domain::roles::Capability::WriteRecords))
    }

    /// Whether to show the link to the audit log.
    pub(crate) fn views_audit(&self) -> bool {
        self.user.as_ref().is_some_and(|u| u.role.can_view_audit())
    }

    /// The address of the signed-in member's own record, for a member account.
    pub(crate) fn own_record(&self) -> Option<String> {
        let user = self.user.as_ref()?;
        let member = user.member.as_ref()?;
        user.role
            .reaches_own_record_only()
            .then(|| format!("/members/{}", crate::ui::href::encode(member)))
    }
}

impl PageCtx {
    /// Reads the language and address from a request.
    pub(crate) fn read(uri: &Uri, headers: &HeaderMap) -> Self {
        let query = uri.query().unwrap_or_default();
        let from_query = query_pairs(query)
            .filter(|(key, _)| *key == "lang")
            .find_map(|(_, value)| Lang::parse(value));
        let lang = from_query
            .or_else(|| cookie(headers, "lang").and_then(Lang::parse))
            .unwrap_or_default();
        let kept: Vec<&str> = query
            .split('&')
            .filter(|pair| !pair.is_empty() && pair.split('=').next() != Some("lang"))
            .collect();
        let here = if kept.is_empty() {
            uri.path().to_string()
        } else {
            format!("{}?{}", uri.path(), kept.join("&"))
        };
        Self {
            lang,
            here,
            chrome: Chrome::default(),
        }
    }
}

impl<S: Send + Sync> FromRequestParts<S> for PageCtx {
    type Rejection = Infallible;

    /// The account comes from the route's guard, which has already resolved it.
    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Infallible> {
        let mut ctx = Self::read(&parts.uri, &parts.headers);
        ctx.chrome = Chrome {
            csrf: token_of(&parts.extensions),
            user: parts.extensions.get::<Authenticated>().map(UserBadge::of),
        };
        Ok(ctx)
    }
}

fn token_of(extensions: &axum::http::Extensions) -> String {
    extensions
        .get::<CsrfToken>()
        .map(|token| token.0.clone())
        .unwrap_or_default()
}

fn query_pairs(query: &str) -> impl Iterator<Item = (&str, &str)> {
    query
        .split('&')
        .map(|pair| pair.split_once('=').unwrap_or((pair, "")))
}

fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    crate::accounts::auth::cookies::read(headers, name)
}

/// Renders a page template; a template failure is an internal error.
pub(crate) fn render(page: &impl Template) -> Result<Html<String>, AppError> {
    page.render()
        .map(Html)
        .map_err(|err| AppError::Internal(format!("template: {err}")))
}

/// The page shown for a failed request.
#[derive(Template)]
#[template(path = "error_page.html")]
struct ErrorPage {
    lang: Lang,
    here: String,
    chrome: Chrome,
    title: String,
    message: String,
}

/// Middleware: renders the [`AppError`] a handler returned as a page in the reader's
/// language (handlers do not know the language when they fail).
pub(crate) async fn render_error_pages(request: Request, next: Next) -> Response {
    let ctx = PageCtx::read(request.uri(), request.headers());
    let mut response = next.run(request).await;
    let Some(PageFailure(error)) = response.extensions_mut().remove::<PageFailure>() else {
        return response;
    };
    let status = error.status();
    let title_key = match status {
        StatusCode::NOT_FOUND => "error.title_not_found",
        StatusCode::BAD_REQUEST => "error.title_bad_request",
        StatusCode::UNAUTHORIZED => "error.title_unauthorized",
        StatusCode::FORBIDDEN => "error.title_forbidden",
        StatusCode::SERVICE_UNAVAILABLE => "error.title_busy",
        _ => "error.title_internal",
    };
    let chrome = Chrome {
        csrf: token_of(response.extensions()),
        user: response.extensions().get::<UserBadge>().cloned(),
    };
    let page = ErrorPage {
        lang: ctx.lang,
        here: ctx.here,
        chrome,
        title: ctx.lang.t(title_key).into_owned(),
        message: error.message(ctx.lang),
    };
    let mut response = match render(&page) {
        Ok(html) => (status, html).into_response(),
        Err(_) => (status, page.message).into_response(),
    };
    crate::error::with_retry_after(&mut response);
    response
}

/// The language switch form.
#[derive(Debug, Deserialize)]
pub(crate) struct LangForm {
    lang: String,
    next: Option<String>,
}

/// `POST /lang`: remembers the language in a cookie and goes back to the page.
pub(crate) async fn switch_lang(form: Result<Form<LangForm>, FormRejection>) -> Response {
    let form = match form {
        Ok(Form(form)) => form,
        Err(rejection) => {
            return AppError::from(BadInput::Malformed(rejection.body_text())).into_response();
        }
    };
    let Some(lang) = Lang::parse(&form.lang) else {
        return AppError::from(BadInput::Malformed(format!(
            "unknown language {:?}",
            form.lang
        )))
        .into_response();
    };
    let target = form
        .next
        .as_deref()
        .filter(|next| is_local_path(next))
        .unwrap_or("/");
    let location = HeaderValue::from_str(target).unwrap_or(HeaderValue::from_static("/"));
    let cookie = format!(
        "lang={}; Path=/; Max-Age={LANG_COOKIE_MAX_AGE}; SameSite=Lax; HttpOnly",
        lang.code()
    );
    let mut response = StatusCode::SEE_OTHER.into_response();
    response.headers_mut().insert(LOCATION, location);
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().insert(SET_COOKIE, value);
    }
    response
}

/// Whether a return address stays on this site (no `//host` or `/\host`, no scheme).
pub(crate) fn is_local_path(next: &str) -> bool {
    next.starts_with('/')
        && !next.starts_with("//")
        && !next.starts_with("/\\")
        && !next.chars().any(char::is_control)
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::header::COOKIE;

    fn ctx(uri: &str, cookie: Option<&str>) -> PageCtx {
        let mut headers = HeaderMap::new();
        if let Some(c) = cookie {
            headers.insert(COOKIE, HeaderValue::from_str(c).unwrap());
        }
        PageCtx::read(&uri.parse().unwrap(), &headers)
    }

    #[test]
    fn vietnamese_is_the_default() {
        assert_eq!(ctx("/", None).lang, Lang::Vi);
    }

    #[test]
    fn the_cookie_chooses_and_the_query_overrides() {
        assert_eq!(ctx("/", Some("theme=x; lang=en")).lang, Lang::En);
        assert_eq!(ctx("/?lang=vi", Some("lang=en")).lang, Lang::Vi);
        assert_eq!(ctx("/?lang=en", None).lang, Lang::En);
        assert_eq!(ctx("/?lang=xx", Some("lang=en")).lang, Lang::En);
    }

    #[test]
    fn the_return_address_drops_the_language_override() {
        assert_eq!(
            ctx("/orgs/VX?lang=en&as_of=2020-07-31", None).here,
            "/orgs/VX?as_of=2020-07-31"
        );
        assert_eq!(ctx("/?lang=en", None).here, "/");
    }

    #[test]
    fn only_local_return_addresses_are_followed() {
        assert!(is_local_path("/orgs/VX?as_of=2020-07-31"));
        for bad in [
            "//evil.example",
            "/\\evil.example",
            "https://evil.example",
            "x",
            "/a\r\nb",
        ] {
            assert!(!is_local_path(bad), "{bad}");
        }
    }
}
