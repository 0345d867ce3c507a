//! Settings, layered: command-line flag, then environment variable (`DANGVU_*`, handled by
//! clap), then the configuration file, then the default.
//!
//! | setting | flag | environment | file key | default |
//! |---|---|---|---|---|
//! | database | `--db` | `DANGVU_DATABASE_URL` | `database_url` | `dangvu.db` |
//! | listen address | `serve --listen` | `DANGVU_LISTEN` | `listen` | `127.0.0.1:8080` |
//! | log filter | `--log` | `DANGVU_LOG` | `log` | `info` |
//! | demo seed | `demo --seed` | `DANGVU_DEMO_SEED` | `demo_seed` | the generator's default |
//! | config file | `--config` | `DANGVU_CONFIG` | — | `dangvu.toml` if present |
//! | `Secure` cookies | `serve --secure-cookies` | `DANGVU_SECURE_COOKIES` | — | off |

use crate::args::GlobalArgs;
use crate::error::CliError;
use dangvu_app::DatabaseUrl;
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The configuration file's contents; every key optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileSettings {
    database_url: Option<String>,
    listen: Option<String>,
    log: Option<String>,
    demo_seed: Option<u64>,
}

/// Settings after layering.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Where the database is.
    pub database: DatabaseUrl,
    /// The listen address from the file (the flag/environment wins in `serve`).
    pub listen: Option<String>,
    /// Log filter.
    pub log: String,
    /// Demo seed from the file.
    pub demo_seed: Option<u64>,
}

const DEFAULT_CONFIG_FILE: &str = "dangvu.toml";
const DEFAULT_DATABASE: &str = "dangvu.db";

impl Settings {
    /// Reads the configuration file (if any) and layers it under the flags.
    pub fn load(args: &GlobalArgs) -> Result<Self, CliError> {
        let file = read_file(args.config.as_deref())?;
        let database = args
            .database_url
            .clone()
            .or(file.database_url)
            .unwrap_or_else(|| DEFAULT_DATABASE.into());
        Ok(Self {
            database: DatabaseUrl::parse(&database)?,
            listen: file.listen,
            log: args
                .log
                .clone()
                .or(file.log)
                .unwrap_or_else(|| "info".into()),
            demo_seed: file.demo_seed,
        })
    }
}

fn read_file(explicit: Option<&Path>) -> Result<FileSettings, CliError> {
    let path: PathBuf = match explicit {
        Some(path) => path.to_path_buf(),
        None if Path::new(DEFAULT_CONFIG_FILE).exists() => PathBuf::from(DEFAULT_CONFIG_FILE),
        None => return Ok(FileSettings::default()),
    };
    let text = std::fs::read_to_string(&path)
        .map_err(|e| CliError::Config(format!("{}: {e}", path.display())))?;
    toml::from_str(&text).map_err(|e| CliError::Config(format!("{}: {e}", path.display())))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(db: Option<&str>, config: Option<PathBuf>) -> GlobalArgs {
        GlobalArgs {
            database_url: db.map(String::from),
            config,
            log: None,
        }
    }

    #[test]
    fn flags_win_over_the_file_and_the_file_over_defaults() {
        // A folder removed when the test ends, passed or failed.
        let dir = tempfile::Builder::new()
            .prefix("dangvu-config")
            .tempdir()
            .unwrap();
        let file = dir.path().join("c.toml");
        std::fs::write(&file, "database_url = \"from-file.db\"\nlog = \"debug\"\n").unwrap();
        let from_file = Settings::load(&args(None, Some(file.clone()))).unwrap();
        assert_eq!(from_file.database.redacted(), "from-file.db");
        assert_eq!(from_file.log, "debug");
        let from_flag = Settings::load(&args(Some("flag.db"), Some(file))).unwrap();
        assert_eq!(from_flag.database.redacted(), "flag.db");
    }

    #[test]
    fn unknown_keys_and_missing_files_are_errors() {
        let dir = tempfile::Builder::new()
            .prefix("dangvu-config")
            .tempdir()
            .unwrap();
        let file = dir.path().join("bad.toml");
        std::fs::write(&file, "databse_url = \"typo.db\"\n").unwrap();
        assert!(Settings::load(&args(None, Some(file))).is_err());
        assert!(Settings::load(&args(None, Some(dir.path().join("missing.toml")))).is_err());
    }
}
