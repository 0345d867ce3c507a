//! `dangvu demo`: load the Vị Xuyên demo district into an empty database.

use crate::args::DemoArgs;
use crate::config::Settings;
use crate::error::CliError;
use dangvu_storage::{LoadStats, Store};
use std::time::Instant;

/// Runs `dangvu demo`.
pub fn run(args: &DemoArgs, settings: &Settings) -> Result<(), CliError> {
    let store = super::open(settings)?;
    let seed = args
        .seed
        .or(settings.demo_seed)
        .unwrap_or(dangvu_demo::DEFAULT_SEED);
    let stats = load_demo(&store, seed)?;
    println!(
        "Đã nạp dữ liệu mẫu huyện Vị Xuyên / Loaded the Vị Xuyên demo: {} tổ chức / organizations, {} đảng viên / members, {} đánh giá / ratings",
        stats.orgs, stats.members, stats.ratings
    );
    Ok(())
}

/// Generates and loads the demo; refuses a database that already holds data.
pub fn load_demo(store: &Store, seed: u64) -> Result<LoadStats, CliError> {
    if !store.is_empty()? {
        return Err(CliError::NotEmpty);
    }
    let started = Instant::now();
    let dataset = dangvu_demo::generate(seed);
    let generated = started.elapsed();
    let stats = store.load_dataset(&dataset, &super::cli_actor())?;
    tracing::info!(?generated, loaded = ?started.elapsed() - generated, seed, "demo loaded");
    Ok(stats)
}
