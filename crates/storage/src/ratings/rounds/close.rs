//! Closing a round: what is still undecided is decided as the cell proposed (members) or
//! as the organization reviewed itself (organizations), after the quota of every grassroots
//! organization and the ties of every organization are checked over the final levels; then
//! the yearly ratings are written in bulk and the figures kept from them refreshed, in one
//! transaction. A refusal writes nothing and names each rule broken.

use super::access::RoundAccess;
use super::final_levels::{MemberLevels, OrgLevels};
use super::steps::refused;
use super::views::{CloseOutcome, CloseReport};
use crate::audit::{self, Change};
use crate::db::conn::DbConnection;
use crate::db::schema::{
    member_ratings as mr, org_ratings as or, rating_rounds as rr, round_members as rm,
    round_orgs as ro,
};
use crate::reports::subtree::{self, Parts};
use crate::reports::tallies::refresh as tallies;
use crate::{AuditAction, AuditContext, AuditEntity, Scope, StoreError};
use dangvu_domain::enums::Enumeration;
use dangvu_domain::ratings::{LegacyMemberLabel, LegacyOrgLabel, Scheme};
use dangvu_domain::{Date, OrgCode, Rating};
use diesel::prelude::*;
use std::collections::BTreeSet;

/// Marks round `id` open again (a decision of it was reopened).
pub(crate) fn reopen_round(conn: &mut DbConnection, id: i64) -> Result<(), StoreError> {
    diesel::update(rr::table.find(id))
        .set((
            rr::closed_on.eq(None::<Date>),
            rr::closed_by.eq(None::<String>),
        ))
        .execute(conn)?;
    Ok(())
}

/// Closes the round of `access` on `on`.
pub(crate) fn close(
    conn: &mut DbConnection,
    scope: &Scope,
    ctx: &AuditContext,
    access: &RoundAccess,
    on: Date,
) -> Result<CloseOutcome, StoreError> {
    let id = access.row.id;
    if access.row.closed_on.is_some() {
        return Err(refused(
            "Đợt xếp loại đã kết thúc",
            "the round is already closed",
        ));
    }
    if !access.reached.org(access.row.org_id) {
        return Err(refused(
            "Chỉ cấp ủy đã mở đợt mới kết thúc đợt",
            "only the committee that opened the round closes it",
        ));
    }
    let members = MemberLevels::read(conn, id)?;
    let orgs = OrgLevels::read(conn, id)?;
    if members.missing > 0 || orgs.missing > 0 {
        return Err(refused(
            &format!(
                "Còn {} đảng viên chưa có đề xuất của chi bộ và {} tổ chức chưa tự kiểm điểm",
                members.missing, orgs.missing
            ),
            &format!(
                "{} members have no proposal and {} organizations no self-review yet",
                members.missing, orgs.missing
            ),
        ));
    }
    let mut found = members.quota_violations(conn, access)?;
    found.extend(orgs.linkage_violations(conn, access, &members)?);
    if !found.is_empty() {
        return Ok(CloseOutcome::Refused(found));
    }
    let decided_org = scope.root().map(OrgCode::as_str);
    let mut report = CloseReport {
        members_decided: decide_as_proposed(conn, access, (on, &ctx.actor), decided_org)?,
        ..CloseReport::default()
    };
    if access.kind.is_yearly() {
        report.written = write_ratings(conn, access.row.year, id, &members, &orgs)?;
    }
    diesel::update(rr::table.find(id))
        .set((rr::closed_on.eq(on), rr::closed_by.eq(&ctx.actor)))
        .execute(conn)?;
    audit::record(
        conn,
        ctx,
        Change {
            action: AuditAction::RatingRoundClose,
            entity: AuditEntity::RatingRound,
            entity_code: Some(&id.to_string()),
            before_json: None,
            after_json: Some(
                serde_json::json!({
                    "quyet_dinh_theo_de_xuat": report.members_decided,
                    "xep_loai_dang_vien": report.written.0, "xep_loai_to_chuc": report.written.1,
                })
                .to_string(),
            ),
        },
    )?;
    Ok(CloseOutcome::Closed(report))
}

