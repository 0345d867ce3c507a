//! Unpacking an uploaded `.zip` of `<table>.csv` files into a folder, safely.
//!
//! A zip names its own paths, and a hostile one names `../../etc/cron.d/x` or expands a
//! few kilobytes into gigabytes. Every entry must stay inside the archive's folder
//! (`enclosed_name`), the archive may hold only so many entries, and what it unpacks to is
//! bounded twice: by the sizes its directory declares, before anything is written, and by
//! the bytes actually written, entry by entry — in total ([`MAX_UNPACKED`]) and against
//! the entry's compressed size (`dangvu_app::ratio_bound`, the rule workbooks follow too),
//! since a lying directory is the mark of a bomb. Anything else is refused as a problem of
//! the file. Entries are flattened to their file names, so a zip of a folder
//! (`export/to_chuc.csv`) reads like the folder.

use super::folder::private_file;
use super::upload::{StageError, safe_name};
use dangvu_app::{ReadProblem, ratio_bound};
use std::fs::File;
use std::io::{BufReader, Read};
use std::path::Path;
use zip::ZipArchive;

/// Most entries an archive may hold (the format has a handful of tables).
const MAX_ENTRIES: usize = 64;
/// Most bytes all entries may unpack to (1 GiB: a million members' CSV is about 200 MB).
pub(crate) const MAX_UNPACKED: u64 = 1024 * 1024 * 1024;
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
    refuse_declared_sizes(&mut archive, name)?;
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
        let mut out = private_file(&out_path)?;
        let room = (MAX_UNPACKED - unpacked).min(ratio_bound(entry.compressed_size()));
        let written =
            std::io::copy(&mut (&mut entry).take(room + 1), &mut out).map_err(|_| damaged(name))?;
        unpacked += written;
        if written > room {
            return Err(too_large(name));
        }
    }
    Ok(())
}

/// Refuses, before anything is written, an archive whose directory declares more than
/// the bounds: in total, or for one entry against its compressed size.
fn refuse_declared_sizes<R: Read + std::io::Seek>(
    archive: &mut ZipArchive<R>,
    name: &str,
) -> Result<(), StageError> {
    let mut declared = 0u64;
    for index in 0..archive.len() {
        let entry = archive.by_index_raw(index).map_err(|_| damaged(name))?;
        if entry.size() > ratio_bound(entry.compressed_size()) {
            return Err(too_large(name));
        }
        declared = declared.saturating_add(entry.size());
    }
    if declared > MAX_UNPACKED {
        return Err(too_large(name));
    }
    Ok(())
}

fn too_large(name: &str) -> StageError {
    refuse(
        name,
        "tệp nén giải nén ra quá lớn (quá 1 GiB, hoặc nén quá mức so với dữ liệu thật)",
        "the archive unpacks to too much data (over 1 GiB, or far more compressed than real data)",
    )
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
    fn a_bomb_is_refused_by_its_declared_sizes_before_anything_is_written() {
        let zeros = vec![0u8; 40 * 1024 * 1024];
        let zip = archive(&[("dang_vien.csv", &zeros)]);
        assert!(std::fs::metadata(zip.path()).unwrap().len() < 1024 * 1024);
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("csv");
        match extract(zip.path(), "bom.zip", &target) {
            Err(StageError::Problem(p)) => assert!(p.reason_en.contains("too much"), "{p}"),
            other => panic!("{other:?}"),
        }
        assert_eq!(
            std::fs::read_dir(&target).unwrap().count(),
            0,
            "nothing written"
        );
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
