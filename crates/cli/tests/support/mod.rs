//! A working folder for running the `dangvu` binary as a user would.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, dead_code)] // test helpers fail loudly

use std::path::PathBuf;
use std::process::{Command, Output};

/// The summary report of the demo district's 2015–2020 term.
pub const TERM_REPORT: [&str; 8] = [
    "report",
    "summary",
    "--org",
    "VX",
    "--from",
    "2015-08-01",
    "--to",
    "2020-07-31",
];

/// A fresh working folder, removed when dropped; commands run in it, on its default
/// database `dangvu.db` unless [`Workdir::with_db`] names another.
pub struct Workdir {
    /// The folder.
    pub dir: PathBuf,
    db: Option<String>,
    log: String,
}

impl Workdir {
    pub fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("dangvu-cli-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Self {
            dir,
            db: None,
            log: "warn".into(),
        }
    }

    /// Runs every command against `db` (a SQLite path or a PostgreSQL URL).
    pub fn with_db(mut self, db: &str) -> Self {
        self.db = Some(db.to_string());
        self
    }

    /// Logs with `filter` instead of `warn`.
    pub fn with_log(mut self, filter: &str) -> Self {
        self.log = filter.to_string();
        self
    }

    /// The command `dangvu [--db …] args`, not yet started.
    pub fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_dangvu"));
        if let Some(db) = &self.db {
            command.args(["--db", db]);
        }
        command
            .args(args)
            .current_dir(&self.dir)
            .env_remove("DANGVU_DATABASE_URL")
            .env_remove("DANGVU_CONFIG")
            .env("DANGVU_LOG", &self.log);
        command
    }

    /// Runs the command to its end.
    pub fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().unwrap()
    }
}

impl Drop for Workdir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}
