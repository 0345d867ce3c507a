//! Importing a dataset over the stored records: one transaction, all or nothing, keyed by
//! code, idempotent.
//!
//! The stored records the file touches are read ([`state`]), merged with the file in
//! memory by the rules of the domain (`dangvu_domain::interchange::merge`), checked
//! against what only the database knows ([`checks`]) and written ([`write`]) with the
//! audit row of the import, whose `after_json` is the summary. A file that changes nothing
//! writes only that audit row. Into an empty database the writes are exactly those of
//! `load.rs`.

pub(crate) mod checks;
pub(crate) mod known;
mod paths;
mod scope;
pub(crate) mod state;
mod types;
mod write;

pub use types::{
    GivenColumns, ImportCounts, ImportError, ImportProgress, ImportRequest, ImportSummary,
    TableCounts,
};

use crate::audit::{self, Change};
use crate::db::conn::DbConnection;
use crate::interchange::load;
use crate::{AuditAction, AuditEntity};
use crate::{AuditContext, Scope, StoreError};
use dangvu_domain::interchange::merge::{self, MergeRequest};

/// New rows beyond which the planner's statistics are refreshed after the import.
const ANALYZE_AFTER: u64 = 10_000;

/// Why the import's transaction ends without committing.
enum Abort {
    /// A dry run: everything was written and checked, then rolled back.
    DryRun(ImportSummary),
    /// The import failed or was refused.
    Failed(ImportError),
}

impl From<diesel::result::Error> for Abort {
    fn from(error: diesel::result::Error) -> Self {
        Abort::Failed(ImportError::Store(error.into()))
    }
}

fn failed(error: StoreError) -> Abort {
    Abort::Failed(ImportError::Store(error))
}

/// SQLite's page cache during an import (512 MiB instead of the default 2 MiB): inserting a
/// million members updates seven indexes on text in random order, and with a small cache
/// most of the time goes to evicting and re-reading index pages.
pub(crate) const SQLITE_IMPORT_CACHE: &str = "pragma cache_size = -524288";
const SQLITE_DEFAULT_CACHE: &str = "pragma cache_size = -2000";

/// Imports in one transaction on `conn`, with a large page cache on SQLite while it runs.
pub(crate) fn import(
    conn: &mut DbConnection,
    scope: &Scope,
    request: &ImportRequest<'_>,
    ctx: &AuditContext,
) -> Result<ImportSummary, ImportError> {
    use diesel::connection::SimpleConnection;
    let sqlite = matches!(conn, DbConnection::Sqlite(_));
    if sqlite {
        conn.batch_execute(SQLITE_IMPORT_CACHE)
            .map_err(|e| ImportError::Store(e.into()))?;
    }
    // The write lock is taken first, so that another writer makes the import wait (the
    // busy timeout) instead of failing when its reads turn into writes.
    let outcome = crate::db::txn::write_transaction(conn, |c| run(c, scope, request, ctx));
    if sqlite {
        conn.batch_execute(SQLITE_DEFAULT_CACHE)
            .map_err(|e| ImportError::Store(e.into()))?;
    }
    match outcome {
        Ok(summary) | Err(Abort::DryRun(summary)) => Ok(summary),
        Err(Abort::Failed(error)) => Err(error),
    }
}

/// Runs the import in the caller's transaction; a dry run ends in [`Abort::DryRun`] so that
/// the caller rolls back.
fn run(
    conn: &mut DbConnection,
    scope: &Scope,
    request: &ImportRequest<'_>,
    ctx: &AuditContext,
) -> Result<ImportSummary, Abort> {
    let stored = state::load(conn, request.dataset).map_err(failed)?;
    let plan = merge::plan(
        &stored.records(),
        &MergeRequest {
            dataset: request.dataset,
            columns: request.columns,
            effective_on: request.effective_on,
            dry_run: request.dry_run,
            rows: request.rows,
        },
    );
    let tree = match checks::check(conn, scope, (&stored, &plan), request).map_err(failed)? {
        Ok(tree) => tree,
        Err(problems) => {
            let problems = dangvu_domain::interchange::capped(problems);
            return Err(Abort::Failed(ImportError::Refused(problems)));
        }
    };
    let created: u64 = plan.summary.tables.iter().map(|t| t.counts.created).sum();
    write::write(conn, stored, &plan, &tree, request).map_err(failed)?;
    let mut summary = plan.summary;
    crate::calendar::import_days(conn, scope, &request.dataset.calendar_days, &mut summary)
        .map_err(Abort::Failed)?;
    crate::admissions::import::import_dossiers(conn, scope, request, &mut summary)
        .map_err(Abort::Failed)?;
    crate::ratings::monthly::import(conn, scope, request, &mut summary).map_err(Abort::Failed)?;
    crate::ratings::commitments::import(conn, scope, request, &mut summary)
        .map_err(Abort::Failed)?;
    crate::ratings::statistics::findings::import_findings(conn, request, &mut summary)
        .map_err(Abort::Failed)?;
    let summary_json = serde_json::to_string(&summary).map_err(|e| failed(e.into()))?;
    audit::record(
        conn,
        ctx,
        Change {
            action: AuditAction::Import,
            entity: AuditEntity::Dataset,
            entity_code: None,
            before_json: None,
            after_json: Some(summary_json),
        },
    )
    .map_err(failed)?;
    if created >= ANALYZE_AFTER {
        load::refresh_statistics(conn).map_err(failed)?;
    }
    if request.dry_run {
        return Err(Abort::DryRun(summary));
    }
    Ok(summary)
}
