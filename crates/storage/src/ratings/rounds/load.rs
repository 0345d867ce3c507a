//! Rounds written from ratings already held (the demo, the benchmark): a round opened as
//! usual, then every step filled from the year's stored ratings in bulk — a closed round of
//! history (self-assessment, the cell's unanimous proposal and the decision as rated, the
//! rules broken then recorded on the rows as they happened), or a round under way whose
//! cells have proposed. Administrators only.

use super::access::round;
use super::final_levels::{MemberLevels, OrgLevels};
use super::views::{NewRound, RoundFill};
use crate::db::conn::DbConnection;
use crate::db::schema::{
    member_ratings as mr, org_ratings as or, rating_rounds as rr, round_members as rm,
    round_orgs as ro,
};
use crate::{AuditContext, Entity, Scope, StoreError};
use dangvu_domain::enums::Enumeration;
use dangvu_domain::ratings::RuleId;
use dangvu_domain::{Date, Rating};
use diesel::prelude::*;
use std::collections::BTreeMap;

/// What a recorded exception says on a round of history.
const AS_IT_HAPPENED: &str = "Ghi nhận theo hồ sơ lưu trữ: quyết định đã ban hành trước khi \
     có hệ thống";

/// Opens `new` and fills it from the stored ratings of its year.
pub(crate) fn load(
    conn: &mut DbConnection,
    scope: &Scope,
    ctx: &AuditContext,
    new: &NewRound,
    fill: RoundFill,
) -> Result<i64, StoreError> {
    crate::accounts::manage::require_admin(scope, Entity::RatingRound, "*")?;
    let id = super::open::open(conn, scope, ctx, new)?;
    let (year, by) = (new.year, ctx.actor.as_str());
    let steps =
        |month: u32, day: u32| Date::from_ymd_opt(year, month, day).unwrap_or(new.opened_on);
    let (self_on, proposed_on) = (steps(12, 5), steps(12, 12));
    if let RoundFill::Uniform(level) = fill {
        return uniform(conn, id, level, proposed_on, by);
    }
    let member_rating = mr::table
        .filter(mr::member_id.eq(rm::member_id).and(mr::year.eq(year)))
        .select(mr::rating.nullable())
        .single_value();
    let member_score = mr::table
        .filter(mr::member_id.eq(rm::member_id).and(mr::year.eq(year)))
        .select(mr::score)
        .single_value();
    diesel::update(rm::table.filter(rm::round_id.eq(id)))
        .set((
            rm::self_level.eq(member_rating),
            rm::self_points.eq(member_score),
            rm::self_form.eq("2C"),
            rm::self_on.eq(self_on),
            rm::self_by.eq(by),
            rm::proposed_level.eq(member_rating),
            rm::proposed_points.eq(member_score),
            rm::proposed_on.eq(proposed_on),
            rm::proposed_by.eq(by),
        ))
        .execute(conn)?;
    let org_rating = or::table
        .filter(or::org_id.eq(ro::org_id).and(or::year.eq(year)))
        .select(or::rating.nullable())
        .single_value();
    diesel::update(ro::table.filter(ro::round_id.eq(id)))
        .set((
            ro::self_level.eq(org_rating),
            ro::self_on.eq(self_on),
            ro::self_by.eq(by),
        ))
        .execute(conn)?;
    let unrated_members = rm::table.filter(rm::round_id.eq(id).and(rm::proposed_level.is_null()));
    let unrated_orgs = ro::table.filter(ro::round_id.eq(id).and(ro::self_level.is_null()));
    match fill {
        RoundFill::History => {
            diesel::delete(unrated_members).execute(conn)?;
            diesel::delete(unrated_orgs).execute(conn)?;
        }
        RoundFill::Proposed {
            default: Some(level),
        } => {
            diesel::update(unrated_members)
                .set((
                    rm::proposed_level.eq(level.code()),
                    rm::proposed_on.eq(proposed_on),
                    rm::proposed_by.eq(by),
                ))
                .execute(conn)?;
            diesel::update(unrated_orgs)
                .set((
                    ro::self_level.eq(level.code()),
                    ro::self_on.eq(self_on),
                    ro::self_by.eq(by),
                ))
                .execute(conn)?;
        }
        RoundFill::Uniform(_) => {}
        RoundFill::Proposed { default: None } => {
            diesel::update(unrated_members)
                .set((
                    rm::proposed_on.eq(None::<Date>),
                    rm::proposed_by.eq(None::<String>),
                ))
                .execute(conn)?;
        }
    }
    unanimous_votes(conn, id)?;
    if fill == RoundFill::History {
        decide_as_rated(conn, scope, id, steps(12, 20), by)?;
    }
    Ok(id)
}

