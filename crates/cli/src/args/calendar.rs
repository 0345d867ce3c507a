//! The arguments of `dangvu calendar`: the working-day calendar.

use clap::{Args, Subcommand};

/// `dangvu calendar …`.
#[derive(Debug, Subcommand)]
pub enum CalendarCommand {
    /// Ngày làm việc thứ N sau một ngày (không tính ngày đó), theo lịch của hệ thống /
    /// The N-th working day after a date (the date itself not counted), on the
    /// installation's calendar.
    WorkingDay(WorkingDayArgs),
}

/// `dangvu calendar working-day`.
#[derive(Debug, Args)]
pub struct WorkingDayArgs {
    /// Ngày bắt đầu tính, `YYYY-MM-DD` hoặc `DD/MM/YYYY` / The date counted from,
    /// `YYYY-MM-DD` or `DD/MM/YYYY`.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub after: String,
    /// Số ngày làm việc, 0 đến 10000 / How many working days, 0 to 10000.
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    pub n: String,
}
