//! Transfers of Party activity (chuyển sinh hoạt đảng, docs/transfers.md): the official
//! transfer as a two-sided workflow and temporary attendance.
//!
//! Reading needs [`Capability::ReadRecords`], recording [`Capability::WriteRecords`]. A
//! transfer is seen by the sending and the receiving side alike; the sending side (the
//! member in scope) decides, issues the introduction and may cancel; the receiving side
//! (the receiving cell in scope) registers the member. Anyone else gets "not found".
//! Deadlines are counted on the installation's working-day calendar; a step dated after
//! today is refused.

use crate::lifecycle::not_after_today;
use crate::{App, Caller, Error};
use dangvu_domain::Date;
use dangvu_domain::due::DueItem;
use dangvu_domain::lifecycle::TransferStep;
use dangvu_domain::roles::Capability;
use dangvu_storage::{NewTemporary, NewTransfer, TransferView};

/// The transfers of a scope, as the list page shows them.
#[derive(Debug, Clone, PartialEq)]
pub struct TransferList {
    /// The day the list is for.
    pub as_of: Date,
    /// Official transfers decided and not yet received nor cancelled.
    pub in_transit: Vec<TransferView>,
    /// Official transfers received.
    pub received: Vec<TransferView>,
    /// Temporary attendances under way on the list's day.
    pub attending: Vec<TransferView>,
    /// Everything else: cancelled transfers, attendances over or still to come.
    pub other: Vec<TransferView>,
}

impl App {
    /// The transfers whose sending or receiving organization the caller reaches, by stage
    /// on `as_of`.
    pub fn transfer_list(&self, caller: &Caller, as_of: Date) -> Result<TransferList, Error> {
        caller.permit(Capability::ReadRecords)?;
        let calendar = self.working_calendar()?;
        let all = self.store.transfers(caller.scope(), as_of, &calendar)?;
        let mut list = TransferList {
            as_of,
            in_transit: Vec::new(),
            received: Vec::new(),
            attending: Vec::new(),
            other: Vec::new(),
        };
        for view in all {
            use dangvu_domain::lifecycle::{TransferKind, TransferStage};
            let shelf = match (view.kind, view.stage()) {
                (_, TransferStage::Cancelled) => &mut list.other,
                (TransferKind::ChinhThuc, TransferStage::Received) => &mut list.received,
                (TransferKind::ChinhThuc, _) => &mut list.in_transit,
                _ if view.attending_on(as_of) => &mut list.attending,
                _ => &mut list.other,
            };
            shelf.push(view);
        }
        list.received.reverse();
        Ok(list)
    }

    /// One transfer, if the caller reaches either side.
    pub fn transfer(&self, caller: &Caller, id: i64) -> Result<TransferView, Error> {
        caller.permit(Capability::ReadRecords)?;
        let calendar = self.working_calendar()?;
        Ok(self.store.transfer(caller.scope(), id, &calendar)?)
    }

    /// Records the sending organization's decision of an official transfer.
    pub fn decide_transfer(
        &self,
        caller: &Caller,
        new: &NewTransfer,
    ) -> Result<TransferView, Error> {
        caller.permit(Capability::WriteRecords)?;
        not_after_today(caller, new.decision_on)?;
        let calendar = self.working_calendar()?;
        Ok(self
            .store
            .decide_transfer(caller.scope(), caller.audit(), new, &calendar)?)
    }

    /// Records a temporary attendance at a host cell (it may begin in the future).
    pub fn record_temporary_attendance(
        &self,
        caller: &Caller,
        new: &NewTemporary,
    ) -> Result<TransferView, Error> {
        caller.permit(Capability::WriteRecords)?;
        let calendar = self.working_calendar()?;
        Ok(self.store.record_temporary_attendance(
            caller.scope(),
            caller.audit(),
            new,
            &calendar,
        )?)
    }

    /// Records a step of transfer `id`.
    pub fn record_transfer_step(
        &self,
        caller: &Caller,
        id: i64,
        step: &TransferStep,
    ) -> Result<TransferView, Error> {
        caller.permit(Capability::WriteRecords)?;
        not_after_today(caller, step.on())?;
        let calendar = self.working_calendar()?;
        Ok(self
            .store
            .record_transfer_step(caller.scope(), caller.audit(), id, step, &calendar)?)
    }

    /// The official transfers not yet received in `scope` on `as_of`: the transfers' part
    /// of the due list.
    pub(crate) fn transfer_due_items(
        &self,
        scope: &crate::Scope,
        as_of: Date,
    ) -> Result<Vec<DueItem>, Error> {
        let calendar = self.working_calendar()?;
        Ok(self.store.transfer_due_items(scope, as_of, &calendar)?)
    }
}
