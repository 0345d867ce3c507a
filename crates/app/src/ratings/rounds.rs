//! Rating rounds: open, step, close. Every step is dated on the caller's day and signed by
//! the caller; a member may record only their own self-assessment, every other step needs
//! the right to change records, and storage decides at which level (the cell proposes, the
//! grassroots committee decides members, the direct superior decides organizations, only
//! the deciding level reopens).

use crate::records::{
    CloseOutcome, MemberEntry, MemberStep, NewRound, OrgEntry, OrgStep, RoundFill, RoundOutcome,
    RoundSummary, RoundView,
};
use crate::{App, Caller, Error};
use dangvu_domain::roles::Capability;
use dangvu_domain::{MemberCode, OrgCode};

impl App {
    /// Opens a round for the subtree of `new.org`: committees' staff.
    pub fn open_rating_round(&self, caller: &Caller, new: &NewRound) -> Result<i64, Error> {
        caller.permit(Capability::WriteRecords)?;
        if new.deadline < new.opened_on {
            return Err(Error::Store(dangvu_storage::StoreError::Invalid(
                "hạn hoàn thành trước ngày mở đợt / the deadline is before the opening day".into(),
            )));
        }
        Ok(self
            .store
            .open_rating_round(caller.scope(), caller.audit(), new)?)
    }

    /// Opens a round and fills its steps from the year's stored ratings (the demo's rounds,
    /// the benchmark's); administrators only.
    pub fn load_rating_round(
        &self,
        caller: &Caller,
        new: &NewRound,
        fill: RoundFill,
    ) -> Result<i64, Error> {
        Ok(self
            .store
            .load_rating_round(caller.scope(), caller.audit(), new, fill)?)
    }

    /// The rounds the caller reaches (a member: those they are rated in).
    pub fn rating_rounds(&self, caller: &Caller) -> Result<Vec<RoundSummary>, Error> {
        permit_read(caller)?;
        Ok(self.store.rating_rounds(caller.scope())?)
    }

    /// One round, with the rows the caller reaches within `part`'s subtree.
    pub fn rating_round(
        &self,
        caller: &Caller,
        id: i64,
        part: Option<&OrgCode>,
    ) -> Result<RoundView, Error> {
        permit_read(caller)?;
        Ok(self.store.rating_round(caller.scope(), id, part)?)
    }

    /// One member's row of a round (the member themself, or readers reaching their cell).
    pub fn rating_round_member(
        &self,
        caller: &Caller,
        id: i64,
        member: &MemberCode,
    ) -> Result<(RoundSummary, MemberEntry), Error> {
        permit_read(caller)?;
        Ok(self.store.rating_round_member(caller.scope(), id, member)?)
    }

    /// One organization's row of a round (readers reaching it).
    pub fn rating_round_org(
        &self,
        caller: &Caller,
        id: i64,
        org: &OrgCode,
    ) -> Result<(RoundSummary, OrgEntry), Error> {
        permit_read(caller)?;
        Ok(self.store.rating_round_org(caller.scope(), id, org)?)
    }

    /// Records a step on a member: their own self-assessment, or any step for those who
    /// change records.
    pub fn record_member_rating_step(
        &self,
        caller: &Caller,
        id: i64,
        member: &MemberCode,
        step: &MemberStep,
    ) -> Result<RoundOutcome, Error> {
        let own = caller.scope().own_member() == Some(member);
        if !(own && matches!(step, MemberStep::SelfAssess(_))) {
            caller.permit(Capability::WriteRecords)?;
        }
        let on = caller.scope().today();
        Ok(self.store.record_member_rating_step(
            caller.scope(),
            caller.audit(),
            id,
            member,
            step,
            on,
        )?)
    }

    /// Records a step on an organization.
    pub fn record_org_rating_step(
        &self,
        caller: &Caller,
        id: i64,
        org: &OrgCode,
        step: &OrgStep,
    ) -> Result<RoundOutcome, Error> {
        caller.permit(Capability::WriteRecords)?;
        let on = caller.scope().today();
        Ok(self
            .store
            .record_org_rating_step(caller.scope(), caller.audit(), id, org, step, on)?)
    }

    /// Closes a round: the committee that opened it.
    pub fn close_rating_round(&self, caller: &Caller, id: i64) -> Result<CloseOutcome, Error> {
        caller.permit(Capability::WriteRecords)?;
        let on = caller.scope().today();
        Ok(self
            .store
            .close_rating_round(caller.scope(), caller.audit(), id, on)?)
    }
}

/// Readers of records, and members for the rounds they are rated in.
fn permit_read(caller: &Caller) -> Result<(), Error> {
    caller
        .permit(Capability::ReadRecords)
        .or_else(|_| caller.permit(Capability::ReadOwnRecord))
}
