//! `dangvu report ratings --org X --year Y --out file.xlsx`: a year's rating results of the
//! organizations directly under `X`, as the workbook the page downloads (one use case,
//! `App::rating_results_workbook`, behind both).

use crate::args::RatingsArgs;
use crate::config::Settings;
use crate::error::CliError;
use crate::output::out;
use dangvu_domain::OrgCode;

/// Writes the workbook.
pub fn run(args: &RatingsArgs, settings: &Settings) -> Result<(), CliError> {
    let org = OrgCode::parse(&args.org)?;
    let app = super::super::open(settings)?;
    let file = app.rating_results_workbook(&super::super::caller(), &org, args.year)?;
    std::fs::write(&args.out, file.bytes)?;
    out!(
        "Đã ghi kết quả xếp loại / Ratings written: {}",
        args.out.display()
    );
    Ok(())
}
