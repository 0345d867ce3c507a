//! The summary report as a workbook to download or save (`dangvu_interchange` writes it).

use super::SummaryView;
use crate::interchange::{ExportFile, XLSX_TYPE, file_stem};
use crate::{App, Caller, Error};
use dangvu_domain::summary::SummaryParams;
use dangvu_interchange::{SummaryBook, summary_workbook};

/// `bao-cao-tong-hop-<code>-<from>-<to>.xlsx`: the organization and the period, in ASCII
/// so that the name is safe in a header and on every file system.
fn summary_file_name(params: &SummaryParams) -> String {
    let stem = file_stem(&params.org, params.from);
    format!("bao-cao-tong-hop-{stem}-{}.xlsx", params.to)
}

impl App {
    /// The summary report as a workbook: the organization, the period and the day of the
    /// figures at the top, then the figures, the ratings and the admissions per year.
    pub fn summary_workbook(
        &self,
        caller: &Caller,
        params: &SummaryParams,
    ) -> Result<ExportFile, Error> {
        let view = self.summary_view(caller, params)?;
        Ok(ExportFile {
            file_name: summary_file_name(params),
            content_type: XLSX_TYPE,
            bytes: workbook_bytes(&view)?,
        })
    }
}

/// The workbook of a computed report.
fn workbook_bytes(view: &SummaryView) -> Result<Vec<u8>, Error> {
    let book = SummaryBook {
        org_name: &view.org.name,
        report: &view.report,
        admissions: &view.admissions,
    };
    Ok(summary_workbook(&book)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_name_gives_the_organization_and_the_period() {
        let day = |s| dangvu_domain::dates::parse_date("d", s).unwrap();
        let org = dangvu_domain::OrgCode::parse("VX.01").unwrap();
        let params = SummaryParams::new(org, day("2015-08-01"), day("2020-07-31"), None).unwrap();
        assert_eq!(
            summary_file_name(&params),
            "bao-cao-tong-hop-VX.01-2015-08-01-2020-07-31.xlsx"
        );
    }
}
