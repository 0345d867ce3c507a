//! The arguments of the commands on the records: `serve`, `demo`, `report`, `import`,
//! `export` and `bench`.

use clap::{Args, Subcommand, ValueEnum};
use std::path::PathBuf;

/// `dangvu import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Sổ tính `.xlsx` hoặc thư mục các tệp `<bảng>.csv` / An `.xlsx` workbook, or a folder
    /// of `<table>.csv` files.
    pub path: PathBuf,
    /// Kiểm tra và báo số liệu, không ghi gì / Check everything and show the counts, but
    /// write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Ghi thêm danh sách lỗi ra tệp `.xlsx` hoặc `.csv` này / Also write the problems, if
    /// any, to this `.xlsx` or `.csv` file.
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,
}

/// `dangvu export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Sổ tính hoặc thư mục sẽ ghi (ghi đè nếu đã có) / The workbook or folder to write
    /// (replaced if it exists).
    pub path: PathBuf,
    /// Mã tổ chức gốc của nhánh cần xuất (mặc định: tất cả) / Code of the organization whose
    /// subtree to export (default: everything).
    #[arg(long, value_name = "CODE")]
    pub org: Option<String>,
    /// Dạng tệp (mặc định `xlsx` khi PATH kết thúc bằng `.xlsx`, nếu không là thư mục CSV) /
    /// File format (default: `xlsx` when PATH ends in `.xlsx`, else a CSV folder).
    #[arg(long, value_enum)]
    pub format: Option<FileFormat>,
}

/// Interchange file forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FileFormat {
    /// Một sổ tính `.xlsx`, mỗi bảng một trang / One `.xlsx` workbook, a sheet per table.
    Xlsx,
    /// Thư mục các tệp `<bảng>.csv` / A folder of `<table>.csv` files.
    Csv,
}

/// `dangvu serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Địa chỉ lắng nghe (mặc định 127.0.0.1:8080) / Address to listen on (default
    /// 127.0.0.1:8080).
    #[arg(long, env = "DANGVU_LISTEN", value_name = "ADDR")]
    pub listen: Option<String>,
    /// Nạp dữ liệu mẫu trước khi chạy nếu cơ sở dữ liệu trống / Load the demo district first
    /// when the database is empty.
    #[arg(long)]
    pub demo: bool,
    /// Đánh dấu cookie `Secure` trên mọi phản hồi / Mark cookies `Secure` on every response
    /// (when served over TLS by a proxy that does not send `X-Forwarded-Proto`).
    #[arg(long, env = "DANGVU_SECURE_COOKIES")]
    pub secure_cookies: bool,
    /// Số phút giữa hai dòng nhật ký `audit log head: rows=N head=HEX` / Minutes between two
    /// log lines `audit log head: rows=N head=HEX` (one is written at start), for the
    /// operator to keep outside the database.
    #[arg(
        long,
        env = "DANGVU_AUDIT_HEAD_MINUTES",
        default_value_t = 60,
        value_name = "N",
        value_parser = clap::value_parser!(u64).range(1..=10_080)
    )]
    pub audit_head_minutes: u64,
    /// Thư mục chứa tệp tải lên trong khi kiểm tra / Folder where uploads wait while they
    /// are checked (private, emptied at start and stop). Default: `dangvu-uploads` beside
    /// the SQLite file, or in the current folder for PostgreSQL.
    #[arg(long, env = "DANGVU_UPLOAD_DIR", value_name = "DIR")]
    pub upload_dir: Option<PathBuf>,
}

/// `dangvu demo`.
#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Hạt giống của bộ sinh dữ liệu / Seed of the generator (the same seed gives the same
    /// district).
    #[arg(long, env = "DANGVU_DEMO_SEED", value_name = "N")]
    pub seed: Option<u64>,
    /// Quy mô: huyện mẫu, một tỉnh hoặc cả nước / How large: the Vị Xuyên district (the
    /// demo), or a generated province (about a million members) or nation (34 provinces,
    /// about 6 million) for measuring.
    #[arg(long, value_enum, default_value_t = DemoScale::District)]
    pub scale: DemoScale,
}

