//! The hand-written diesel schema and the migrated databases agree, on every backend: the same
//! tables, the same columns, the declared type each diesel SQL type stands for, and the same
//! nullability. A failure lists every difference, naming table and column.
//!
//! SQLite declares only `integer` and `text` in the migrations, so there `BigInt`, `Integer`
//! and `Bool` all read `integer`, and `Text`, `Date` and `Timestamp` all read `text`; the
//! PostgreSQL run tells them apart.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test helpers fail loudly

use dangvu_storage::Backend;
use dangvu_storage::testing::backends;
use dangvu_storage::testing::columns::{DbColumn, database_columns};
use std::collections::BTreeMap;
use std::path::Path;

/// The schema source, relative to the storage crate.
const SCHEMA_PATH: &str = "src/db/schema.rs";

/// One column of a `diesel::table!` block.
#[derive(Debug, Clone, PartialEq, Eq)]
struct SchemaColumn {
    table: String,
    column: String,
    /// The diesel SQL type without `Nullable<…>` or a path (`BigInt`, `Date`, …).
    sql_type: String,
    nullable: bool,
}

/// The columns of every `diesel::table!` block of `source`, in order.
fn parse_schema(source: &str) -> Vec<SchemaColumn> {
    let mut columns = Vec::new();
    let mut table: Option<String> = None;
    let mut in_block = false;
    for line in source.lines().map(str::trim) {
        if line.starts_with("diesel::table!") {
            in_block = true;
        } else if !in_block || line.is_empty() || line.starts_with("//") || line.starts_with('#') {
            continue;
        } else if line == "}" {
            // The end of the columns, then the end of the macro.
            in_block = table.take().is_some();
        } else if let Some(ref name) = table {
            let (column, ty) = line
                .trim_end_matches(',')
                .split_once("->")
                .unwrap_or_else(|| panic!("{SCHEMA_PATH}: cannot read column line `{line}`"));
            let ty = ty.trim();
            let (inner, nullable) = match ty.strip_prefix("Nullable<") {
                Some(rest) => (rest.trim_end_matches('>'), true),
                None => (ty, false),
            };
            columns.push(SchemaColumn {
                table: name.clone(),
                column: column.trim().to_string(),
                sql_type: inner.rsplit("::").next().unwrap_or(inner).to_string(),
                nullable,
            });
        } else if let Some((head, _)) = line.split_once('(') {
            let name = head.trim();
            table = Some(name.rsplit('.').next().unwrap_or(name).to_string());
        }
    }
    columns
}

/// The type `backend` declares for a diesel SQL type, as [`database_columns`] reports it
/// (see the migrations in `migrations/sqlite` and `migrations/postgres`).
fn declared_type(backend: Backend, sql_type: &str) -> Option<&'static str> {
    Some(match (backend, sql_type) {
        (Backend::Sqlite, "BigInt" | "Integer" | "SmallInt" | "Bool") => "integer",
        (Backend::Sqlite, "Text" | "Date" | "Timestamp") => "text",
        (Backend::Sqlite, "Double" | "Float") => "real",
        (Backend::Postgres, "BigInt") => "bigint",
        (Backend::Postgres, "Integer") => "integer",
        (Backend::Postgres, "SmallInt") => "smallint",
        (Backend::Postgres, "Bool") => "boolean",
        (Backend::Postgres, "Text") => "text",
        (Backend::Postgres, "Date") => "date",
        (Backend::Postgres, "Timestamp") => "timestamp without time zone",
        (Backend::Postgres, "Double") => "double precision",
        (Backend::Postgres, "Float") => "real",
        _ => return None,
    })
}

fn null_word(nullable: bool) -> &'static str {
    if nullable { "nullable" } else { "not null" }
}

/// Every difference between the schema and the database's columns, one sentence each.
fn differences(backend: Backend, schema: &[SchemaColumn], db: &[DbColumn]) -> Vec<String> {
    let db_by_key: BTreeMap<(&str, &str), &DbColumn> = db
        .iter()
        .map(|c| ((c.table.as_str(), c.column.as_str()), c))
        .collect();
    let schema_by_key: BTreeMap<(&str, &str), &SchemaColumn> = schema
        .iter()
        .map(|c| ((c.table.as_str(), c.column.as_str()), c))
        .collect();
    let db_tables: Vec<&str> = db.iter().map(|c| c.table.as_str()).collect();
    let schema_tables: Vec<&str> = schema.iter().map(|c| c.table.as_str()).collect();
    let mut found = Vec::new();
    for (&(table, column), want) in &schema_by_key {
        let Some(have) = db_by_key.get(&(table, column)) else {
            found.push(if db_tables.contains(&table) {
                format!(
                    "{table}.{column}: in {SCHEMA_PATH} ({}) but not in the database",
                    want.sql_type
                )
            } else {
                format!("{table}.{column}: in {SCHEMA_PATH} but the database has no table {table}")
            });
            continue;
        };
        match declared_type(backend, &want.sql_type) {
            None => found.push(format!(
                "{table}.{column}: no known {backend:?} type for the diesel type {}",
                want.sql_type
            )),
            Some(expected) if expected != have.declared_type => found.push(format!(
                "{table}.{column}: {SCHEMA_PATH} says {} (declared `{expected}` on {backend:?}), \
                 the database declares `{}`",
                want.sql_type, have.declared_type
            )),
            Some(_) => {}
        }
        if want.nullable != have.nullable {
            found.push(format!(
                "{table}.{column}: {SCHEMA_PATH} says {}, the database column is {}",
                null_word(want.nullable),
                null_word(have.nullable)
            ));
        }
    }
    for (&(table, column), have) in &db_by_key {
        if !schema_by_key.contains_key(&(table, column)) {
            found.push(if schema_tables.contains(&table) {
                format!(
                    "{table}.{column}: in the database (`{}`) but not in {SCHEMA_PATH}",
                    have.declared_type
                )
            } else {
                format!("{table}.{column}: in the database but {SCHEMA_PATH} has no table {table}")
            });
        }
    }
    found
}

