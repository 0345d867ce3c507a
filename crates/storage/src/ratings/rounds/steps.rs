//! Recording a step on a member of a round: who may take it at which
//! level, the domain's checks, the row, the yearly rating and the audit row, in the
//! caller's transaction. A refused step writes nothing.

use super::access::{Reached, RoundAccess};
use super::decide::{member_rating, unit_levels};
use super::views::{MemberStep, RoundOutcome};
use crate::audit::{self, Change};
use crate::db::conn::DbConnection;
use crate::db::schema::{members, round_members as rm};
use crate::{AuditAction, AuditContext, AuditEntity, Entity, Scope, StoreError};
use dangvu_domain::enums::Enumeration;
use dangvu_domain::ratings::rounds::reopen_allowed;
use dangvu_domain::ratings::{
    DecisionCheck, LegacyMemberLabel, Scheme, Violation, check_member_decision,
};
use dangvu_domain::{Date, MemberCode, OrgCode};
use diesel::prelude::*;

/// A refusal the reader must act on (422), in both languages.
pub(super) fn refused(vi: &str, en: &str) -> StoreError {
    StoreError::Invalid(format!("{vi} / {en}"))
}

/// Records `step` on `member` in round `access`.
pub(crate) fn member_step(
    conn: &mut DbConnection,
    scope: &Scope,
    ctx: &AuditContext,
    access: &RoundAccess,
    member: &MemberCode,
    step: &MemberStep,
    on: Date,
) -> Result<RoundOutcome, StoreError> {
    let not_found = || StoreError::NotFound {
        entity: Entity::Member,
        code: member.to_string(),
    };
    let member_id: i64 = members::table
        .filter(members::code.eq(member.as_str()))
        .select(members::id)
        .first(conn)
        .optional()?
        .ok_or_else(not_found)?;
    let row: Option<(i64, i64, Option<String>)> = rm::table
        .filter(
            rm::round_id
                .eq(access.row.id)
                .and(rm::member_id.eq(member_id)),
        )
        .select((rm::cell_id, rm::unit_id, rm::decided_org))
        .first(conn)
        .optional()?;
    let (cell, unit, decided_org) = row.ok_or_else(not_found)?;
    let own = matches!(access.reached, Reached::Member(id) if id == member_id);
    if !own && !access.reached.org(cell) {
        return Err(not_found());
    }
    let rules = access.rules();
    let target = rm::table.filter(
        rm::round_id
            .eq(access.row.id)
            .and(rm::member_id.eq(member_id)),
    );
    let mut excepted = Vec::new();
    match step {
        MemberStep::SelfAssess(a) => {
            check_points(rules.points.is_some(), a.points)?;
            diesel::update(target)
                .set((
                    rm::self_level.eq(a.level.code()),
                    rm::self_points.eq(a.points.map(i32::from)),
                    rm::self_text.eq(&a.text),
                    rm::self_form.eq(a.form.code()),
                    rm::self_on.eq(on),
                    rm::self_by.eq(&ctx.actor),
                ))
                .execute(conn)?;
        }
        MemberStep::Propose(p) if !own => {
            check_points(rules.points.is_some(), p.points)?;
            if !p.is_carried() {
                return Err(refused(
                    "Đề xuất cần quá nửa số đảng viên biểu quyết tán thành",
                    "a proposal needs more than half of the votes cast",
                ));
            }
            let votes = |n: u32| i32::try_from(n).unwrap_or(i32::MAX);
            diesel::update(target)
                .set((
                    rm::proposed_level.eq(p.level.code()),
                    rm::proposed_points.eq(p.points.map(i32::from)),
                    rm::votes_for.eq(votes(p.votes_for)),
                    rm::votes_cast.eq(votes(p.votes_cast)),
                    rm::proposed_on.eq(on),
                    rm::proposed_by.eq(&ctx.actor),
                ))
                .execute(conn)?;
        }
        MemberStep::Decide(d) if !own => {
            if !access.reached.org(unit) {
                return Err(refused(
                    "Chỉ cấp ủy cơ sở (hoặc cấp trên) quyết định xếp loại đảng viên",
                    "only the grassroots committee (or a level above) decides members' ratings",
                ));
            }
            let mut levels = unit_levels(conn, access.row.id, unit, member_id)?;
            levels.push(d.level);
            match check_member_decision(rules, d, false, &levels) {
                DecisionCheck::Refused(v) => return Ok(RoundOutcome::Refused(v)),
                DecisionCheck::Passed { excepted: e } => excepted = e,
            }
            let label = (rules.scheme == Scheme::TrongSachVungManh)
                .then(|| LegacyMemberLabel::of_level(d.level).code().to_string());
            diesel::update(target)
                .set((
                    rm::decided_level.eq(d.level.code()),
                    rm::decided_label.eq(label),
                    rm::decided_points.eq(d.points.map(i32::from)),
                    rm::decided_reason.eq(d.reason.as_deref()),
                    rm::exceptions.eq(codes(&excepted)),
                    rm::decided_on.eq(on),
                    rm::decided_by.eq(&ctx.actor),
                    rm::decided_org.eq(scope.root().map(OrgCode::as_str)),
                ))
                .execute(conn)?;
            member_rating(conn, access, member_id, Some((d.level, d.points)))?;
        }
        MemberStep::Reopen(reason) if !own => {
            reopen_check(scope, decided_org.as_deref(), reason)?;
            diesel::update(target)
                .set((
                    rm::decided_level.eq(None::<String>),
                    rm::decided_label.eq(None::<String>),
                    rm::decided_points.eq(None::<i32>),
                    rm::decided_reason.eq(None::<String>),
                    rm::exceptions.eq(None::<String>),
                    rm::decided_on.eq(None::<Date>),
                    rm::decided_by.eq(None::<String>),
                    rm::decided_org.eq(None::<String>),
                ))
                .execute(conn)?;
            member_rating(conn, access, member_id, None)?;
            super::close::reopen_round(conn, access.row.id)?;
        }
        _ => return Err(not_found()),
    }
    audit_step(
        conn,
        ctx,
        access.row.id,
        serde_json::json!({
            "dang_vien": member.as_str(), "buoc": step_name_member(step),
            "chi_tiet": format!("{step:?}"), "ngoai_le": codes(&excepted),
        }),
    )?;
    Ok(RoundOutcome::Recorded(excepted))
}

