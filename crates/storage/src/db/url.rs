//! Where the database is: parsed from a URL or a path, with the password never printed.

use std::fmt;

/// The two supported database engines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// Embedded SQLite (the default).
    Sqlite,
    /// PostgreSQL, for multi-user installations.
    Postgres,
}

/// A database location: `postgres://…`/`postgresql://…`, `sqlite://PATH`, or a plain path
/// (a SQLite file). Built from the scheme here because diesel's `MultiConnection` would
/// take any string as a SQLite path and hide PostgreSQL connection errors.
#[derive(Clone, PartialEq, Eq)]
pub struct DatabaseUrl {
    backend: Backend,
    target: String,
}

impl DatabaseUrl {
    /// Parses a URL or path. An empty string is rejected.
    pub fn parse(raw: &str) -> Result<Self, crate::StoreError> {
        let raw = raw.trim();
        if raw.is_empty() {
            return Err(crate::StoreError::Config(
                "the database URL is empty".into(),
            ));
        }
        if raw.starts_with("postgres://") || raw.starts_with("postgresql://") {
            return Ok(Self {
                backend: Backend::Postgres,
                target: raw.to_string(),
            });
        }
        let path = raw
            .strip_prefix("sqlite://")
            .or_else(|| raw.strip_prefix("sqlite:"))
            .unwrap_or(raw);
        if path.contains("://") {
            return Err(crate::StoreError::Config(format!(
                "unsupported database URL scheme in {raw:?}"
            )));
        }
        Ok(Self {
            backend: Backend::Sqlite,
            target: path.to_string(),
        })
    }

    /// The engine.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// The string handed to the driver (a path for SQLite, the URL for PostgreSQL).
    pub(crate) fn target(&self) -> &str {
        &self.target
    }

    /// The full location, password included, to hand to another process (e.g. a test
    /// running the `dangvu` binary). Never log it: use [`Self::redacted`] or `Display`.
    pub fn connection_string(&self) -> &str {
        &self.target
    }

    /// The location with any password replaced by `***`, for logs and messages.
    pub fn redacted(&self) -> String {
        match self.backend {
            Backend::Sqlite => self.target.clone(),
            Backend::Postgres => redact_password(&self.target),
        }
    }
}

fn redact_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let Some((userinfo, host)) = rest.split_once('@') else {
        return url.to_string();
    };
    match userinfo.split_once(':') {
        Some((user, _)) => format!("{scheme}://{user}:***@{host}"),
        None => url.to_string(),
    }
}

impl fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DatabaseUrl({})", self.redacted())
    }
}

impl fmt::Display for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.redacted())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scheme_chooses_the_backend() {
        assert_eq!(
            DatabaseUrl::parse("dangvu.db").unwrap().backend(),
            Backend::Sqlite
        );
        assert_eq!(
            DatabaseUrl::parse("sqlite://x/y.db").unwrap().target(),
            "x/y.db"
        );
        assert_eq!(
            DatabaseUrl::parse("postgres://u@h/db").unwrap().backend(),
            Backend::Postgres
        );
        assert!(DatabaseUrl::parse("mysql://h/db").is_err());
        assert!(DatabaseUrl::parse(" ").is_err());
    }

    #[test]
    fn passwords_are_never_printed() {
        let url = DatabaseUrl::parse("postgres://dv:s3cret@db.local:5432/dangvu").unwrap();
        assert!(!format!("{url:?} {url}").contains("s3cret"));
    }
}
