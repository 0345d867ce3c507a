//! The browser's download folder: a file appears there when a download link is clicked.

use super::Step;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Where the browser saves downloads (a temporary folder, removed with it).
pub struct Downloads {
    folder: tempfile::TempDir,
}

impl Downloads {
    pub fn new() -> Step<Self> {
        let folder = tempfile::Builder::new()
            .prefix("dangvu-browser-downloads-")
            .tempdir()
            .map_err(|e| format!("download folder: {e}"))?;
        Ok(Downloads { folder })
    }

    pub fn path(&self) -> &Path {
        self.folder.path()
    }

    /// Empties the folder, before a download whose file is awaited.
    pub fn clear(&self) -> Step<()> {
        for entry in std::fs::read_dir(self.path()).map_err(|e| e.to_string())? {
            let path = entry.map_err(|e| e.to_string())?.path();
            std::fs::remove_file(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        }
        Ok(())
    }

    /// The downloaded file, once complete (waits up to `seconds`).
    pub async fn wait(&self, seconds: u64) -> Step<PathBuf> {
        for _ in 0..seconds * 4 {
            let done = std::fs::read_dir(self.path())
                .map_err(|e| e.to_string())?
                .filter_map(Result::ok)
                .map(|entry| entry.path())
                .find(|p| {
                    let partial = p
                        .extension()
                        .is_some_and(|x| x == "crdownload" || x == "tmp");
                    !partial && std::fs::metadata(p).is_ok_and(|m| m.len() > 0)
                });
            if let Some(file) = done {
                return Ok(file);
            }
            tokio::time::sleep(Duration::from_millis(250)).await;
        }
        Err(format!("no download finished within {seconds} s"))
    }
}

/// Whether `file` is an xlsx workbook (a zip archive: `PK` first) of some substance.
pub fn is_workbook(file: &Path) -> Step<()> {
    let bytes = std::fs::read(file).map_err(|e| format!("{}: {e}", file.display()))?;
    let name = file.file_name().unwrap_or_default().to_string_lossy();
    if !name.ends_with(".xlsx") {
        return Err(format!("downloaded {name}, not an .xlsx file"));
    }
    if !bytes.starts_with(b"PK") || bytes.len() < 1000 {
        return Err(format!("{name} is not a workbook ({} bytes)", bytes.len()));
    }
    Ok(())
}