/// Only the level that decided may reopen, and it says why.
pub(super) fn reopen_check(
    scope: &Scope,
    decided_org: Option<&str>,
    reason: &str,
) -> Result<(), StoreError> {
    if reason.trim().is_empty() {
        return Err(refused(
            "Mở lại xếp loại cần ghi lý do",
            "reopening needs a reason",
        ));
    }
    if !reopen_allowed(scope.root().map(OrgCode::as_str), decided_org) {
        return Err(refused(
            "Chỉ cấp đã quyết định mới được mở lại xếp loại",
            "only the level that decided may reopen the rating",
        ));
    }
    Ok(())
}

/// Points only where the period scores, out of 100.
pub(super) fn check_points(scored: bool, points: Option<u8>) -> Result<(), StoreError> {
    match points {
        Some(_) if !scored => Err(refused(
            "Kỳ đánh giá này không chấm điểm; bỏ trống ô điểm",
            "this period is not scored; leave the points empty",
        )),
        Some(p) if p > 100 => Err(refused("Điểm tối đa là 100", "at most 100 points")),
        _ => Ok(()),
    }
}

/// The codes of the rules broken by exception, as stored.
pub(super) fn codes(excepted: &[Violation]) -> Option<String> {
    (!excepted.is_empty()).then(|| {
        excepted
            .iter()
            .map(|v| v.rule.code())
            .collect::<Vec<_>>()
            .join(" ")
    })
}

fn step_name_member(step: &MemberStep) -> &'static str {
    match step {
        MemberStep::SelfAssess(_) => "tu_danh_gia",
        MemberStep::Propose(_) => "de_xuat",
        MemberStep::Decide(_) => "quyet_dinh",
        MemberStep::Reopen(_) => "mo_lai",
    }
}

pub(super) fn audit_step(
    conn: &mut DbConnection,
    ctx: &AuditContext,
    round: i64,
    after: serde_json::Value,
) -> Result<(), StoreError> {
    audit::record(
        conn,
        ctx,
        Change {
            action: AuditAction::RatingStep,
            entity: AuditEntity::RatingRound,
            entity_code: Some(&round.to_string()),
            before_json: None,
            after_json: Some(after.to_string()),
        },
    )
}
