//! Loading whole transfers (the demo's): each replayed through the workflow's own writes —
//! the decision or temporary attendance, then its steps — so loaded transfers obey the same
//! checks, move registrations and refresh tallies like recorded ones, in one transaction
//! with their audit rows.

use super::views::{NewTemporary, NewTransfer};
use super::write;
use crate::{AuditContext, Scope, Store, StoreError};
use dangvu_domain::lifecycle::{TransferKind, TransferRecord};

impl Store {
    /// Loads `records` in one transaction; the first refused one refuses them all.
    #[tracing::instrument(skip_all, fields(n = records.len()), err)]
    pub fn load_transfers(
        &self,
        scope: &Scope,
        ctx: &AuditContext,
        records: &[TransferRecord],
    ) -> Result<usize, StoreError> {
        self.write(|c| {
            for record in records {
                let member = record.member.as_str().to_string();
                let to_org = record.to_org.as_str().to_string();
                let id = match (record.kind, record.end_on) {
                    (TransferKind::ChinhThuc, _) | (_, None) => {
                        let new = NewTransfer {
                            member,
                            to_org,
                            decision_on: record.decision_on,
                        };
                        write::decide(c, scope, ctx, &new)?
                    }
                    (kind, Some(to)) => {
                        let new = NewTemporary {
                            member,
                            to_org,
                            kind,
                            from: record.decision_on,
                            to,
                        };
                        write::attend(c, scope, ctx, &new)?
                    }
                };
                for step in record.steps() {
                    write::step(c, scope, ctx, id, &step)?;
                }
            }
            Ok(records.len())
        })
    }
}
