//! Exporting a subtree: its records with their full histories, masked for the caller.
//!
//! Storage writes the audit row `export` (an export reads every record). Citizen IDs are
//! masked here, before any byte is written, unless the caller's role needs them; a masked
//! file is for reading, and importing it back is refused by the `so_cccd` rule rather than
//! overwriting stored numbers.

use super::package;
use crate::{App, Caller, Error};
use dangvu_domain::dataset::Dataset;
use dangvu_domain::privacy::mask_citizen_id;
use dangvu_domain::{Date, OrgCode};
use dangvu_interchange::{write_csv_folder, write_xlsx};
use std::path::Path;

/// The form of an exported file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// One workbook, one sheet per table.
    Xlsx,
    /// A folder of `<table>.csv` files (a `.zip` of it for a download).
    Csv,
}

impl ExportFormat {
    /// Reads a format's name (`xlsx`; `csv` or `zip`); empty: the workbook; `None` for
    /// anything else.
    pub fn parse(raw: Option<&str>) -> Option<Self> {
        match raw.map(str::trim).unwrap_or_default() {
            "" | "xlsx" => Some(Self::Xlsx),
            "csv" | "zip" => Some(Self::Csv),
            _ => None,
        }
    }
}

/// An exported file to send, with its name.
#[derive(Debug)]
pub struct ExportFile {
    /// The name to save it under: `<code>-<date>.xlsx` or `.zip`.
    pub file_name: String,
    /// Its media type.
    pub content_type: &'static str,
    /// Its bytes.
    pub bytes: Vec<u8>,
}

/// What an export to a path held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExportCounts {
    /// Organizations written.
    pub orgs: usize,
    /// Members written.
    pub members: usize,
    /// Ratings of members and organizations written.
    pub ratings: usize,
}

impl App {
    /// The records of `org`'s subtree (`None`: the caller's whole reach) with their
    /// histories, citizen IDs masked for the caller; the export is audited.
    pub fn export_records(&self, caller: &Caller, org: Option<&OrgCode>) -> Result<Dataset, Error> {
        let mut dataset = self.store.export(caller.scope(), org, caller.audit())?;
        if !caller.sees_citizen_id() {
            mask_dataset(&mut dataset);
        }
        Ok(dataset)
    }

    /// Exports `org`'s subtree (or the caller's whole reach) to `path`: a workbook, or a
    /// folder of CSV files.
    pub fn export_to_path(
        &self,
        caller: &Caller,
        org: Option<&OrgCode>,
        format: ExportFormat,
        path: &Path,
    ) -> Result<ExportCounts, Error> {
        let dataset = self.export_records(caller, org)?;
        match format {
            ExportFormat::Xlsx => write_xlsx(&dataset, path)?,
            ExportFormat::Csv => write_csv_folder(&dataset, path)?,
        }
        Ok(ExportCounts {
            orgs: dataset.orgs.len(),
            members: dataset.members.len(),
            ratings: dataset.member_ratings.len() + dataset.org_ratings.len(),
        })
    }

    /// Exports `org`'s subtree as a file to download, named after the code and `today`.
    pub fn export_download(
        &self,
        caller: &Caller,
        org: &OrgCode,
        format: ExportFormat,
        today: Date,
    ) -> Result<ExportFile, Error> {
        let dataset = self.export_records(caller, Some(org))?;
        let stem = package::file_stem(org, today);
        match format {
            ExportFormat::Xlsx => package::workbook(&dataset, &stem),
            ExportFormat::Csv => package::zipped_folder(&dataset, &stem),
        }
    }
}

/// Hides the middle of every citizen ID.
fn mask_dataset(dataset: &mut Dataset) {
    for member in &mut dataset.members {
        if let Some(id) = member.profile.citizen_id.as_mut() {
            *id = mask_citizen_id(id);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_names() {
        assert_eq!(ExportFormat::parse(None), Some(ExportFormat::Xlsx));
        assert_eq!(ExportFormat::parse(Some("csv")), Some(ExportFormat::Csv));
        assert_eq!(ExportFormat::parse(Some(" zip ")), Some(ExportFormat::Csv));
        assert_eq!(ExportFormat::parse(Some("pdf")), None);
    }
}
