//! Recording a step on an organization of a round: its collective self-review, the
//! direct superior's decision (checked against its members' or subordinates' levels) and
//! the deciding level's reopening, each with its audit row.

use super::access::RoundAccess;
use super::decide::{org_rating, part_levels};
use super::steps::{audit_step, codes, refused, reopen_check};
use super::views::{OrgStep, RoundOutcome};
use crate::db::conn::DbConnection;
use crate::db::schema::round_orgs as ro;
use crate::tree::sql::org_id;
use crate::{AuditContext, Entity, Scope, StoreError};
use dangvu_domain::enums::Enumeration;
use dangvu_domain::ratings::{DecisionCheck, LegacyOrgLabel, OrgShape, Scheme, check_org_decision};
use dangvu_domain::{Date, OrgCode};
use diesel::prelude::*;

/// Records `step` on organization `org` in round `access`.
pub(crate) fn org_step(
    conn: &mut DbConnection,
    scope: &Scope,
    ctx: &AuditContext,
    access: &RoundAccess,
    org: &OrgCode,
    step: &OrgStep,
    on: Date,
) -> Result<RoundOutcome, StoreError> {
    let not_found = || StoreError::NotFound {
        entity: Entity::Organization,
        code: org.to_string(),
    };
    let id = org_id(conn, org.as_str()).map_err(|_| not_found())?;
    let row: Option<(Option<i64>, String, Option<String>)> = ro::table
        .filter(ro::round_id.eq(access.row.id).and(ro::org_id.eq(id)))
        .select((ro::parent_id, ro::shape, ro::decided_org))
        .first(conn)
        .optional()?;
    let (parent, shape, decided_org) = row.ok_or_else(not_found)?;
    if !access.reached.org(id) {
        return Err(not_found());
    }
    let rules = access.rules();
    let target = ro::table.filter(ro::round_id.eq(access.row.id).and(ro::org_id.eq(id)));
    let mut excepted = Vec::new();
    match step {
        OrgStep::SelfReview(level, text) => {
            diesel::update(target)
                .set((
                    ro::self_level.eq(level.code()),
                    ro::self_text.eq(text),
                    ro::self_on.eq(on),
                    ro::self_by.eq(&ctx.actor),
                ))
                .execute(conn)?;
        }
        OrgStep::Decide(d) => {
            let superior = parent.is_some_and(|p| access.reached.org(p));
            if !superior {
                return Err(refused(
                    "Cấp ủy cấp trên trực tiếp quyết định xếp loại tổ chức đảng (HD 43-HD/BTCTW)",
                    "the direct superior's committee decides an organization's rating",
                ));
            }
            let cell = shape == "CHI_BO";
            let (parts, members) = part_levels(conn, access.row.id, id, cell)?;
            let org_shape = if cell {
                OrgShape::Cell
            } else {
                OrgShape::Committee
            };
            match check_org_decision(rules, d, org_shape, &parts, 0, members) {
                DecisionCheck::Refused(v) => return Ok(RoundOutcome::Refused(v)),
                DecisionCheck::Passed { excepted: e } => excepted = e,
            }
            let label = (rules.scheme == Scheme::TrongSachVungManh)
                .then(|| LegacyOrgLabel::of_level(d.level).code().to_string());
            diesel::update(target)
                .set((
                    ro::decided_level.eq(d.level.code()),
                    ro::decided_label.eq(label),
                    ro::decided_points.eq(d.points.map(i32::from)),
                    ro::decided_reason.eq(d.reason.as_deref()),
                    ro::exceptions.eq(codes(&excepted)),
                    ro::decided_on.eq(on),
                    ro::decided_by.eq(&ctx.actor),
                    ro::decided_org.eq(scope.root().map(OrgCode::as_str)),
                ))
                .execute(conn)?;
            org_rating(conn, access, id, Some((d.level, d.points)))?;
        }
        OrgStep::Reopen(reason) => {
            reopen_check(scope, decided_org.as_deref(), reason)?;
            diesel::update(target)
                .set((
                    ro::decided_level.eq(None::<String>),
                    ro::decided_label.eq(None::<String>),
                    ro::decided_points.eq(None::<i32>),
                    ro::decided_reason.eq(None::<String>),
                    ro::exceptions.eq(None::<String>),
                    ro::decided_on.eq(None::<Date>),
                    ro::decided_by.eq(None::<String>),
                    ro::decided_org.eq(None::<String>),
                ))
                .execute(conn)?;
            org_rating(conn, access, id, None)?;
            super::close::reopen_round(conn, access.row.id)?;
        }
    }
    audit_step(
        conn,
        ctx,
        access.row.id,
        serde_json::json!({
            "to_chuc": org.as_str(), "buoc": step_name_org(step),
            "chi_tiet": format!("{step:?}"), "ngoai_le": codes(&excepted),
        }),
    )?;
    Ok(RoundOutcome::Recorded(excepted))
}

fn step_name_org(step: &OrgStep) -> &'static str {
    match step {
        OrgStep::SelfReview(..) => "tu_kiem_diem",
        OrgStep::Decide(_) => "quyet_dinh",
        OrgStep::Reopen(_) => "mo_lai",
    }
}
