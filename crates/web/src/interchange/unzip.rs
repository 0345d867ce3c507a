//! Unpacking an uploaded `.zip` of `<table>.csv` files into a folder, safely.
//!
//! A zip names its own paths, and a hostile one names `../../etc/cron.d/x` or expands a
//! few kilobytes into gigabytes. Every entry must stay inside the archive's folder
//! (`enclosed_name`), the archive may hold only so many entries, and the total written is
//! capped; anything else is refused as a problem of the file. Entries are flattened to
//! their file names, so a zip of a folder (`export/to_chuc.csv`) reads like the folder.

use super::upload::{StageError, safe_name};
use dangvu_app::ReadProblem;
use std::fs::File;
use std::io::{BufReader, Read};
use std::path::Path;
use zip::ZipArchive;

/// Most entries an archive may hold (the format has a handful of tables).
const MAX_ENTRIES: usize = 64;
/// Most bytes all entries may unpack to (4 GiB: a million members' CSV is far smaller).
const MAX_UNPACKED: u64 = 4 * 1024 * 1024 * 1024;

/// Unpacks the archive at `zip_path` (sent as `name`) into the new folder `target`.
pub(crate) fn extract(zip_path: &Path, name: &str, target: &Path) -> Result<(), StageError> {
    std::fs::create_dir(target)?;
    let reader = BufReader::new(File::open(zip_path)?);
    let mut archive = ZipArchive::new(reader).map_err(|_| {
        refuse(
            name,
            "không mở được tệp nén .zip",
            "the .zip archive cannot be opened",
        )
    })?;
    if archive.len() > MAX_ENTRIES {
        return Err(refuse(
            name,
            "tệp nén có quá nhiều tệp bên trong",
            "the archive holds too many files",
        ));
    }
    let mut unpacked = 0u64;
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).map_err(|_| damaged(name))?;
        if entry.is_dir() {
            continue;
        }
        let Some(inside) = entry.enclosed_name() else {
            return Err(refuse(
                name,
                "tệp nén chứa đường dẫn ra ngoài thư mục của nó",
                "the archive holds a path outside its folder",
            ));
        };
        let file_name = inside
            .file_name()
            .map(|n| safe_name(&n.to_string_lossy()))
            .unwrap_or_default();
        let hidden = inside.components().any(|c| {
            let part = c.as_os_str().to_string_lossy();
            part.starts_with("__MACOSX") || part.starts_with('.')
        });
        if file_name.is_empty() || hidden {
            continue;
        }
        let out_path = target.join(&file_name);
        if out_path.exists() {
            return Err(refuse(
                name,
                format!("tệp nén chứa hai tệp tên {file_name}"),
                format!("the archive holds two files named {file_name}"),
            ));
        }
        let mut out = File::create(&out_path)?;
        let room = MAX_UNPACKED - unpacked;
        let written =
            std::io::copy(&mut (&mut entry).take(room + 1), &mut out).map_err(|_| damaged(name))?;
        unpacked += written;
        if unpacked > MAX_UNPACKED {
            return Err(refuse(
                name,
                "tệp nén giải nén ra quá lớn",
                "the archive unpacks to too much data",
            ));
        }
    }
    Ok(())
}

fn refuse(name: &str, vi: impl Into<String>, en: impl Into<String>) -> StageError {
    StageError::Problem(Box::new(ReadProblem::whole(name, vi, en)))
}

fn damaged(name: &str) -> StageError {
    refuse(
        name,
        "tệp nén bị hỏng, không giải nén được",
        "the archive is damaged and cannot be unpacked",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use zip::write::SimpleFileOptions;

    fn archive(entries: &[(&str, &[u8])]) -> tempfile::NamedTempFile {
        let file = tempfile::NamedTempFile::new().unwrap();
        let mut writer = zip::ZipWriter::new(file.reopen().unwrap());
        for (name, bytes) in entries {
            writer
                .start_file(*name, SimpleFileOptions::default())
                .unwrap();
            writer.write_all(bytes).unwrap();
        }
        writer.finish().unwrap();
        file
    }

    #[test]
    fn a_zipped_folder_unpacks_flat() {
        let zip = archive(&[
            ("xuat/to_chuc.csv", b"ma\n"),
            ("xuat/dang_vien.csv", b"ma\n"),
            ("__MACOSX/xuat/._to_chuc.csv", b"junk"),
        ]);
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("csv");
        extract(zip.path(), "xuat.zip", &target).unwrap();
        let mut names: Vec<String> = std::fs::read_dir(&target)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names, ["dang_vien.csv", "to_chuc.csv"]);
    }

    #[test]
    fn paths_outside_the_folder_are_refused() {
        let zip = archive(&[("../../to_chuc.csv", b"ma\n")]);
        let dir = tempfile::tempdir().unwrap();
        match extract(zip.path(), "x.zip", &dir.path().join("csv")) {
            Err(StageError::Problem(p)) => assert!(p.reason_en.contains("outside"), "{p}"),
            other => panic!("{other:?}"),
        }
        assert!(!dir.path().join("to_chuc.csv").exists());
    }

    #[test]
    fn something_that_is_no_zip_is_a_problem_not_a_failure() {
        let file = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(file.path(), b"not a zip").unwrap();
        let dir = tempfile::tempdir().unwrap();
        let result = extract(file.path(), "x.zip", &dir.path().join("csv"));
        assert!(matches!(result, Err(StageError::Problem(_))));
    }
}
