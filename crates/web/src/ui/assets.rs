//! The one stylesheet, compiled into the binary so that a deployment is a single file.
//!
//! Served with an `ETag` derived from its content (so a new build is picked up as soon as
//! the cached copy is revalidated) and a day of caching; there are no other static files,
//! and no script at all.

use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE, ETAG, IF_NONE_MATCH};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

/// The stylesheet.
const APP_CSS: &str = include_str!("../../static/app.css");

/// The stylesheet's entity tag bytes: `"` + the 64-bit FNV-1a hash of the file in hex + `"`.
const APP_CSS_ETAG_BYTES: [u8; 18] = {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let bytes = APP_CSS.as_bytes();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut i = 0;
    while i < bytes.len() {
        hash ^= bytes[i] as u64;
        hash = hash.wrapping_mul(0x0100_0000_01b3);
        i += 1;
    }
    let mut out = [b'"'; 18];
    let mut digit = 0;
    while digit < 16 {
        out[1 + digit] = HEX[((hash >> (60 - 4 * digit)) & 0xf) as usize];
        digit += 1;
    }
    out
};

/// The stylesheet's entity tag.
const APP_CSS_ETAG: &str = match std::str::from_utf8(&APP_CSS_ETAG_BYTES) {
    Ok(tag) => tag,
    Err(_) => "\"app-css\"",
};

/// `GET /static/app.css`.
pub(crate) async fn app_css(headers: HeaderMap) -> Response {
    let etag = HeaderValue::from_static(APP_CSS_ETAG);
    let cache = HeaderValue::from_static("public, max-age=86400");
    let fresh = headers
        .get_all(IF_NONE_MATCH)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .any(|tag| tag.trim() == APP_CSS_ETAG || tag.trim() == "*");
    if fresh {
        return (
            StatusCode::NOT_MODIFIED,
            [(ETAG, etag), (CACHE_CONTROL, cache)],
        )
            .into_response();
    }
    let css = HeaderValue::from_static("text/css; charset=utf-8");
    (
        [(CONTENT_TYPE, css), (ETAG, etag), (CACHE_CONTROL, cache)],
        APP_CSS,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_entity_tag_is_a_quoted_hash() {
        assert_eq!(APP_CSS_ETAG.len(), 18);
        assert!(APP_CSS_ETAG.starts_with('"') && APP_CSS_ETAG.ends_with('"'));
        assert!(APP_CSS_ETAG[1..17].chars().all(|c| c.is_ascii_hexdigit()));
    }

    #[tokio::test]
    async fn a_cached_copy_is_revalidated_without_a_body() {
        let mut headers = HeaderMap::new();
        headers.insert(IF_NONE_MATCH, HeaderValue::from_static(APP_CSS_ETAG));
        assert_eq!(app_css(headers).await.status(), StatusCode::NOT_MODIFIED);
        assert_eq!(app_css(HeaderMap::new()).await.status(), StatusCode::OK);
    }
}
