//! Database failures turned into [`StoreError`], in one place.
//!
//! A unique violation becomes [`StoreError::Conflict`] naming the column, read from the
//! message on SQLite ("UNIQUE constraint failed: members.citizen_id") and from the
//! constraint name on PostgreSQL (`members_citizen_id_key`), so both engines agree.

use crate::StoreError;
use diesel::result::{DatabaseErrorInformation, DatabaseErrorKind, Error};

/// PostgreSQL constraints over several columns, with the field both engines report.
const COMPOSITE_CONSTRAINTS: &[(&str, &str)] = &[
    ("member_ratings_member_id_year_key", "member_id, year"),
    ("org_ratings_org_id_year_key", "org_id, year"),
];

impl From<Error> for StoreError {
    fn from(error: Error) -> Self {
        match error {
            Error::DatabaseError(DatabaseErrorKind::UniqueViolation, info) => {
                StoreError::Conflict {
                    field: conflict_field(info.as_ref()),
                }
            }
            busy if super::txn::is_busy(&busy) => StoreError::Busy,
            other => StoreError::Database(Box::new(other)),
        }
    }
}

impl From<diesel::r2d2::PoolError> for StoreError {
    fn from(error: diesel::r2d2::PoolError) -> Self {
        StoreError::Connection(error.to_string())
    }
}

fn conflict_field(info: &dyn DatabaseErrorInformation) -> String {
    match info.constraint_name() {
        Some(constraint) => postgres_field(constraint, info.table_name()),
        None => sqlite_field(info.message()),
    }
}

/// `members_citizen_id_key` on table `members` → `citizen_id`.
fn postgres_field(constraint: &str, table: Option<&str>) -> String {
    if let Some((_, field)) = COMPOSITE_CONSTRAINTS.iter().find(|(c, _)| *c == constraint) {
        return (*field).to_string();
    }
    let without_table = table
        .and_then(|t| constraint.strip_prefix(t))
        .and_then(|rest| rest.strip_prefix('_'))
        .unwrap_or(constraint);
    without_table
        .strip_suffix("_key")
        .unwrap_or(without_table)
        .to_string()
}

/// `UNIQUE constraint failed: member_ratings.member_id, member_ratings.year` →
/// `member_id, year`.
fn sqlite_field(message: &str) -> String {
    let columns = message
        .split_once(':')
        .map_or(message, |(_, columns)| columns);
    columns
        .split(',')
        .map(|column| {
            let column = column.trim();
            column.rsplit_once('.').map_or(column, |(_, name)| name)
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_engines_name_the_same_column() {
        assert_eq!(
            sqlite_field("UNIQUE constraint failed: members.citizen_id"),
            "citizen_id"
        );
        assert_eq!(
            postgres_field("members_citizen_id_key", Some("members")),
            "citizen_id"
        );
        assert_eq!(
            sqlite_field("UNIQUE constraint failed: member_ratings.member_id, member_ratings.year"),
            postgres_field("member_ratings_member_id_year_key", Some("member_ratings"))
        );
    }
}
