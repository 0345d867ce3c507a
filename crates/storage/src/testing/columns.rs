//! The columns of a migrated database as the database itself reports them (feature
//! `testing`), for the test that compares them with the hand-written diesel schema.
//!
//! SQLite: every table of `sqlite_master` with `pragma_table_info`; PostgreSQL: the
//! `information_schema.columns` of the base tables of the `public` schema. Internal tables
//! (`sqlite_…`, diesel's `__diesel_schema_migrations`) are left out.

use crate::{Backend, DatabaseUrl};
use diesel::sql_types::{Bool, Integer, Text};
use diesel::{Connection, PgConnection, QueryableByName, RunQueryDsl, SqliteConnection};

/// One column of one table, as declared in the database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DbColumn {
    /// The table.
    pub table: String,
    /// The column.
    pub column: String,
    /// The declared type, lower case: SQLite's declared type (`integer`, `text`),
    /// PostgreSQL's `data_type` (`bigint`, `timestamp without time zone`, …).
    pub declared_type: String,
    /// Whether the column accepts null (an SQLite `integer primary key` never does).
    pub nullable: bool,
}

#[derive(QueryableByName)]
struct SqliteColumn {
    #[diesel(sql_type = Text)]
    table_name: String,
    #[diesel(sql_type = Text)]
    column_name: String,
    #[diesel(sql_type = Text)]
    declared_type: String,
    #[diesel(sql_type = Integer)]
    not_null: i32,
    #[diesel(sql_type = Integer)]
    pk: i32,
}

#[derive(QueryableByName)]
struct PgColumn {
    #[diesel(sql_type = Text)]
    table_name: String,
    #[diesel(sql_type = Text)]
    column_name: String,
    #[diesel(sql_type = Text)]
    declared_type: String,
    #[diesel(sql_type = Bool)]
    nullable: bool,
}

const SQLITE_COLUMNS: &str = "\
    select m.name as table_name, p.name as column_name, p.type as declared_type,
           p.\"notnull\" as not_null, p.pk as pk
    from sqlite_master m join pragma_table_info(m.name) p
    where m.type = 'table' and m.name not like 'sqlite\\_%' escape '\\'
      and m.name <> '__diesel_schema_migrations'
    order by m.name, p.cid";

const PG_COLUMNS: &str = "\
    select c.table_name::text as table_name, c.column_name::text as column_name,
           c.data_type::text as declared_type, c.is_nullable = 'YES' as nullable
    from information_schema.columns c
    join information_schema.tables t
      on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
      and c.table_name <> '__diesel_schema_migrations'
    order by c.table_name, c.ordinal_position";

/// Every column of every table of the (migrated) database at `url`, in table order and
/// then in column order.
pub fn database_columns(url: &DatabaseUrl) -> Vec<DbColumn> {
    let target = url.connection_string();
    match url.backend() {
        Backend::Sqlite => {
            let mut conn =
                SqliteConnection::establish(target).unwrap_or_else(|e| panic!("open {url}: {e}"));
            diesel::sql_query(SQLITE_COLUMNS)
                .load::<SqliteColumn>(&mut conn)
                .unwrap_or_else(|e| panic!("columns of {url}: {e}"))
                .into_iter()
                .map(|c| DbColumn {
                    table: c.table_name,
                    column: c.column_name,
                    declared_type: c.declared_type.to_lowercase(),
                    nullable: c.not_null == 0 && c.pk == 0,
                })
                .collect()
        }
        Backend::Postgres => {
            let mut conn =
                PgConnection::establish(target).unwrap_or_else(|e| panic!("open {url}: {e}"));
            diesel::sql_query(PG_COLUMNS)
                .load::<PgColumn>(&mut conn)
                .unwrap_or_else(|e| panic!("columns of {url}: {e}"))
                .into_iter()
                .map(|c| DbColumn {
                    table: c.table_name,
                    column: c.column_name,
                    declared_type: c.declared_type.to_lowercase(),
                    nullable: c.nullable,
                })
                .collect()
        }
    }
}
