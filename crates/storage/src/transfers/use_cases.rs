//! The transfer use cases of the store that write: each runs in one transaction with its
//! audit row, and answers the transfer as the caller now sees it.

use super::views::{NewTemporary, NewTransfer, TransferView};
use super::{access, rows, write};
use crate::{AuditContext, Scope, Store, StoreError};
use dangvu_domain::calendar::WorkingCalendar;
use dangvu_domain::lifecycle::TransferStep;

impl Store {
    /// Records the sending organization's decision to transfer member `new.member`
    /// officially to `new.to_org`. The member must be in scope and registered in a cell
    /// on the decision day; the receiving cell may lie outside the scope.
    #[tracing::instrument(skip_all, fields(member = new.member, actor = %ctx.actor), err)]
    pub fn decide_transfer(
        &self,
        scope: &Scope,
        ctx: &AuditContext,
        new: &NewTransfer,
        calendar: &WorkingCalendar,
    ) -> Result<TransferView, StoreError> {
        self.write(|c| {
            let id = write::decide(c, scope, ctx, new)?;
            view(c, scope, id, calendar)
        })
    }

    /// Records a temporary attendance `[from, to)` at a host cell; its length must fit
    /// its kind (`temporary_length_ok`). The registration does not change.
    #[tracing::instrument(skip_all, fields(member = new.member, actor = %ctx.actor), err)]
    pub fn record_temporary_attendance(
        &self,
        scope: &Scope,
        ctx: &AuditContext,
        new: &NewTemporary,
        calendar: &WorkingCalendar,
    ) -> Result<TransferView, StoreError> {
        self.write(|c| {
            let id = write::attend(c, scope, ctx, new)?;
            view(c, scope, id, calendar)
        })
    }

    /// Records a step of transfer `id` (introduction and cancellation by the sending
    /// side, registration by the receiving side).
    #[tracing::instrument(skip_all, fields(transfer = id, actor = %ctx.actor), err)]
    pub fn record_transfer_step(
        &self,
        scope: &Scope,
        ctx: &AuditContext,
        id: i64,
        step: &TransferStep,
        calendar: &WorkingCalendar,
    ) -> Result<TransferView, StoreError> {
        self.write(|c| {
            write::step(c, scope, ctx, id, step)?;
            view(c, scope, id, calendar)
        })
    }
}

/// Transfer `id` as `scope` sees it.
pub(super) fn view(
    conn: &mut crate::db::conn::DbConnection,
    scope: &Scope,
    id: i64,
    calendar: &WorkingCalendar,
) -> Result<TransferView, StoreError> {
    let row = access::visible_row(conn, scope, id)?;
    rows::assemble(conn, scope, vec![row], calendar)?
        .pop()
        .ok_or_else(|| access::not_found(id))
}
