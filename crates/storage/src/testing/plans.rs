//! Query plans of the statements storage really runs (feature `testing`).
//!
//! [`explain`] wraps a diesel query — the same builder value the use case loads — in
//! `EXPLAIN QUERY PLAN` (SQLite) or `EXPLAIN (FORMAT JSON)` (PostgreSQL) and runs it with
//! the same bound values, so a test or a benchmark sees the plan of the SQL actually used,
//! not of a hand-copied string. [`QueryPlan::full_scans`] names the scans that read a whole
//! table of members or registrations: on SQLite a `SCAN` of the table using no index, on
//! PostgreSQL a `Seq Scan` node on it. A `SCAN … USING INDEX` on SQLite is a walk in index
//! order that a `LIMIT` ends early (the first page of a whole district in name order), not
//! counted as a full scan.

use crate::StoreError;
use crate::db::conn::DbConnection;
use diesel::query_builder::{AstPass, Query, QueryFragment, QueryId};
use diesel::sql_types::{Integer, Text};
use diesel::{QueryResult, RunQueryDsl};
use std::marker::PhantomData;

/// The backend of [`DbConnection`] (diesel's generated multi-backend).
type Db = <DbConnection as diesel::Connection>::Backend;

/// The tables a list or a visibility check must never read whole.
pub const GUARDED_TABLES: [&str; 2] = ["members", "registrations"];

/// The plan of one statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryPlan {
    /// Which statement of the use case (`members.count`, `members.page`, …).
    pub statement: &'static str,
    /// The plan, one line per step (SQLite's `detail`; PostgreSQL's nodes, indented).
    pub lines: Vec<String>,
    /// The steps that read a whole table of [`GUARDED_TABLES`].
    pub full_scans: Vec<String>,
}

impl std::fmt::Display for QueryPlan {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "{}:", self.statement)?;
        for line in &self.lines {
            writeln!(f, "    {line}")?;
        }
        Ok(())
    }
}

/// `prefix` followed by a query, returning rows of `ST`.
struct Explain<Q, ST> {
    prefix: &'static str,
    query: Q,
    row: PhantomData<ST>,
}

impl<Q: QueryFragment<Db>, ST> QueryFragment<Db> for Explain<Q, ST> {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, Db>) -> QueryResult<()> {
        out.unsafe_to_cache_prepared();
        out.push_sql(self.prefix);
        self.query.walk_ast(out.reborrow())
    }
}

impl<Q, ST> QueryId for Explain<Q, ST> {
    type QueryId = ();
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl<Q, ST: diesel::sql_types::SqlType + diesel::query_builder::QueryId + 'static> Query
    for Explain<Q, ST>
{
    type SqlType = ST;
}

impl<Q, ST> RunQueryDsl<DbConnection> for Explain<Q, ST> {}

/// The plan of `query` as the connection's engine would run it now.
pub(crate) fn explain<Q>(
    conn: &mut DbConnection,
    statement: &'static str,
    query: Q,
) -> Result<QueryPlan, StoreError>
where
    Q: QueryFragment<Db>,
{
    let lines = match conn {
        DbConnection::Sqlite(_) => {
            let explain = Explain::<_, (Integer, Integer, Integer, Text)> {
                prefix: "EXPLAIN QUERY PLAN ",
                query,
                row: PhantomData,
            };
            let rows: Vec<(i32, i32, i32, String)> = explain.load(conn)?;
            rows.into_iter().map(|(_, _, _, detail)| detail).collect()
        }
        DbConnection::Pg(_) => {
            let explain = Explain::<_, Text> {
                prefix: "EXPLAIN (FORMAT JSON) ",
                query,
                row: PhantomData,
            };
            let json: String = explain.get_result(conn)?;
            pg_lines(&json)?
        }
    };
    let full_scans = lines.iter().filter(|l| is_full_scan(l)).cloned().collect();
    Ok(QueryPlan {
        statement,
        lines,
        full_scans,
    })
}

/// Whether a plan line reads a whole guarded table.
fn is_full_scan(line: &str) -> bool {
    let line = line.trim_start();
    GUARDED_TABLES.iter().any(|table| {
        let rest = |prefix: &str| {
            line.strip_prefix(prefix)
                .and_then(|r| r.strip_prefix(table))
                .filter(|r| r.is_empty() || r.starts_with(' '))
        };
        rest("SCAN ").is_some_and(|r| !r.contains("INDEX")) || rest("Seq Scan on ").is_some()
    })
}

/// PostgreSQL's JSON plan as indented lines: `Node Type [on relation] [using index]`.
fn pg_lines(json: &str) -> Result<Vec<String>, StoreError> {
    let value: serde_json::Value = serde_json::from_str(json)?;
    let mut lines = Vec::new();
    if let Some(plan) = value.get(0).and_then(|v| v.get("Plan")) {
        pg_node(plan, 0, &mut lines);
    }
    Ok(lines)
}

fn pg_node(node: &serde_json::Value, depth: usize, lines: &mut Vec<String>) {
    let field = |key: &str| node.get(key).and_then(|v| v.as_str());
    let mut line = format!(
        "{}{}",
        "  ".repeat(depth),
        field("Node Type").unwrap_or("?")
    );
    if let Some(relation) = field("Relation Name") {
        line.push_str(&format!(" on {relation}"));
    }
    if let Some(index) = field("Index Name") {
        line.push_str(&format!(" using {index}"));
    }
    if let Some(cond) = field("Index Cond") {
        line.push_str(&format!(" ({cond})"));
    }
    lines.push(line);
    if let Some(children) = node.get("Plans").and_then(|v| v.as_array()) {
        for child in children {
            pg_node(child, depth + 1, lines);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_reads_of_guarded_tables_are_full_scans_and_searches_are_not() {
        assert!(is_full_scan("SCAN members"));
        assert!(!is_full_scan("SCAN members USING INDEX members_sort"));
        assert!(!is_full_scan("SCAN membership"));
        assert!(is_full_scan("  Seq Scan on registrations"));
        assert!(!is_full_scan(
            "SEARCH members USING INTEGER PRIMARY KEY (rowid=?)"
        ));
        assert!(!is_full_scan("SCAN member_statuses"));
        assert!(!is_full_scan("Index Scan on members using members_pkey"));
        assert!(!is_full_scan("Seq Scan on member_statuses"));
    }
}
