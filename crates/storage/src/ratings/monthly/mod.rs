//! Members' monthly results (`ket_qua_thang`): recorded by a cell for a month, read back
//! for a cell's month and for a subtree's year, imported, exported and loaded.
//!
//! A cell's month is in scope when the cell is (the scope's rule for an organization); a
//! subtree's year is the members registered in it on the year's reference day
//! ([`read::reference_day`]). The results themselves carry no organization: a member's
//! cell in a month is their registration.

mod member;
pub(crate) mod read;
pub mod views;
pub(crate) mod write;

use crate::db::conn::DbConnection;
use crate::tree::access::{visible_member, visible_org};
use crate::{AuditContext, ImportError, ImportRequest, Scope, Store, StoreError};
use dangvu_domain::OrgCode;
use dangvu_domain::interchange::merge::{ImportCounts, ImportSummary};
use dangvu_domain::interchange::{Problem, SheetRows, Table, capped};
use dangvu_domain::ratings::{Month, MonthlyResult};
use views::{CellMonth, MemberMonths, MonthlyEntry};

impl Store {
    /// The members of cell `cell` in `month` with the results recorded, if the scope
    /// reaches the cell.
    #[tracing::instrument(skip_all, fields(cell = %cell, month = %month), err)]
    pub fn monthly_cell(
        &self,
        scope: &Scope,
        cell: &OrgCode,
        month: Month,
    ) -> Result<CellMonth, StoreError> {
        self.read(|c| {
            let cell_id = visible_org(c, scope, cell.as_str())?;
            read::cell_month(c, cell_id, month)
        })
    }

    /// Records the results of cell `cell` for `month`, replacing what was recorded for its
    /// members that month, with the audit row; returns the month as stored.
    #[tracing::instrument(skip_all, fields(cell = %cell, month = %month, actor = %ctx.actor), err)]
    pub fn record_monthly(
        &self,
        scope: &Scope,
        ctx: &AuditContext,
        (cell, month): (&OrgCode, Month),
        entries: &[MonthlyEntry],
    ) -> Result<CellMonth, StoreError> {
        self.write(|c| {
            let cell_id = visible_org(c, scope, cell.as_str())?;
            read::cell_facts(c, cell_id)?;
            write::record_cell_month(c, ctx, (cell_id, cell), month, entries)?;
            read::cell_month(c, cell_id, month)
        })
    }

    /// The members of `org`'s subtree in `year` with their twelve months, if the scope
    /// reaches `org`.
    #[tracing::instrument(skip_all, fields(org = %org, year), err)]
    pub fn monthly_year(
        &self,
        scope: &Scope,
        org: &OrgCode,
        year: i32,
    ) -> Result<Vec<MemberMonths>, StoreError> {
        self.read(|c| {
            let root_id = visible_org(c, scope, org.as_str())?;
            read::year_of(c, root_id, year, scope.today())
        })
    }
}

/// Writes the `ket_qua_thang` rows of an import in its transaction (after the file's
/// members are written) and counts them: a member not stored, or outside a subtree
/// scope, refuses the file with the row named.
pub(crate) fn import(
    conn: &mut DbConnection,
    scope: &Scope,
    request: &ImportRequest<'_>,
    summary: &mut ImportSummary,
) -> Result<(), ImportError> {
    let results = &request.dataset.monthly_results;
    if results.is_empty() {
        return Ok(());
    }
    let ids = write::member_ids(conn, results.iter().map(|r| &r.member))?;
    let mut problems = Vec::new();
    let mut checked = std::collections::HashSet::new();
    for (i, r) in results.iter().enumerate() {
        let at = request
            .rows
            .and_then(|s| SheetRows::at(&s.monthly_results, i));
        let known = ids.contains_key(r.member.as_str());
        let reached = !known
            || scope.is_whole_installation()
            || !checked.insert(r.member.clone())
            || reaches(conn, scope, r)?;
        if !known || !reached {
            problems.push(unknown_member(r, at));
        }
    }
    if !problems.is_empty() {
        return Err(ImportError::Refused(capped(problems)));
    }
    let written = write::upsert_all(conn, results, &ids)?;
    *summary.counts_mut(Table::KetQuaThang) = ImportCounts {
        created: written.created,
        updated: written.updated,
        unchanged: written.unchanged,
    };
    Ok(())
}

fn reaches(conn: &mut DbConnection, scope: &Scope, r: &MonthlyResult) -> Result<bool, StoreError> {
    match visible_member(conn, scope, r.member.as_str()) {
        Ok(_) => Ok(true),
        Err(StoreError::NotFound { .. }) => Ok(false),
        Err(other) => Err(other),
    }
}

/// A row naming a member that is not stored or not reached: the words of any unknown code.
fn unknown_member(r: &MonthlyResult, row: Option<usize>) -> Problem {
    Problem {
        table: Table::KetQuaThang,
        row,
        column: Some("ma_dang_vien".to_owned()),
        value: r.member.to_string(),
        reason_vi: "không có đảng viên mang mã này (trong tệp hay trong dữ liệu hiện có)"
            .to_owned(),
        reason_en: "no member has this code (in the file or among existing records)".to_owned(),
    }
}

/// Writes the results of a dataset being loaded (its members are written).
pub(crate) fn load(conn: &mut DbConnection, results: &[MonthlyResult]) -> Result<(), StoreError> {
    if results.is_empty() {
        return Ok(());
    }
    let ids = write::member_ids(conn, results.iter().map(|r| &r.member))?;
    write::upsert_all(conn, results, &ids)?;
    Ok(())
}

/// The results of the members of `dataset` (an export), by member and month.
pub(crate) fn export(
    conn: &mut DbConnection,
    dataset: &mut dangvu_domain::dataset::Dataset,
) -> Result<(), StoreError> {
    let ids = write::member_ids(conn, dataset.members.iter().map(|m| &m.code))?;
    let mut by_id: Vec<(i64, &dangvu_domain::MemberCode)> = dataset
        .members
        .iter()
        .filter_map(|m| ids.get(m.code.as_str()).map(|id| (*id, &m.code)))
        .collect();
    by_id.sort_unstable_by_key(|(id, _)| *id);
    let list: Vec<i64> = by_id.iter().map(|(id, _)| *id).collect();
    use dangvu_domain::dates::DateSentinels;
    let (first, last) = (
        dangvu_domain::Date::MIN_SENTINEL,
        dangvu_domain::Date::MAX_SENTINEL,
    );
    let mut stored = read::results_of(conn, &list, first, last)?;
    let mut out = Vec::new();
    for (id, code) in by_id {
        let mut rows = stored.remove(&id).unwrap_or_default();
        rows.sort_by_key(|r| r.0);
        out.extend(rows.into_iter().map(|(day, level, note)| MonthlyResult {
            member: code.clone(),
            month: Month::of(day),
            level,
            note,
        }));
    }
    dataset.monthly_results = out;
    Ok(())
}