fn schema_source() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(SCHEMA_PATH);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

#[test]
fn the_diesel_schema_matches_the_migrated_databases() {
    let schema = parse_schema(&schema_source());
    assert!(
        schema.len() > 50,
        "{SCHEMA_PATH} parsed to only {} columns",
        schema.len()
    );
    let mut report = String::new();
    for db in backends() {
        let _store = db.open(); // migrates
        let backend = db.url.backend();
        let found = differences(backend, &schema, &database_columns(&db.url));
        if !found.is_empty() {
            report += &format!(
                "\n{SCHEMA_PATH} and the migrated {backend:?} database differ:\n  {}",
                found.join("\n  ")
            );
        }
    }
    assert!(report.is_empty(), "{report}");
}

#[test]
fn a_doctored_schema_is_caught_on_every_backend() {
    let doctored = schema_source()
        .replacen("        hometown -> Nullable<Text>,\n", "", 1)
        .replacen("admitted_on -> Date,", "admitted_on -> BigInt,", 1)
        .replacen("official_on -> Nullable<Date>,", "official_on -> Date,", 1);
    let schema = parse_schema(&doctored);
    for db in backends() {
        let _store = db.open();
        let backend = db.url.backend();
        let found = differences(backend, &schema, &database_columns(&db.url));
        let want_type = declared_type(backend, "BigInt").unwrap();
        let have_type = declared_type(backend, "Date").unwrap();
        assert_eq!(
            found,
            vec![
                format!(
                    "members.admitted_on: {SCHEMA_PATH} says BigInt (declared `{want_type}` on \
                     {backend:?}), the database declares `{have_type}`"
                ),
                format!(
                    "members.official_on: {SCHEMA_PATH} says not null, the database column is nullable"
                ),
                format!("members.hometown: in the database (`text`) but not in {SCHEMA_PATH}"),
            ]
        );
    }
}

const SMALL_SCHEMA: &str = r"
diesel::table! {
    /// People.
    people (id) {
        id -> BigInt,
        name -> Text,
        born_on -> Nullable<diesel::sql_types::Date>,
    }
}

diesel::allow_tables_to_appear_in_same_query!(people,);
";

fn pg_column(column: &str, declared_type: &str, nullable: bool) -> DbColumn {
    DbColumn {
        table: "people".into(),
        column: column.into(),
        declared_type: declared_type.into(),
        nullable,
    }
}

#[test]
fn the_comparer_names_a_missing_column_a_wrong_type_and_a_nullability_change() {
    let schema = parse_schema(SMALL_SCHEMA);
    assert_eq!(schema.len(), 3);
    assert_eq!(
        (schema[2].sql_type.as_str(), schema[2].nullable),
        ("Date", true)
    );
    let agreeing = vec![
        pg_column("id", "bigint", false),
        pg_column("name", "text", false),
        pg_column("born_on", "date", true),
    ];
    assert!(differences(Backend::Postgres, &schema, &agreeing).is_empty());

    let doctored = vec![
        pg_column("id", "integer", false),
        pg_column("born_on", "date", false),
        pg_column("nickname", "text", true),
    ];
    assert_eq!(
        differences(Backend::Postgres, &schema, &doctored),
        vec![
            format!("people.born_on: {SCHEMA_PATH} says nullable, the database column is not null"),
            format!(
                "people.id: {SCHEMA_PATH} says BigInt (declared `bigint` on Postgres), the \
                 database declares `integer`"
            ),
            format!("people.name: in {SCHEMA_PATH} (Text) but not in the database"),
            format!("people.nickname: in the database (`text`) but not in {SCHEMA_PATH}"),
        ]
    );
    let no_table = differences(Backend::Postgres, &schema, &[]);
    assert!(no_table.contains(&format!(
        "people.id: in {SCHEMA_PATH} but the database has no table people"
    )));
}
