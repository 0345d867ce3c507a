//! The command line, declared with clap. Every setting can also come from the environment
//! (`DANGVU_*`) or the configuration file; see `config.rs` for the order.
//!
//! Help texts are in Vietnamese, then English, like every message of the command line
//! (`Vietnamese / English`): the doc comments below are what `--help` prints. Dates are
//! named `YYYY-MM-DD` in the usage line and both accepted forms in the text.

mod accounts;
mod calendar;
mod records;
mod rounds;

pub use accounts::*;
pub use calendar::*;
pub use records::*;
pub use rounds::*;

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

/// Đảng vụ — hồ sơ, báo cáo và nghiệp vụ công tác đảng cho cấp ủy / Party-building
/// records, reports and workflows for Party committees.
#[derive(Debug, Parser)]
#[command(name = "dangvu", version, subcommand_help_heading = "Lệnh / Commands")]
pub struct Cli {
    /// Settings shared by every command.
    #[command(flatten)]
    pub global: GlobalArgs,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Settings shared by every command: accepted before or after the command's name, and
/// listed under their own heading so that each command's own options stand apart.
#[derive(Debug, Args)]
#[command(next_help_heading = "Tùy chọn chung / Global options")]
pub struct GlobalArgs {
    /// Cơ sở dữ liệu: tệp SQLite (mặc định `dangvu.db`) hoặc `postgres://user@host/db` /
    /// Database: a SQLite file path (default `dangvu.db`) or `postgres://user@host/db`.
    #[arg(
        long = "db",
        global = true,
        env = "DANGVU_DATABASE_URL",
        value_name = "URL"
    )]
    pub database_url: Option<String>,
    /// Tệp cấu hình (TOML), mặc định `dangvu.toml` nếu có / Configuration file (TOML);
    /// default `dangvu.toml` in the working folder if present.
    #[arg(long, global = true, env = "DANGVU_CONFIG", value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Bộ lọc nhật ký, ví dụ `info` / Log filter, e.g. `info` or `dangvu_storage=debug`.
    #[arg(long, global = true, env = "DANGVU_LOG", value_name = "FILTER")]
    pub log: Option<String>,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Chạy ứng dụng web (trang và API JSON) / Run the web application (pages and JSON API).
    Serve(ServeArgs),
    /// Nạp dữ liệu mẫu huyện Vị Xuyên vào cơ sở dữ liệu trống / Load the Vị Xuyên demo
    /// district into an empty database.
    Demo(DemoArgs),
    /// Báo cáo / Reports.
    #[command(subcommand)]
    Report(ReportCommand),
    /// Cập nhật cấu trúc cơ sở dữ liệu / Apply pending database migrations and list them.
    Migrate,
    /// Đo thời gian tạo dữ liệu mẫu, trang và báo cáo / Measure demo generation, page and
    /// report times on the configured database.
    Bench(BenchArgs),
    /// Nhập tệp trao đổi (.xlsx hoặc thư mục CSV), tất cả hoặc không gì cả / Import an
    /// interchange file (.xlsx workbook or folder of CSV files): all or nothing.
    Import(ImportArgs),
    /// Xuất hồ sơ ra tệp trao đổi (.xlsx hoặc thư mục CSV) / Export records as an
    /// interchange file (.xlsx workbook or folder of CSV files).
    Export(ExportArgs),
    /// Tài khoản: thêm, liệt kê, khóa, đặt mật khẩu / Accounts: add, list, disable, set a
    /// password (as the local administrator).
    #[command(subcommand)]
    User(UserCommand),
    /// Mã truy cập API: tạo, liệt kê, thu hồi / API bearer tokens: create, list, revoke.
    #[command(subcommand)]
    Token(TokenCommand),
    /// Nhật ký kiểm tra / The audit log.
    #[command(subcommand)]
    Audit(AuditCommand),
    /// Lịch ngày làm việc / The working-day calendar.
    #[command(subcommand)]
    Calendar(CalendarCommand),
    /// Đợt xếp loại chất lượng: liệt kê, mở, xem, kết thúc / Quality rating rounds: list,
    /// open, show, close.
    #[command(subcommand)]
    Round(RoundCommand),
}
