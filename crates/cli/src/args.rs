//! The command line, declared with clap. Every setting can also come from the environment
//! (`DANGVU_*`) or the configuration file; see `config.rs` for the order.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Đảng vụ — Party-building records, reports and workflows for Party committees.
#[derive(Debug, Parser)]
#[command(name = "dangvu", version, about)]
pub struct Cli {
    /// Settings shared by every command.
    #[command(flatten)]
    pub global: GlobalArgs,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Settings shared by every command.
#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Database: a SQLite file path (default `dangvu.db`) or `postgres://user@host/db`.
    #[arg(long = "db", global = true, env = "DANGVU_DATABASE_URL")]
    pub database_url: Option<String>,
    /// Configuration file (TOML); default `dangvu.toml` in the working folder if present.
    #[arg(long, global = true, env = "DANGVU_CONFIG")]
    pub config: Option<PathBuf>,
    /// Log filter, e.g. `info` or `dangvu_storage=debug`.
    #[arg(long, global = true, env = "DANGVU_LOG")]
    pub log: Option<String>,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the web application (pages and JSON API).
    Serve(ServeArgs),
    /// Load the Vị Xuyên demo district into an empty database.
    Demo(DemoArgs),
    /// Reports.
    #[command(subcommand)]
    Report(ReportCommand),
    /// Apply pending database migrations and list them.
    Migrate,
    /// Measure demo generation, page and report times on the configured database.
    Bench(BenchArgs),
}

/// `dangvu serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on (default 127.0.0.1:8080).
    #[arg(long, env = "DANGVU_LISTEN")]
    pub listen: Option<String>,
    /// Load the demo district first when the database is empty.
    #[arg(long)]
    pub demo: bool,
}

/// `dangvu demo`.
#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Seed of the generator (the same seed gives the same district).
    #[arg(long, env = "DANGVU_DEMO_SEED")]
    pub seed: Option<u64>,
}

/// `dangvu report …`.
#[derive(Debug, Subcommand)]
pub enum ReportCommand {
    /// The summary report of `shared/spec/report-summary.md`.
    Summary(SummaryArgs),
}

/// `dangvu report summary`.
#[derive(Debug, Args)]
pub struct SummaryArgs {
    /// Code of the subtree's root organization.
    #[arg(long)]
    pub org: String,
    /// First day of the period (YYYY-MM-DD or DD/MM/YYYY).
    #[arg(long)]
    pub from: String,
    /// Last day of the period.
    #[arg(long)]
    pub to: String,
    /// Day of the stock figures (default: `--to`).
    #[arg(long = "as-of")]
    pub as_of: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Json)]
    pub format: ReportFormat,
}

/// Output formats of reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// The JSON document of the spec.
    Json,
    /// A table for people.
    Text,
}

/// `dangvu bench`.
#[derive(Debug, Args)]
pub struct BenchArgs {
    /// How many times each measured request runs.
    #[arg(long, default_value_t = 30)]
    pub iterations: u32,
    /// Empty the database's demo first? No: the bench refuses a non-empty database unless
    /// `--reuse` says to measure the data already there.
    #[arg(long)]
    pub reuse: bool,
}
