//! The stored records an import compares the file with: every organization (there are
//! thousands at most), every member's code, and the full records and ratings of the
//! members the file names — read in chunks of ids, never the whole member table.

use crate::StoreError;
use crate::db::conn::DbConnection;
use crate::db::schema::{member_ratings, org_ratings};
use crate::interchange::load_rows::Ids;
use crate::interchange::stored::{self, ID_CHUNK, StoredOrgs};
use crate::tree::refs::enum_code;
use dangvu_domain::MemberCode;
use dangvu_domain::dataset::{Dataset, MemberRecord};
use dangvu_domain::interchange::merge::{StoredRatings, StoredRecords};
use diesel::prelude::*;
use std::collections::{BTreeSet, HashMap};

/// The stored records the file touches.
pub(crate) struct Stored {
    /// Every organization.
    pub orgs: StoredOrgs,
    /// Every member's id, by code.
    pub member_ids: Ids,
    /// The stored records of the file's members that exist, by code.
    pub members: HashMap<MemberCode, (i64, MemberRecord)>,
    /// Stored ratings of the members the file rates.
    pub member_ratings: StoredRatings,
    /// Stored ratings of organizations.
    pub org_ratings: StoredRatings,
}

impl Stored {
    /// The records as the rules of an update read them.
    pub(crate) fn records(&self) -> StoredRecords<'_> {
        StoredRecords {
            orgs: &self.orgs.records,
            org_ids: &self.orgs.ids,
            member_ids: &self.member_ids,
            members: &self.members,
            member_ratings: &self.member_ratings,
            org_ratings: &self.org_ratings,
        }
    }
}

/// Reads what the import of `ds` needs to know of the stored records.
pub(crate) fn load(conn: &mut DbConnection, ds: &Dataset) -> Result<Stored, StoreError> {
    let orgs = stored::orgs(conn)?;
    let member_ids = stored::member_ids(conn)?;
    let existing: Vec<i64> = ds
        .members
        .iter()
        .filter_map(|m| member_ids.get(m.code.as_str()).copied())
        .collect();
    let mut members = HashMap::with_capacity(existing.len());
    for chunk in existing.chunks(ID_CHUNK) {
        for (id, record) in stored::members_by_id(conn, chunk, &orgs.codes)? {
            members.insert(record.code.clone(), (id, record));
        }
    }
    let rated: BTreeSet<i64> = ds
        .member_ratings
        .iter()
        .filter_map(|r| member_ids.get(r.member.as_str()).copied())
        .collect();
    let rated: Vec<i64> = rated.into_iter().collect();
    let mut member_ratings = StoredRatings::new();
    for chunk in rated.chunks(ID_CHUNK) {
        member_ratings.extend(member_ratings_of(conn, chunk)?);
    }
    let org_ratings = if ds.org_ratings.is_empty() {
        StoredRatings::new()
    } else {
        all_org_ratings(conn)?
    };
    Ok(Stored {
        orgs,
        member_ids,
        members,
        member_ratings,
        org_ratings,
    })
}

type RatingRow = (i64, i32, String, Option<i32>);

fn to_map(rows: Vec<RatingRow>) -> Result<StoredRatings, StoreError> {
    rows.into_iter()
        .map(|(id, year, rating, score)| {
            let score = score.and_then(|s| u8::try_from(s).ok());
            Ok(((id, year), (enum_code(&rating)?, score)))
        })
        .collect()
}

fn member_ratings_of(conn: &mut DbConnection, ids: &[i64]) -> Result<StoredRatings, StoreError> {
    let rows: Vec<RatingRow> = member_ratings::table
        .filter(member_ratings::member_id.eq_any(ids))
        .select((
            member_ratings::member_id,
            member_ratings::year,
            member_ratings::rating,
            member_ratings::score,
        ))
        .load(conn)?;
    to_map(rows)
}

fn all_org_ratings(conn: &mut DbConnection) -> Result<StoredRatings, StoreError> {
    let rows: Vec<RatingRow> = org_ratings::table
        .select((
            org_ratings::org_id,
            org_ratings::year,
            org_ratings::rating,
            org_ratings::score,
        ))
        .load(conn)?;
    to_map(rows)
}
