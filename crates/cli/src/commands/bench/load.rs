//! `dangvu bench load`: the real server on the configured database, driven by a fixed
//! number of concurrent clients for a fixed time per request, one request after another.
//!
//! The first row is the floor: a static file, which costs the server almost nothing, so
//! its figures say what the machine and the clients themselves cost at that moment. Every
//! other row prints its p99 beside the floor's, a ratio that stays steady on a noisy
//! machine when the absolute figures do not. Clients and server share the process (and
//! its cores), as `ab` on the same machine would.

use super::client::{self, Run, Target};
use super::{bench_token, first_cell, ms};
use crate::args::LoadArgs;
use crate::config::Settings;
use crate::error::CliError;
use crate::output::out;
use dangvu_app::{App, DEMO_SEED};
use dangvu_domain::dates::parse_date;
use std::time::Duration;

/// Runs `dangvu bench load`.
pub fn run(args: &LoadArgs, settings: &Settings) -> Result<(), CliError> {
    let app = super::super::open_or_create(settings)?;
    let fresh = app.is_empty()?;
    if fresh {
        out!("loading the demo district into the empty database…");
        super::super::demo::load_demo(&app, DEMO_SEED)?;
    }
    let day = parse_date("as_of", &args.as_of)?;
    parse_date("from", &args.from)?;
    parse_date("to", &args.to)?;
    let cell = match &args.cell {
        Some(cell) => cell.clone(),
        None => first_cell(&app, &args.org, day)?,
    };
    let (token_id, secret) = bench_token(&app, fresh)?;
    let paths = paths(args, &cell);
    out!(
        "database: {} ({:?}); {} clients, {} s per request",
        settings.database,
        app.backend(),
        args.clients,
        args.seconds
    );
    let measured = measure(&app, args, &paths, format!("Bearer {}", secret.expose()));
    app.revoke_token(&super::super::caller(), token_id)?;
    measured?;
    if let Some(peak) = peak_memory_kib() {
        out!(
            "peak memory of the process (server and clients): {} MiB",
            peak / 1024
        );
    }
    Ok(())
}

/// The static floor first, then the root's and the cell's pages and API reads.
fn paths(args: &LoadArgs, cell: &str) -> Vec<String> {
    let (root, day) = (&args.org, format!("as_of={}", args.as_of));
    let term = format!("org={root}&from={}&to={}", args.from, args.to);
    let measured = [
        format!("/api/v1/orgs/{root}?{day}"),
        format!("/api/v1/members?org={root}&{day}&limit=50"),
        format!("/api/v1/members?org={cell}&{day}&limit=50"),
        format!("/api/v1/reports/summary?{term}"),
        format!("/orgs/{root}?{day}"),
        format!("/orgs/{root}/members?{day}"),
        format!("/orgs/{cell}?{day}"),
        format!("/orgs/{cell}/members?{day}"),
        format!("/reports/summary?{term}"),
        format!("/api/v1/due?org={root}&{day}"),
        format!("/due?org={root}&{day}"),
    ];
    let only = args.only.as_deref().unwrap_or("");
    std::iter::once("/static/app.css".to_string())
        .chain(measured.into_iter().filter(|p| p.contains(only)))
        .collect()
}

/// Serves `app` on a free local port and drives each of `paths` in turn.
fn measure(app: &App, args: &LoadArgs, paths: &[String], bearer: String) -> Result<(), CliError> {
    let state = super::super::web_state(app);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    let length = Duration::from_secs(args.seconds.max(1));
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let address = listener.local_addr()?;
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let server = tokio::spawn(dangvu_web::serve(listener, state, async {
            stopped.await.ok();
        }));
        out!(
            "{:<64} {:>8} {:>8} {:>8} {:>8} {:>8} {:>7}",
            "request",
            "req/s",
            "p50 ms",
            "p95 ms",
            "p99 ms",
            "max ms",
            "p99/fl"
        );
        let mut floor = None;
        for path in paths {
            let target = Target {
                address,
                path: path.clone(),
                bearer: bearer.clone(),
            };
            let status = client::status_of(&target).await?;
            if status != hyper::StatusCode::OK {
                return Err(CliError::Config(format!("{path} answered {status}")));
            }
            let run = client::drive(&target, args.clients, length).await?;
            let floor_p99 = *floor.get_or_insert(run.percentile(99));
            print_row(path, &run, floor_p99);
        }
        stop.send(()).ok();
        server.await.map_err(std::io::Error::other)??;
        Ok(())
    })
}

fn print_row(path: &str, run: &Run, floor_p99: Duration) {
    let ratio = run.percentile(99).as_secs_f64() / floor_p99.as_secs_f64().max(1e-6);
    let failed = if run.failed > 0 {
        format!("  ({} not 200)", run.failed)
    } else {
        String::new()
    };
    out!(
        "{path:<64} {:>8.1} {:>8.1} {:>8.1} {:>8.1} {:>8.1} {ratio:>7.1}{failed}",
        run.throughput(),
        ms(run.percentile(50)),
        ms(run.percentile(95)),
        ms(run.percentile(99)),
        ms(run.times.last().copied().unwrap_or_default()),
    );
}

/// The process's peak resident memory (Linux `VmHWM`), in KiB.
pub(crate) fn peak_memory_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
}
