//! Writing a dataset as a folder of interchange v1 CSV files, one `<table>.csv` per table.
//!
//! UTF-8 without a byte order mark (the plain form every tool reads; the importer also
//! accepts a BOM), RFC 4180 quoting where a value needs it, column keys as headers, and
//! cells that would run as formulas written as text ([`crate::formula`]).

use crate::WriteError;
use crate::export::{Value, for_each_row};
use crate::formula::neutralized;
use dangvu_domain::dataset::Dataset;
use dangvu_domain::interchange::Table;
use std::path::Path;

/// Writes `ds` into `dir` (created if missing) as `to_chuc.csv`, `dang_vien.csv`,
/// `chuyen_sinh_hoat.csv`, `danh_gia_dang_vien.csv`, `danh_gia_to_chuc.csv` and the
/// extensions `cap_tren_to_chuc.csv` and `trang_thai_dang_vien.csv`, replacing files of
/// those names. Every table is written, with its header row even when empty (so that no
/// file of an earlier export is left behind to be imported with this one).
pub fn write_csv_folder(ds: &Dataset, dir: &Path) -> Result<(), WriteError> {
    std::fs::create_dir_all(dir)?;
    for table in Table::every() {
        let path = dir.join(format!("{}.csv", table.name()));
        let mut writer = csv::Writer::from_path(path)?;
        writer.write_record(table.columns().iter().map(|c| c.key))?;
        for_each_row(ds, table, |row| {
            let texts: Vec<String> = row.iter().map(Value::to_text).collect();
            writer.write_record(texts.iter().map(|t| neutralized(t).into_owned()))?;
            Ok::<(), WriteError>(())
        })?;
        writer.flush()?;
    }
    Ok(())
}
