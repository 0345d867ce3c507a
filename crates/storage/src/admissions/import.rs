//! The `ho_so_ket_nap` rows of an import, in its transaction: each row merged over the
//! stored dossier of its code, judged by the rules of interchange v2
//! (`dangvu_domain::admissions::interchange::judge_row`) on the installation's calendar,
//! then written. A **refuse** rule refuses the whole import with the row named; a
//! **report** rule becomes a finding of the import's summary and the row is kept.
//!
//! This runs after the file's members and calendar days are written, so that the facts it
//! judges by (an introducer's full membership, the admitted member's `ngay_vao_dang`, the
//! working days) are those of the file where it gives them and the stored ones otherwise.
//! Like the other imported rows, dossiers are audited by the import's own audit row (its
//! summary counts them); an unchanged dossier is not written at all.

use super::rows::{DossierRow, assemble};
use super::write::{insert_row, introducer_facts, save};
use crate::db::conn::DbConnection;
use crate::db::schema::{admission_dossiers as d, members};
use crate::tree::access::visible_org;
use crate::{ImportError, ImportRequest, Scope, StoreError};
use dangvu_domain::Date;
use dangvu_domain::admissions::Dossier;
use dangvu_domain::admissions::interchange::{judge_row, merge_row};
use dangvu_domain::calendar::WorkingCalendar;
use dangvu_domain::enums::Enumeration;
use dangvu_domain::interchange::merge::{ImportCounts, ImportSummary};
use dangvu_domain::interchange::{Problem, SheetRows, Table, capped, dossier_problem};
use diesel::prelude::*;

/// A dossier of the file ready to be written: its stored id and facts, if any.
struct Planned {
    stored: Option<(i64, Dossier)>,
    merged: Dossier,
}

/// Judges and writes the file's dossiers; counts them and adds the findings to `summary`.
pub(crate) fn import_dossiers(
    conn: &mut DbConnection,
    scope: &Scope,
    request: &ImportRequest<'_>,
    summary: &mut ImportSummary,
) -> Result<(), ImportError> {
    let dossiers = &request.dataset.dossiers;
    if dossiers.is_empty() {
        return Ok(());
    }
    let stored_days = crate::calendar::load(conn)?;
    let calendar =
        WorkingCalendar::official().with_days(stored_days.iter().map(|x| (x.day, x.kind)));
    // References were checked against what the caller sees when the file was read; the
    // facts behind them are read whole.
    let everything = Scope::whole_installation(scope.today());
    let mut problems = Vec::new();
    let mut planned = Vec::with_capacity(dossiers.len());
    for (i, row) in dossiers.iter().enumerate() {
        let at = request.rows.and_then(|r| SheetRows::at(&r.dossiers, i));
        let stored = stored_dossier(conn, &row.code)?;
        let refused = match unknown(conn, row, at)? {
            Some(problem) => Some(problem),
            None => outside(conn, scope, row, stored.as_ref(), at)?,
        };
        if let Some(problem) = refused {
            problems.push(problem);
            continue;
        }
        let has = |key: &str| request.columns.has(Table::HoSoKetNap, key);
        let merged = merge_row(stored.as_ref().map(|(_, x)| x), row, has);
        let facts = match merged.resolution_on {
            Some(day) => introducer_facts(conn, &everything, &merged, day)?,
            None => Vec::new(),
        };
        let admitted_on = match &merged.member {
            Some(code) => admitted_on(conn, code.as_str())?,
            None => None,
        };
        let judged = judge_row(&merged, &facts, admitted_on, &calendar);
        problems.extend(
            judged
                .refuse
                .iter()
                .map(|p| dossier_problem(&merged, at, p)),
        );
        (summary.findings).extend(
            judged
                .report
                .iter()
                .map(|p| dossier_problem(&merged, at, p)),
        );
        planned.push(Planned { stored, merged });
    }
    if !problems.is_empty() {
        return Err(ImportError::Refused(capped(problems)));
    }
    summary.findings = capped(std::mem::take(&mut summary.findings));
    let mut counts = ImportCounts::default();
    for Planned { stored, merged } in planned {
        match stored {
            Some((_, before)) if before == merged => counts.unchanged += 1,
            Some((id, _)) => {
                update_applicant(conn, id, &merged)?;
                save(conn, &everything, id, &merged)?;
                counts.updated += 1;
            }
            None => {
                insert(conn, &everything, &merged)?;
                counts.created += 1;
            }
        }
    }
    *summary.counts_mut(Table::HoSoKetNap) = counts;
    Ok(())
}

