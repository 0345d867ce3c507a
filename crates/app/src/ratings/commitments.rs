//! Signed commitments of heads and deputies (issue 13): signed for a year, evaluated at
//! year end (met or not met), listed for a subtree's year, and counted in the term report.

use super::{invalid, not_after_today};
use crate::{App, Caller, Error};
use dangvu_domain::ratings::{Commitment, Evaluation};
use dangvu_domain::roles::Capability;
use dangvu_domain::summary::term::Commitments;
use dangvu_domain::{Date, MemberCode, OrgCode};
use dangvu_storage::CommitmentView;

impl App {
    /// Records a signed commitment (staff and secretaries of the organization or above
    /// it); the signer must be a member the caller reaches, the day not after today.
    pub fn sign_commitment(
        &self,
        caller: &Caller,
        new: &Commitment,
    ) -> Result<CommitmentView, Error> {
        caller.permit(Capability::WriteRecords)?;
        not_after_today(caller, new.signed_on)?;
        if let Some(evaluation) = &new.evaluation {
            not_after_today(caller, evaluation.on)?;
        }
        new.check().map_err(|p| invalid(p.message()))?;
        Ok(self
            .store
            .sign_commitment(caller.scope(), caller.audit(), new)?)
    }

    /// Records the year-end evaluation of commitment `code`: met or not met, on a day
    /// not before the signing and not after today.
    pub fn evaluate_commitment(
        &self,
        caller: &Caller,
        code: &str,
        evaluation: Evaluation,
    ) -> Result<CommitmentView, Error> {
        caller.permit(Capability::WriteRecords)?;
        not_after_today(caller, evaluation.on)?;
        Ok(self
            .store
            .evaluate_commitment(caller.scope(), caller.audit(), code, evaluation)?)
    }

    /// The commitments `member` signed (of `year`, or every year): readers of records
    /// within their scope, and a member for their own (their review as a committee member).
    pub fn member_commitments(
        &self,
        caller: &Caller,
        member: &MemberCode,
        year: Option<i32>,
    ) -> Result<Vec<CommitmentView>, Error> {
        caller
            .permit(Capability::ReadRecords)
            .or_else(|_| caller.permit(Capability::ReadOwnRecord))?;
        Ok(self
            .store
            .member_commitments(caller.scope(), member, year)?)
    }

    /// Commitment `code`, if the caller reaches its organization.
    pub fn commitment(&self, caller: &Caller, code: &str) -> Result<CommitmentView, Error> {
        caller.permit(Capability::ReadRecords)?;
        Ok(self.store.commitment(caller.scope(), code)?)
    }

    /// The commitments for `year` of `org`'s subtree (its organizations on the signing
    /// day), by signing day.
    pub fn commitments(
        &self,
        caller: &Caller,
        org: &OrgCode,
        year: i32,
    ) -> Result<Vec<CommitmentView>, Error> {
        caller.permit(Capability::ReadRecords)?;
        Ok(self.store.commitments(caller.scope(), org, year)?)
    }

    /// The term report's `commitments` of `org`'s subtree for `from..=to`.
    pub fn commitment_figures(
        &self,
        caller: &Caller,
        org: &OrgCode,
        from: Date,
        to: Date,
    ) -> Result<Commitments, Error> {
        caller.permit(Capability::ReadRecords)?;
        Ok(self
            .store
            .commitment_figures(caller.scope(), org, (from, to))?)
    }
}
