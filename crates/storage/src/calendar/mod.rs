//! The installation's working-day calendar: the stored `calendar_days` rows that add to or
//! correct the official calendar shipped in the domain (`dangvu_domain::calendar`).
//!
//! The calendar is the same for the whole installation, so any scope may read it; only the
//! whole-installation scope (administrators, the command line, a whole-installation import)
//! changes it, each change with its audit row in the same transaction.

use crate::audit::{self, Change};
use crate::db::conn::DbConnection;
use crate::db::schema::calendar_days;
use crate::{AuditAction, AuditContext, AuditEntity, ImportError, Scope, Store, StoreError};
use dangvu_domain::Date;
use dangvu_domain::calendar::{CalendarDay, DayKind};
use dangvu_domain::enums::Enumeration;
use dangvu_domain::interchange::merge::{ImportCounts, ImportSummary};
use dangvu_domain::interchange::{Table, calendar_needs_whole_installation};
use diesel::prelude::*;
use serde_json::json;

/// A stored row as read back.
#[derive(Queryable, Selectable)]
#[diesel(table_name = calendar_days)]
struct DayRow {
    day: Date,
    kind: String,
    name: Option<String>,
}

impl DayRow {
    /// The row as a calendar day; a kind code this version does not know is an invariant
    /// broken by hand-edited data, reported rather than guessed.
    fn into_day(self) -> Result<CalendarDay, StoreError> {
        let kind = DayKind::from_code(&self.kind).ok_or_else(|| {
            StoreError::Invalid(format!("calendar_days.kind `{}` is unknown", self.kind))
        })?;
        Ok(CalendarDay {
            day: self.day,
            kind,
            name: self.name,
        })
    }
}

/// Every stored day, by date.
pub(crate) fn load(conn: &mut DbConnection) -> Result<Vec<CalendarDay>, StoreError> {
    calendar_days::table
        .select(DayRow::as_select())
        .order(calendar_days::day)
        .load(conn)?
        .into_iter()
        .map(DayRow::into_day)
        .collect()
}

/// The stored day `day`, if any.
fn find(conn: &mut DbConnection, day: Date) -> Result<Option<CalendarDay>, StoreError> {
    calendar_days::table
        .filter(calendar_days::day.eq(day))
        .select(DayRow::as_select())
        .first(conn)
        .optional()?
        .map(DayRow::into_day)
        .transpose()
}

/// Writes `day` over what is stored for its date; returns what was stored before. The
/// caller writes the audit row (one per day from the page, the import's own row for a file).
pub(crate) fn upsert(
    conn: &mut DbConnection,
    day: &CalendarDay,
) -> Result<Option<CalendarDay>, StoreError> {
    let before = find(conn, day.day)?;
    let values = (
        calendar_days::kind.eq(day.kind.code()),
        calendar_days::name.eq(day.name.as_deref()),
    );
    if before.is_some() {
        diesel::update(calendar_days::table.filter(calendar_days::day.eq(day.day)))
            .set(values)
            .execute(conn)?;
    } else {
        diesel::insert_into(calendar_days::table)
            .values((calendar_days::day.eq(day.day), values.0, values.1))
            .execute(conn)?;
    }
    Ok(before)
}

/// Writes the `ngay_nghi` rows of an import in its transaction and counts them in its
/// summary; refused whole for a scope that is not the whole installation.
pub(crate) fn import_days(
    conn: &mut DbConnection,
    scope: &Scope,
    days: &[CalendarDay],
    summary: &mut ImportSummary,
) -> Result<(), ImportError> {
    if days.is_empty() {
        return Ok(());
    }
    if !scope.is_whole_installation() {
        return Err(ImportError::Refused(vec![
            calendar_needs_whole_installation(),
        ]));
    }
    let mut counts = ImportCounts::default();
    for day in days {
        match upsert(conn, day)? {
            None => counts.created += 1,
            Some(before) if before == *day => counts.unchanged += 1,
            Some(_) => counts.updated += 1,
        }
    }
    if let Some(entry) = summary
        .tables
        .iter_mut()
        .find(|t| t.table == Table::NgayNghi)
    {
        entry.counts = counts;
    }
    Ok(())
}

fn day_json(day: &CalendarDay) -> String {
    json!({ "loai": day.kind.code(), "ten": day.name }).to_string()
}

impl Store {
    /// The installation's stored calendar days, by date. The one read without a [`Scope`]:
    /// the calendar is reference data of the whole installation, the same for every caller
    /// and no record of any organization, and deadlines are counted on it everywhere.
    #[tracing::instrument(skip_all, err)]
    pub fn calendar_days(&self) -> Result<Vec<CalendarDay>, StoreError> {
        self.read(load)
    }

    /// Adds or corrects one day of the installation's calendar (the whole installation
    /// only), with its audit row. Returns what was stored before for that date.
    #[tracing::instrument(skip_all, fields(day = %day.day), err)]
    pub fn set_calendar_day(
        &self,
        scope: &Scope,
        ctx: &AuditContext,
        day: &CalendarDay,
    ) -> Result<Option<CalendarDay>, StoreError> {
        if !scope.is_whole_installation() {
            return Err(StoreError::Invalid(
                "only an administrator changes the calendar".to_string(),
            ));
        }
        self.write(|c| {
            let before = upsert(c, day)?;
            let code = day.day.format("%Y-%m-%d").to_string();
            audit::record(
                c,
                ctx,
                Change {
                    action: AuditAction::CalendarSet,
                    entity: AuditEntity::CalendarDay,
                    entity_code: Some(&code),
                    before_json: before.as_ref().map(day_json),
                    after_json: Some(day_json(day)),
                },
            )?;
            Ok(before)
        })
    }
}
