//! The `admission` figures of the term report read from the stored dossiers: the dossiers
//! decided or admitted in the period, their cell placed in the subtree on that day through
//! the stored paths, counted by the domain's rule (`dangvu_domain::admissions::figures`).

use super::rows::{DossierRow, assemble};
use crate::db::conn::DbConnection;
use crate::db::schema::{admission_dossiers as d, organizations};
use crate::tree::access::visible_org;
use crate::tree::sql::{Place, places, places_of};
use crate::{Scope, StoreError};
use dangvu_domain::admissions::deadlines::WorkingDays;
use dangvu_domain::admissions::figures::{AdmissionFigures, admission_figures};
use dangvu_domain::{Date, OrgCode};
use diesel::prelude::*;
use std::collections::HashMap;

/// The figures of `org`'s subtree for `from..=to`.
pub(crate) fn figures(
    conn: &mut DbConnection,
    scope: &Scope,
    org: &OrgCode,
    (from, to): (Date, Date),
    calendar: &impl WorkingDays,
) -> Result<AdmissionFigures, StoreError> {
    let root_id = visible_org(conn, scope, org.as_str())?;
    let root_places = places(conn, root_id)?;
    let rows: Vec<DossierRow> = d::table
        .filter(
            d::decision_on
                .between(from, to)
                .or(d::ceremony_on.between(from, to)),
        )
        .select(DossierRow::as_select())
        .load(conn)?;
    let mut cell_ids: Vec<i64> = rows.iter().map(|r| r.cell_id).collect();
    cell_ids.sort_unstable();
    cell_ids.dedup();
    let codes: HashMap<i64, String> = organizations::table
        .filter(organizations::id.eq_any(&cell_ids))
        .select((organizations::id, organizations::code))
        .load::<(i64, String)>(conn)?
        .into_iter()
        .collect();
    let mut cell_places: HashMap<String, Vec<Place>> = HashMap::new();
    for place in places_of(conn, Some(&cell_ids))? {
        if let Some(code) = codes.get(&place.org_id) {
            cell_places.entry(code.clone()).or_default().push(place);
        }
    }
    let dossiers: Vec<_> = assemble(conn, rows)?.into_iter().map(|(_, x)| x).collect();
    let on = |list: &[Place], day: Date| list.iter().find(|p| p.period().contains(day)).cloned();
    let in_subtree = |cell: &OrgCode, day: Date| {
        let cell = cell_places.get(cell.as_str()).and_then(|l| on(l, day));
        match (on(&root_places, day), cell) {
            (Some(root), Some(cell)) => root.contains(&cell),
            _ => false,
        }
    };
    Ok(admission_figures(&dossiers, from, to, in_subtree, calendar))
}