/// Decides every undecided row of the round as proposed: a member at the cell's proposal
/// (with its points), an organization at its self-review, the old scheme's label kept for
/// the years it applies; decided on `on` by `by` at the level `decided_org` (`None` for the
/// whole installation). One statement per level and table. Returns the members decided.
pub(super) fn decide_as_proposed(
    conn: &mut DbConnection,
    access: &RoundAccess,
    (on, by): (Date, &str),
    decided_org: Option<&str>,
) -> Result<u64, StoreError> {
    let id = access.row.id;
    let legacy = access.rules().scheme == Scheme::TrongSachVungManh;
    let mut members_decided = 0;
    for level in Rating::ALL.iter().copied() {
        let label = legacy.then(|| LegacyMemberLabel::of_level(level).code());
        let n = diesel::update(
            rm::table
                .filter(rm::round_id.eq(id).and(rm::decided_level.is_null()))
                .filter(rm::proposed_level.eq(level.code())),
        )
        .set((
            rm::decided_level.eq(level.code()),
            rm::decided_label.eq(label),
            rm::decided_points.eq(rm::proposed_points),
            rm::decided_on.eq(on),
            rm::decided_by.eq(by),
            rm::decided_org.eq(decided_org),
        ))
        .execute(conn)?;
        members_decided += n as u64;
        let label = legacy.then(|| LegacyOrgLabel::of_level(level).code());
        diesel::update(
            ro::table
                .filter(ro::round_id.eq(id).and(ro::decided_level.is_null()))
                .filter(ro::self_level.eq(level.code())),
        )
        .set((
            ro::decided_level.eq(level.code()),
            ro::decided_label.eq(label),
            ro::decided_on.eq(on),
            ro::decided_by.eq(by),
            ro::decided_org.eq(decided_org),
        ))
        .execute(conn)?;
    }
    Ok(members_decided)
}

/// Replaces the year's ratings of the round's members and organizations by its decisions,
/// and refreshes the cells' tallies and the organizations' figures.
fn write_ratings(
    conn: &mut DbConnection,
    year: i32,
    id: i64,
    members: &MemberLevels,
    orgs: &OrgLevels,
) -> Result<(u64, u64), StoreError> {
    let in_round = rm::table.filter(rm::round_id.eq(id)).select(rm::member_id);
    diesel::delete(
        mr::table
            .filter(mr::year.eq(year))
            .filter(mr::member_id.eq_any(in_round)),
    )
    .execute(conn)?;
    let decided = rm::table.filter(rm::round_id.eq(id)).select((
        rm::member_id,
        year.into_sql::<diesel::sql_types::Integer>(),
        rm::decided_level.assume_not_null(),
        rm::decided_points,
    ));
    let m = diesel::insert_into(mr::table)
        .values(decided)
        .into_columns((mr::member_id, mr::year, mr::rating, mr::score))
        .execute(conn)?;
    let cells: BTreeSet<i64> = members.rows.iter().map(|r| r.2).collect();
    tallies::refresh(conn, cells)?;
    let org_ids: Vec<i64> = orgs.rows.iter().map(|r| r.0).collect();
    let o = subtree::tracked(conn, &org_ids, Parts::ORG_RATINGS, |c| {
        let in_round = ro::table.filter(ro::round_id.eq(id)).select(ro::org_id);
        diesel::delete(
            or::table
                .filter(or::year.eq(year))
                .filter(or::org_id.eq_any(in_round)),
        )
        .execute(c)?;
        let decided = ro::table.filter(ro::round_id.eq(id)).select((
            ro::org_id,
            year.into_sql::<diesel::sql_types::Integer>(),
            ro::decided_level.assume_not_null(),
            ro::decided_points,
        ));
        Ok(diesel::insert_into(or::table)
            .values(decided)
            .into_columns((or::org_id, or::year, or::rating, or::score))
            .execute(c)?)
    })?;
    Ok((m as u64, o as u64))
}
