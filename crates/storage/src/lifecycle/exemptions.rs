//! Exemptions from Party work and activities (miễn công tác và sinh hoạt đảng): the cell's
//! decision, its reviews and its end.
//!
//! An exempted member keeps counting as a member (`MemberStatus::MienSinhHoat` counts) but is
//! not rated; the status history carries the effect, the `exemptions` table the decision
//! with its reason and the day the cell said it would look at it again.

use super::history;
use super::views::{ExemptionReview, ExemptionView, NewExemption, ReviewOutcome};
use crate::db::conn::DbConnection;
use crate::db::schema::{exemptions as e, member_statuses as s, members as m};
use crate::tree::access::visible_member;
use crate::{AuditAction, AuditContext, Scope, Store, StoreError};
use dangvu_domain::Date;
use dangvu_domain::enums::{Enumeration, MemberStatus};
use dangvu_domain::lifecycle::ExemptionReason;
use diesel::prelude::*;

impl Store {
    /// Records the cell's decision exempting member `code` from `new.decided_on`: the
    /// member must be active that day and have no open exemption.
    #[tracing::instrument(skip_all, fields(member = code, actor = %ctx.actor), err)]
    pub fn record_exemption(
        &self,
        scope: &Scope,
        ctx: &AuditContext,
        code: &str,
        new: &NewExemption,
    ) -> Result<(), StoreError> {
        if new.review_on.is_some_and(|review| review <= new.decided_on) {
            return Err(StoreError::Invalid(
                "ngày xem xét lại phải sau ngày quyết định / the review day must follow the decision"
                    .into(),
            ));
        }
        self.write(|c| {
            let id = visible_member(c, scope, code)?;
            if open_exemption(c, id)?.is_some() {
                return Err(StoreError::Conflict {
                    field: "mien_sinh_hoat".into(),
                });
            }
            require_status(c, id, new.decided_on, MemberStatus::DangSinhHoat)?;
            history::tracked(c, id, |c| {
                history::set_status_from(c, id, MemberStatus::MienSinhHoat, new.decided_on)
            })?;
            diesel::insert_into(e::table)
                .values((
                    e::member_id.eq(id),
                    e::decided_on.eq(new.decided_on),
                    e::reason.eq(new.reason.code()),
                    e::review_on.eq(new.review_on),
                ))
                .execute(c)?;
            super::use_cases::audited(c, ctx, AuditAction::LifecycleExemption, code, new)
        })
    }

    /// Records the review of member `code`'s open exemption: kept with a new review day
    /// (or none), or ended on the review's day, the member active again from then.
    #[tracing::instrument(skip_all, fields(member = code, actor = %ctx.actor), err)]
    pub fn review_exemption(
        &self,
        scope: &Scope,
        ctx: &AuditContext,
        code: &str,
        review: &ExemptionReview,
    ) -> Result<(), StoreError> {
        self.write(|c| {
            let id = visible_member(c, scope, code)?;
            let (row, decided_on) = open_exemption(c, id)?.ok_or_else(|| {
                StoreError::Invalid(
                    "đảng viên không đang được miễn sinh hoạt / the member is not exempted".into(),
                )
            })?;
            if review.reviewed_on <= decided_on {
                return Err(StoreError::Invalid(
                    "ngày xem xét phải sau ngày quyết định miễn / the review must follow the decision"
                        .into(),
                ));
            }
            match review.outcome {
                ReviewOutcome::Keep {
                    next_review: Some(next),
                } if next <= review.reviewed_on => {
                    return Err(StoreError::Invalid(
                        "ngày xem xét tiếp phải sau ngày xem xét / the next review must follow this one"
                            .into(),
                    ));
                }
                ReviewOutcome::Keep { next_review } => set_review(c, row, next_review)?,
                ReviewOutcome::End => end(c, id, row, review.reviewed_on)?,
            }
            super::use_cases::audited(c, ctx, AuditAction::LifecycleExemption, code, review)
        })
    }
}

/// The exemptions of member `id`, the latest first.
pub(crate) fn exemptions_of(
    conn: &mut DbConnection,
    id: i64,
) -> Result<Vec<ExemptionView>, StoreError> {
    let rows: Vec<(Date, String, Option<Date>, Option<Date>)> = e::table
        .filter(e::member_id.eq(id))
        .order(e::decided_on.desc())
        .select((e::decided_on, e::reason, e::review_on, e::ended_on))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(decided_on, reason, review_on, ended_on)| ExemptionView {
            decided_on,
            reason: ExemptionReason::from_code(&reason).unwrap_or(ExemptionReason::Other),
            review_on,
            ended_on,
        })
        .collect())
}

/// The open exemption of member `id`: its row and decision day.
fn open_exemption(conn: &mut DbConnection, id: i64) -> Result<Option<(i64, Date)>, StoreError> {
    Ok(e::table
        .filter(e::member_id.eq(id))
        .filter(e::ended_on.is_null())
        .select((e::id, e::decided_on))
        .first(conn)
        .optional()?)
}

/// Refuses unless member `id` was admitted by `day` and their status on `day` is `wanted`.
fn require_status(
    conn: &mut DbConnection,
    id: i64,
    day: Date,
    wanted: MemberStatus,
) -> Result<(), StoreError> {
    require_admitted(conn, id, day)?;
    let status: Option<String> = s::table
        .filter(s::member_id.eq(id))
        .filter(s::valid_from.le(day))
        .filter(s::valid_to.gt(day))
        .select(s::status)
        .first(conn)
        .optional()?;
    if status.as_deref() == Some(wanted.code()) {
        return Ok(());
    }
    Err(StoreError::Invalid(format!(
        "ngày {day} đảng viên không ở trạng thái «{}» / on {day} the member is not {}",
        wanted.label_vi(),
        wanted.code()
    )))
}

/// Refuses a change of member `id` dated before their admission.
pub(super) fn require_admitted(
    conn: &mut DbConnection,
    id: i64,
    day: Date,
) -> Result<(), StoreError> {
    let admitted: Date = m::table.find(id).select(m::admitted_on).first(conn)?;
    if day < admitted {
        return Err(StoreError::Invalid(format!(
            "ngày {} trước ngày vào Đảng {} / {day} is before the admission on {admitted}",
            day.format("%d/%m/%Y"),
            admitted.format("%d/%m/%Y")
        )));
    }
    Ok(())
}

/// Sets the day the cell will look at exemption `row` again.
fn set_review(conn: &mut DbConnection, row: i64, next: Option<Date>) -> Result<(), StoreError> {
    diesel::update(e::table.find(row))
        .set(e::review_on.eq(next))
        .execute(conn)?;
    Ok(())
}

/// Ends exemption `row` of member `id` on `on`: active again from that day.
fn end(conn: &mut DbConnection, id: i64, row: i64, on: Date) -> Result<(), StoreError> {
    history::tracked(conn, id, |c| {
        history::set_status_from(c, id, MemberStatus::DangSinhHoat, on)
    })?;
    diesel::update(e::table.find(row))
        .set((e::ended_on.eq(Some(on)), e::review_on.eq(None::<Date>)))
        .execute(conn)?;
    Ok(())
}
