//! The lifecycle use cases of the store: each runs in one transaction, the change and its
//! audit row together; a refused change writes nothing.

use super::views::{LifecycleView, NewBadgeAward, NewExit};
use super::{facts, history};
use crate::audit::{self, Change};
use crate::db::conn::DbConnection;
use crate::db::schema::{badge_awards as b, party_age_interruptions as pi};
use crate::tree::access::visible_member;
use crate::{AuditAction, AuditContext, AuditEntity, Scope, Store, StoreError};
use dangvu_domain::dates::Period;
use dangvu_domain::enums::Enumeration;
use dangvu_domain::lifecycle::badges::check_award;
use dangvu_domain::lifecycle::party_age::reaches_on;
use diesel::prelude::*;
use serde::Serialize;

impl Store {
    /// The lifecycle of member `code`: party age facts, badges, status timeline.
    #[tracing::instrument(skip_all, fields(member = code), err)]
    pub fn member_lifecycle(&self, scope: &Scope, code: &str) -> Result<LifecycleView, StoreError> {
        self.read(|c| {
            let id = visible_member(c, scope, code)?;
            facts::view(c, id)
        })
    }

    /// Records that member `code` left the rolls: the exit's status from its day, the open
    /// registration closed that day (the member's account is then refused from that day,
    /// `dangvu_domain::standing::account_closed_on`).
    #[tracing::instrument(skip_all, fields(member = code, actor = %ctx.actor), err)]
    pub fn record_exit(
        &self,
        scope: &Scope,
        ctx: &AuditContext,
        code: &str,
        exit: &NewExit,
    ) -> Result<(), StoreError> {
        if exit.kind.needs_case() && exit.case.is_none() {
            return Err(StoreError::Invalid(
                "xóa tên cần nêu trường hợp / striking off needs its case".into(),
            ));
        }
        self.write(|c| {
            let id = visible_member(c, scope, code)?;
            super::exemptions::require_admitted(c, id, exit.on)?;
            history::tracked(c, id, |c| {
                history::set_status_from(c, id, exit.kind.status(), exit.on)?;
                history::close_registration(c, id, exit.on)
            })?;
            audited(c, ctx, AuditAction::LifecycleExit, code, exit)
        })
    }

    /// Records a Party badge award; an early one needs a reason within its allowance,
    /// a milestone already awarded is a conflict.
    #[tracing::instrument(skip_all, fields(member = code, actor = %ctx.actor), err)]
    pub fn record_badge_award(
        &self,
        scope: &Scope,
        ctx: &AuditContext,
        code: &str,
        award: &NewBadgeAward,
    ) -> Result<(), StoreError> {
        self.write(|c| {
            let id = visible_member(c, scope, code)?;
            let facts = facts::party_age_facts(c, id)?;
            let reached = reaches_on(&facts, award.milestone).ok_or_else(|| {
                StoreError::Invalid(
                    "đảng viên chưa có tuổi đảng / the member has no party age".into(),
                )
            })?;
            check_award(award.milestone, reached, award.awarded_on, award.early)
                .map_err(|e| StoreError::Invalid(e.to_string()))?;
            let milestone = i32::try_from(award.milestone)
                .map_err(|_| StoreError::Invalid(award.milestone.to_string()))?;
            let taken: i64 = b::table
                .filter(b::member_id.eq(id))
                .filter(b::milestone.eq(milestone))
                .count()
                .get_result(c)?;
            if taken > 0 {
                return Err(StoreError::Conflict {
                    field: "moc".into(),
                });
            }
            diesel::insert_into(b::table)
                .values((
                    b::member_id.eq(id),
                    b::milestone.eq(milestone),
                    b::awarded_on.eq(award.awarded_on),
                    b::early_reason.eq(award.early.map(|r| r.code())),
                ))
                .execute(c)?;
            audited(c, ctx, AuditAction::LifecycleBadge, code, award)
        })
    }

    /// Records a period `[from, to)` that does not count towards member `code`'s party age.
    #[tracing::instrument(skip_all, fields(member = code, actor = %ctx.actor), err)]
    pub fn record_interruption(
        &self,
        scope: &Scope,
        ctx: &AuditContext,
        code: &str,
        period: Period,
    ) -> Result<(), StoreError> {
        if period.from >= period.to {
            return Err(StoreError::Invalid(
                "ngày kết thúc phải sau ngày bắt đầu / the end must follow the start".into(),
            ));
        }
        self.write(|c| {
            let id = visible_member(c, scope, code)?;
            diesel::insert_into(pi::table)
                .values((
                    pi::member_id.eq(id),
                    pi::valid_from.eq(period.from),
                    pi::valid_to.eq(period.to),
                ))
                .execute(c)?;
            audited(c, ctx, AuditAction::LifecycleInterruption, code, &period)
        })
    }
}

/// The audit row of a lifecycle change of member `code`, the change as JSON.
pub(super) fn audited(
    conn: &mut DbConnection,
    ctx: &AuditContext,
    action: AuditAction,
    code: &str,
    change: &impl Serialize,
) -> Result<(), StoreError> {
    audit::record(
        conn,
        ctx,
        Change {
            action,
            entity: AuditEntity::Member,
            entity_code: Some(code),
            before_json: None,
            after_json: Some(serde_json::to_string(change)?),
        },
    )
}
