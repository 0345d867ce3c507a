//! Lists of dossiers and their open steps: by stage for a subtree, and the due items of a
//! scope.

use super::access::{reached_ids, subtree_ids};
use super::rows::{DossierRow, assemble};
use super::views::{DossierQuery, DossierView};
use crate::db::conn::DbConnection;
use crate::db::dating::valid_on;
use crate::db::schema::{admission_dossiers as d, member_statuses};
use crate::reports::figures::COUNTED_STATUSES;
use crate::tree::access::visible_org;
use crate::{Scope, StoreError};
use dangvu_domain::admissions::Dossier;
use dangvu_domain::admissions::deadlines::{WorkingDays, open_step};
use dangvu_domain::dataset::Dataset;
use dangvu_domain::due::DueItem;
use dangvu_domain::{Date, MemberCode};
use diesel::prelude::*;
use std::collections::HashSet;

/// Cells per statement when reading the dossiers of a subtree.
const CELLS: usize = 5_000;

/// A dossier with its stage and open step on `as_of`.
pub(crate) fn view(dossier: Dossier, as_of: Date, calendar: &impl WorkingDays) -> DossierView {
    DossierView {
        stage: dossier.stage(),
        open_step: open_step(&dossier, as_of, calendar),
        dossier,
    }
}

/// The dossiers of the cells in `query.org`'s subtree on `query.as_of`, of the stage asked
/// for: the stages in the workflow's order, then the earliest due day, then the code.
pub(crate) fn list(
    conn: &mut DbConnection,
    scope: &Scope,
    query: &DossierQuery,
    calendar: &impl WorkingDays,
) -> Result<Vec<DossierView>, StoreError> {
    let root_id = visible_org(conn, scope, query.org.as_str())?;
    let cells = subtree_ids(conn, root_id, query.as_of)?;
    let mut views: Vec<DossierView> = load(conn, Some(&cells), false)?
        .into_iter()
        .map(|(_, dossier)| view(dossier, query.as_of, calendar))
        .filter(|v| query.stage.is_none_or(|s| s == v.stage))
        .collect();
    views.sort_by(|a, b| {
        let key = |v: &DossierView| {
            (
                v.stage,
                v.open_step.as_ref().map(|s| s.due_on),
                v.dossier.code.clone(),
            )
        };
        key(a).cmp(&key(b))
    });
    Ok(views)
}

/// The open steps of the dossiers the scope reaches on `as_of`: decisions, ceremonies and
/// recognition reviews, each with its due day (`dangvu_domain::due`).
pub(crate) fn due_items(
    conn: &mut DbConnection,
    scope: &Scope,
    as_of: Date,
    calendar: &impl WorkingDays,
) -> Result<Vec<DueItem>, StoreError> {
    let cells = reached_ids(conn, scope, as_of)?;
    let gone = members_gone(conn, as_of)?;
    Ok(load(conn, cells.as_deref(), true)?
        .iter()
        .filter(|(id, _)| !gone.contains(id))
        .filter_map(|(_, dossier)| open_step(dossier, as_of, calendar))
        .collect())
}

/// The dossiers whose member no longer counts as a member on `day` (died, left, moved
/// away before probation ended): no review is due for them.
fn members_gone(conn: &mut DbConnection, day: Date) -> Result<HashSet<i64>, StoreError> {
    let ids: Vec<i64> = d::table
        .inner_join(
            member_statuses::table.on(d::member_id.eq(member_statuses::member_id.nullable())),
        )
        .filter(d::recognized_on.is_null())
        .filter(d::struck_off_on.is_null())
        .filter(valid_on(
            member_statuses::valid_from,
            member_statuses::valid_to,
            day,
        ))
        .filter(member_statuses::status.ne_all(COUNTED_STATUSES))
        .select(d::id)
        .load(conn)?;
    Ok(ids.into_iter().collect())
}

/// `dataset` with the admission dossiers of the cells `wanted` (`None`: all) that the
/// scope reaches — those whose introducers and admitted member the export holds, so that
/// it imports into an empty database like the rest of it. A dossier that names a member
/// the caller's export leaves out (an introducer now registered outside the subtree) is
/// left out too; it stays stored, and a file without it does not touch it.
pub(crate) fn with_dossiers(
    conn: &mut DbConnection,
    scope: &Scope,
    wanted: Option<&[i64]>,
    mut dataset: Dataset,
) -> Result<Dataset, StoreError> {
    let held: HashSet<&MemberCode> = dataset.members.iter().map(|m| &m.code).collect();
    let dossiers = exported(conn, scope, wanted)?
        .into_iter()
        .filter(|x| {
            x.introducers
                .members()
                .chain(x.member.iter())
                .all(|m| held.contains(m))
        })
        .collect();
    dataset.dossiers = dossiers;
    Ok(dataset)
}

/// The dossiers of an export, as `ho_so_ket_nap` carries them, by code: those of the
/// cells `wanted` (`None` = every cell) that the scope reaches on its day.
fn exported(
    conn: &mut DbConnection,
    scope: &Scope,
    wanted: Option<&[i64]>,
) -> Result<Vec<Dossier>, StoreError> {
    let reached = super::access::reached_ids(conn, scope, scope.today())?;
    let cells: Option<Vec<i64>> = match (wanted, reached) {
        (None, None) => None,
        (Some(w), None) => Some(w.to_vec()),
        (None, Some(r)) => Some(r),
        (Some(w), Some(r)) => {
            let r: HashSet<i64> = r.into_iter().collect();
            Some(w.iter().copied().filter(|id| r.contains(id)).collect())
        }
    };
    Ok(load(conn, cells.as_deref(), false)?
        .iter()
        .map(|(_, x)| dangvu_domain::admissions::interchange::file_form(x))
        .collect())
}

/// The dossiers of `cells` (`None` = every cell); only those still waiting for a step with
/// a deadline when `open_only`.
fn load(
    conn: &mut DbConnection,
    cells: Option<&[i64]>,
    open_only: bool,
) -> Result<Vec<(i64, Dossier)>, StoreError> {
    let query = || {
        let mut q = d::table
            .select(DossierRow::as_select())
            .order(d::code)
            .into_boxed();
        if open_only {
            q = q
                .filter(d::resolution_on.is_not_null())
                .filter(d::closed_on.is_null())
                .filter(d::recognized_on.is_null())
                .filter(d::struck_off_on.is_null());
        }
        q
    };
    let rows: Vec<DossierRow> = match cells {
        None => query().load(conn)?,
        Some(cells) => {
            let mut rows = Vec::new();
            for chunk in cells.chunks(CELLS) {
                rows.extend(query().filter(d::cell_id.eq_any(chunk)).load(conn)?);
            }
            rows
        }
    };
    assemble(conn, rows)
}
