//! An export or a problem report as a download: the bytes with their name and media type.
//! What the file holds is the use case's work (`dangvu_app::App::export_download`).

use axum::http::HeaderValue;
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use dangvu_app::ExportFile;

/// A file to send, with its name.
#[derive(Debug)]
pub(crate) struct Download {
    /// The name the browser saves it under.
    pub file_name: String,
    /// Its media type.
    pub content_type: &'static str,
    /// Its bytes.
    pub bytes: Vec<u8>,
}

impl From<ExportFile> for Download {
    fn from(file: ExportFile) -> Self {
        Self {
            file_name: file.file_name,
            content_type: file.content_type,
            bytes: file.bytes,
        }
    }
}

impl IntoResponse for Download {
    fn into_response(self) -> Response {
        let disposition =
            HeaderValue::from_str(&format!("attachment; filename=\"{}\"", self.file_name))
                .unwrap_or_else(|_| HeaderValue::from_static("attachment"));
        (
            [
                (CONTENT_TYPE, HeaderValue::from_static(self.content_type)),
                (CONTENT_DISPOSITION, disposition),
            ],
            self.bytes,
        )
            .into_response()
    }
}
