//! What tests and benchmarks ask of the member list beyond the application's use (feature
//! `testing`): a chosen bound for the count, and the plans of the list's statements.

use super::*;

/// Tests and benchmarks choose the bound of the count: a subtree of more than
/// [`MEMBER_COUNT_LIMIT`] members is too slow to load in a test, and a benchmark wants the
/// exact size of its list (feature `testing`).
impl crate::Store {
    /// [`crate::Store::members`] with a searched or anchored list's total counted up to
    /// `bound` instead of [`MEMBER_COUNT_LIMIT`] (an unsearched list's is exact anyway).
    pub fn members_counting_at_most(
        &self,
        scope: &crate::Scope,
        query: &MemberQuery,
        bound: u64,
    ) -> Result<MemberPage, StoreError> {
        self.read(|c| {
            let org_id = crate::tree::access::visible_org(c, scope, query.org.as_str())?;
            page_counting_at_most(c, scope, org_id, query, bound)
        })
    }
}

/// The plans of the statements [`page`] runs for `query` on the subtree of `org_id`: the
/// place of the root, the count, the walk along the name index when it pays, and the rows
/// (feature `testing`).
pub(crate) fn explain_page(
    conn: &mut DbConnection,
    scope: &Scope,
    org_id: i64,
    query: &MemberQuery,
) -> Result<Vec<crate::testing::plans::QueryPlan>, StoreError> {
    use crate::testing::plans::explain;
    let mut plans = vec![explain(
        conn,
        "tree.place_on",
        crate::tree::sql::place_on_query(org_id, query.as_of),
    )?];
    let Some(place) = place_on(conn, org_id, query.as_of)? else {
        return Ok(plans);
    };
    let limit = query.limit.clamp(*PAGE_LIMITS.start(), *PAGE_LIMITS.end());
    let anchored = anchored_filter(conn, scope, query)?;
    let count = bounded_count_query(query, &place, anchored, MEMBER_COUNT_LIMIT);
    plans.push(explain(conn, "members.count", count)?);
    let (total, _) = total_of(conn, query, &place, anchored, MEMBER_COUNT_LIMIT)?;
    if let Some(walk) = walk_of(conn, query, &place, anchored, (total, limit))? {
        plans.push(explain(conn, "members.walk", walk)?);
        let walk = walk_of(conn, query, &place, anchored, (total, limit))?;
        let ids: Vec<i64> = match walk {
            Some(walk) => walk.load(conn)?,
            None => Vec::new(),
        };
        let rows = name_order::rows_of(&ids, query.as_of).select(ListRow::as_select());
        plans.push(explain(conn, "members.page", rows)?);
        return Ok(plans);
    }
    let rows = page_rows_query(query, &place, anchored, limit);
    plans.push(explain(conn, "members.page", rows)?);
    Ok(plans)
}
