//! The member list of a subtree on a date: Vietnamese name order, keyset pages, search.
//!
//! Search folds what was typed (`dangvu_domain::text::fold`) and matches it as a prefix of
//! the folded full name or of the given-name-first key, with range conditions that use the
//! indexes (`key >= q and key < prefix_upper(q)`), never `LIKE`.

use crate::conn::DbConnection;
use crate::figures::members_on_day;
use crate::refs::{enum_code, member_code, org_ref};
use crate::schema::{member_statuses, members, organizations, registrations};
use crate::tree_sql::place_on;
use crate::{MemberCursor, MemberListItem, MemberPage, MemberQuery, StoreError};
use dangvu_domain::Date;
use dangvu_domain::text::{fold, prefix_upper};
use diesel::prelude::*;

/// Rows per page are kept within this range.
const PAGE_LIMITS: std::ops::RangeInclusive<u32> = 1..=500;

/// Builds the filtered, boxed member query of `$query` on the subtree `[$lo, $hi)`.
macro_rules! member_list_query {
    ($query:expr, $lo:expr, $hi:expr) => {{
        let mut q = members_on_day!($query.as_of, $lo, $hi)
            .inner_join(organizations::table.on(organizations::id.eq(registrations::org_id)))
            .into_boxed();
        if let Some((from, to)) = search_range($query.search.as_deref()) {
            q = q.filter(
                members::name_folded
                    .ge(from.clone())
                    .and(members::name_folded.lt(to.clone()))
                    .or(members::given_first
                        .ge(from)
                        .and(members::given_first.lt(to))),
            );
        }
        q
    }};
}

type ListRow = (
    String,
    String,
    Option<String>,
    Option<Date>,
    Date,
    Option<Date>,
    String,
    (String, String, String),
    String,
);

/// One page of the members of the subtree of `org_id`.
pub(crate) fn page(
    conn: &mut DbConnection,
    org_id: i64,
    query: &MemberQuery,
) -> Result<MemberPage, StoreError> {
    let Some(place) = place_on(conn, org_id, query.as_of)? else {
        return Ok(MemberPage {
            rows: Vec::new(),
            total: 0,
            next: None,
        });
    };
    let (lo, hi) = (place.path.as_str(), place.path_upper.as_str());
    let total: i64 = member_list_query!(query, lo, hi).count().get_result(conn)?;
    let limit = query.limit.clamp(*PAGE_LIMITS.start(), *PAGE_LIMITS.end());
    let mut rows_query = member_list_query!(query, lo, hi);
    if let Some(after) = &query.after {
        rows_query = rows_query.filter(
            members::sort_key
                .gt(after.sort_key.clone())
                .or(members::sort_key
                    .eq(after.sort_key.clone())
                    .and(members::code.gt(after.code.clone()))),
        );
    }
    let mut rows: Vec<ListRow> = rows_query
        .order((members::sort_key.asc(), members::code.asc()))
        .limit(i64::from(limit) + 1)
        .select((
            members::code,
            members::full_name,
            members::gender,
            members::birth_date,
            members::admitted_on,
            members::official_on,
            member_statuses::status,
            (
                organizations::code,
                organizations::name,
                organizations::org_type,
            ),
            members::sort_key,
        ))
        .load(conn)?;
    let more = rows.len() > limit as usize;
    rows.truncate(limit as usize);
    let next = more
        .then(|| rows.last())
        .flatten()
        .map(|last| MemberCursor {
            sort_key: last.8.clone(),
            code: last.0.clone(),
        });
    Ok(MemberPage {
        rows: rows.into_iter().map(list_item).collect::<Result<_, _>>()?,
        total: u64::try_from(total).unwrap_or(0),
        next,
    })
}

fn list_item(row: ListRow) -> Result<MemberListItem, StoreError> {
    let (code, full_name, gender, birth_date, admitted_on, official_on, status, org, _) = row;
    Ok(MemberListItem {
        code: member_code(&code)?,
        full_name,
        gender: gender.as_deref().map(enum_code).transpose()?,
        birth_date,
        admitted_on,
        official_on,
        status: enum_code(&status)?,
        org: org_ref(&org.0, org.1, &org.2)?,
    })
}

/// The folded search text and the bound above every text it prefixes; `None` when there
/// is nothing to search for.
fn search_range(search: Option<&str>) -> Option<(String, String)> {
    let folded = fold(search?);
    let upper = prefix_upper(&folded)?;
    Some((folded, upper))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_text_is_folded_into_a_prefix_range() {
        let (from, to) = search_range(Some("  Hùng  Nguyễn ")).unwrap();
        assert_eq!(from, "hung nguyen");
        assert!("hung nguyen van" >= from.as_str() && "hung nguyen van" < to.as_str());
        assert_eq!(search_range(Some("   ")), None);
        assert_eq!(search_range(None), None);
    }
}
