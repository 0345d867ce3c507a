//! Export as a download: the records of an organization's subtree as one interchange file
//! — an `.xlsx` workbook, or a `.zip` of the CSV folder — named `<code>-<date>`.
//!
//! Storage writes the audit row `export` (an export reads every record). Citizen IDs are
//! masked here, before any byte is written, unless the reader's role needs them
//! ([`Role::sees_citizen_id`]); a masked file is for reading, and importing it back is
//! refused by the `so_cccd` rule rather than overwriting stored numbers.

use axum::http::HeaderValue;
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use dangvu_domain::dataset::Dataset;
use dangvu_domain::privacy::mask_citizen_id;
use dangvu_domain::roles::Role;
use dangvu_domain::{Date, OrgCode};
use dangvu_interchange::{WriteError, write_csv_folder, write_xlsx};
use dangvu_storage::{AuditContext, Scope, Store, StoreError};
use std::io::Write;
use std::path::Path;
use zip::write::SimpleFileOptions;

/// The form of an exported file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    /// One workbook, one sheet per table.
    Xlsx,
    /// A `.zip` of the folder of `<table>.csv` files.
    Csv,
}

impl Format {
    /// Reads `?format=` (default: the workbook); `None` for anything else.
    pub(crate) fn parse(raw: Option<&str>) -> Option<Self> {
        match raw.map(str::trim).unwrap_or_default() {
            "" | "xlsx" => Some(Format::Xlsx),
            "csv" | "zip" => Some(Format::Csv),
            _ => None,
        }
    }
}

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

/// The media type of a workbook.
pub(crate) const XLSX_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Exports `code`'s subtree as `format` for a reader with `role`, on `today`.
pub(crate) fn export_file(
    store: &Store,
    scope: &Scope,
    audit: &AuditContext,
    code: &OrgCode,
    role: Role,
    format: Format,
    today: Date,
) -> Result<Download, StoreError> {
    let mut dataset = store.export(scope, Some(code), audit)?;
    if !role.sees_citizen_id() {
        mask(&mut dataset);
    }
    let stem = file_stem(code, today);
    let written = match format {
        Format::Xlsx => workbook(&dataset, &stem),
        Format::Csv => zipped_folder(&dataset, &stem),
    };
    written.map_err(|e| StoreError::Invalid(format!("cannot write the export: {e}")))
}

/// Hides the middle of every citizen ID.
pub(crate) fn mask(dataset: &mut Dataset) {
    for member in &mut dataset.members {
        if let Some(id) = member.profile.citizen_id.as_mut() {
            *id = mask_citizen_id(id);
        }
    }
}

/// `<code>-<date>`, with anything but letters, digits, `.`, `_` and `-` as `_`, so that
/// the name is safe in a header and on every file system.
fn file_stem(code: &OrgCode, today: Date) -> String {
    let code: String = code
        .as_str()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("{code}-{today}")
}

fn workbook(dataset: &Dataset, stem: &str) -> Result<Download, WriteError> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("export.xlsx");
    write_xlsx(dataset, &path)?;
    Ok(Download {
        file_name: format!("{stem}.xlsx"),
        content_type: XLSX_TYPE,
        bytes: std::fs::read(&path)?,
    })
}

fn zipped_folder(dataset: &Dataset, stem: &str) -> Result<Download, WriteError> {
    let dir = tempfile::tempdir()?;
    let folder = dir.path().join(stem);
    write_csv_folder(dataset, &folder)?;
    Ok(Download {
        file_name: format!("{stem}.zip"),
        content_type: "application/zip",
        bytes: zip_folder(&folder, stem)?,
    })
}

/// The files of `folder` as a zip whose entries sit in the folder `inside`.
fn zip_folder(folder: &Path, inside: &str) -> Result<Vec<u8>, WriteError> {
    let mut names: Vec<String> = std::fs::read_dir(folder)?
        .map(|entry| entry.map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect::<Result<_, _>>()?;
    names.sort();
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default();
    for name in names {
        writer
            .start_file(format!("{inside}/{name}"), options)
            .map_err(std::io::Error::other)?;
        writer.write_all(&std::fs::read(folder.join(&name))?)?;
    }
    let cursor = writer.finish().map_err(std::io::Error::other)?;
    Ok(cursor.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_and_names() {
        assert_eq!(Format::parse(None), Some(Format::Xlsx));
        assert_eq!(Format::parse(Some("csv")), Some(Format::Csv));
        assert_eq!(Format::parse(Some("pdf")), None);
        let day = dangvu_domain::dates::parse_date("d", "2025-11-26").unwrap();
        let code = OrgCode::parse("VX.01").unwrap();
        assert_eq!(file_stem(&code, day), "VX.01-2025-11-26");
        let odd = OrgCode::parse("Xã.A").unwrap();
        assert_eq!(file_stem(&odd, day), "X_.A-2025-11-26");
    }
}
