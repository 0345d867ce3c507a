//! Rating statistics (issue 13): each year's organizations and members by level in a
//! subtree, and a year's results as the workbook a committee sends upward. One use case
//! each, behind the page, the API and the command line alike.

use crate::interchange::{ExportFile, XLSX_TYPE, file_stem};
use crate::records::OrgDetail;
use crate::{App, Caller, Error};
use dangvu_domain::dates::year_end;
use dangvu_domain::ratings::statistics::YearStatistics;
use dangvu_domain::roles::Capability;
use dangvu_domain::{Date, OrgCode};
use dangvu_interchange::results_workbook;
use dangvu_storage::StoreError;
use std::ops::RangeInclusive;

/// The years a results sheet may be asked for (checked after the organization's scope).
const FIRST_YEAR: i32 = 1930;
const LAST_YEAR: i32 = 2100;

/// The most years one request may span (a few terms).
pub const MAX_YEARS: i32 = 30;

/// The statistics of a subtree over a range of years.
#[derive(Debug, Clone)]
pub struct RatingStatistics {
    /// The subtree's root, as it stood on the last reference day of the range.
    pub org: OrgDetail,
    /// Each year of the range, oldest first (empty years included).
    pub years: Vec<YearStatistics>,
}

impl App {
    /// Each year of `years` for the subtree of `org`: its grassroots organizations, cells
    /// and members by level, on 31 December of the year.
    pub fn rating_statistics(
        &self,
        caller: &Caller,
        org: &OrgCode,
        years: RangeInclusive<i32>,
    ) -> Result<RatingStatistics, Error> {
        caller.permit(Capability::ReadRecords)?;
        let (from, to) = (*years.start(), *years.end());
        if from > to || to - from >= MAX_YEARS {
            return Err(invalid(format!(
                "từ năm {from} đến năm {to}: tối đa {MAX_YEARS} năm, năm đầu không sau năm cuối / from {from} to {to}: at most {MAX_YEARS} years, the first not after the last"
            )));
        }
        let org_detail = self
            .store
            .org(caller.scope(), org, reference(caller, to)?)?;
        let years = self.store.rating_statistics(caller.scope(), org, years)?;
        Ok(RatingStatistics {
            org: org_detail,
            years,
        })
    }

    /// The results of `year` for the organizations directly under `org` on 31 December,
    /// as an Excel workbook named `xep-loai-<org>-<year>-12-31.xlsx` (the day counted).
    pub fn rating_results_workbook(
        &self,
        caller: &Caller,
        org: &OrgCode,
        year: i32,
    ) -> Result<ExportFile, Error> {
        caller.permit(Capability::ReadRecords)?;
        let sheet = self.store.results_sheet(caller.scope(), org, year)?;
        if !(FIRST_YEAR..=LAST_YEAR).contains(&year) {
            return Err(invalid(format!(
                "năm {year}: chỉ từ {FIRST_YEAR} đến {LAST_YEAR} / year {year}: only {FIRST_YEAR} to {LAST_YEAR}"
            )));
        }
        let day = year_end(year).ok_or_else(|| invalid(format!("năm {year} / year {year}")))?;
        Ok(ExportFile {
            file_name: format!("xep-loai-{}.xlsx", file_stem(org, day)),
            content_type: XLSX_TYPE,
            bytes: results_workbook(&sheet)?,
        })
    }
}

/// 31 December of `year`, or today when the year is not over.
fn reference(caller: &Caller, year: i32) -> Result<Date, Error> {
    let end = year_end(year).ok_or_else(|| {
        invalid(format!(
            "năm {year} không dùng được / year {year} cannot be used"
        ))
    })?;
    Ok(end.min(caller.scope().today()))
}

fn invalid(message: String) -> Error {
    Error::Store(StoreError::Invalid(message))
}
