//! Helpers shared by the file tests: scratch folders, fixtures, datasets.

use dangvu_domain::dataset::Dataset;
use dangvu_domain::interchange::KnownCodes;
use dangvu_domain::{Date, dates::parse_date};
use dangvu_interchange::{ReadProblem, import_path};
use std::path::{Path, PathBuf};

/// An empty scratch folder for one test, under cargo's temporary folder for tests.
pub fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A file of `tests/fixtures`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The sample district of `fixtures/sample-district`, in CSV form.
pub fn sample_folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/sample-district/data")
}

/// The dataset of `path`, or a panic listing the problems.
pub fn import(path: &Path) -> Dataset {
    import_path(path, &KnownCodes::none()).unwrap_or_else(|problems| {
        let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
        panic!("unexpected problems:\n{}", lines.join("\n"))
    })
}

/// The problems of `path`, or a panic when it imports.
pub fn problems(path: &Path) -> Vec<ReadProblem> {
    match import_path(path, &KnownCodes::none()) {
        Ok(_) => panic!("{} imported, but problems were expected", path.display()),
        Err(problems) => problems,
    }
}

pub fn d(s: &str) -> Date {
    parse_date("ngay", s).unwrap()
}