/// The sizes `dangvu demo` generates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DemoScale {
    /// Huyện mẫu Vị Xuyên / The Vị Xuyên demo district.
    District,
    /// Mười hai xã, khoảng 100.000 đảng viên / Twelve communes, about 100,000 members.
    Region,
    /// Một tỉnh khoảng một triệu đảng viên / One province of about a million members.
    Province,
    /// Cả nước: 34 tỉnh, khoảng 6 triệu đảng viên / The nation: 34 provinces, about 6
    /// million members.
    Nation,
}

/// `dangvu report …`.
#[derive(Debug, Subcommand)]
pub enum ReportCommand {
    /// Báo cáo tổng hợp (xem docs/summary-report.md) / The summary report (see
    /// docs/summary-report.md).
    Summary(SummaryArgs),
    /// Báo cáo nhiệm kỳ (xem docs/term-report.md) / The term report (see
    /// docs/term-report.md).
    Term(TermArgs),
    /// Kết quả xếp loại chất lượng một năm của các tổ chức trực thuộc, dạng Excel gửi cấp
    /// trên (xem docs/ratings.md) / A year's quality ratings of the organizations directly
    /// under an organization, as the Excel sheet sent upward (see docs/ratings.md).
    Ratings(RatingsArgs),
}

/// `dangvu report ratings`.
#[derive(Debug, Args)]
pub struct RatingsArgs {
    /// Mã tổ chức (một dòng cho mỗi tổ chức trực thuộc) / Code of the organization (one row
    /// per organization directly under it).
    #[arg(long, value_name = "CODE")]
    pub org: String,
    /// Năm xếp loại / The year rated.
    #[arg(long, value_name = "YEAR")]
    pub year: i32,
    /// Tệp Excel (.xlsx) cần ghi / The Excel (.xlsx) file to write.
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
}

/// `dangvu report term`.
#[derive(Debug, Args)]
pub struct TermArgs {
    /// Mã tổ chức gốc của nhánh / Code of the subtree's root organization.
    #[arg(long, value_name = "CODE")]
    pub org: String,
    /// Ngày đầu nhiệm kỳ, YYYY-MM-DD hoặc DD/MM/YYYY / First day of the term, YYYY-MM-DD
    /// or DD/MM/YYYY.
    #[arg(long, value_name = "DATE")]
    pub from: String,
    /// Ngày cuối nhiệm kỳ, YYYY-MM-DD hoặc DD/MM/YYYY / Last day of the term, YYYY-MM-DD
    /// or DD/MM/YYYY.
    #[arg(long, value_name = "DATE")]
    pub to: String,
    /// Ngày chốt số liệu (mặc định: `--to`) / Day of the stock figures (default: `--to`).
    #[arg(long = "as-of", value_name = "DATE")]
    pub as_of: Option<String>,
    /// Dạng kết quả: tài liệu JSON / Output format: the JSON document.
    #[arg(long, value_enum, default_value_t = TermFormat::Json)]
    pub format: TermFormat,
    /// Ghi báo cáo ra tệp này thay vì đầu ra chuẩn / Write the report to this file instead
    /// of standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

/// Output formats of the term report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TermFormat {
    /// Tài liệu JSON (xem docs/term-report.md) / The JSON document (see
    /// docs/term-report.md).
    Json,
}

/// `dangvu report summary`.
#[derive(Debug, Args)]
pub struct SummaryArgs {
    /// Mã tổ chức gốc của nhánh / Code of the subtree's root organization.
    #[arg(long, value_name = "CODE")]
    pub org: String,
    /// Ngày đầu kỳ, YYYY-MM-DD hoặc DD/MM/YYYY / First day of the period, YYYY-MM-DD or
    /// DD/MM/YYYY.
    #[arg(long, value_name = "DATE")]
    pub from: String,
    /// Ngày cuối kỳ, YYYY-MM-DD hoặc DD/MM/YYYY / Last day of the period, YYYY-MM-DD or
    /// DD/MM/YYYY.
    #[arg(long, value_name = "DATE")]
    pub to: String,
    /// Ngày chốt số liệu, YYYY-MM-DD hoặc DD/MM/YYYY (mặc định: `--to`) / Day of the stock
    /// figures, YYYY-MM-DD or DD/MM/YYYY (default: `--to`).
    #[arg(long = "as-of", value_name = "DATE")]
    pub as_of: Option<String>,
    /// Dạng kết quả / Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Json)]
    pub format: ReportFormat,
    /// Ghi báo cáo ra tệp này thay vì đầu ra chuẩn (bắt buộc với `--format xlsx`) / Write
    /// the report to this file instead of standard output (required with `--format xlsx`).
    #[arg(long, value_name = "FILE", required_if_eq("format", "xlsx"))]
    pub out: Option<PathBuf>,
}

