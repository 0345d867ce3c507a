//! The dating rules in SQL, each written once.
//!
//! Every effective-dated table holds a fact on `[valid_from, valid_to)`, open ends stored
//! as sentinel dates rather than NULL (`dangvu_domain::dates`), so "valid on D" is the
//! indexable `valid_from <= D AND valid_to > D` on every backend — the SQL twin of
//! `Period::contains`. The subtree of an organization on D is every `org_paths` row valid
//! on D whose path lies in the place's `[path, path_upper)`: a range on the path index.
//! Queries build these conditions here and nowhere else, so that each stays the shape the
//! indexes serve (`tests/scope_plans.rs` checks the plans).

use crate::db::schema::org_paths;
use crate::tree::sql::Place;
use diesel::dsl;
use diesel::expression::AsExpression;
use diesel::prelude::*;
use diesel::sql_types;

/// The condition of [`valid_on`].
pub(crate) type ValidOn<F, T, D> = dsl::And<dsl::LtEq<F, D>, dsl::Gt<T, D>>;

/// The row's period `[from, to)` holds on `day` (a date, or a date column such as
/// `members.admitted_on`): `from <= day AND to > day`.
pub(crate) fn valid_on<F, T, D>(from: F, to: T, day: D) -> ValidOn<F, T, D>
where
    F: ExpressionMethods + Expression<SqlType = sql_types::Date>,
    T: ExpressionMethods + Expression<SqlType = sql_types::Date>,
    D: AsExpression<sql_types::Date> + Clone,
    dsl::LtEq<F, D>: Expression<SqlType = sql_types::Bool>,
    dsl::Gt<T, D>: Expression<SqlType = sql_types::Bool>,
{
    from.le(day.clone()).and(to.gt(day))
}

/// The condition of [`in_range`].
pub(crate) type InRange<'a> =
    dsl::And<dsl::GtEq<org_paths::path, &'a str>, dsl::Lt<org_paths::path, &'a str>>;

/// The `org_paths` row lies in the subtree of `place` (whatever day each was taken on):
/// `path >= place.path AND path < place.path_upper`.
pub(crate) fn in_range(place: &Place) -> InRange<'_> {
    org_paths::path
        .ge(place.path.as_str())
        .and(org_paths::path.lt(place.path_upper.as_str()))
}

/// The condition of [`in_subtree_on`].
pub(crate) type InSubtreeOn<'a, D> =
    dsl::And<ValidOn<org_paths::valid_from, org_paths::valid_to, D>, InRange<'a>>;

/// The `org_paths` row is valid on `day` and lies in the subtree of `place` (taken on the
/// same day).
pub(crate) fn in_subtree_on<D>(place: &Place, day: D) -> InSubtreeOn<'_, D>
where
    D: AsExpression<sql_types::Date> + Clone,
    dsl::LtEq<org_paths::valid_from, D>: Expression<SqlType = sql_types::Bool>,
    dsl::Gt<org_paths::valid_to, D>: Expression<SqlType = sql_types::Bool>,
{
    valid_on(org_paths::valid_from, org_paths::valid_to, day).and(in_range(place))
}
