//! The committed blank template is what `write_template` writes, and imports as nothing.

use crate::support::scratch;
use calamine::{Data, Reader, Xlsx, open_workbook};
use dangvu_domain::dataset::Dataset;
use dangvu_domain::interchange::{Table, build_dataset};
use dangvu_domain::text::header_key;
use dangvu_interchange::{read_path, write_template};
use std::path::{Path, PathBuf};

fn committed() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/interchange-v1.xlsx")
}

/// Every sheet with its cells as text, row by row.
fn cells(path: &Path) -> Vec<(String, Vec<Vec<String>>)> {
    let mut book: Xlsx<_> = open_workbook(path).unwrap();
    book.sheet_names()
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).unwrap();
            let rows = range
                .rows()
                .map(|row| row.iter().map(Data::to_string).collect())
                .collect();
            (name, rows)
        })
        .collect()
}

#[test]
fn the_committed_template_is_what_the_function_writes() {
    let fresh = scratch("template").join("interchange-v1.xlsx");
    write_template(&fresh).unwrap();
    assert_eq!(
        cells(&committed()),
        cells(&fresh),
        "regenerate it: cargo run -p dangvu-interchange --example write_template -- \
         crates/interchange/templates/interchange-v1.xlsx"
    );
}

#[test]
fn the_template_has_a_sheet_per_table_headed_in_vietnamese() {
    let sheets = cells(&committed());
    let names: Vec<&str> = sheets.iter().map(|(name, _)| name.as_str()).collect();
    let tables: Vec<&str> = Table::ALL.iter().map(|t| t.name()).collect();
    assert_eq!(names, tables);
    for ((_, rows), table) in sheets.iter().zip(Table::ALL) {
        assert_eq!(rows.len(), 1, "{table}: only the header row");
        let keys: Vec<String> = rows[0].iter().map(|h| header_key(h)).collect();
        let expected: Vec<&str> = table.columns().iter().map(|c| c.key).collect();
        assert_eq!(keys, expected);
        assert!(
            rows[0].iter().all(|h| h.as_str() != header_key(h)),
            "{:?}",
            rows[0]
        );
    }
    let members = &sheets[1].1[0];
    assert_eq!(&members[..4], ["Mã", "Họ tên", "Giới tính", "Ngày sinh"]);
}

#[test]
fn the_blank_template_imports_as_an_empty_dataset() {
    let tables = read_path(&committed()).unwrap();
    assert_eq!(tables.len(), Table::ALL.len());
    assert_eq!(build_dataset(&tables).unwrap(), Dataset::default());
}
