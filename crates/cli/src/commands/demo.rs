//! `dangvu demo`: load the Vị Xuyên demo district, or a generated province or nation, into
//! an empty database.

use crate::args::{DemoArgs, DemoScale};
use crate::config::Settings;
use crate::error::CliError;
use crate::output::out;
use dangvu_app::records::LoadStats;
use dangvu_app::{App, ChunkLoaded, DEMO_SEED, Scale};
use std::time::Instant;

/// Runs `dangvu demo`.
pub fn run(args: &DemoArgs, settings: &Settings) -> Result<(), CliError> {
    let app = super::open_or_create(settings)?;
    let seed = args.seed.or(settings.demo_seed).unwrap_or(DEMO_SEED);
    let scale = match args.scale {
        DemoScale::District => {
            let stats = load_demo(&app, seed)?;
            out!(
                "Đã nạp dữ liệu mẫu huyện Vị Xuyên / Loaded the Vị Xuyên demo: {} tổ chức / organizations, {} đảng viên / members, {} đánh giá / ratings",
                stats.orgs,
                stats.members,
                stats.ratings
            );
            return Ok(());
        }
        DemoScale::Region => Scale::Region,
        DemoScale::Province => Scale::Province,
        DemoScale::Nation => Scale::Nation,
    };
    let started = Instant::now();
    let progress = |part: ChunkLoaded| {
        eprintln!(
            "phần / part {}/{}: {} đảng viên / members ({:.0} s)",
            part.number,
            part.of,
            part.stats.members,
            started.elapsed().as_secs_f64()
        );
    };
    let stats = app.load_scaled(&super::caller(), scale, seed, progress)?;
    let seconds = started.elapsed().as_secs_f64();
    out!(
        "Đã nạp / Loaded: {} tổ chức / organizations, {} đảng viên / members, {} đánh giá / ratings in {seconds:.0} s ({:.0} members/s); peak memory {} MiB",
        stats.orgs,
        stats.members,
        stats.ratings,
        stats.members as f64 / seconds.max(0.001),
        super::bench::peak_memory_kib().unwrap_or(0) / 1024
    );
    Ok(())
}

/// Generates and loads the demo; refuses a database that already holds data.
pub fn load_demo(app: &App, seed: u64) -> Result<LoadStats, CliError> {
    Ok(app.load_demo(&super::caller(), seed)?)
}
