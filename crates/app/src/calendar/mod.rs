//! The working-day calendar of the installation: the official calendar shipped with the
//! system plus the days the installation stored (`ngay_nghi`), which win.
//!
//! Every workflow with a deadline counts its working days on [`installation_calendar`],
//! read afresh on each call (one small table), so a day an administrator corrects is used
//! by the very next request. Any signed-in caller may read the calendar (the reads take the
//! caller like every use case, and need nothing from it); only administrators change it.

use crate::{App, Caller, Error};
use chrono::Datelike;
use dangvu_domain::Date;
use dangvu_domain::calendar::{CalendarDay, DayKind, WorkingCalendar, official};
use dangvu_domain::roles::Capability;
use dangvu_storage::{Store, StoreError};
use std::collections::BTreeMap;

/// The calendar deadlines are counted on: official days, corrected by the stored ones.
/// It is the same for every caller (reference data of the installation, not a record of any
/// organization), so it needs no scope.
pub fn installation_calendar(store: &Store) -> Result<WorkingCalendar, Error> {
    let stored = store.calendar_days()?;
    Ok(WorkingCalendar::official().with_days(stored.into_iter().map(|d| (d.day, d.kind))))
}

/// One listed day of a year, as the calendar page shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarEntry {
    /// The date.
    pub day: Date,
    /// Off or worked.
    pub kind: DayKind,
    /// Its name, if known.
    pub name: Option<String>,
    /// Whether the installation stored it (added or corrected), rather than shipped.
    pub installation: bool,
}

impl App {
    /// The installation's calendar (see [`installation_calendar`]).
    pub fn working_calendar(&self) -> Result<WorkingCalendar, Error> {
        installation_calendar(&self.store)
    }

    /// The `n`-th working day after `after` on the installation's calendar ("within `n`
    /// working days from `after`" = on or before it).
    pub fn working_day_after(&self, _caller: &Caller, after: Date, n: u32) -> Result<Date, Error> {
        Ok(self.working_calendar()?.nth_working_day_after(after, n))
    }

    /// The listed days of `year`: the shipped ones, replaced or completed by the stored ones.
    pub fn calendar_year(&self, _caller: &Caller, year: i32) -> Result<Vec<CalendarEntry>, Error> {
        let mut days: BTreeMap<Date, CalendarEntry> = official::days()
            .filter(|d| d.day.year() == year)
            .map(|d| {
                let entry = CalendarEntry {
                    day: d.day,
                    kind: d.kind,
                    name: Some(d.name.to_owned()),
                    installation: false,
                };
                (d.day, entry)
            })
            .collect();
        for stored in self.store.calendar_days()? {
            if stored.day.year() == year {
                let entry = CalendarEntry {
                    day: stored.day,
                    kind: stored.kind,
                    name: stored.name,
                    installation: true,
                };
                days.insert(entry.day, entry);
            }
        }
        Ok(days.into_values().collect())
    }

    /// Adds or corrects one day of the installation's calendar (administrators only; the
    /// change is audited). Returns what the installation had stored for that date before.
    pub fn set_calendar_day(
        &self,
        caller: &Caller,
        day: &CalendarDay,
    ) -> Result<Option<CalendarDay>, Error> {
        if !caller.role().can(Capability::ManageCalendar) {
            return Err(
                StoreError::Invalid("only an administrator changes the calendar".into()).into(),
            );
        }
        Ok(self
            .store
            .set_calendar_day(caller.scope(), caller.audit(), day)?)
    }
}
