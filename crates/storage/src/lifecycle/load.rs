//! Loading an installation's lifecycle records at once (the demo's exemptions and badges),
//! in bulk with one audit row: the records are facts already decided, stored as they are.
//! The members' statuses already carry the exemptions' effect (`MIEN_SINH_HOAT`), so no
//! tally changes here.

use crate::admissions::load::ids;
use crate::audit::{self, Change};
use crate::db::conn::DbConnection;
use crate::db::schema::{badge_awards as b, exemptions as e};
use crate::interchange::load::insert_chunks;
use crate::{AuditAction, AuditContext, AuditEntity, Scope, Store, StoreError};
use dangvu_domain::Date;
use dangvu_domain::enums::Enumeration;
use dangvu_domain::lifecycle::records::LifecycleRecords;
use diesel::prelude::*;
use std::collections::HashMap;

#[derive(Insertable)]
#[diesel(table_name = e, treat_none_as_default_value = false)]
struct NewExemptionRow {
    member_id: i64,
    decided_on: Date,
    reason: &'static str,
    review_on: Option<Date>,
    ended_on: Option<Date>,
}

#[derive(Insertable)]
#[diesel(table_name = b, treat_none_as_default_value = false)]
struct NewAwardRow {
    member_id: i64,
    milestone: i32,
    awarded_on: Date,
    early_reason: Option<&'static str>,
}

impl Store {
    /// Stores `records` for the whole installation (administrators only): every member
    /// named must exist.
    #[tracing::instrument(skip_all, fields(actor = %ctx.actor), err)]
    pub fn load_lifecycle(
        &self,
        scope: &Scope,
        ctx: &AuditContext,
        records: &LifecycleRecords,
    ) -> Result<u64, StoreError> {
        crate::accounts::manage::require_admin(scope, crate::Entity::Member, "*")?;
        self.write(|c| load(c, ctx, records))
    }
}

fn load(
    conn: &mut DbConnection,
    ctx: &AuditContext,
    records: &LifecycleRecords,
) -> Result<u64, StoreError> {
    let codes: Vec<&str> = records
        .exemptions
        .iter()
        .map(|r| r.member.as_str())
        .chain(records.awards.iter().map(|r| r.member.as_str()))
        .collect();
    let members = ids(conn, &codes, true)?;
    let exemptions = records
        .exemptions
        .iter()
        .map(|r| {
            Ok(NewExemptionRow {
                member_id: id_of(&members, r.member.as_str())?,
                decided_on: r.decided_on,
                reason: r.reason.code(),
                review_on: r.review_on,
                ended_on: r.ended_on,
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
    let awards = records
        .awards
        .iter()
        .map(|r| {
            Ok(NewAwardRow {
                member_id: id_of(&members, r.member.as_str())?,
                milestone: i32::try_from(r.milestone)
                    .map_err(|_| StoreError::Invalid(r.milestone.to_string()))?,
                awarded_on: r.awarded_on,
                early_reason: r.early.map(Enumeration::code),
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
    let written =
        insert_chunks!(conn, e::table, exemptions, 5) + insert_chunks!(conn, b::table, awards, 4);
    let after = serde_json::json!({
        "exemptions": records.exemptions.len(),
        "badge_awards": records.awards.len(),
    });
    audit::record(
        conn,
        ctx,
        Change {
            action: AuditAction::DatasetLoad,
            entity: AuditEntity::Member,
            entity_code: None,
            before_json: None,
            after_json: Some(after.to_string()),
        },
    )?;
    Ok(written)
}

/// The id of member `code`, which must exist.
fn id_of(members: &HashMap<String, i64>, code: &str) -> Result<i64, StoreError> {
    members
        .get(code)
        .copied()
        .ok_or_else(|| StoreError::NotFound {
            entity: crate::Entity::Member,
            code: code.to_string(),
        })
}
