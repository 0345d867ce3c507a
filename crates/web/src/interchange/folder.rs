//! Where uploads wait while they are checked: private folders under the application's
//! own upload folder, never the shared system temporary folder.
//!
//! An upload holds personal data (a member list with citizen IDs), so its folder is made
//! `0700` and its files `0600`: no other local user may list or read them. Each upload's
//! folder (`dangvu-upload-*`) is removed when the value holding it is dropped; what a
//! crash leaves behind is removed when the server starts, and again when it stops.

use std::fs::{File, OpenOptions};
use std::io;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use tempfile::TempDir;

/// The prefix of every upload's folder.
const PREFIX: &str = "dangvu-upload-";

/// The folder under which uploads wait.
#[derive(Debug, Clone)]
pub(crate) struct UploadRoot(PathBuf);

impl Default for UploadRoot {
    /// The system's temporary folder (tests, and a server given no folder of its own):
    /// each upload's folder is still private there.
    fn default() -> Self {
        Self(std::env::temp_dir())
    }
}

impl UploadRoot {
    /// `path`, created private if missing, with the leftovers of an earlier run removed.
    pub(crate) fn prepare(path: &Path) -> io::Result<Self> {
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(path)?;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o700))?;
        let root = Self(path.to_path_buf());
        root.remove_leftovers()?;
        Ok(root)
    }

    /// A new private folder for one upload, removed when dropped.
    pub(crate) fn new_upload(&self) -> io::Result<TempDir> {
        tempfile::Builder::new()
            .prefix(PREFIX)
            .permissions(std::fs::Permissions::from_mode(0o700))
            .tempdir_in(&self.0)
    }

    /// Removes every upload folder left here (after a crash, or at a stop). Returns how
    /// many were removed.
    pub(crate) fn remove_leftovers(&self) -> io::Result<usize> {
        let mut removed = 0;
        for entry in std::fs::read_dir(&self.0)? {
            let entry = entry?;
            let ours = entry.file_name().to_string_lossy().starts_with(PREFIX);
            if ours && entry.file_type()?.is_dir() {
                std::fs::remove_dir_all(entry.path())?;
                removed += 1;
            }
        }
        Ok(removed)
    }
}

/// Creates `path` (which must not exist) readable and writable by its owner only.
pub(crate) fn private_file(path: &Path) -> io::Result<File> {
    OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::MetadataExt;

    #[test]
    fn uploads_are_private_and_leftovers_go_at_start() {
        let base = tempfile::tempdir().unwrap();
        let path = base.path().join("uploads");
        let root = UploadRoot::prepare(&path).unwrap();
        assert_eq!(std::fs::metadata(&path).unwrap().mode() & 0o777, 0o700);
        let upload = root.new_upload().unwrap();
        assert_eq!(
            std::fs::metadata(upload.path()).unwrap().mode() & 0o777,
            0o700
        );
        let file = upload.path().join("part-0");
        private_file(&file).unwrap();
        assert_eq!(std::fs::metadata(&file).unwrap().mode() & 0o777, 0o600);

        let left = upload.keep();
        std::fs::create_dir(path.join("not-ours")).unwrap();
        UploadRoot::prepare(&path).unwrap();
        assert!(!left.exists(), "a crash's leftover is removed at start");
        assert!(
            path.join("not-ours").exists(),
            "other folders are left alone"
        );
    }
}
