//! Shared by the import tests: reading a file as the command line does, importing it, and
//! the sample district of `fixtures/sample-district` with its expected figures.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use dangvu_domain::dates::parse_date;
use dangvu_domain::interchange::Problem;
use dangvu_domain::summary::SummaryParams;
use dangvu_domain::{Date, OrgCode};
use dangvu_interchange::{ReadProblem, TableRead, check_path};
use dangvu_storage::{
    AuditContext, GivenColumns, ImportError, ImportRequest, ImportSummary, Scope, Store,
};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// The fixed date the tests import on.
pub fn effective_on() -> Date {
    d("2025-11-26")
}

pub fn d(s: &str) -> Date {
    parse_date("test", s).unwrap()
}

pub fn everything() -> Scope {
    Scope::whole_installation(effective_on())
}

pub fn audit() -> AuditContext {
    AuditContext {
        actor: "test".into(),
        source: "cli".into(),
        at: effective_on().and_hms_opt(9, 30, 0).unwrap(),
    }
}

/// `fixtures/sample-district/data`, the sample district's CSV files.
pub fn sample_data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/sample-district/data")
}

/// The workbooks written by openpyxl for the interchange crate's tests.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../interchange/tests/fixtures")
        .join(name)
}

/// A fresh scratch folder, removed with everything in it when dropped (test runs leave
/// nothing behind in the temporary folder).
pub struct Scratch(tempfile::TempDir);

impl std::ops::Deref for Scratch {
    type Target = Path;

    fn deref(&self) -> &Path {
        self.0.path()
    }
}

/// A fresh scratch folder named after `name`.
pub fn scratch(name: &str) -> Scratch {
    let dir = tempfile::Builder::new()
        .prefix(&format!("dangvu-import-{name}-"))
        .tempdir()
        .unwrap();
    Scratch(dir)
}

/// How an import from a file ended.
#[derive(Debug)]
pub enum Outcome {
    /// Imported (or, for a dry run, checked).
    Done(ImportSummary),
    /// The file itself has problems.
    Invalid(Vec<ReadProblem>),
    /// The stored records refused it.
    Refused(Vec<Problem>),
}

impl Outcome {
    pub fn summary(self) -> ImportSummary {
        match self {
            Outcome::Done(summary) => summary,
            other => panic!("expected an import, got {other:#?}"),
        }
    }
}

/// Reads, checks and imports `path` into `store` as the whole installation, the way the
/// command line does.
pub fn import_file(store: &Store, path: &Path, dry_run: bool) -> Outcome {
    let known = store.known_codes(&everything()).unwrap();
    let checked = match check_path(path, &known) {
        Ok(checked) => checked,
        Err(problems) => return Outcome::Invalid(problems),
    };
    let columns = columns_of(&checked.tables);
    let request = ImportRequest {
        dataset: &checked.dataset,
        columns: &columns,
        effective_on: effective_on(),
        dry_run,
        progress: None,
        rows: Some(&checked.rows),
    };
    match store.import(&everything(), &request, &audit()) {
        Ok(summary) => Outcome::Done(summary),
        Err(ImportError::Refused(problems)) => Outcome::Refused(problems),
        Err(ImportError::Store(error)) => panic!("storage failed: {error}"),
    }
}

pub fn columns_of(tables: &[TableRead]) -> GivenColumns {
    GivenColumns::from_headers(tables.iter().map(|t| (t.table, t.headers.as_slice())))
}

/// The four summary queries of `expected.json` with their expected documents.
pub fn expected_summaries() -> Vec<(SummaryParams, Value)> {
    let path = sample_data().join("../expected.json");
    let cases: Vec<Value> = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    cases
        .into_iter()
        .map(|case| {
            let args = &case["args"];
            let day = |key: &str| d(args[key].as_str().unwrap());
            let org = OrgCode::parse(args["org"].as_str().unwrap()).unwrap();
            let params =
                SummaryParams::new(org, day("from"), day("to"), Some(day("as_of"))).unwrap();
            (params, case["expect"].clone())
        })
        .collect()
}

/// Copies the sample folder, with `edit` applied to the text of each file.
pub fn edited_sample(name: &str, edit: impl Fn(&str, String) -> String) -> Scratch {
    let dir = scratch(name);
    for entry in std::fs::read_dir(sample_data()).unwrap() {
        let path = entry.unwrap().path();
        let file = path.file_name().unwrap().to_str().unwrap().to_string();
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(dir.join(&file), edit(&file, text)).unwrap();
    }
    dir
}
