//! The arguments of `dangvu round`: quality rating rounds (issue 13).

use clap::{Args, Subcommand};

/// `dangvu round …`.
#[derive(Debug, Subcommand)]
pub enum RoundCommand {
    /// Liệt kê các đợt xếp loại và tiến độ / List the rating rounds with their progress.
    List,
    /// Mở đợt xếp loại cho một cấp ủy và các tổ chức trực thuộc / Open a rating round for a
    /// committee's subtree.
    Open(OpenRoundArgs),
    /// Xem một đợt: các tổ chức, và đảng viên của một nhánh / Show a round: its
    /// organizations, and the members of a part.
    Show(ShowRoundArgs),
    /// Kết thúc đợt: quyết định theo đề xuất, kiểm tra tỷ lệ và liên thông, ghi kết quả năm
    /// / Close a round: decide as proposed, check quota and linkage, write the year's
    /// ratings.
    Close(CloseRoundArgs),
}

/// `dangvu round open`.
#[derive(Debug, Args)]
pub struct OpenRoundArgs {
    /// Mã cấp ủy mở đợt / Code of the committee opening the round.
    #[arg(long, value_name = "CODE")]
    pub org: String,
    /// Năm xếp loại (năm của quý, hoặc năm cuối nhiệm kỳ) / The year rated (the quarter's
    /// year, or the term's last year).
    #[arg(long, value_name = "YEAR")]
    pub year: String,
    /// Kỳ: NAM (năm, mặc định), QUY (quý) hoặc NHIEM_KY (nhiệm kỳ) / Period: NAM (year,
    /// the default), QUY (quarter) or NHIEM_KY (term).
    #[arg(long, value_name = "KY", default_value = "NAM")]
    pub period: String,
    /// Quý 1–4, với QUY / The quarter, 1–4, with QUY.
    #[arg(long, value_name = "N")]
    pub quarter: Option<String>,
    /// Hạn hoàn thành, YYYY-MM-DD hoặc DD/MM/YYYY / The deadline, YYYY-MM-DD or
    /// DD/MM/YYYY.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub deadline: String,
}

/// `dangvu round show`.
#[derive(Debug, Args)]
pub struct ShowRoundArgs {
    /// Số của đợt (xem `dangvu round list`) / The round's number (see `dangvu round list`).
    #[arg(value_name = "ID")]
    pub id: String,
    /// Chỉ nhánh của tổ chức này (liệt kê đảng viên) / Only this organization's subtree
    /// (its members are listed).
    #[arg(long, value_name = "CODE")]
    pub org: Option<String>,
}

/// `dangvu round close`.
#[derive(Debug, Args)]
pub struct CloseRoundArgs {
    /// Số của đợt / The round's number.
    #[arg(value_name = "ID")]
    pub id: String,
}
