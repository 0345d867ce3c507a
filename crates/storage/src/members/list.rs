//! The member list of a subtree on a date: Vietnamese name order, keyset pages, search.
//!
//! Search folds what was typed (`dangvu_domain::text::fold`) and matches it as a prefix of
//! the folded full name or of the given-name-first key, with range conditions that use the
//! indexes (`key >= q and key < prefix_upper(q)`), never `LIKE`.
//!
//! The total of an unsearched list that shows the whole subtree is the member count of the
//! subtree's pre-summed figures (`crate::reports::subtree`): exact, one row. A searched or anchored
//! list is counted up to a bound ([`MEMBER_COUNT_LIMIT`]): an exact `count(*)` of a
//! province of a million members reads every registration of it and takes seconds on every
//! page, while the page itself stops after 51 rows. Counting the rows of a `LIMIT`-ed
//! subquery stops after the bound plus one, so the list says "more than 10,000" above it.

use crate::db::conn::DbConnection;
use crate::db::count_rows::CountRows;
use crate::db::schema::{member_statuses, members, organizations, registrations};
use crate::members::name_order;
use crate::members::rows::last_member_id;
use crate::reports::figures::members_on_day;
use crate::reports::subtree;
use crate::tree::anchor::AnchoredUnder;
use crate::tree::refs::{OrgRefRow, enum_code, member_code};
use crate::tree::sql::Place;
use crate::tree::sql::{org_id, place_on};
use crate::{
    MEMBER_COUNT_LIMIT, MemberCursor, MemberListItem, MemberPage, MemberQuery, Scope, StoreError,
};
use dangvu_domain::Date;
use dangvu_domain::text::{fold, prefix_upper};
use diesel::dsl;
use diesel::prelude::*;

/// Rows per page are kept within this range.
const PAGE_LIMITS: std::ops::RangeInclusive<u32> = 1..=500;

/// The backend of [`DbConnection`] (diesel's generated multi-backend).
type Db = <DbConnection as diesel::Connection>::Backend;

/// The boxed member query of a list: the members of a subtree on a day, with their cell.
type ListQuery<'a> = dsl::IntoBoxed<
    'a,
    dsl::InnerJoinOn<
        members_on_day<'a>,
        organizations::table,
        dsl::Eq<organizations::id, registrations::org_id>,
    >,
    Db,
>;

/// The members of `query`'s list in the subtree of `place` that the scope sees
/// (`anchored`, see [`anchored_filter`]), matching its search.
fn member_list_query<'a>(
    query: &MemberQuery,
    place: &'a Place,
    anchored: Option<AnchoredUnder>,
) -> ListQuery<'a> {
    let mut q = members_on_day(query.as_of, place)
        .inner_join(organizations::table.on(organizations::id.eq(registrations::org_id)))
        .into_boxed();
    if let Some(anchored) = anchored {
        q = q.filter(anchored);
    }
    if let Some((from, to)) = search_range(query.search.as_deref()) {
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
}

/// The statement of [`page_rows_query`].
type PageRows<'a> = dsl::Select<ListQuery<'a>, dsl::AsSelect<ListRow, Db>>;

/// The rows of one page of `query`: after the cursor, in list order, one row more than
/// `limit` to tell whether another page follows (unless the walk along the name index
/// pays: [`name_order`]).
fn page_rows_query<'a>(
    query: &MemberQuery,
    place: &'a Place,
    anchored: Option<AnchoredUnder>,
    limit: u32,
) -> PageRows<'a> {
    let mut q = member_list_query(query, place, anchored);
    if let Some(after) = &query.after {
        q = q.filter(name_order::after_cursor(after));
    }
    q.order((members::sort_key.asc(), members::code.asc()))
        .limit(i64::from(limit) + 1)
        .select(ListRow::as_select())
}

/// The bounded count of `query`: the rows of a subquery that stops after `bound + 1`
/// matches, so that more than `bound` shows without reading the rest.
fn bounded_count_query<'a>(
    query: &MemberQuery,
    place: &'a Place,
    anchored: Option<AnchoredUnder>,
    bound: u64,
) -> CountRows<dsl::Select<ListQuery<'a>, members::id>> {
    CountRows(
        member_list_query(query, place, anchored)
            .limit(i64::try_from(bound.saturating_add(1)).unwrap_or(i64::MAX))
            .select(members::id),
    )
}

/// One row of the list as loaded: the member, their status and cell on the day, and the
/// sort key the next page continues after.
#[derive(Queryable, Selectable)]
#[diesel(table_name = members)]
pub(super) struct ListRow {
    code: String,
    full_name: String,
    gender: Option<String>,
    birth_date: Option<Date>,
    admitted_on: Date,
    official_on: Option<Date>,
    #[diesel(select_expression = member_statuses::status)]
    status: String,
    #[diesel(embed)]
    org: OrgRefRow,
    sort_key: String,
}

