//! Writing transfers: the decision (or a temporary attendance), then the steps, each with
//! its audit row in the same transaction; a refused write leaves nothing behind.

use super::access::visible_row;
use super::rows::TransferRow;
use super::views::{NewTemporary, NewTransfer};
use crate::audit::{self, Change};
use crate::db::conn::DbConnection;
use crate::db::schema::{organizations, registrations as r, transfers as t};
use crate::lifecycle::history;
use crate::tree::access::visible_member;
use crate::tree::sql::{org_id, place_on};
use crate::{AuditAction, AuditContext, AuditEntity, Scope, StoreError};
use dangvu_domain::Date;
use dangvu_domain::dates::DateSentinels;
use dangvu_domain::enums::{Enumeration, OrgType};
use dangvu_domain::lifecycle::{TransferDays, TransferKind, TransferStep};
use diesel::prelude::*;
use serde::Serialize;

/// The cell member `member_id` is registered in from `on` on, with no end yet: the sending
/// organization of a transfer decided on `on`.
fn open_cell(conn: &mut DbConnection, member_id: i64, on: Date) -> Result<i64, StoreError> {
    r::table
        .filter(r::member_id.eq(member_id))
        .filter(r::valid_to.eq(Date::MAX_SENTINEL))
        .filter(r::valid_from.le(on))
        .select(r::org_id)
        .first(conn)
        .optional()?
        .ok_or_else(|| {
            StoreError::Invalid(format!(
                "đảng viên không đang sinh hoạt tại một chi bộ vào ngày {} / the member is not \
                 registered in a cell on {on}",
                on.format("%d/%m/%Y")
            ))
        })
}

/// The id of the receiving cell `code` (it may lie outside the scope): it must exist on
/// `on`, register members, and differ from the sending cell.
fn receiving_cell(
    conn: &mut DbConnection,
    code: &str,
    on: Date,
    from: i64,
) -> Result<i64, StoreError> {
    let id = org_id(conn, code)?;
    let kind: String = organizations::table
        .find(id)
        .select(organizations::org_type)
        .first(conn)?;
    if !OrgType::from_code(&kind).is_some_and(OrgType::registers_members) {
        return Err(StoreError::Invalid(format!(
            "{code} không phải chi bộ / is not a cell"
        )));
    }
    if place_on(conn, id, on)?.is_none() {
        return Err(StoreError::Invalid(format!(
            "{code} không tồn tại vào ngày {} / does not exist on {on}",
            on.format("%d/%m/%Y")
        )));
    }
    if id == from {
        return Err(StoreError::Invalid(
            "tổ chức nhận trùng với tổ chức chuyển đi / the receiving organization is the \
             sending one"
                .into(),
        ));
    }
    Ok(id)
}

/// Inserts an official transfer decided by the member's cell; a member with an official
/// transfer still open is a conflict.
pub(crate) fn decide(
    conn: &mut DbConnection,
    scope: &Scope,
    ctx: &AuditContext,
    new: &NewTransfer,
) -> Result<i64, StoreError> {
    let member_id = visible_member(conn, scope, &new.member)?;
    let from = open_cell(conn, member_id, new.decision_on)?;
    let to = receiving_cell(conn, &new.to_org, new.decision_on, from)?;
    let open: i64 = t::table
        .filter(t::member_id.eq(member_id))
        .filter(t::kind.eq(TransferKind::ChinhThuc.code()))
        .filter(t::received_on.is_null())
        .filter(t::cancelled_on.is_null())
        .count()
        .get_result(conn)?;
    if open > 0 {
        return Err(StoreError::Conflict {
            field: "dang_vien".into(),
        });
    }
    let id = insert(
        conn,
        member_id,
        from,
        to,
        TransferKind::ChinhThuc,
        new.decision_on,
    )?;
    audited(
        conn,
        ctx,
        AuditAction::TransferCreate,
        &new.member,
        &(id, new),
    )?;
    Ok(id)
}

/// Inserts a temporary attendance: no registration changes, and the member is not
/// counted at the host.
pub(crate) fn attend(
    conn: &mut DbConnection,
    scope: &Scope,
    ctx: &AuditContext,
    new: &NewTemporary,
) -> Result<i64, StoreError> {
    if !dangvu_domain::lifecycle::temporary_length_ok(new.kind, new.from, new.to) {
        return Err(StoreError::Invalid(
            "thời gian sinh hoạt tạm thời không hợp lệ: công tác, cư trú từ 3 tháng đến \
         dưới 1 năm; học tập từ 3 tháng đến 2 năm / the temporary attendance's length \
         is not allowed: work or residence 3 months to under a year, study 3 months \
         to 2 years"
                .into(),
        ));
    }
    let member_id = visible_member(conn, scope, &new.member)?;
    let from = open_cell(conn, member_id, new.from)?;
    let to = receiving_cell(conn, &new.to_org, new.from, from)?;
    let id = insert(conn, member_id, from, to, new.kind, new.from)?;
    diesel::update(t::table.find(id))
        .set((
            t::received_on.eq(Some(new.from)),
            t::end_on.eq(Some(new.to)),
        ))
        .execute(conn)?;
    audited(
        conn,
        ctx,
        AuditAction::TransferCreate,
        &new.member,
        &(id, new),
    )?;
    Ok(id)
}

