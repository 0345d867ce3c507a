//! Saving an upload in a private temporary folder, and finding in it the path the
//! interchange reader takes: a workbook, or a folder of `<table>.csv` files.
//!
//! Files are written to disk as they arrive (a multipart body is never held whole), under
//! names of our own: a name sent by the client is only kept as its last component, so it
//! can name a table (`dang_vien.csv`) and appear in the problem report, never reach
//! outside the folder. The folder is deleted when the [`Incoming`] or [`Staged`] value
//! holding it is dropped.

use super::folder::{UploadRoot, private_file};
use super::unzip;
use axum::extract::Multipart;
use axum::extract::multipart::Field;
use axum::http::StatusCode;
use dangvu_app::ReadProblem;
use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;
use tempfile::TempDir;

/// Largest request body the upload routes accept (256 MB).
pub(crate) const UPLOAD_LIMIT: usize = 256 * 1024 * 1024;
/// Longest text field kept from a form (a date, a token).
const FIELD_LIMIT: usize = 256;
/// Longest file name kept.
const NAME_LIMIT: usize = 120;

/// Why an upload cannot be checked.
#[derive(Debug)]
pub(crate) enum StageError {
    /// No file was sent (or only empty ones).
    NoFile,
    /// The body is larger than [`UPLOAD_LIMIT`].
    TooLarge,
    /// The body is of no accepted media type (a script sent something else).
    Unsupported,
    /// The body is not a readable upload (a broken multipart body).
    Malformed(String),
    /// The files cannot be read as interchange files: one problem for the report.
    Problem(Box<ReadProblem>),
    /// The server could not store the upload.
    Io(std::io::Error),
}

impl From<std::io::Error> for StageError {
    fn from(error: std::io::Error) -> Self {
        StageError::Io(error)
    }
}

/// One file of an upload, saved under a name of ours.
struct Part {
    name: String,
    path: PathBuf,
    size: u64,
}

/// An upload saved in its own temporary folder, with the text fields of its form.
pub(crate) struct Incoming {
    dir: TempDir,
    parts: Vec<Part>,
    fields: HashMap<String, String>,
}

/// An upload ready to read: its folder (deleted when dropped), the path of the workbook
/// or CSV folder inside it, and the name people know it by.
#[derive(Debug)]
pub(crate) struct Staged {
    _dir: TempDir,
    /// The workbook, or the folder of CSV files.
    pub(crate) path: PathBuf,
    /// The file name as sent (`danh_sach.xlsx`, or the CSV names joined).
    pub(crate) name: String,
}

impl Incoming {
    /// An empty upload in a fresh private folder under `root`.
    pub(crate) fn new(root: &UploadRoot) -> Result<Self, StageError> {
        let dir = root.new_upload()?;
        Ok(Self {
            dir,
            parts: Vec::new(),
            fields: HashMap::new(),
        })
    }

    /// The text field `name` of the form, if it was sent.
    pub(crate) fn field(&self, name: &str) -> Option<&str> {
        self.fields.get(name).map(String::as_str)
    }

    /// Saves a file sent as the whole body of a request.
    pub(crate) fn add_file(&mut self, name: &str, bytes: &[u8]) -> Result<(), StageError> {
        let path = self.next_path();
        private_file(&path)?.write_all(bytes)?;
        self.parts.push(Part {
            name: safe_name(name),
            path,
            size: bytes.len() as u64,
        });
        Ok(())
    }

    /// Saves every part of a multipart form: parts with a file name to disk as they
    /// arrive, the others as text fields.
    pub(crate) async fn receive(
        root: &UploadRoot,
        mut multipart: Multipart,
    ) -> Result<Self, StageError> {
        let mut incoming = Self::new(root)?;
        while let Some(field) = multipart.next_field().await.map_err(multipart_error)? {
            match field.file_name().map(str::to_string) {
                Some(file_name) => incoming.save_part(&file_name, field).await?,
                None => {
                    let key = field.name().unwrap_or_default().to_string();
                    let value = read_text(field).await?;
                    incoming.fields.insert(key, value);
                }
            }
        }
        Ok(incoming)
    }

    async fn save_part(&mut self, file_name: &str, mut field: Field<'_>) -> Result<(), StageError> {
        let path = self.next_path();
        let mut file = private_file(&path)?;
        let mut size = 0u64;
        while let Some(chunk) = field.chunk().await.map_err(multipart_error)? {
            file.write_all(&chunk)?;
            size += chunk.len() as u64;
        }
        file.flush()?;
        self.parts.push(Part {
            name: safe_name(file_name),
            path,
            size,
        });
        Ok(())
    }

    fn next_path(&self) -> PathBuf {
        self.dir.path().join(format!("part-{}", self.parts.len()))
    }

    /// [`Incoming::stage`] on the blocking pool: unpacking a zip writes up to a gigabyte,
    /// which must not hold up the workers that answer every other request.
    pub(crate) async fn stage_off_workers(self) -> Result<Staged, StageError> {
        tokio::task::spawn_blocking(move || self.stage())
            .await
            .map_err(|e| StageError::Io(std::io::Error::other(e)))?
    }

