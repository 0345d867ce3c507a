//! Members' monthly results (issue 13): a cell records its members' levels at each
//! monthly meeting; the year view gives each member of a subtree the twelve months and the
//! monthly measure the year-end rating rests on (`dangvu_domain::ratings::monthly`).

use super::{invalid, not_after_today};
use crate::{App, Caller, Error};
use dangvu_domain::ratings::monthly::{check_month, monthly_measure};
use dangvu_domain::ratings::{Month, MonthlyShare};
use dangvu_domain::roles::Capability;
use dangvu_domain::{MemberCode, OrgCode, Rating};
use dangvu_storage::{CellMonth, MemberMonths, MonthlyEntry};

/// One member's January to December and the monthly measure taken from them.
pub type MemberYear = ([Option<Rating>; 12], Option<Rating>);

/// A member's year: the twelve months and the measure taken from them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonthlyYearRow {
    /// The member, their cell on the reference day and the months.
    pub months: MemberMonths,
    /// The monthly measure (`None` when no month is recorded).
    pub measure: Option<Rating>,
    /// How many months are recorded.
    pub recorded: usize,
}

/// The monthly results of a subtree's members for a year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonthlyYear {
    /// The subtree's root.
    pub org: OrgCode,
    /// The year.
    pub year: i32,
    /// The members in name order (those registered in the subtree on 31 December, or on
    /// the last day the year has had so far, or the organization's last day in it).
    pub rows: Vec<MonthlyYearRow>,
}

impl MonthlyYear {
    /// The row of `member`, if they are in the subtree.
    pub fn member(&self, member: &MemberCode) -> Option<&MonthlyYearRow> {
        self.rows.iter().find(|r| &r.months.member == member)
    }
}

impl App {
    /// The members of cell `cell` in `month` with the results recorded (readers in scope).
    pub fn monthly_cell(
        &self,
        caller: &Caller,
        cell: &OrgCode,
        month: Month,
    ) -> Result<CellMonth, Error> {
        caller.permit(Capability::ReadRecords)?;
        Ok(self.store.monthly_cell(caller.scope(), cell, month)?)
    }

    /// Records the results of cell `cell` for `month` (secretaries of the cell and staff
    /// above it): every member given must be registered in the cell that month, and the
    /// month must have begun; what the cell had recorded for the month is replaced.
    pub fn record_monthly(
        &self,
        caller: &Caller,
        cell: &OrgCode,
        month: Month,
        entries: &[MonthlyEntry],
    ) -> Result<CellMonth, Error> {
        caller.permit(Capability::WriteRecords)?;
        not_after_today(caller, month.first_day())?;
        let members: Vec<&MemberCode> = entries.iter().map(|e| &e.member).collect();
        check_month(month, &members, caller.scope().today()).map_err(|p| invalid(p.message()))?;
        Ok(self
            .store
            .record_monthly(caller.scope(), caller.audit(), (cell, month), entries)?)
    }

    /// `member`'s twelve months of `year` with the measure taken from them, or `None` when
    /// no month is recorded: readers of records in scope, and the member for their own.
    pub fn member_months(
        &self,
        caller: &Caller,
        member: &MemberCode,
        year: i32,
    ) -> Result<Option<MemberYear>, Error> {
        caller
            .permit(Capability::ReadRecords)
            .or_else(|_| caller.permit(Capability::ReadOwnRecord))?;
        let months = self.store.member_months(caller.scope(), member, year)?;
        let levels: Vec<Rating> = months.iter().flatten().copied().collect();
        Ok((!levels.is_empty()).then(|| (months, monthly_measure(&levels, MonthlyShare::DEFAULT))))
    }

    /// Each member of `org`'s subtree with the twelve months of `year` and the monthly
    /// measure (default share), read in a few statements whatever the subtree's size: the
    /// year-end rating page shows it beside the proposed level.
    pub fn monthly_year(
        &self,
        caller: &Caller,
        org: &OrgCode,
        year: i32,
    ) -> Result<MonthlyYear, Error> {
        caller.permit(Capability::ReadRecords)?;
        let members = self.store.monthly_year(caller.scope(), org, year)?;
        let rows = members
            .into_iter()
            .map(|months| {
                let levels: Vec<Rating> = months.months.iter().flatten().copied().collect();
                MonthlyYearRow {
                    measure: monthly_measure(&levels, MonthlyShare::DEFAULT),
                    recorded: levels.len(),
                    months,
                }
            })
            .collect();
        Ok(MonthlyYear {
            org: org.clone(),
            year,
            rows,
        })
    }
}
