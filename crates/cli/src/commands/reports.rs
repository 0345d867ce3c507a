//! `dangvu report summary`: the summary report as JSON (the contract), as a table, or as
//! an Excel workbook written to a file; `dangvu report term`: the term report as JSON;
//! `dangvu report ratings`: a year's rating results as a workbook (`ratings::statistics`).

use crate::args::{ReportCommand, ReportFormat, SummaryArgs, TermArgs, TermFormat};
use crate::config::Settings;
use crate::error::CliError;
use crate::output::out;
use dangvu_domain::OrgCode;
use dangvu_domain::dates::{parse_date, parse_optional_date};
use dangvu_domain::summary::{SummaryParams, SummaryReport};
use std::io::Write;

/// Runs a `dangvu report …` command.
pub fn run(command: &ReportCommand, settings: &Settings) -> Result<(), CliError> {
    match command {
        ReportCommand::Summary(args) => summary(args, settings),
        ReportCommand::Term(args) => term(args, settings),
        ReportCommand::Ratings(args) => super::ratings::statistics::run(args, settings),
    }
}

fn term(args: &TermArgs, settings: &Settings) -> Result<(), CliError> {
    let params = SummaryParams::new(
        OrgCode::parse(&args.org)?,
        parse_date("from", &args.from)?,
        parse_date("to", &args.to)?,
        parse_optional_date("as_of", args.as_of.as_deref().unwrap_or(""))?,
    )?;
    let app = super::open(settings)?;
    let report = match args.format {
        TermFormat::Json => app.term_report(&super::caller(), &params)?,
    };
    let json = serde_json::to_string_pretty(&report).map_err(std::io::Error::other)?;
    match &args.out {
        Some(path) => {
            std::fs::write(path, format!("{json}\n"))?;
            out!("Đã ghi báo cáo / Report written: {}", path.display());
        }
        None => writeln!(std::io::stdout().lock(), "{json}")?,
    }
    Ok(())
}

fn summary(args: &SummaryArgs, settings: &Settings) -> Result<(), CliError> {
    // Parse everything before touching the database: bad input fails fast and alone.
    let params = SummaryParams::new(
        OrgCode::parse(&args.org)?,
        parse_date("from", &args.from)?,
        parse_date("to", &args.to)?,
        parse_optional_date("as_of", args.as_of.as_deref().unwrap_or(""))?,
    )?;
    let app = super::open(settings)?;
    let caller = super::caller();
    let mut bytes = Vec::new();
    match args.format {
        ReportFormat::Json => {
            let report = app.summary(&caller, &params)?;
            let json = serde_json::to_string_pretty(&report).map_err(std::io::Error::other)?;
            writeln!(bytes, "{json}")?;
        }
        ReportFormat::Text => write_table(&mut bytes, &app.summary(&caller, &params)?)?,
        ReportFormat::Xlsx => bytes = app.summary_workbook(&caller, &params)?.bytes,
    }
    match &args.out {
        Some(path) => {
            std::fs::write(path, bytes)?;
            out!("Đã ghi báo cáo / Report written: {}", path.display());
        }
        // A workbook always has `--out` (clap requires it): never bytes on a terminal.
        None => std::io::stdout().lock().write_all(&bytes)?,
    }
    Ok(())
}

fn write_table(out: &mut impl Write, r: &SummaryReport) -> std::io::Result<()> {
    writeln!(
        out,
        "Báo cáo tổng hợp / Summary: {} ({} – {}), tại ngày / as of {}",
        r.org, r.from, r.to, r.as_of
    )?;
    let rows = [
        (
            "Tổ chức cơ sở đảng / Grassroots organizations",
            r.grassroots_orgs,
        ),
        (
            "Chi bộ trực thuộc / Cells under grassroots",
            r.cells_under_grassroots,
        ),
        ("Đảng viên / Members", r.members),
        ("  dự bị / probationary", r.members_probationary),
        ("  miễn sinh hoạt / exempted", r.members_exempted),
        ("Kết nạp trong kỳ / Admitted in the period", r.admitted),
    ];
    for (label, value) in rows {
        writeln!(out, "{label:<48} {value:>8}")?;
    }
    for y in &r.ratings {
        writeln!(
            out,
            "{}: TCCSĐ {}/{} ({}%), đảng viên / members {}/{} ({}%)",
            y.year,
            y.orgs_good_or_better,
            y.orgs_rated,
            pct(y.orgs_good_or_better_pct),
            y.members_completed_or_better,
            y.members_rated,
            pct(y.members_completed_or_better_pct)
        )?;
    }
    Ok(())
}

fn pct(value: Option<f64>) -> String {
    value.map_or_else(|| "—".into(), |v| format!("{v:.1}"))
}
