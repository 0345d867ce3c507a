//! The use cases of members: a page of a subtree's members, one member's full record —
//! read alone, or opened by a person, which the audit log records in the same transaction.

use super::{detail, list};
use crate::audit::pending::QueuedRow;
use crate::tree::access::{visible_member, visible_org};
use crate::{
    AuditContext, AuditEntity, MemberDetail, MemberPage, MemberQuery, Scope, StatusView, Store,
    StoreError,
};
use dangvu_domain::MemberCode;

impl Store {
    /// A page of the members of a subtree on a date.
    #[tracing::instrument(skip_all, fields(org = %query.org, as_of = %query.as_of, limit = query.limit), err)]
    pub fn members(&self, scope: &Scope, query: &MemberQuery) -> Result<MemberPage, StoreError> {
        self.read(|c| {
            let org_id = visible_org(c, scope, query.org.as_str())?;
            list::page(c, scope, org_id, query)
        })
    }

    /// A member's full record.
    #[tracing::instrument(skip_all, fields(member = %code), err)]
    pub fn member(&self, scope: &Scope, code: &MemberCode) -> Result<MemberDetail, StoreError> {
        self.read(|c| {
            let member_id = visible_member(c, scope, code.as_str())?;
            detail::detail(c, scope, member_id)
        })
    }

    /// A member's status periods, oldest first: what decides whether the member's own
    /// account still works ([`dangvu_domain::standing`]). Not a reading of the record by a
    /// person, so not audited.
    #[tracing::instrument(skip_all, fields(member = %code), err)]
    pub fn member_statuses(
        &self,
        scope: &Scope,
        code: &MemberCode,
    ) -> Result<Vec<StatusView>, StoreError> {
        self.read(|c| {
            let member_id = visible_member(c, scope, code.as_str())?;
            detail::statuses_of(c, member_id)
        })
    }

    /// A member's full record opened by a person (citizen ID included: masking is the
    /// caller's work), with its audit row `read` written in the same transaction. A member
    /// out of scope answers `NotFound` and writes no row, as for [`Store::member`].
    #[tracing::instrument(skip_all, fields(member = %code, actor = %ctx.actor), err)]
    pub fn open_member(
        &self,
        scope: &Scope,
        code: &MemberCode,
        ctx: &AuditContext,
    ) -> Result<MemberDetail, StoreError> {
        self.read_audited(
            |c| {
                let member_id = visible_member(c, scope, code.as_str())?;
                detail::detail(c, scope, member_id)
            },
            |_| QueuedRow::read(ctx, AuditEntity::Member, code.as_str()),
        )
    }
}
