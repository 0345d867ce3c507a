//! Verifying the audit chain and reading its head: reads only, never a write.
//!
//! Verification walks the log oldest row first and stops at the first row that does not
//! continue the chain. A row without a hash is such a row: nothing re-chains the log, so
//! hashes removed from the database stay a break. The chain alone cannot show that its
//! newest rows were deleted, or that the whole log was rewritten and hashed again; the
//! head recorded outside the database ([`AuditHead`]) does: verification given that head
//! reports whether a row of the intact chain still carries it.

use super::chain::{self, GENESIS, StoredRow};
use crate::db::conn::DbConnection;
use crate::db::schema::audit_log;
use crate::{
    AuditBreak, AuditHead, AuditReport, AuditVerification, ChainHash, ExpectedHead, StoreError,
};
use diesel::prelude::*;

/// Rows read per query while verifying.
const VERIFY_BATCH: i64 = 5_000;

/// Why `row` does not continue a chain whose last hash is `expected_prev`, if it does not.
fn check_row(row: &StoredRow, expected_prev: &str) -> Result<Option<AuditBreak>, StoreError> {
    let (Some(prev_hash), Some(hash)) = (&row.prev_hash, &row.hash) else {
        return Ok(Some(AuditBreak::Unchained));
    };
    if prev_hash != expected_prev {
        return Ok(Some(AuditBreak::PreviousRowMissingOrChanged));
    }
    if &chain::row_hash(prev_hash, &chain::content(row))? != hash {
        return Ok(Some(AuditBreak::RowChanged));
    }
    Ok(None)
}

/// What a walk along the chain found.
struct Walk {
    verification: AuditVerification,
    /// The newest intact row: its id and hash (none when the log is empty).
    last: Option<(i64, String)>,
    /// How many rows lead up to the expected hash (included), when an intact row carries it.
    reached: Option<u64>,
}

/// Recomputes the chain, oldest row first; stops at the first broken row. Notes where
/// `expected` appears, if it does before any break (the genesis value is reached at 0).
fn walk(conn: &mut DbConnection, expected: Option<&ChainHash>) -> Result<Walk, StoreError> {
    let mut expected_prev = GENESIS.to_string();
    let mut last = None;
    let mut rows_checked = 0u64;
    let mut reached = expected.filter(|e| e.as_str() == GENESIS).map(|_| 0);
    loop {
        let after = last.as_ref().map_or(i64::MIN, |(id, _)| *id);
        let batch = chain::rows_after(conn, after, VERIFY_BATCH)?;
        if batch.is_empty() {
            let verification = AuditVerification::Intact { rows_checked };
            return Ok(Walk {
                verification,
                last,
                reached,
            });
        }
        for row in &batch {
            if let Some(reason) = check_row(row, &expected_prev)? {
                let verification = AuditVerification::Broken {
                    first_bad_id: row.entry.id,
                    reason,
                    rows_checked,
                };
                return Ok(Walk {
                    verification,
                    last,
                    reached,
                });
            }
            rows_checked += 1;
            expected_prev = row.hash.clone().unwrap_or_default();
            if expected.is_some_and(|e| e.as_str() == expected_prev) {
                reached = Some(rows_checked);
            }
            last = Some((row.entry.id, expected_prev.clone()));
        }
    }
}

/// Recomputes the chain from its first row.
pub(crate) fn verify(conn: &mut DbConnection) -> Result<AuditVerification, StoreError> {
    Ok(walk(conn, None)?.verification)
}

/// Recomputes the chain, reads its head, and checks `expected` against the intact chain.
pub(crate) fn report(
    conn: &mut DbConnection,
    expected: Option<&ChainHash>,
) -> Result<AuditReport, StoreError> {
    let walked = walk(conn, expected)?;
    let head = match (&walked.verification, walked.last) {
        // The head of what was verified, so that the line printed is the one checked.
        (AuditVerification::Intact { rows_checked }, Some((id, hash))) => AuditHead {
            rows: *rows_checked,
            last_id: Some(id),
            hash: Some(hash),
        },
        _ => head(conn)?,
    };
    let expected_head = expected.map(|_| match walked.reached {
        Some(upto) => ExpectedHead::Found {
            rows_since: head.rows.saturating_sub(upto),
        },
        None => ExpectedHead::Missing,
    });
    Ok(AuditReport {
        verification: walked.verification,
        head,
        expected_head,
    })
}

/// The newest row of the log and how many rows lead up to it, as stored (unverified).
pub(crate) fn head(conn: &mut DbConnection) -> Result<AuditHead, StoreError> {
    let last: Option<(i64, Option<String>)> = audit_log::table
        .order(audit_log::id.desc())
        .select((audit_log::id, audit_log::hash))
        .first(conn)
        .optional()?;
    let Some((id, hash)) = last else {
        return Ok(AuditHead {
            rows: 0,
            last_id: None,
            hash: Some(GENESIS.to_string()),
        });
    };
    // Counted up to the row read, so that rows appended meanwhile do not shift the count.
    let rows: i64 = audit_log::table
        .filter(audit_log::id.le(id))
        .count()
        .get_result(conn)?;
    Ok(AuditHead {
        rows: rows.unsigned_abs(),
        last_id: Some(id),
        hash,
    })
}
