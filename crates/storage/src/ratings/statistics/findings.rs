//! The checks of the rating rules over the ratings an import brought (`danh_gia_dang_vien`,
//! `danh_gia_to_chuc`), run in the import's transaction after its rows are written, as
//! findings of its summary: the quota in each grassroots organization whose members the
//! file rated, and the linkage of each organization the file rated to its members (a
//! cell) or its subordinate organizations (a committee). The levels are read from the
//! records as they now stand, so the file's ratings are judged with the stored ones.
//! Discipline is not recorded yet: the disciplined-member checks are not run.

use super::{member_levels, parse_code, spelled_out};
use crate::db::conn::DbConnection;
use crate::db::dating::{in_subtree_on, valid_on};
use crate::db::schema::{
    member_ratings, members, org_paths, org_ratings, organizations, registrations,
};
use crate::tree::refs::enum_code;
use crate::tree::sql::{Place, org_id, places_of};
use crate::{ImportError, ImportRequest, StoreError};
use dangvu_domain::dates::year_end;
use dangvu_domain::enums::{Enumeration, OrgType, Rating};
use dangvu_domain::interchange::merge::ImportSummary;
use dangvu_domain::interchange::{SheetRows, capped};
use dangvu_domain::ratings::OrgShape;
use dangvu_domain::ratings::statistics::findings::{
    LinkageFacts, QuotaFacts, linkage_findings, quota_finding,
};
use dangvu_domain::{Date, OrgCode};
use diesel::prelude::*;
use std::collections::BTreeSet;

/// Members looked up per statement.
const CHUNK: usize = 500;

/// Adds the rating findings of the file to `summary`.
pub(crate) fn import_findings(
    conn: &mut DbConnection,
    request: &ImportRequest<'_>,
    summary: &mut ImportSummary,
) -> Result<(), ImportError> {
    let ds = request.dataset;
    let years: BTreeSet<i32> = (ds.member_ratings.iter().map(|r| r.year))
        .chain(ds.org_ratings.iter().map(|r| r.year))
        .collect();
    for year in years {
        let Some(day) = year_end(year) else { continue };
        let rated: Vec<&str> = (ds.member_ratings.iter())
            .filter(|r| r.year == year)
            .map(|r| r.member.as_str())
            .collect();
        let mut touched = cells_of(conn, &rated, day)?;
        for (i, r) in ds
            .org_ratings
            .iter()
            .enumerate()
            .filter(|(_, r)| r.year == year)
        {
            let id = org_id(conn, r.org.as_str())?;
            touched.insert(id);
            let at = request.rows.and_then(|x| SheetRows::at(&x.org_ratings, i));
            if let Some(facts) = linkage_facts(conn, id, &r.org, (year, day), r.rating, at)? {
                summary.findings.extend(linkage_findings(&facts));
            }
        }
        for (place, code) in grassroots_above(conn, &touched, day)? {
            let levels = spelled_out(&member_levels(conn, &place, day, year)?);
            let facts = QuotaFacts {
                org: code,
                year,
                levels,
            };
            summary.findings.extend(quota_finding(&facts));
        }
    }
    summary.findings = capped(std::mem::take(&mut summary.findings));
    Ok(())
}

/// The organizations the `members` were registered in on `day`.
fn cells_of(
    conn: &mut DbConnection,
    codes: &[&str],
    day: Date,
) -> Result<BTreeSet<i64>, StoreError> {
    let mut cells = BTreeSet::new();
    for chunk in codes.chunks(CHUNK) {
        let ids: Vec<i64> = registrations::table
            .inner_join(members::table.on(members::id.eq(registrations::member_id)))
            .filter(members::code.eq_any(chunk))
            .filter(valid_on(
                registrations::valid_from,
                registrations::valid_to,
                day,
            ))
            .select(registrations::org_id)
            .distinct()
            .load(conn)?;
        cells.extend(ids);
    }
    Ok(cells)
}

/// The grassroots organizations on the paths of `touched` on `day`, with their places.
fn grassroots_above(
    conn: &mut DbConnection,
    touched: &BTreeSet<i64>,
    day: Date,
) -> Result<Vec<(Place, OrgCode)>, StoreError> {
    let ids: Vec<i64> = touched.iter().copied().collect();
    let mut chain = BTreeSet::new();
    for place in on_day(places_of(conn, Some(&ids))?, day) {
        chain.extend(place.chain());
    }
    let chain: Vec<i64> = chain.into_iter().collect();
    let grassroots = [OrgType::DangBoCoSo.code(), OrgType::ChiBoCoSo.code()];
    let found: Vec<(i64, String)> = organizations::table
        .filter(organizations::id.eq_any(&chain))
        .filter(organizations::org_type.eq_any(grassroots))
        .select((organizations::id, organizations::code))
        .load(conn)?;
    let ids: Vec<i64> = found.iter().map(|(id, _)| *id).collect();
    let places = on_day(places_of(conn, Some(&ids))?, day);
    let mut out = Vec::new();
    for place in places {
        if let Some((_, code)) = found.iter().find(|(id, _)| *id == place.org_id) {
            out.push((place, parse_code(code)?));
        }
    }
    Ok(out)
}

fn on_day(places: Vec<Place>, day: Date) -> impl Iterator<Item = Place> {
    places.into_iter().filter(move |p| p.period().contains(day))
}

/// What the linkage of the organization `id` rated `level` is judged on: its members'
/// levels for a cell, its direct subordinates' for a committee; `None` for a party group
/// or an organization that does not exist on 31 December.
fn linkage_facts(
    conn: &mut DbConnection,
    id: i64,
    code: &OrgCode,
    (year, day): (i32, Date),
    level: Rating,
    row: Option<usize>,
) -> Result<Option<LinkageFacts>, StoreError> {
    let kind: String = organizations::table
        .find(id)
        .select(organizations::org_type)
        .first(conn)?;
    let shape = match enum_code::<OrgType>(&kind)? {
        OrgType::ChiBoCoSo | OrgType::ChiBoTrucThuoc => OrgShape::Cell,
        OrgType::ToDang => return Ok(None),
        _ => OrgShape::Committee,
    };
    let parts: Vec<String> = match shape {
        OrgShape::Cell => member_ratings::table
            .inner_join(
                registrations::table.on(registrations::member_id.eq(member_ratings::member_id)),
            )
            .filter(registrations::org_id.eq(id))
            .filter(valid_on(
                registrations::valid_from,
                registrations::valid_to,
                day,
            ))
            .filter(member_ratings::year.eq(year))
            .select(member_ratings::rating)
            .load(conn)?,
        OrgShape::Committee => {
            let Some(place) = on_day(places_of(conn, Some(&[id]))?, day).next() else {
                return Ok(None);
            };
            org_ratings::table
                .inner_join(org_paths::table.on(org_paths::org_id.eq(org_ratings::org_id)))
                .filter(in_subtree_on(&place, day))
                .filter(org_paths::depth.eq(place.depth + 1))
                .filter(org_ratings::year.eq(year))
                .select(org_ratings::rating)
                .load(conn)?
        }
    };
    let parts = parts
        .iter()
        .map(|r| enum_code(r))
        .collect::<Result<_, _>>()?;
    Ok(Some(LinkageFacts {
        org: code.clone(),
        year,
        level,
        shape,
        parts,
        row,
    }))
}
