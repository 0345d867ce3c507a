//! What an import reports, table by table, and which columns its file gave (a column a
//! file lacks leaves the stored value as it is).

use crate::dates::Date;
use crate::interchange::Table;
use crate::text::header_key;
use serde::Serialize;
use std::collections::HashSet;

/// The columns present in each table of a file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GivenColumns {
    /// `(table, column key)` of every column the file lacks, for the tables it has.
    missing: HashSet<(Table, &'static str)>,
    every_column: bool,
}

impl GivenColumns {
    /// Every column of every table (a dataset built in code, an export).
    pub fn all() -> Self {
        Self {
            missing: HashSet::new(),
            every_column: true,
        }
    }

    /// The columns named by the header rows of the tables of a file.
    pub fn from_headers<'h>(tables: impl IntoIterator<Item = (Table, &'h [String])>) -> Self {
        let mut missing = HashSet::new();
        for (table, headers) in tables {
            let keys: HashSet<String> = headers.iter().map(|h| header_key(h)).collect();
            for column in table.columns() {
                if !keys.contains(column.key) {
                    missing.insert((table, column.key));
                }
            }
        }
        Self {
            missing,
            every_column: false,
        }
    }

    /// Whether the file gave column `key` of `table`.
    pub fn has(&self, table: Table, key: &str) -> bool {
        self.every_column || !self.missing.iter().any(|(t, k)| *t == table && *k == key)
    }
}

/// What an import did (or, for a dry run, would do) to the records of one table.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ImportCounts {
    /// Records (or history entries) that did not exist.
    pub created: u64,
    /// Existing records that differed and were updated.
    pub updated: u64,
    /// Records that were already as the file says.
    pub unchanged: u64,
}

/// The counts of one table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct TableCounts {
    /// The table.
    pub table: Table,
    /// What happened to its records.
    #[serde(flatten)]
    pub counts: ImportCounts,
}

/// What an import did, table by table (written as the `after_json` of its audit row).
///
/// History tables count history entries: `chuyen_sinh_hoat` the transfers, `cap_tren_to_chuc`
/// the changes of superior and `trang_thai_dang_vien` the status changes, whether the file
/// gave them in those tables or by a changed `ma_to_chuc`, `ma_cap_tren` or `trang_thai`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportSummary {
    /// Every table, in import order.
    pub tables: Vec<TableCounts>,
    /// The date changes without a date of their own took effect.
    pub effective_on: Date,
    /// Whether everything was rolled back.
    pub dry_run: bool,
    /// What the file breaks without being refused (the **report** rules of
    /// `ho_so_ket_nap`: a late decision, no awareness course…): the rows were kept. The
    /// audit row records how many, not each one (a district's file may hold thousands).
    #[serde(skip_serializing_if = "Vec::is_empty", serialize_with = "count_of")]
    pub findings: Vec<crate::interchange::Problem>,
}

fn count_of<S: serde::Serializer, T>(list: &[T], serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_u64(list.len() as u64)
}

impl ImportSummary {
    /// A summary with zero counts.
    pub fn new(effective_on: Date, dry_run: bool) -> Self {
        let tables = Table::every()
            .map(|table| TableCounts {
                table,
                counts: ImportCounts::default(),
            })
            .collect();
        Self {
            tables,
            effective_on,
            dry_run,
            findings: Vec::new(),
        }
    }

    /// The counts of `table`.
    pub fn counts(&self, table: Table) -> ImportCounts {
        self.tables
            .iter()
            .find(|t| t.table == table)
            .map(|t| t.counts)
            .unwrap_or_default()
    }

    /// The counts of `table`, to add to.
    pub fn counts_mut(&mut self, table: Table) -> &mut ImportCounts {
        let index = self
            .tables
            .iter()
            .position(|t| t.table == table)
            .unwrap_or_else(|| {
                self.tables.push(TableCounts {
                    table,
                    counts: ImportCounts::default(),
                });
                self.tables.len() - 1
            });
        &mut self.tables[index].counts
    }

    /// Whether the import changed nothing.
    pub fn changed_nothing(&self) -> bool {
        self.tables
            .iter()
            .all(|t| t.counts.created == 0 && t.counts.updated == 0)
    }
}
