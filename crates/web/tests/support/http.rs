//! Requests through the router and their answers, read whole.

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode};
use http_body_util::BodyExt;
use tower::ServiceExt;

/// A response, read whole.
pub struct Page {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl Page {
    pub fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .map(|v| v.to_str().unwrap())
            .unwrap_or("")
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }

    /// Whether the body contains `needle`.
    pub fn has(&self, needle: &str) -> bool {
        self.body.contains(needle)
    }

    /// The texts of the links whose address starts with `href_prefix`, in page order.
    pub fn link_texts(&self, href_prefix: &str) -> Vec<String> {
        let marker = format!("href=\"{href_prefix}");
        self.body
            .match_indices(&marker)
            .map(|(at, _)| {
                let rest = &self.body[at..];
                let start = rest.find('>').unwrap() + 1;
                let end = rest.find("</a>").unwrap();
                rest[start..end].to_string()
            })
            .collect()
    }

    /// The address of the first link whose text is `text`, HTML entities undone.
    pub fn href_of(&self, text: &str) -> Option<String> {
        let end = self.body.find(&format!(">{text}</a>"))?;
        let start = self.body[..end].rfind("href=\"")? + 6;
        let quote = self.body[start..].find('"')? + start;
        Some(
            self.body[start..quote]
                .replace("&amp;", "&")
                .replace("&#38;", "&"),
        )
    }
}

/// A count written the way a language groups thousands (`7.309`, `7,309`).
pub fn grouped(n: u64, separator: char) -> String {
    let reversed: Vec<char> = n.to_string().chars().rev().collect();
    let groups: Vec<String> = reversed
        .chunks(3)
        .map(|group| group.iter().rev().collect())
        .collect();
    let in_order: Vec<String> = groups.into_iter().rev().collect();
    in_order.join(&separator.to_string())
}

/// Sends one request through the router.
pub async fn send(app: Router, request: Request<Body>) -> Page {
    let response = app.oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    Page {
        status,
        headers,
        body: String::from_utf8(bytes.to_vec()).unwrap(),
    }
}

/// `GET uri`.
pub async fn get(app: Router, uri: &str) -> Page {
    send(app, Request::get(uri).body(Body::empty()).unwrap()).await
}

/// `GET uri` with a `Cookie` header.
pub async fn get_with_cookie(app: Router, uri: &str, cookie: &str) -> Page {
    let request = Request::get(uri)
        .header("cookie", cookie)
        .body(Body::empty())
        .unwrap();
    send(app, request).await
}

/// `POST uri` with a form body.
pub async fn post_form(app: Router, uri: &str, form: &str) -> Page {
    let request = Request::post(uri)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(Body::from(form.to_string()))
        .unwrap();
    send(app, request).await
}
