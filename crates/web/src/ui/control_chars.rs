//! Refuses control characters in every text a request carries: the query string and the
//! fields of a URL-encoded form, before any handler sees them.
//!
//! NUL and the other control characters are never part of a name, a code, a search or a
//! password; PostgreSQL rejects NUL in text with an error and SQLite would store it, so a
//! request holding one is answered here with a 400 that names the parameter, the same way
//! on both backends. Tab and line breaks are white space (a search collapses them) and
//! pass. Uploaded files are checked cell by cell by the import's own rules; codes in the
//! path by their parsers.

use crate::accounts::auth::csrf::{FORM_LIMIT, is_form};
use crate::accounts::auth::reject;
use crate::error::{AppError, BadInput};
use axum::body::{Body, Bytes};
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
use dangvu_domain::text::has_control;

/// Middleware: a 400 for a query parameter or form field holding a control character.
pub(crate) async fn refuse_control_characters(request: Request, next: Next) -> Response {
    let query = request.uri().query().map(str::as_bytes);
    if let Some(field) = query.and_then(field_with_control) {
        return reject(request.uri().path(), control_error(field));
    }
    if !is_form(request.headers()) {
        return next.run(request).await;
    }
    let (parts, body) = request.into_parts();
    let bytes: Bytes = match axum::body::to_bytes(body, FORM_LIMIT).await {
        Ok(bytes) => bytes,
        Err(e) => {
            let error = BadInput::Malformed(format!("form body: {e}"));
            return reject(parts.uri.path(), error.into());
        }
    };
    if let Some(field) = field_with_control(&bytes) {
        return reject(parts.uri.path(), control_error(field));
    }
    next.run(Request::from_parts(parts, Body::from(bytes)))
        .await
}

fn control_error(field: String) -> AppError {
    AppError::BadInput(BadInput::ControlCharacter { field })
}

/// The name of the first parameter of a query string or URL-encoded form whose name or
/// value, once decoded, holds a control character.
fn field_with_control(encoded: &[u8]) -> Option<String> {
    form_urlencoded::parse(encoded)
        .find(|(name, value)| has_control(name) || has_control(value))
        .map(|(name, _)| name.chars().filter(|c| !c.is_control()).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_nul_byte_anywhere_in_the_query_names_its_parameter() {
        assert_eq!(field_with_control(b"q=ban%00tien"), Some("q".into()));
        assert_eq!(field_with_control(b"org=VX&q=%1B%5B31m"), Some("q".into()));
        assert_eq!(field_with_control(b"a%00b=1"), Some("ab".into()));
        assert_eq!(field_with_control(b"q=%C2%85"), Some("q".into()), "C1 NEL");
    }

    #[test]
    fn ordinary_and_vietnamese_text_and_line_breaks_pass() {
        assert_eq!(field_with_control(b"q=Nguy%E1%BB%85n+V%C4%83n"), None);
        assert_eq!(field_with_control(b"q=a%0D%0Ab%09c&as_of=2020-07-31"), None);
        assert_eq!(field_with_control(b""), None);
    }
}
