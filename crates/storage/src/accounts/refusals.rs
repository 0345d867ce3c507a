//! Sign-ins refused by the throttle, counted rather than written one audit row each.
//!
//! A script that keeps retrying a throttled username would otherwise add an audit row per
//! request (500 requests, 500 rows in under two seconds). The first refusal of a
//! (username, address) pair writes one row `login.failed` with reason `throttled`; later
//! ones only count, in memory; the next attempt of the pair that is not refused writes the
//! count in a row `{"reason": "throttled", "refused": N}` and starts over. Counts held at a
//! stop are lost (the server's log has them: each first refusal is logged), and at most
//! [`MAX_PAIRS`] pairs are held at once.

use crate::audit::pending::QueuedRow;
use crate::{AuditAction, AuditContext, AuditEntity, Store, StoreError};
use serde_json::json;
use std::collections::HashMap;
use std::sync::Mutex;

/// Most (username, address) pairs counted at once; beyond, the counts start over.
const MAX_PAIRS: usize = 10_000;

/// Refusals per (username, address) since the pair's last attempt that went through.
#[derive(Debug, Default)]
pub(crate) struct Refusals {
    counts: Mutex<HashMap<(String, String), u64>>,
}

impl Refusals {
    /// Counts a refusal of the pair; returns how many there are now.
    fn bump(&self, pair: (String, String)) -> u64 {
        let mut counts = self.lock();
        if counts.len() >= MAX_PAIRS && !counts.contains_key(&pair) {
            tracing::warn!(pairs = counts.len(), "throttled sign-in counts start over");
            counts.clear();
        }
        let count = counts.entry(pair).or_default();
        *count += 1;
        *count
    }

    /// Takes the count of the pair (the attempt went through the throttle).
    fn take(&self, pair: &(String, String)) -> u64 {
        self.lock().remove(pair).unwrap_or(0)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<(String, String), u64>> {
        self.counts
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl Store {
    /// Notes an attempt of `ctx` (actor = the username typed) that was refused by the
    /// throttle (`refused`) or went through, writing the rows described above.
    pub(crate) fn note_throttle(
        &self,
        ctx: &AuditContext,
        refused: bool,
    ) -> Result<(), StoreError> {
        let pair = (ctx.actor.clone(), ctx.source.clone());
        let after = if refused {
            if self.refusals().bump(pair) != 1 {
                return Ok(());
            }
            tracing::info!(username = %ctx.actor, source = %ctx.source, "sign-ins throttled");
            json!({ "reason": "throttled" })
        } else {
            match self.refusals().take(&pair) {
                0 | 1 => return Ok(()),
                refused => json!({ "reason": "throttled", "refused": refused }),
            }
        };
        let row = QueuedRow {
            ctx: ctx.clone(),
            action: AuditAction::LoginFailed,
            entity: AuditEntity::Account,
            entity_code: Some(ctx.actor.clone()),
            after_json: Some(after.to_string()),
        };
        self.append_or_queue(row)
    }
}
