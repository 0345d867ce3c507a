//! Finding organizations by what people type: a code in any case, or part of a name
//! without its diacritics ("vi xuyen" finds "Đảng bộ huyện Vị Xuyên"), within the scope.
//!
//! Candidates are read in SQL (a code equal to or starting with the text, or a folded name
//! containing it); under a subtree scope only organizations that stood under the root at
//! some time are read. Each candidate then passes the one scope check of
//! [`visible_org`], so the search shows exactly what a page of the organization would.

use super::access::visible_org;
use crate::db::conn::DbConnection;
use crate::db::schema::{org_paths, organizations};
use crate::tree::refs::{REF_COLUMNS, org_ref};
use crate::tree::sql::{org_id, places};
use crate::{OrgRef, Scope, StoreError};
use dangvu_domain::actor::Reach;
use dangvu_domain::text::fold;
use diesel::prelude::*;

diesel::define_sql_function! {
    /// SQL `lower`: codes compared without case (ASCII on SQLite, which codes are).
    fn lower(text: diesel::sql_types::Text) -> diesel::sql_types::Text;
}

diesel::define_sql_function! {
    /// SQL `length`: shorter codes (upper levels, an exact code) are read first.
    fn length(text: diesel::sql_types::Text) -> diesel::sql_types::Integer;
}

/// How many candidates are read before the scope check: enough for any real search, a
/// bound on the work of one that matches half the installation.
const CANDIDATES: i64 = 500;

/// The organizations the scope reaches whose code equals or starts with `text` (any case)
/// or whose name contains it (diacritics and case ignored): upper levels first (shorter
/// codes), then by code; at most `limit`.
pub(crate) fn find(
    conn: &mut DbConnection,
    scope: &Scope,
    text: &str,
    limit: usize,
) -> Result<Vec<OrgRef>, StoreError> {
    let folded = fold(text);
    if folded.is_empty() || limit == 0 {
        return Ok(Vec::new());
    }
    let mut rows = candidates(conn, scope, text, &folded)?;
    rows.sort_by(|a, b| (a.0.len(), &a.0).cmp(&(b.0.len(), &b.0)));
    rows.dedup_by(|a, b| a.0 == b.0);
    let mut found = Vec::new();
    for (code, name, org_type) in rows {
        if found.len() == limit {
            break;
        }
        match visible_org(conn, scope, &code) {
            Ok(_) => found.push(org_ref(&code, name, &org_type)?),
            Err(StoreError::NotFound { .. }) => {}
            Err(other) => return Err(other),
        }
    }
    Ok(found)
}

type Row = (String, String, String);

/// The rows whose code or name matches, limited to the scope root's subtrees over time.
fn candidates(
    conn: &mut DbConnection,
    scope: &Scope,
    text: &str,
    folded: &str,
) -> Result<Vec<Row>, StoreError> {
    let pattern = like_escaped(folded);
    let contains = format!("%{pattern}%");
    let starts = format!("{pattern}%");
    // A code with letters that folding changes (`Xã.A`) still matches as typed.
    let lowered = text.trim().to_lowercase();
    let matching = || {
        organizations::table
            .filter(
                lower(organizations::code)
                    .eq(folded.to_string())
                    .or(lower(organizations::code).eq(lowered.clone()))
                    .or(lower(organizations::code).like(starts.clone()).escape('\\'))
                    .or(organizations::name_folded
                        .like(contains.clone())
                        .escape('\\')),
            )
            .select(REF_COLUMNS)
            .order((length(organizations::code), organizations::code))
            .limit(CANDIDATES)
            .into_boxed()
    };
    let root = match scope.reach() {
        Reach::Everything => return Ok(matching().load(conn)?),
        Reach::OwnRecord(_) => return Ok(Vec::new()),
        Reach::Subtree(root) => root,
    };
    let Ok(root_id) = org_id(conn, root.as_str()) else {
        return Ok(Vec::new());
    };
    let mut rows = Vec::new();
    for place in places(conn, root_id)? {
        // Organizations whose path lay under the root's while both places held.
        let under = org_paths::table
            .filter(org_paths::path.ge(place.path.clone()))
            .filter(org_paths::path.lt(place.path_upper.clone()))
            .filter(org_paths::valid_from.lt(place.valid_to))
            .filter(org_paths::valid_to.gt(place.valid_from))
            .select(org_paths::org_id);
        let found: Vec<Row> = matching()
            .filter(organizations::id.eq_any(under))
            .load(conn)?;
        rows.extend(found);
    }
    Ok(rows)
}

/// `text` with the `LIKE` wildcards and the escape character taken literally.
fn like_escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::like_escaped;

    #[test]
    fn like_wildcards_are_taken_literally() {
        assert_eq!(like_escaped("vx"), "vx");
        assert_eq!(like_escaped("50%_a\\b"), "50\\%\\_a\\\\b");
    }
}