/// One page of the members of the subtree of `org_id` that `scope` sees, the total counted
/// up to [`MEMBER_COUNT_LIMIT`].
pub(crate) fn page(
    conn: &mut DbConnection,
    scope: &Scope,
    org_id: i64,
    query: &MemberQuery,
) -> Result<MemberPage, StoreError> {
    page_counting_at_most(conn, scope, org_id, query, MEMBER_COUNT_LIMIT)
}

/// The condition that keeps the members `scope` sees in a list of `query` ([`anchor`]), or
/// `None` when every member registered in the subtree on the day is seen: under a scope
/// that reaches everything, or on the scope's today (a member registered there today is
/// anchored there).
///
/// [`anchor`]: crate::tree::anchor
fn anchored_filter(
    conn: &mut DbConnection,
    scope: &Scope,
    query: &MemberQuery,
) -> Result<Option<AnchoredUnder>, StoreError> {
    let Some(root) = scope.root() else {
        return Ok(None);
    };
    if query.as_of == scope.today() {
        return Ok(None);
    }
    Ok(Some(AnchoredUnder {
        root_id: org_id(conn, root.as_str())?,
        today: scope.today(),
    }))
}

/// One page of the members of the subtree of `org_id`, the total counted up to `bound`.
fn page_counting_at_most(
    conn: &mut DbConnection,
    scope: &Scope,
    org_id: i64,
    query: &MemberQuery,
    bound: u64,
) -> Result<MemberPage, StoreError> {
    let Some(place) = place_on(conn, org_id, query.as_of)? else {
        return Ok(MemberPage {
            rows: Vec::new(),
            total: 0,
            total_exact: true,
            next: None,
        });
    };
    let anchored = anchored_filter(conn, scope, query)?;
    let (total, total_exact) = total_of(conn, query, &place, anchored, bound)?;
    let limit = query.limit.clamp(*PAGE_LIMITS.start(), *PAGE_LIMITS.end());
    let mut rows: Vec<ListRow> = match walk_of(conn, query, &place, anchored, (total, limit))? {
        Some(walk) => {
            let ids: Vec<i64> = walk.load(conn)?;
            name_order::rows_of(&ids, query.as_of)
                .select(ListRow::as_select())
                .load(conn)?
        }
        None => page_rows_query(query, &place, anchored, limit).load(conn)?,
    };
    let more = rows.len() > limit as usize;
    rows.truncate(limit as usize);
    let next = more
        .then(|| rows.last())
        .flatten()
        .map(|last| MemberCursor {
            sort_key: last.sort_key.clone(),
            code: last.code.clone(),
        });
    Ok(MemberPage {
        rows: rows.into_iter().map(list_item).collect::<Result<_, _>>()?,
        total,
        total_exact,
        next,
    })
}

/// The walk along the name index that finds the page's members, when it pays for an
/// unsearched list of `total` members ([`name_order::pays`]).
fn walk_of<'a>(
    conn: &mut DbConnection,
    query: &MemberQuery,
    place: &'a Place,
    anchored: Option<AnchoredUnder>,
    (total, limit): (u64, u32),
) -> Result<Option<name_order::WalkQuery<'a>>, StoreError> {
    if search_range(query.search.as_deref()).is_some()
        || !name_order::pays(total, last_member_id(conn)?.unsigned_abs(), limit)
    {
        return Ok(None);
    }
    let after = query.after.as_ref();
    let walk = name_order::walk_query(place, query.as_of, after, anchored, limit);
    Ok(Some(walk))
}

/// The list's total and whether it is exact. Unsearched, and with every member of the
/// subtree seen, the list is exactly the members the figures count: one row of the
/// subtree's pre-summed figures, exact at any size. Otherwise the matches are counted up
/// to `bound`.
fn total_of(
    conn: &mut DbConnection,
    query: &MemberQuery,
    place: &Place,
    anchored: Option<AnchoredUnder>,
    bound: u64,
) -> Result<(u64, bool), StoreError> {
    if anchored.is_none() && search_range(query.search.as_deref()).is_none() {
        let counts = subtree::counts_on(conn, &[place.org_id], query.as_of)?;
        let members = counts.get(&place.org_id).map_or(0, |c| c.members);
        return Ok((crate::db::count(members)?, true));
    }
    let counted: i64 = bounded_count_query(query, place, anchored, bound).get_result(conn)?;
    let counted = crate::db::count(counted)?;
    Ok((counted.min(bound), counted <= bound))
}

#[cfg(feature = "testing")]
mod testing;
#[cfg(feature = "testing")]
pub(crate) use testing::explain_page;

fn list_item(row: ListRow) -> Result<MemberListItem, StoreError> {
    Ok(MemberListItem {
        code: member_code(&row.code)?,
        full_name: row.full_name,
        gender: row.gender.as_deref().map(enum_code).transpose()?,
        birth_date: row.birth_date,
        admitted_on: row.admitted_on,
        official_on: row.official_on,
        status: enum_code(&row.status)?,
        org: row.org.into_ref()?,
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
