//! `dangvu import PATH`: read an interchange file, check it against the stored records and
//! import it in one transaction — or list every problem (table, row, column, value, reason
//! in Vietnamese and English) on standard error and, with `--report`, in a file, and write
//! nothing.
//!
//! Changes without a date of their own (a member's new `ma_to_chuc` without a transfer row,
//! an organization's new `ma_cap_tren`) take effect today (see `docs/interchange-format.md`).

use crate::args::ImportArgs;
use crate::config::Settings;
use crate::error::CliError;
use dangvu_domain::interchange::Table;
use dangvu_interchange::{CheckedFile, ReadProblem, check_path, write_problem_report};
use dangvu_storage::{
    GivenColumns, ImportError, ImportProgress, ImportRequest, ImportSummary, Scope, StoreError,
};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::time::Duration;

/// Runs `dangvu import`.
pub fn run(args: &ImportArgs, settings: &Settings) -> Result<(), CliError> {
    let store = super::open(settings)?;
    let today = crate::clock::today();
    let scope = Scope::whole_installation(today);
    let bar = progress_bar();
    bar.set_message("Đang đọc và kiểm tra tệp / Reading and checking the file");
    let known = store.known_codes(&scope)?;
    let checked = match check_path(&args.path, &known) {
        Ok(checked) => checked,
        Err(problems) => {
            bar.finish_and_clear();
            return refuse(&problems, args);
        }
    };
    let CheckedFile { dataset, tables } = checked;
    let columns =
        GivenColumns::from_headers(tables.iter().map(|t| (t.table, t.headers.as_slice())));
    bar.set_message("Đang ghi / Writing");
    let show = |p: ImportProgress| {
        bar.set_length(p.total);
        bar.set_position(p.done);
    };
    let request = ImportRequest {
        dataset: &dataset,
        columns: &columns,
        effective_on: today,
        dry_run: args.dry_run,
        progress: Some(&show),
    };
    let outcome = store.import(&scope, &request, &super::cli_actor());
    bar.finish_and_clear();
    match outcome {
        Ok(summary) => {
            let read: Vec<(Table, usize)> = tables.iter().map(|t| (t.table, t.rows)).collect();
            println!("{}", summary_line(&summary, &read));
            Ok(())
        }
        Err(ImportError::Refused(problems)) => {
            let problems: Vec<ReadProblem> = problems.into_iter().map(ReadProblem::from).collect();
            refuse(&problems, args)
        }
        Err(ImportError::Store(StoreError::Conflict { field })) => {
            refuse(&[ReadProblem::conflict(&field)], args)
        }
        Err(ImportError::Store(error)) => Err(error.into()),
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
fn refuse(problems: &[ReadProblem], args: &ImportArgs) -> Result<(), CliError> {
    eprintln!(
        "Tệp có {n} lỗi / The file has {n} problem(s): bảng/table, dòng/row, cột/column, giá trị/value — lý do / reason",
        n = problems.len()
    );
    for problem in problems {
        eprintln!("{}", problem_line(problem));
    }
    if let Some(report) = &args.report {
        write_problem_report(problems, report)?;
        eprintln!("Báo cáo lỗi / Problem report: {}", report.display());
    }
    Err(CliError::ImportRefused(problems.len()))
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

/// One line: per table, rows read and records created, updated, unchanged.
fn summary_line(summary: &ImportSummary, read: &[(Table, usize)]) -> String {
    let head = if summary.dry_run {
        "Thử nhập, không ghi gì / Dry run, nothing written"
    } else {
        "Đã nhập / Imported"
    };
    let parts: Vec<String> = summary
        .tables
        .iter()
        .filter_map(|t| {
            let rows: usize = read
                .iter()
                .filter(|(table, _)| *table == t.table)
                .map(|(_, n)| n)
                .sum();
            let c = t.counts;
            (rows > 0 || c.created + c.updated > 0).then(|| {
                format!(
                    "{}: {rows} đọc/read, {} mới/created, {} sửa/updated, {} giữ nguyên/unchanged",
                    t.table, c.created, c.updated, c.unchanged
                )
            })
        })
        .collect();
    format!("{head} — {}", parts.join("; "))
}
