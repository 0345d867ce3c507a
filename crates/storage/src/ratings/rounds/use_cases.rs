//! The rating-round use cases of the store: each runs in one transaction, the change and its
//! audit row together; a refused step or close writes nothing.

use super::access::round;
use super::views::{
    CloseOutcome, MemberStep, NewRound, OrgStep, RoundOutcome, RoundSummary, RoundView,
};
use super::{close, open, org_steps, read, steps};
use crate::{AuditContext, Scope, Store, StoreError};
use dangvu_domain::{Date, MemberCode, OrgCode};

impl Store {
    /// Opens a round for `new.org`'s subtree with the members rated on its reference day;
    /// answers its number.
    #[tracing::instrument(skip_all, fields(org = %new.org, year = new.year), err)]
    pub fn open_rating_round(
        &self,
        scope: &Scope,
        ctx: &AuditContext,
        new: &NewRound,
    ) -> Result<i64, StoreError> {
        self.write(|c| open::open(c, scope, ctx, new))
    }

    /// Opens `new` and fills it from the year's stored ratings (the demo's rounds of history,
    /// the benchmark's round under way); administrators only.
    #[tracing::instrument(skip_all, fields(org = %new.org, year = new.year), err)]
    pub fn load_rating_round(
        &self,
        scope: &Scope,
        ctx: &AuditContext,
        new: &NewRound,
        fill: super::views::RoundFill,
    ) -> Result<i64, StoreError> {
        self.write(|c| super::load::load(c, scope, ctx, new, fill))
    }

    /// The rounds the scope reaches, newest first, with their progress.
    #[tracing::instrument(skip_all, err)]
    pub fn rating_rounds(&self, scope: &Scope) -> Result<Vec<RoundSummary>, StoreError> {
        self.read(|c| read::list(c, scope))
    }

    /// Round `id` with the rows the scope reaches in the subtree of `part` (all when `None`).
    #[tracing::instrument(skip_all, fields(round = id), err)]
    pub fn rating_round(
        &self,
        scope: &Scope,
        id: i64,
        part: Option<&OrgCode>,
    ) -> Result<RoundView, StoreError> {
        self.read(|c| read::view(c, scope, id, part))
    }

    /// Round `id` and `member`'s row in it.
    #[tracing::instrument(skip_all, fields(round = id, member = %member), err)]
    pub fn rating_round_member(
        &self,
        scope: &Scope,
        id: i64,
        member: &MemberCode,
    ) -> Result<(RoundSummary, super::views::MemberEntry), StoreError> {
        self.read(|c| read::member_view(c, scope, id, member))
    }

    /// Round `id` and `org`'s row in it.
    #[tracing::instrument(skip_all, fields(round = id, org = %org), err)]
    pub fn rating_round_org(
        &self,
        scope: &Scope,
        id: i64,
        org: &OrgCode,
    ) -> Result<(RoundSummary, super::views::OrgEntry), StoreError> {
        self.read(|c| read::org_view(c, scope, id, org))
    }

    /// Records a step on a member of round `id` on `on`.
    #[tracing::instrument(skip_all, fields(round = id, member = %member, actor = %ctx.actor), err)]
    pub fn record_member_rating_step(
        &self,
        scope: &Scope,
        ctx: &AuditContext,
        id: i64,
        member: &MemberCode,
        step: &MemberStep,
        on: Date,
    ) -> Result<RoundOutcome, StoreError> {
        self.write(|c| {
            let access = round(c, scope, id)?;
            open_for_steps(&access, step_reopens_member(step))?;
            steps::member_step(c, scope, ctx, &access, member, step, on)
        })
    }

    /// Records a step on an organization of round `id` on `on`.
    #[tracing::instrument(skip_all, fields(round = id, org = %org, actor = %ctx.actor), err)]
    pub fn record_org_rating_step(
        &self,
        scope: &Scope,
        ctx: &AuditContext,
        id: i64,
        org: &OrgCode,
        step: &OrgStep,
        on: Date,
    ) -> Result<RoundOutcome, StoreError> {
        self.write(|c| {
            let access = round(c, scope, id)?;
            open_for_steps(&access, matches!(step, OrgStep::Reopen(_)))?;
            org_steps::org_step(c, scope, ctx, &access, org, step, on)
        })
    }

    /// Closes round `id` on `on`: the rest decided as proposed, the checks over the final
    /// levels, the yearly ratings written.
    #[tracing::instrument(skip_all, fields(round = id, actor = %ctx.actor), err)]
    pub fn close_rating_round(
        &self,
        scope: &Scope,
        ctx: &AuditContext,
        id: i64,
        on: Date,
    ) -> Result<CloseOutcome, StoreError> {
        self.write(|c| {
            let access = round(c, scope, id)?;
            close::close(c, scope, ctx, &access, on)
        })
    }
}

fn step_reopens_member(step: &MemberStep) -> bool {
    matches!(step, MemberStep::Reopen(_))
}

/// A closed round takes no step but a reopening.
fn open_for_steps(access: &super::access::RoundAccess, reopens: bool) -> Result<(), StoreError> {
    if access.row.closed_on.is_some() && !reopens {
        return Err(steps::refused(
            "Đợt xếp loại đã kết thúc; cấp đã quyết định có thể mở lại từng trường hợp",
            "the round is closed; the deciding level may reopen a rating",
        ));
    }
    Ok(())
}
