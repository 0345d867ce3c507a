//! `dangvu demo`: load the Vị Xuyên demo district into an empty database.

use crate::args::DemoArgs;
use crate::config::Settings;
use crate::error::CliError;
use dangvu_app::records::LoadStats;
use dangvu_app::{App, DEMO_SEED};

/// Runs `dangvu demo`.
pub fn run(args: &DemoArgs, settings: &Settings) -> Result<(), CliError> {
    let app = super::open(settings)?;
    let seed = args.seed.or(settings.demo_seed).unwrap_or(DEMO_SEED);
    let stats = load_demo(&app, seed)?;
    println!(
        "Đã nạp dữ liệu mẫu huyện Vị Xuyên / Loaded the Vị Xuyên demo: {} tổ chức / organizations, {} đảng viên / members, {} đánh giá / ratings",
        stats.orgs, stats.members, stats.ratings
    );
    Ok(())
}

/// Generates and loads the demo; refuses a database that already holds data.
pub fn load_demo(app: &App, seed: u64) -> Result<LoadStats, CliError> {
    Ok(app.load_demo(&super::caller(), seed)?)
}
