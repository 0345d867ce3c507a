//! An export as the bytes of one file to download: the workbook, or a `.zip` of the CSV
//! folder whose entries sit in a folder named like the file.

use super::ExportFile;
use crate::Error;
use dangvu_domain::dataset::Dataset;
use dangvu_domain::{Date, OrgCode};
use dangvu_interchange::{write_csv_folder, write_xlsx};
use std::io::Write;
use std::path::Path;
use zip::write::SimpleFileOptions;

/// The media type of a workbook.
pub const XLSX_TYPE: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The media type of a zip archive.
pub const ZIP_TYPE: &str = "application/zip";

/// `<code>-<date>`, with anything but letters, digits, `.`, `_` and `-` as `_`, so that
/// the name is safe in a header and on every file system.
pub(crate) fn file_stem(code: &OrgCode, today: Date) -> String {
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

/// The dataset as one workbook.
pub(super) fn workbook(dataset: &Dataset, stem: &str) -> Result<ExportFile, Error> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("export.xlsx");
    write_xlsx(dataset, &path)?;
    Ok(ExportFile {
        file_name: format!("{stem}.xlsx"),
        content_type: XLSX_TYPE,
        bytes: std::fs::read(&path)?,
    })
}

/// The dataset as a zip of its CSV folder.
pub(super) fn zipped_folder(dataset: &Dataset, stem: &str) -> Result<ExportFile, Error> {
    let dir = tempfile::tempdir()?;
    let folder = dir.path().join(stem);
    write_csv_folder(dataset, &folder)?;
    Ok(ExportFile {
        file_name: format!("{stem}.zip"),
        content_type: ZIP_TYPE,
        bytes: zip_folder(&folder, stem)?,
    })
}

/// The files of `folder` as a zip whose entries sit in the folder `inside`.
fn zip_folder(folder: &Path, inside: &str) -> Result<Vec<u8>, Error> {
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
    fn file_names_are_safe() {
        let day = dangvu_domain::dates::parse_date("d", "2025-11-26").unwrap();
        let code = OrgCode::parse("VX.01").unwrap();
        assert_eq!(file_stem(&code, day), "VX.01-2025-11-26");
        let odd = OrgCode::parse("Xã.A").unwrap();
        assert_eq!(file_stem(&odd, day), "X_.A-2025-11-26");
    }
}