/// Output formats of reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Tài liệu JSON (xem docs/summary-report.md) / The JSON document (see
    /// docs/summary-report.md).
    Json,
    /// Bảng để đọc / A table for people.
    Text,
    /// Bảng tính Excel, ghi ra `--out` / An Excel workbook, written to `--out`.
    Xlsx,
}

/// `dangvu bench`.
#[derive(Debug, Args)]
pub struct BenchArgs {
    /// Số lần chạy mỗi yêu cầu được đo / How many times each measured request runs.
    #[arg(long, default_value_t = 30, value_name = "N")]
    pub iterations: u32,
    /// Đo trên dữ liệu đã có thay vì nạp dữ liệu mẫu / Measure the data already in the
    /// database instead of loading the demo (without it, a database that holds data is
    /// refused).
    #[arg(long)]
    pub reuse: bool,
    /// Phép đo khác / A benchmark other than the per-request server times.
    #[command(subcommand)]
    pub load: Option<BenchCommand>,
}

/// `dangvu bench …`.
#[derive(Debug, Subcommand)]
pub enum BenchCommand {
    /// Nhiều máy khách cùng lúc trên máy chủ thật / Many clients at once against the real
    /// server: throughput and p50/p95/p99 of the district's and a cell's pages and
    /// reports, beside the static floor.
    Load(LoadArgs),
    /// Đóng một đợt xếp loại năm trên dữ liệu đã có / Close a year's rating round on the
    /// data already in the database: open it with every member proposed, close it (checks,
    /// ratings written, figures kept), then the year's rating statistics.
    Round(RoundBenchArgs),
}

/// `dangvu bench round`.
#[derive(Debug, Args)]
pub struct RoundBenchArgs {
    /// Mã tổ chức mở đợt / The committee opening the round.
    #[arg(long, value_name = "MA")]
    pub org: String,
    /// Năm xếp loại / The year rated.
    #[arg(long, value_name = "YYYY")]
    pub year: i32,
}

/// `dangvu bench load`.
#[derive(Debug, Args)]
pub struct LoadArgs {
    /// Số máy khách đồng thời / Concurrent clients, each on its own kept-alive connection.
    #[arg(long, default_value_t = 8, value_name = "N")]
    pub clients: u32,
    /// Số giây chạy mỗi yêu cầu / Seconds each request is driven for.
    #[arg(long, default_value_t = 10, value_name = "S")]
    pub seconds: u64,
    /// Tổ chức gốc được đo / The root organization measured (the demo district by default).
    #[arg(long, default_value = "VX", value_name = "CODE")]
    pub org: String,
    /// Chi bộ được đo / The cell measured (default: the first cell under the root's first
    /// grassroots committee).
    #[arg(long, value_name = "CODE")]
    pub cell: Option<String>,
    /// Ngày của các trang và danh sách, YYYY-MM-DD hoặc DD/MM/YYYY / The day of the pages
    /// and lists, YYYY-MM-DD or DD/MM/YYYY.
    #[arg(long, default_value = "2020-07-31", value_name = "DATE")]
    pub as_of: String,
    /// Ngày đầu kỳ báo cáo, YYYY-MM-DD hoặc DD/MM/YYYY / The summary report's first day,
    /// YYYY-MM-DD or DD/MM/YYYY.
    #[arg(long, default_value = "2015-08-01", value_name = "DATE")]
    pub from: String,
    /// Ngày cuối kỳ báo cáo, YYYY-MM-DD hoặc DD/MM/YYYY / The summary report's last day,
    /// YYYY-MM-DD or DD/MM/YYYY.
    #[arg(long, default_value = "2020-07-31", value_name = "DATE")]
    pub to: String,
    /// Chỉ các yêu cầu có địa chỉ chứa đoạn này / Only the requests whose address contains
    /// this text (the floor always runs).
    #[arg(long, value_name = "TEXT")]
    pub only: Option<String>,
}
