//! `dangvu export PATH`: the records of the installation, or of one organization's subtree,
//! as an interchange file that `dangvu import` reads back (see `docs/interchange-format.md`).

use crate::args::{ExportArgs, FileFormat};
use crate::config::Settings;
use crate::error::CliError;
use dangvu_domain::OrgCode;
use dangvu_interchange::{write_csv_folder, write_xlsx};
use dangvu_storage::Scope;

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
    let store = super::open(settings)?;
    let scope = Scope::whole_installation(crate::clock::today());
    let dataset = store.export(&scope, org.as_ref(), &super::cli_actor())?;
    match format {
        FileFormat::Xlsx => write_xlsx(&dataset, &args.path)?,
        FileFormat::Csv => write_csv_folder(&dataset, &args.path)?,
    }
    println!(
        "Đã xuất / Exported: {} tổ chức / organizations, {} đảng viên / members, {} đánh giá / ratings → {}",
        dataset.orgs.len(),
        dataset.members.len(),
        dataset.member_ratings.len() + dataset.org_ratings.len(),
        args.path.display()
    );
    Ok(())
}
