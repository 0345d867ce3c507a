//! `dangvu export PATH`: the records of the installation, or of one organization's subtree,
//! as an interchange file that `dangvu import` reads back (see `docs/interchange-format.md`).

use crate::args::{ExportArgs, FileFormat};
use crate::commands;
use crate::config::Settings;
use crate::error::CliError;
use crate::output::out;
use dangvu_app::ExportFormat;
use dangvu_domain::OrgCode;

/// Runs `dangvu export`.
pub fn run(args: &ExportArgs, settings: &Settings) -> Result<(), CliError> {
    let org = args.org.as_deref().map(OrgCode::parse).transpose()?;
    let format = args.format.unwrap_or_else(|| {
        let is_xlsx = args
            .path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
        if is_xlsx {
            FileFormat::Xlsx
        } else {
            FileFormat::Csv
        }
    });
    let format = match format {
        FileFormat::Xlsx => ExportFormat::Xlsx,
        FileFormat::Csv => ExportFormat::Csv,
    };
    let app = commands::open(settings)?;
    let written = app.export_to_path(&commands::caller(), org.as_ref(), format, &args.path)?;
    out!(
        "Đã xuất / Exported: {} tổ chức / organizations, {} đảng viên / members, {} đánh giá / ratings → {}",
        written.orgs,
        written.members,
        written.ratings,
        args.path.display()
    );
    Ok(())
}
