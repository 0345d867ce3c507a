//! The rows a dataset becomes, built in memory before the bulk inserts.
//!
//! Inserts take `None` as NULL (`treat_none_as_default_value = false`): a statement then
//! never needs the `DEFAULT` keyword, which SQLite lacks, so each chunk is one multi-row
//! `insert`.

use crate::StoreError;
use crate::db::schema::{
    member_ratings, member_statuses, org_parents, org_paths, org_ratings, organizations,
    registrations,
};
use dangvu_domain::Date;
use dangvu_domain::dataset::{MemberRating, MemberRecord, OrgRating, OrgRecord};
use dangvu_domain::enums::Enumeration;
use dangvu_domain::interchange::merge::first_wins;
use dangvu_domain::text::{fold, prefix_upper};
use dangvu_domain::tree::TreeHistory;
use diesel::Insertable;
use std::collections::HashMap;

/// Codes mapped to the ids the database gave them.
pub(crate) type Ids = HashMap<String, i64>;

#[derive(Insertable)]
#[diesel(table_name = organizations, treat_none_as_default_value = false)]
pub(crate) struct NewOrg<'a> {
    code: &'a str,
    name: &'a str,
    name_folded: String,
    org_type: &'static str,
    founded_on: Option<Date>,
    dissolved_on: Option<Date>,
}

#[derive(Insertable)]
#[diesel(table_name = org_parents, treat_none_as_default_value = false)]
pub(crate) struct NewParent {
    org_id: i64,
    parent_id: Option<i64>,
    valid_from: Date,
    valid_to: Date,
}

#[derive(Insertable)]
#[diesel(table_name = org_paths, treat_none_as_default_value = false)]
pub(crate) struct NewPath {
    pub(crate) org_id: i64,
    pub(crate) valid_from: Date,
    pub(crate) valid_to: Date,
    pub(crate) path: String,
    path_upper: String,
    depth: i32,
}

#[derive(Insertable)]
#[diesel(table_name = registrations, treat_none_as_default_value = false)]
pub(crate) struct NewRegistration {
    member_id: i64,
    org_id: i64,
    valid_from: Date,
    valid_to: Date,
}

#[derive(Insertable)]
#[diesel(table_name = member_statuses, treat_none_as_default_value = false)]
pub(crate) struct NewStatus {
    member_id: i64,
    status: &'static str,
    valid_from: Date,
    valid_to: Date,
}

#[derive(Insertable)]
#[diesel(table_name = member_ratings, treat_none_as_default_value = false)]
pub(crate) struct NewMemberRating {
    member_id: i64,
    year: i32,
    rating: &'static str,
    score: Option<i32>,
}

#[derive(Insertable)]
#[diesel(table_name = org_ratings, treat_none_as_default_value = false)]
pub(crate) struct NewOrgRating {
    org_id: i64,
    year: i32,
    rating: &'static str,
    score: Option<i32>,
}

pub(crate) fn new_org(org: &OrgRecord) -> NewOrg<'_> {
    NewOrg {
        code: org.code.as_str(),
        name: &org.name,
        name_folded: fold(&org.name),
        org_type: org.org_type.code(),
        founded_on: org.founded_on,
        dissolved_on: org.dissolved_on,
    }
}

/// Looks a code up among the ids, or says which record refers to an unknown one.
pub(crate) fn id_of(ids: &Ids, code: &str, referrer: &str) -> Result<i64, StoreError> {
    ids.get(code)
        .copied()
        .ok_or_else(|| StoreError::Invalid(format!("{referrer}: unknown code {code}")))
}

pub(crate) fn parent_rows<'a>(
    orgs: impl IntoIterator<Item = &'a OrgRecord>,
    ids: &Ids,
) -> Result<Vec<NewParent>, StoreError> {
    let mut rows = Vec::new();
    for org in orgs {
        let org_id = id_of(ids, org.code.as_str(), org.code.as_str())?;
        for (period, parent) in org.parent_periods() {
            let parent_id = parent
                .map(|p| id_of(ids, p.as_str(), org.code.as_str()))
                .transpose()?;
            rows.push(NewParent {
                org_id,
                parent_id,
                valid_from: period.from,
                valid_to: period.to,
            });
        }
    }
    Ok(rows)
}

/// One row per period of each organization's ancestor chain, as `/<id>/…/<id>/`.
pub(crate) fn path_rows(tree: &TreeHistory, ids: &Ids) -> Result<Vec<NewPath>, StoreError> {
    let mut rows = Vec::new();
    for (code, periods) in tree.iter() {
        let org_id = id_of(ids, code.as_str(), code.as_str())?;
        let entries = periods.iter().map(|p| (p.period, &p.chain)).collect();
        for (period, chain) in first_wins(entries) {
            let mut path = String::from("/");
            for link in chain {
                path.push_str(&id_of(ids, link.as_str(), code.as_str())?.to_string());
                path.push('/');
            }
            let path_upper = prefix_upper(&path).unwrap_or_default();
            rows.push(NewPath {
                org_id,
                valid_from: period.from,
                valid_to: period.to,
                path,
                path_upper,
                depth: i32::try_from(chain.len()).unwrap_or(i32::MAX),
            });
        }
    }
    Ok(rows)
}

pub(crate) fn registration_rows<'a>(
    members: impl IntoIterator<Item = &'a MemberRecord>,
    member_ids: &Ids,
    org_ids: &Ids,
) -> Result<Vec<NewRegistration>, StoreError> {
    let mut rows = Vec::new();
    for m in members {
        let member_id = id_of(member_ids, m.code.as_str(), m.code.as_str())?;
        for (period, org) in first_wins(m.registration_periods()) {
            rows.push(NewRegistration {
                member_id,
                org_id: id_of(org_ids, org.as_str(), m.code.as_str())?,
                valid_from: period.from,
                valid_to: period.to,
            });
        }
    }
    Ok(rows)
}

pub(crate) fn status_rows<'a>(
    members: impl IntoIterator<Item = &'a MemberRecord>,
    member_ids: &Ids,
) -> Result<Vec<NewStatus>, StoreError> {
    let mut rows = Vec::new();
    for m in members {
        let member_id = id_of(member_ids, m.code.as_str(), m.code.as_str())?;
        for (period, status) in first_wins(m.status_periods()) {
            rows.push(NewStatus {
                member_id,
                status: status.code(),
                valid_from: period.from,
                valid_to: period.to,
            });
        }
    }
    Ok(rows)
}

pub(crate) fn member_rating_rows<'a>(
    ratings: impl IntoIterator<Item = &'a MemberRating>,
    member_ids: &Ids,
) -> Result<Vec<NewMemberRating>, StoreError> {
    ratings
        .into_iter()
        .map(|r| {
            Ok(NewMemberRating {
                member_id: id_of(member_ids, r.member.as_str(), "member rating")?,
                year: r.year,
                rating: r.rating.code(),
                score: r.score.map(i32::from),
            })
        })
        .collect()
}

pub(crate) fn org_rating_rows<'a>(
    ratings: impl IntoIterator<Item = &'a OrgRating>,
    org_ids: &Ids,
) -> Result<Vec<NewOrgRating>, StoreError> {
    ratings
        .into_iter()
        .map(|r| {
            Ok(NewOrgRating {
                org_id: id_of(org_ids, r.org.as_str(), "organization rating")?,
                year: r.year,
                rating: r.rating.code(),
                score: r.score.map(i32::from),
            })
        })
        .collect()
}