/// Every member proposed and every organization reviewed at `level`, in one statement each
/// (the benchmark's round: nothing read from the stored ratings).
fn uniform(
    conn: &mut DbConnection,
    id: i64,
    level: Rating,
    on: Date,
    by: &str,
) -> Result<i64, StoreError> {
    diesel::update(rm::table.filter(rm::round_id.eq(id)))
        .set((
            rm::proposed_level.eq(level.code()),
            rm::votes_for.eq(1),
            rm::votes_cast.eq(1),
            rm::proposed_on.eq(on),
            rm::proposed_by.eq(by),
        ))
        .execute(conn)?;
    diesel::update(ro::table.filter(ro::round_id.eq(id)))
        .set((
            ro::self_level.eq(level.code()),
            ro::self_on.eq(on),
            ro::self_by.eq(by),
        ))
        .execute(conn)?;
    Ok(id)
}

/// Every proposal carried by all the members of its cell rated in the round.
fn unanimous_votes(conn: &mut DbConnection, id: i64) -> Result<(), StoreError> {
    let cells: Vec<i64> = rm::table
        .filter(rm::round_id.eq(id).and(rm::proposed_level.is_not_null()))
        .select(rm::cell_id)
        .load(conn)?;
    let mut sizes: BTreeMap<i64, i32> = BTreeMap::new();
    for cell in cells {
        *sizes.entry(cell).or_default() += 1;
    }
    for (cell, n) in sizes {
        diesel::update(rm::table.filter(rm::round_id.eq(id).and(rm::cell_id.eq(cell))))
            .set((rm::votes_for.eq(n), rm::votes_cast.eq(n)))
            .execute(conn)?;
    }
    Ok(())
}

/// Decides every row as rated, records the rules the history broke on the rows concerned,
/// and closes the round.
fn decide_as_rated(
    conn: &mut DbConnection,
    scope: &Scope,
    id: i64,
    on: Date,
    by: &str,
) -> Result<(), StoreError> {
    let access = round(conn, scope, id)?;
    let root = super::read::org_name(conn, access.row.org_id)?
        .0
        .to_string();
    super::close::decide_as_proposed(conn, &access, (on, by), Some(&root))?;
    let members = MemberLevels::read(conn, id)?;
    let orgs = OrgLevels::read(conn, id)?;
    for (unit, _) in members.over_quota(&access) {
        diesel::update(
            rm::table
                .filter(rm::round_id.eq(id).and(rm::unit_id.eq(unit)))
                .filter(rm::decided_level.eq(Rating::Htxsnv.code())),
        )
        .set((
            rm::exceptions.eq(RuleId::Quota.code()),
            rm::decided_reason.eq(AS_IT_HAPPENED),
        ))
        .execute(conn)?;
    }
    for (org, _) in orgs.unlinked(&access, &members, true) {
        diesel::update(ro::table.filter(ro::round_id.eq(id).and(ro::org_id.eq(org))))
            .set((
                ro::exceptions.eq(RuleId::Linkage.code()),
                ro::decided_reason.eq(AS_IT_HAPPENED),
            ))
            .execute(conn)?;
    }
    diesel::update(rr::table.find(id))
        .set((rr::closed_on.eq(on), rr::closed_by.eq(by)))
        .execute(conn)?;
    Ok(())
}