/// The stored dossier `code`, whatever its scope.
fn stored_dossier(
    conn: &mut DbConnection,
    code: &str,
) -> Result<Option<(i64, Dossier)>, StoreError> {
    let row: Option<DossierRow> = d::table
        .filter(d::code.eq(code))
        .select(DossierRow::as_select())
        .first(conn)
        .optional()?;
    Ok(match row {
        Some(row) => assemble(conn, vec![row])?.pop(),
        None => None,
    })
}

/// The refusal of a row whose cell the caller's scope does not reach (after the file's
/// organizations are written), or whose code belongs to a stored dossier it does not
/// reach: the same words as for any record outside the scope.
fn outside(
    conn: &mut DbConnection,
    scope: &Scope,
    row: &Dossier,
    stored: Option<&(i64, Dossier)>,
    at: Option<usize>,
) -> Result<Option<Problem>, StoreError> {
    let Some(root) = scope.root() else {
        return Ok(None);
    };
    let cells = std::iter::once(&row.cell).chain(stored.map(|(_, x)| &x.cell));
    for cell in cells {
        match visible_org(conn, scope, cell.as_str()) {
            Ok(_) => {}
            Err(StoreError::NotFound { .. }) => {
                return Ok(Some(Problem {
                    table: Table::HoSoKetNap,
                    row: at,
                    column: Some("ma".to_owned()),
                    value: row.code.clone(),
                    reason_vi: format!("bản ghi {} nằm ngoài phạm vi của bạn ({root})", row.code),
                    reason_en: format!("record {} lies outside your scope ({root})", row.code),
                }));
            }
            Err(other) => return Err(other),
        }
    }
    Ok(None)
}

/// The refusal of a row naming a cell or member that is not stored (after the file's own
/// are written). A file's references were checked when it was read; a dataset built in code
/// was not.
fn unknown(
    conn: &mut DbConnection,
    row: &Dossier,
    at: Option<usize>,
) -> Result<Option<Problem>, StoreError> {
    let problem = |column: &str, value: &str, what: (&str, &str)| Problem {
        table: Table::HoSoKetNap,
        row: at,
        column: Some(column.to_owned()),
        value: value.to_owned(),
        reason_vi: format!(
            "không có {} mang mã này (trong tệp hay trong dữ liệu hiện có)",
            what.0
        ),
        reason_en: format!(
            "no {} has this code (in the file or among existing records)",
            what.1
        ),
    };
    if crate::tree::sql::org_id_query(row.cell.as_str())
        .first::<i64>(conn)
        .optional()?
        .is_none()
    {
        return Ok(Some(problem(
            "ma_chi_bo",
            row.cell.as_str(),
            ("tổ chức", "organization"),
        )));
    }
    let members = [
        ("ma_nguoi_gioi_thieu_1", row.introducers.first.as_ref()),
        ("ma_nguoi_gioi_thieu_2", row.introducers.second.as_ref()),
        ("ma_dang_vien", row.member.as_ref()),
    ];
    for (column, code) in members {
        let Some(code) = code else { continue };
        if admitted_on(conn, code.as_str())?.is_none() {
            return Ok(Some(problem(
                column,
                code.as_str(),
                ("đảng viên", "member"),
            )));
        }
    }
    Ok(None)
}

/// The `ngay_vao_dang` of member `code` (written already when the file gives the member).
fn admitted_on(conn: &mut DbConnection, code: &str) -> Result<Option<Date>, StoreError> {
    Ok(members::table
        .filter(members::code.eq(code))
        .select(members::admitted_on)
        .first(conn)
        .optional()?)
}

/// A new dossier: its row, then every fact over it.
fn insert(
    conn: &mut DbConnection,
    everything: &Scope,
    dossier: &Dossier,
) -> Result<(), StoreError> {
    let cell_id = crate::tree::sql::org_id(conn, dossier.cell.as_str())?;
    let id = insert_row(conn, cell_id, dossier)?;
    save(conn, everything, id, dossier)
}

/// The applicant and the cell of a stored dossier, which the workflow's steps never
/// change but a later file may.
fn update_applicant(conn: &mut DbConnection, id: i64, dossier: &Dossier) -> Result<(), StoreError> {
    let cell_id = crate::tree::sql::org_id(conn, dossier.cell.as_str())?;
    let a = &dossier.applicant;
    diesel::update(d::table.find(id))
        .set((
            d::full_name.eq(&a.full_name),
            d::gender.eq(a.gender.code()),
            d::birth_date.eq(a.birth_date),
            d::ethnicity.eq(&a.ethnicity),
            d::cell_id.eq(cell_id),
        ))
        .execute(conn)?;
    Ok(())
}
