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
    /// Import an interchange file (.xlsx workbook or folder of CSV files): all or nothing.
    Import(ImportArgs),
    /// Export records as an interchange file (.xlsx workbook or folder of CSV files).
    Export(ExportArgs),
    /// Accounts: add, list, disable, set a password (as the local administrator).
    #[command(subcommand)]
    User(UserCommand),
    /// API bearer tokens: create, list, revoke.
    #[command(subcommand)]
    Token(TokenCommand),
    /// The audit log.
    #[command(subcommand)]
    Audit(AuditCommand),
}

/// `dangvu import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// An `.xlsx` workbook, or a folder of `<table>.csv` files.
    pub path: PathBuf,
    /// Check everything and show the counts, but write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Also write the problems, if any, to this `.xlsx` or `.csv` file.
    #[arg(long)]
    pub report: Option<PathBuf>,
}

/// `dangvu export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The workbook or folder to write (replaced if it exists).
    pub path: PathBuf,
    /// Code of the organization whose subtree to export (default: everything).
    #[arg(long)]
    pub org: Option<String>,
    /// File format (default: `xlsx` when PATH ends in `.xlsx`, else a CSV folder).
    #[arg(long, value_enum)]
    pub format: Option<FileFormat>,
}

/// Interchange file forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FileFormat {
    /// One `.xlsx` workbook, a sheet per table.
    Xlsx,
    /// A folder of `<table>.csv` files.
    Csv,
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
    /// Mark cookies `Secure` on every response (when served over TLS by a proxy that does
    /// not send `X-Forwarded-Proto`).
    #[arg(long, env = "DANGVU_SECURE_COOKIES")]
    pub secure_cookies: bool,
    /// Minutes between two log lines `audit log head: rows=N head=HEX` (one is written at
    /// start), for the operator to keep outside the database.
    #[arg(
        long,
        env = "DANGVU_AUDIT_HEAD_MINUTES",
        default_value_t = 60,
        value_parser = clap::value_parser!(u64).range(1..=10_080)
    )]
    pub audit_head_minutes: u64,
    /// Folder where uploads wait while they are checked (private, emptied at start and
    /// stop). Default: `dangvu-uploads` beside the SQLite file, or in the current folder
    /// for PostgreSQL.
    #[arg(long, env = "DANGVU_UPLOAD_DIR")]
    pub upload_dir: Option<std::path::PathBuf>,
}

/// `dangvu demo`.
#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Seed of the generator (the same seed gives the same district).
    #[arg(long, env = "DANGVU_DEMO_SEED")]
    pub seed: Option<u64>,
    /// How large: the Vị Xuyên district (the demo), or a generated province (about a
    /// million members) or nation (34 provinces, about 6 million) for measuring.
    #[arg(long, value_enum, default_value_t = DemoScale::District)]
    pub scale: DemoScale,
}

/// The sizes `dangvu demo` generates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DemoScale {
    /// The Vị Xuyên demo district.
    District,
    /// One province of about a million members.
    Province,
    /// The nation: 34 provinces, about 6 million members.
    Nation,
}

/// `dangvu report …`.
#[derive(Debug, Subcommand)]
pub enum ReportCommand {
    /// The summary report (see docs/summary-report.md).
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
    /// Write the report to this file instead of standard output (required with
    /// `--format xlsx`).
    #[arg(long, required_if_eq("format", "xlsx"))]
    pub out: Option<PathBuf>,
}

/// Output formats of reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// The JSON document (see docs/summary-report.md).
    Json,
    /// A table for people.
    Text,
    /// An Excel workbook, written to `--out`.
    Xlsx,
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
    /// A benchmark other than the per-request server times.
    #[command(subcommand)]
    pub load: Option<BenchCommand>,
}

/// `dangvu bench …`.
#[derive(Debug, Subcommand)]
pub enum BenchCommand {
    /// Many clients at once against the real server: throughput and p50/p95/p99 of the
    /// district's and a cell's pages and reports, beside the static floor.
    Load(LoadArgs),
}

/// `dangvu bench load`.
#[derive(Debug, Args)]
pub struct LoadArgs {
    /// Concurrent clients, each on its own kept-alive connection.
    #[arg(long, default_value_t = 8)]
    pub clients: u32,
    /// Seconds each request is driven for.
    #[arg(long, default_value_t = 10)]
    pub seconds: u64,
    /// The root organization measured (the demo district by default).
    #[arg(long, default_value = "VX")]
    pub org: String,
    /// The cell measured (default: the first cell under the root's first grassroots
    /// committee).
    #[arg(long)]
    pub cell: Option<String>,
    /// The day of the pages and lists.
    #[arg(long, default_value = "2020-07-31")]
    pub as_of: String,
    /// The summary report's first day.
    #[arg(long, default_value = "2015-08-01")]
    pub from: String,
    /// The summary report's last day.
    #[arg(long, default_value = "2020-07-31")]
    pub to: String,
    /// Only the requests whose address contains this text (the floor always runs).
    #[arg(long)]
    pub only: Option<String>,
}

/// `dangvu user …`.
#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Create an account; its password is read from standard input.
    Add(UserAddArgs),
    /// List the accounts.
    List,
    /// Disable an account, ending its sessions and revoking its tokens.
    Disable {
        /// The account's username.
        username: String,
    },
    /// Set an account's password, read from standard input; ends its sessions.
    SetPassword(SetPasswordArgs),
}

/// `dangvu user add`.
#[derive(Debug, Args)]
pub struct UserAddArgs {
    /// Login name (3–32 characters: a-z, 0-9, '.', '_', '-').
    #[arg(long)]
    pub username: String,
    /// Role: quan_tri, can_bo_to_chuc, kiem_tra, bi_thu, xem or dang_vien.
    #[arg(long)]
    pub role: String,
    /// Code of the organization whose subtree the account reaches (every role but
    /// quan_tri and dang_vien).
    #[arg(long)]
    pub org: Option<String>,
    /// Code of the member the person is (required for dang_vien).
    #[arg(long)]
    pub member: Option<String>,
    /// Read the password (at least 10 characters) from the first line of standard input.
    #[arg(long, required = true)]
    pub password_stdin: bool,
}

/// `dangvu user set-password`.
#[derive(Debug, Args)]
pub struct SetPasswordArgs {
    /// The account's username.
    pub username: String,
    /// Read the password (at least 10 characters) from the first line of standard input.
    #[arg(long, required = true)]
    pub password_stdin: bool,
}

/// `dangvu token …`.
#[derive(Debug, Subcommand)]
pub enum TokenCommand {
    /// Create a token acting as an account; prints its secret once.
    Create {
        /// The account the token acts as.
        #[arg(long)]
        username: String,
        /// Days until it expires (default: never, until revoked).
        #[arg(long)]
        expires: Option<u32>,
    },
    /// List the tokens (never their secrets).
    List,
    /// Revoke a token.
    Revoke {
        /// The token's id, as `token create` and `token list` show it.
        id: i64,
    },
}

/// `dangvu audit …`.
#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Recompute the audit log's hash chain; exits non-zero (4) naming the first broken
    /// row. Ends with `rows=N head=HEX`, the line to keep outside the database.
    Verify(VerifyArgs),
}

/// `dangvu audit verify`.
#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// The head recorded earlier (the HEX of `head=HEX`): exit 4 unless the intact log
    /// still holds that row with that hash (it catches deleted newest rows and a rewritten,
    /// re-chained log).
    #[arg(long, value_name = "HEX")]
    pub expect_head: Option<String>,
}
