//! Counting the rows of a query that carries its own `LIMIT` (diesel's `count()` would
//! count before the limit): how the member list counts "up to a bound".

use crate::db::conn::DbConnection;
use diesel::prelude::*;
use diesel::query_builder::{AstPass, Query, QueryFragment, QueryId};
use diesel::sql_types::BigInt;

/// The backend of [`DbConnection`] (diesel's generated multi-backend).
type Db = <DbConnection as diesel::Connection>::Backend;

/// `SELECT COUNT(*) FROM (query) AS bounded`: the number of rows of a query that carries
/// its own `LIMIT` (diesel's `count()` would count before the limit).
pub(crate) struct CountRows<Q>(pub(crate) Q);

impl<Q: QueryFragment<Db>> QueryFragment<Db> for CountRows<Q> {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, Db>) -> QueryResult<()> {
        out.push_sql("SELECT COUNT(*) FROM (");
        self.0.walk_ast(out.reborrow())?;
        out.push_sql(") AS bounded");
        Ok(())
    }
}

impl<Q> QueryId for CountRows<Q> {
    type QueryId = ();
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl<Q> Query for CountRows<Q> {
    type SqlType = BigInt;
}

impl<Q> RunQueryDsl<DbConnection> for CountRows<Q> {}
