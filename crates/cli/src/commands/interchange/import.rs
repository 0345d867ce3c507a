//! `dangvu import PATH`: read an interchange file, check it against the stored records and
//! import it in one transaction — or list every problem (table, row, column, value, reason
//! in Vietnamese and English) on standard error and, with `--report`, in a file, and write
//! nothing.
//!
//! Changes without a date of their own (a member's new `ma_to_chuc` without a transfer row,
//! an organization's new `ma_cap_tren`) take effect today (see `docs/interchange-format.md`).

use crate::args::ImportArgs;
use crate::commands;
use crate::config::Settings;
use crate::error::CliError;
use crate::output::out;
use dangvu_app::{App, ImportOutcome, ImportProgress, ImportReport, ReadProblem};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::time::Duration;

/// Runs `dangvu import`.
pub fn run(args: &ImportArgs, settings: &Settings) -> Result<(), CliError> {
    let app = commands::open_or_create(settings)?;
    let bar = progress_bar();
    bar.set_message("Đang đọc, kiểm tra và ghi / Reading, checking and writing");
    let show = |p: ImportProgress| {
        bar.set_length(p.total);
        bar.set_position(p.done);
    };
    let outcome = app.import_file(
        &commands::caller(),
        &args.path,
        crate::clock::today(),
        args.dry_run,
        Some(&show),
    );
    bar.finish_and_clear();
    match outcome? {
        ImportOutcome::Imported(report) => {
            out!("{}", summary_line(&report));
            print_findings(&report);
            Ok(())
        }
        ImportOutcome::Refused(problems) => refuse(&app, &problems, args),
    }
}

/// A spinner, then a bar while writing, on standard error — only on a terminal.
fn progress_bar() -> ProgressBar {
    let target = if std::io::stderr().is_terminal() {
        ProgressDrawTarget::stderr()
    } else {
        ProgressDrawTarget::hidden()
    };
    let bar = ProgressBar::with_draw_target(None, target);
    let style = ProgressStyle::with_template("{spinner} {msg} {wide_bar} {pos}/{len} {elapsed}")
        .unwrap_or_else(|_| ProgressStyle::default_bar());
    bar.set_style(style);
    bar.enable_steady_tick(Duration::from_millis(120));
    bar
}

/// Lists every problem on standard error (and in the report file), then fails with status 2.
fn refuse(app: &App, problems: &[ReadProblem], args: &ImportArgs) -> Result<(), CliError> {
    eprintln!(
        "Tệp có {n} lỗi / The file has {n} problem(s): bảng/table, dòng/row, cột/column, giá trị/value — lý do / reason",
        n = problems.len()
    );
    for problem in problems {
        eprintln!("{}", problem_line(problem));
    }
    if let Some(report) = &args.report {
        app.write_problem_report(problems, report)?;
        eprintln!("Báo cáo lỗi / Problem report: {}", report.display());
    }
    Err(CliError::ImportRefused(problems.len()))
}

/// The findings of an import (rows kept that break a **report** rule, such as a late
/// admission decision), one per line after the summary.
fn print_findings(report: &ImportReport) {
    if report.findings.is_empty() {
        return;
    }
    out!(
        "Ghi nhận {n} điểm, các dòng vẫn được nhập / {n} finding(s), the rows were imported:",
        n = report.findings.len()
    );
    for finding in &report.findings {
        out!("{}", problem_line(finding));
    }
}

/// `dang_vien.csv, dang_vien, dòng/row 7, so_cccd = "123": … / …`.
fn problem_line(p: &ReadProblem) -> String {
    let mut line = format!("  {}", p.source);
    if let Some(table) = p.table.filter(|t| t.name() != p.source) {
        line.push_str(&format!(", {table}"));
    }
    if let Some(row) = p.row {
        line.push_str(&format!(", dòng/row {row}"));
    }
    if let Some(column) = &p.column {
        line.push_str(&format!(", {column} = {:?}", p.value));
    }
    format!("{line}: {} / {}", p.reason_vi, p.reason_en)
}

/// One line: per table, rows read and records created, updated, unchanged; a file that
/// changes nothing says so first.
fn summary_line(report: &ImportReport) -> String {
    let head = match (report.dry_run, report.changes_nothing()) {
        (true, false) => "Thử nhập, không ghi gì / Dry run, nothing written",
        (false, false) => "Đã nhập / Imported",
        (true, true) => "Không có thay đổi, không ghi gì / No changes, nothing written",
        (false, true) => "Không có thay đổi / No changes",
    };
    let parts: Vec<String> = report
        .tables
        .iter()
        .map(|t| {
            format!(
                "{}: {} đọc/read, {} mới/created, {} sửa/updated, {} giữ nguyên/unchanged",
                t.table, t.rows_read, t.created, t.updated, t.unchanged
            )
        })
        .collect();
    format!("{head} — {}", parts.join("; "))
}