fn insert(
    conn: &mut DbConnection,
    member_id: i64,
    from: i64,
    to: i64,
    kind: TransferKind,
    on: Date,
) -> Result<i64, StoreError> {
    diesel::insert_into(t::table)
        .values((
            t::member_id.eq(member_id),
            t::from_org_id.eq(from),
            t::to_org_id.eq(to),
            t::kind.eq(kind.code()),
            t::decision_on.eq(on),
        ))
        .execute(conn)?;
    Ok(t::table
        .filter(t::member_id.eq(member_id))
        .select(t::id)
        .order(t::id.desc())
        .first(conn)?)
}

/// Records `step` of transfer `id`: the side taking it must be in scope (else "not
/// found"), the days in order. Receiving moves the registration on its day.
pub(crate) fn step(
    conn: &mut DbConnection,
    scope: &Scope,
    ctx: &AuditContext,
    id: i64,
    step: &TransferStep,
) -> Result<(), StoreError> {
    let row = visible_row(conn, scope, id)?;
    let side = if step.by_receiver() {
        row.to_org_id
    } else {
        row.from_org_id
    };
    let ids = crate::admissions::access::reached_ids(conn, scope, scope.today())?;
    if ids.is_some_and(|ids| !ids.contains(&side)) {
        return Err(super::access::not_found(id));
    }
    if row.kind != TransferKind::ChinhThuc.code() && !matches!(step, TransferStep::Cancel { .. }) {
        return Err(StoreError::Invalid(
            "sinh hoạt tạm thời không có bước này / a temporary attendance has no such step".into(),
        ));
    }
    days_of(&row).check(step).map_err(StoreError::Invalid)?;
    let target = t::table.find(id);
    match step {
        TransferStep::Introduce { on } => {
            diesel::update(target)
                .set(t::introduced_on.eq(Some(*on)))
                .execute(conn)?;
        }
        TransferStep::Cancel { on, reason } => {
            diesel::update(target)
                .set((
                    t::cancelled_on.eq(Some(*on)),
                    t::cancel_reason.eq(Some(reason)),
                ))
                .execute(conn)?;
        }
        TransferStep::Receive { on } => receive(conn, &row, *on)?,
    }
    let member: String = crate::db::schema::members::table
        .find(row.member_id)
        .select(crate::db::schema::members::code)
        .first(conn)?;
    audited(conn, ctx, AuditAction::TransferStep, &member, &(id, step))
}

/// Closes the open registration at the sending cell on `on` and opens one at the
/// receiving cell from `on`, the tallies of both refreshed.
fn receive(conn: &mut DbConnection, row: &TransferRow, on: Date) -> Result<(), StoreError> {
    let at_sender: i64 = r::table
        .filter(r::member_id.eq(row.member_id))
        .filter(r::org_id.eq(row.from_org_id))
        .filter(r::valid_to.eq(Date::MAX_SENTINEL))
        .filter(r::valid_from.lt(on))
        .count()
        .get_result(conn)?;
    if at_sender == 0 {
        return Err(StoreError::Invalid(
            "đảng viên không còn sinh hoạt tại tổ chức chuyển đi / the member is no longer \
             registered at the sending organization"
                .into(),
        ));
    }
    history::tracked(conn, row.member_id, |c| {
        history::close_registration(c, row.member_id, on)?;
        diesel::insert_into(r::table)
            .values((
                r::member_id.eq(row.member_id),
                r::org_id.eq(row.to_org_id),
                r::valid_from.eq(on),
                r::valid_to.eq(Date::MAX_SENTINEL),
            ))
            .execute(c)?;
        Ok(())
    })?;
    diesel::update(t::table.find(row.id))
        .set(t::received_on.eq(Some(on)))
        .execute(conn)?;
    Ok(())
}

/// The recorded days of a row.
pub(crate) fn days_of(row: &TransferRow) -> TransferDays {
    TransferDays {
        decision_on: row.decision_on,
        introduced_on: row.introduced_on,
        received_on: row.received_on,
        cancelled_on: row.cancelled_on,
    }
}

fn audited(
    conn: &mut DbConnection,
    ctx: &AuditContext,
    action: AuditAction,
    member: &str,
    change: &impl Serialize,
) -> Result<(), StoreError> {
    audit::record(
        conn,
        ctx,
        Change {
            action,
            entity: AuditEntity::Member,
            entity_code: Some(member),
            before_json: None,
            after_json: Some(serde_json::to_string(change)?),
        },
    )
}