    /// Finds what to read: one workbook, one zip of CSV files (unpacked), or CSV files.
    pub(crate) fn stage(self) -> Result<Staged, StageError> {
        let Incoming { dir, parts, .. } = self;
        let parts: Vec<Part> = parts
            .into_iter()
            .filter(|p| p.size > 0 || !p.name.is_empty())
            .collect();
        let Some(first) = parts.first() else {
            return Err(StageError::NoFile);
        };
        let kinds: Vec<Kind> = parts.iter().map(|p| Kind::of(&p.name)).collect();
        match kinds.as_slice() {
            [Kind::Xlsx] => {
                let path = dir.path().join(&first.name);
                std::fs::rename(&first.path, &path)?;
                let name = first.name.clone();
                Ok(Staged {
                    _dir: dir,
                    path,
                    name,
                })
            }
            [Kind::Zip] => {
                let folder = dir.path().join("csv");
                unzip::extract(&first.path, &first.name, &folder)?;
                let name = first.name.clone();
                Ok(Staged {
                    _dir: dir,
                    path: folder,
                    name,
                })
            }
            _ if kinds.iter().all(|k| *k == Kind::Csv) => csv_folder(dir, &parts),
            _ => {
                let odd = kinds.iter().position(|k| *k != Kind::Csv).unwrap_or(0);
                Err(StageError::Problem(Box::new(unsupported(&parts[odd].name))))
            }
        }
    }
}

/// Loose CSV files, moved into one folder under their own names.
fn csv_folder(dir: TempDir, parts: &[Part]) -> Result<Staged, StageError> {
    let folder = dir.path().join("csv");
    std::fs::create_dir(&folder)?;
    for part in parts {
        let target = folder.join(&part.name);
        if target.exists() {
            return Err(StageError::Problem(Box::new(ReadProblem::whole(
                part.name.clone(),
                "tệp này được gửi hai lần",
                "this file was sent twice",
            ))));
        }
        std::fs::rename(&part.path, &target)?;
    }
    let names: Vec<&str> = parts.iter().map(|p| p.name.as_str()).collect();
    Ok(Staged {
        _dir: dir,
        path: folder,
        name: names.join(", "),
    })
}

/// What a file is, by its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Xlsx,
    Zip,
    Csv,
    Other,
}

impl Kind {
    fn of(name: &str) -> Self {
        let lower = name.to_lowercase();
        if lower.ends_with(".xlsx") {
            Kind::Xlsx
        } else if lower.ends_with(".zip") {
            Kind::Zip
        } else if lower.ends_with(".csv") {
            Kind::Csv
        } else {
            Kind::Other
        }
    }
}

fn unsupported(name: &str) -> ReadProblem {
    ReadProblem::whole(
        name,
        "chỉ nhận một tệp .xlsx, một tệp .zip chứa các tệp CSV, hoặc các tệp .csv",
        "only one .xlsx workbook, one .zip of CSV files, or .csv files are accepted",
    )
}

/// The last component of a name sent by a client, without control characters; empty
/// when nothing usable is left.
pub(crate) fn safe_name(raw: &str) -> String {
    let last = raw.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = last
        .chars()
        .filter(|c| !c.is_control())
        .take(NAME_LIMIT)
        .collect();
    let cleaned = cleaned.trim();
    if cleaned.is_empty() || cleaned.starts_with('.') {
        String::new()
    } else {
        cleaned.to_string()
    }
}

async fn read_text(mut field: Field<'_>) -> Result<String, StageError> {
    let mut bytes = Vec::new();
    while let Some(chunk) = field.chunk().await.map_err(multipart_error)? {
        if bytes.len() + chunk.len() > FIELD_LIMIT {
            return Err(StageError::Malformed("form field too long".into()));
        }
        bytes.extend_from_slice(&chunk);
    }
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn multipart_error(error: axum::extract::multipart::MultipartError) -> StageError {
    if error.status() == StatusCode::PAYLOAD_TOO_LARGE {
        StageError::TooLarge
    } else {
        StageError::Malformed(error.body_text())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn client_names_keep_only_their_last_component() {
        assert_eq!(safe_name("C:\\Users\\x\\dang_vien.csv"), "dang_vien.csv");
        assert_eq!(safe_name("../../etc/passwd"), "passwd");
        assert_eq!(safe_name("../.."), "");
        assert_eq!(safe_name(".hidden.xlsx"), "");
        assert_eq!(safe_name("danh sách.xlsx"), "danh sách.xlsx");
    }

    #[test]
    fn loose_csv_files_become_one_folder_and_odd_files_are_refused() {
        let mut incoming = Incoming::new(&UploadRoot::default()).unwrap();
        incoming.add_file("to_chuc.csv", b"ma,ten\n").unwrap();
        incoming.add_file("dang_vien.csv", b"ma\n").unwrap();
        let staged = incoming.stage().unwrap();
        assert!(staged.path.join("to_chuc.csv").is_file());
        assert!(staged.path.join("dang_vien.csv").is_file());

        let mut odd = Incoming::new(&UploadRoot::default()).unwrap();
        odd.add_file("to_chuc.csv", b"ma\n").unwrap();
        odd.add_file("notes.txt", b"x").unwrap();
        match odd.stage() {
            Err(StageError::Problem(p)) => assert_eq!(p.source, "notes.txt"),
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            Incoming::new(&UploadRoot::default()).unwrap().stage(),
            Err(StageError::NoFile)
        ));
    }
}
