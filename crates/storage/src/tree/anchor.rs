//! Where a person belongs today: the one rule that decides whether a subtree scope sees a
//! member, in profiles, lists and exports alike.
//!
//! A member belongs to the organization of their *anchor* registration: the one that holds
//! today; else, if they left (transferred out of the installation, died, expelled), the
//! last one begun before today, taken on its last day; else the first one, on its first
//! day. A subtree scope sees the member when that organization lay under the scope's root
//! on that day. Someone who was in the subtree once and is registered elsewhere now is
//! therefore not listed in a past member list of the subtree, nor exported with it, and
//! their profile answers "not found": they count only in the figures of the time they were
//! there. [`anchor_day`] is the rule in Rust (one member at a time); [`AnchoredUnder`] is
//! the same rule in SQL (a condition on `members.id`, for lists).

use crate::db::conn::DbConnection;
use dangvu_domain::{Date, Period};
use diesel::expression::{AppearsOnTable, Expression, SelectableExpression, ValidGrouping};
use diesel::query_builder::{AstPass, QueryFragment, QueryId};
use diesel::sql_types::{BigInt, Bool};

/// Which period judges the scope, and on which day: the one holding on `today`; else the
/// last one begun before `today` (on its last day); else the first one (on its first day).
pub(crate) fn anchor_day(periods: &[Period], today: Date) -> Option<(usize, Date)> {
    if let Some(i) = periods.iter().position(|p| p.contains(today)) {
        return Some((i, today));
    }
    if let Some(i) = periods.iter().rposition(|p| p.from <= today) {
        let last = periods.get(i)?;
        return Some((i, last.to.pred_opt().unwrap_or(last.from)));
    }
    periods.first().map(|p| (0, p.from))
}

/// The backend of [`DbConnection`] (diesel's generated multi-backend).
type Db = <DbConnection as diesel::Connection>::Backend;

/// `members.id` has an anchor registration begun by `today` whose organization lay under
/// the organization `root_id` on the anchor day: [`anchor_day`]'s first two cases in SQL.
///
/// The anchor day is `min(today, valid_to - 1)`; "a period `[f, t)` holds on it" is
/// written without date arithmetic (which the backends spell differently) as
/// `f <= today AND f < valid_to AND (t > today OR t >= valid_to)`. A member registered
/// on a day up to `today` always has such a registration, so the third case (only future
/// registrations) only matters for lists of days after today, which it leaves out.
#[derive(Debug, Clone, Copy)]
pub(crate) struct AnchoredUnder {
    /// The scope's root organization.
    pub root_id: i64,
    /// The scope's today.
    pub today: Date,
}

/// The SQL of [`AnchoredUnder`], split where the values are bound. `?R` is the root id,
/// every `?T` today.
const ANCHORED_UNDER_SQL: [&str; 7] = [
    "EXISTS (SELECT 1 FROM registrations ra \
     JOIN org_paths pa ON pa.org_id = ra.org_id \
     JOIN org_paths pr ON pr.org_id = ",
    /* ?R */
    " WHERE ra.member_id = members.id AND ra.valid_from <= ",
    /* ?T */
    " AND NOT EXISTS (SELECT 1 FROM registrations rb WHERE rb.member_id = ra.member_id \
     AND rb.valid_from > ra.valid_from AND rb.valid_from <= ",
    /* ?T */
    ") AND pa.valid_from <= ",
    /* ?T */
    " AND pa.valid_from < ra.valid_to AND (pa.valid_to > ",
    /* ?T */
    " OR pa.valid_to >= ra.valid_to) AND pr.valid_from <= ",
    /* ?T */
    " AND pr.valid_from < ra.valid_to AND (pr.valid_to > ",
];

/// The end of [`ANCHORED_UNDER_SQL`], after the last `?T`.
const ANCHORED_UNDER_TAIL: &str = " OR pr.valid_to >= ra.valid_to) \
     AND pa.path >= pr.path AND pa.path < pr.path_upper)";

impl QueryFragment<Db> for AnchoredUnder {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, Db>) -> diesel::QueryResult<()> {
        let [root, after_root, rest @ ..] = ANCHORED_UNDER_SQL;
        out.push_sql(root);
        out.push_bind_param::<BigInt, _>(&self.root_id)?;
        out.push_sql(after_root);
        for part in rest {
            out.push_bind_param::<diesel::sql_types::Date, _>(&self.today)?;
            out.push_sql(part);
        }
        out.push_bind_param::<diesel::sql_types::Date, _>(&self.today)?;
        out.push_sql(ANCHORED_UNDER_TAIL);
        Ok(())
    }
}

impl QueryId for AnchoredUnder {
    type QueryId = ();
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl Expression for AnchoredUnder {
    type SqlType = Bool;
}

impl<QS> AppearsOnTable<QS> for AnchoredUnder {}

impl<QS> SelectableExpression<QS> for AnchoredUnder {}

impl<GB> ValidGrouping<GB> for AnchoredUnder {
    type IsAggregate = diesel::expression::is_aggregate::Never;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn the_period_of_today_then_the_last_one_then_the_first_one_judges() {
        let periods = [
            Period {
                from: d(2010, 1, 1),
                to: d(2015, 1, 1),
            },
            Period {
                from: d(2015, 1, 1),
                to: d(2020, 1, 1),
            },
        ];
        assert_eq!(
            anchor_day(&periods, d(2016, 6, 1)),
            Some((1, d(2016, 6, 1)))
        );
        assert_eq!(
            anchor_day(&periods, d(2024, 6, 1)),
            Some((1, d(2019, 12, 31)))
        );
        assert_eq!(
            anchor_day(&periods, d(2000, 6, 1)),
            Some((0, d(2010, 1, 1)))
        );
        assert_eq!(anchor_day(&[], d(2000, 6, 1)), None);
    }
}
