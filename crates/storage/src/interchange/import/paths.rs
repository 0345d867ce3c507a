//! The organizations' paths an import rewrites: those that differ from the stored ones
//! (a move changes the paths of the whole subtree below it, and only those). Found before
//! the tree is written, so that what the moved organizations contribute to the subtrees'
//! figures can be taken before and after (`crate::reports::subtree::tracked`).

use crate::StoreError;
use crate::db::conn::DbConnection;
use crate::db::schema::org_paths;
use crate::interchange::load::insert_chunks;
use crate::interchange::load_rows::{self as rows, Ids};
use crate::interchange::stored::ID_CHUNK;
use crate::tree::sql::places_of;
use dangvu_domain::Date;
use dangvu_domain::tree::TreeHistory;
use diesel::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

type PathKey = (Date, Date, String);

/// The organizations whose paths differ from the stored ones (a move changes the paths of
/// the whole subtree below it, and only those), and the paths of the tree after the import.
pub(super) fn changes(
    conn: &mut DbConnection,
    tree: &TreeHistory,
    ids: &Ids,
) -> Result<(BTreeSet<i64>, Vec<rows::NewPath>), StoreError> {
    let fresh = rows::path_rows(tree, ids)?;
    let mut wanted: BTreeMap<i64, BTreeSet<PathKey>> = BTreeMap::new();
    for row in &fresh {
        let key = (row.valid_from, row.valid_to, row.path.clone());
        wanted.entry(row.org_id).or_default().insert(key);
    }
    let mut current: BTreeMap<i64, BTreeSet<PathKey>> = BTreeMap::new();
    for place in places_of(conn, None)? {
        let key = (place.valid_from, place.valid_to, place.path);
        current.entry(place.org_id).or_default().insert(key);
    }
    let moved: BTreeSet<i64> = wanted
        .keys()
        .chain(current.keys())
        .copied()
        .filter(|id| wanted.get(id) != current.get(id))
        .collect();
    Ok((moved, fresh))
}

/// Replaces the paths of `moved` with theirs among `fresh`.
pub(super) fn replace(
    conn: &mut DbConnection,
    moved: &BTreeSet<i64>,
    fresh: Vec<rows::NewPath>,
) -> Result<(), StoreError> {
    let moved_ids: Vec<i64> = moved.iter().copied().collect();
    for chunk in moved_ids.chunks(ID_CHUNK) {
        diesel::delete(org_paths::table.filter(org_paths::org_id.eq_any(chunk))).execute(conn)?;
    }
    let rows: Vec<_> = fresh
        .into_iter()
        .filter(|r| moved.contains(&r.org_id))
        .collect();
    insert_chunks!(conn, org_paths::table, rows, 6);
    Ok(())
}
