//! Official transfers not yet received, for the due list: due 60 working days after the
//! decision (`transfer_deadline`), listed for both the sending and the receiving side.

use super::{access, rows};
use crate::{Scope, Store, StoreError};
use dangvu_domain::Date;
use dangvu_domain::calendar::WorkingCalendar;
use dangvu_domain::due::{DueItem, DueKind};

impl Store {
    /// The official transfers decided by `as_of` and neither received nor cancelled by
    /// then, in the scope through either organization. The item's subject is the
    /// transfer's number, its organization the receiving one (which owes the
    /// registration) when the scope reaches it, else the sending one.
    #[tracing::instrument(skip_all, fields(%as_of), err)]
    pub fn transfer_due_items(
        &self,
        scope: &Scope,
        as_of: Date,
        calendar: &WorkingCalendar,
    ) -> Result<Vec<DueItem>, StoreError> {
        self.read(|c| {
            let found = access::reached_rows(c, scope, as_of)?;
            let views = rows::assemble(c, scope, found, calendar)?;
            Ok(views
                .into_iter()
                .filter(|v| v.decision_on <= as_of)
                .filter(|v| v.received_on.is_none_or(|d| d > as_of))
                .filter(|v| v.cancelled_on.is_none_or(|d| d > as_of))
                .filter_map(|v| {
                    let due_on = v.due_on?;
                    let org = if v.receiver_side || !v.sender_side {
                        v.to
                    } else {
                        v.from
                    };
                    Some(DueItem {
                        kind: DueKind::TransferCompletion,
                        subject: v.id.to_string(),
                        person: v.person,
                        org: org.code,
                        since: v.decision_on,
                        due_on,
                    })
                })
                .collect())
        })
    }
}
