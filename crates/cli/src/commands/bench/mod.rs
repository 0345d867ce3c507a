//! `dangvu bench`: the project's benchmark harness.
//!
//! Measures, on the configured database (SQLite or PostgreSQL): demo generation, the bulk
//! load, and the server time of the pages the foundation issue names — an organization's
//! page and its member list for the district root and for one cell, and the summary report
//! (page, JSON API and store call) — by driving the real router in-process, so template
//! rendering counts but the network does not. Requests act as an administrator through a
//! one-day API token, revoked at the end; a fresh demo database gets the demo accounts
//! (as `serve --demo` does), a reused one must already have an administrator.
//!
//! `dangvu bench load` ([`load`]) drives the real server with many clients at once.

mod client;
mod load;
mod round;

pub(crate) use load::peak_memory_kib;

use crate::args::{BenchArgs, BenchCommand};
use crate::config::Settings;
use crate::error::CliError;
use crate::output::out;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use dangvu_app::{App, DEMO_SEED, TokenSecret};
use dangvu_domain::dates::parse_date;
use dangvu_domain::roles::Role;
use dangvu_domain::summary::SummaryParams;
use dangvu_domain::{OrgCode, OrgType};
use std::time::{Duration, Instant};
use tower::ServiceExt;

const TERM_FROM: &str = "2015-08-01";
const TERM_TO: &str = "2020-07-31";

/// Runs `dangvu bench`.
pub fn run(args: &BenchArgs, settings: &Settings) -> Result<(), CliError> {
    match &args.load {
        Some(BenchCommand::Load(load)) => return load::run(load, settings),
        Some(BenchCommand::Round(round)) => return round::run(round, settings),
        None => {}
    }
    let app = super::open_or_create(settings)?;
    out!("database: {} ({:?})", settings.database, app.backend());
    if !args.reuse {
        let started = Instant::now();
        let dataset = App::generate_demo(DEMO_SEED);
        out!("demo generation: {:>10.1} ms", ms(started.elapsed()));
        if !app.is_empty()? {
            return Err(CliError::NotEmpty);
        }
        let started = Instant::now();
        let stats = app.load_dataset(&super::caller(), &dataset)?;
        let took = started.elapsed();
        let rows =
            stats.orgs + stats.members + stats.registrations + stats.statuses + stats.ratings;
        out!(
            "demo load:       {:>10.1} ms ({rows} rows, {:.0} rows/s)",
            ms(took),
            rows as f64 / took.as_secs_f64()
        );
    }
    let cell = first_cell(&app, "VX", parse_date("as_of", TERM_TO)?)?;
    let (token_id, secret) = bench_token(&app, !args.reuse)?;
    let bearer = format!("Bearer {}", secret.expose());
    let state = super::web_state(&app);
    let router = dangvu_web::router(state);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    let day = format!("as_of={TERM_TO}");
    let summary_query = format!("org=VX&from={TERM_FROM}&to={TERM_TO}");
    let targets = [
        format!("/orgs/VX?{day}"),
        format!("/orgs/VX/members?{day}"),
        format!("/orgs/{cell}?{day}"),
        format!("/orgs/{cell}/members?{day}"),
        format!("/orgs/VX/members?{day}&q=nguyen"),
        format!("/reports/summary?{summary_query}"),
        format!("/api/v1/reports/summary?{summary_query}"),
        format!("/due?org=VX&{day}"),
        format!("/api/v1/due?org=VX&{day}"),
    ];
    out!(
        "{:<60} {:>9} {:>9} {:>9}",
        "request (server time, ms)",
        "median",
        "p95",
        "min"
    );
    for target in targets {
        let times = runtime.block_on(time_requests(&router, &target, &bearer, args.iterations))?;
        print_row(&target, &times);
    }
    let params = SummaryParams::new(
        OrgCode::parse("VX")?,
        parse_date("from", TERM_FROM)?,
        parse_date("to", TERM_TO)?,
        None,
    )?;
    let caller = super::caller();
    let mut times = Vec::new();
    for _ in 0..args.iterations {
        let started = Instant::now();
        app.summary(&caller, &params)?;
        times.push(started.elapsed());
    }
    print_row("App::summary(VX, term)", &times);
    app.revoke_token(&caller, token_id)?;
    Ok(())
}

/// An administrator's API token valid for a day, for the timed requests.
fn bench_token(app: &App, fresh_demo: bool) -> Result<(i64, TokenSecret), CliError> {
    let caller = super::caller();
    if fresh_demo {
        app.create_demo_accounts(&caller, crate::clock::today())?;
    }
    let admin = app
        .accounts(&caller)?
        .into_iter()
        .find(|a| a.role == Role::QuanTri && !a.disabled)
        .ok_or_else(|| {
            CliError::Config("no administrator account: run `dangvu serve` once first".into())
        })?;
    Ok(app.create_token(&caller, &admin.username, Some(1))?)
}

/// The first cell under the first grassroots committee of `root` on `day`.
fn first_cell(app: &App, root: &str, day: dangvu_domain::Date) -> Result<String, CliError> {
    let caller = super::caller();
    for grassroots in app.children(&caller, &OrgCode::parse(root)?, day)? {
        let children = app.children(&caller, &grassroots.org.code, day)?;
        if let Some(cell) = children
            .iter()
            .find(|c| c.org.org_type == OrgType::ChiBoTrucThuoc)
        {
            return Ok(cell.org.code.to_string());
        }
    }
    Err(CliError::Config(format!(
        "no cell under {root}: load the demo first"
    )))
}

async fn time_requests(
    router: &axum::Router,
    target: &str,
    bearer: &str,
    n: u32,
) -> Result<Vec<Duration>, CliError> {
    let mut times = Vec::with_capacity(n as usize);
    for _ in 0..n.max(1) {
        let request = Request::get(target)
            .header("authorization", bearer)
            .body(Body::empty())
            .map_err(std::io::Error::other)?;
        let started = Instant::now();
        let response = router
            .clone()
            .oneshot(request)
            .await
            .map_err(std::io::Error::other)?;
        let status = response.status();
        http_body_util::BodyExt::collect(response.into_body())
            .await
            .map_err(std::io::Error::other)?;
        times.push(started.elapsed());
        if status != StatusCode::OK {
            return Err(CliError::Config(format!("{target} answered {status}")));
        }
    }
    Ok(times)
}

/// One request's median, p95 and fastest time, by the load benchmark's percentile rule.
fn print_row(label: &str, times: &[Duration]) {
    let mut times = times.to_vec();
    times.sort_unstable();
    let run = client::Run {
        times,
        ..client::Run::default()
    };
    out!(
        "{label:<60} {:>9.2} {:>9.2} {:>9.2}",
        ms(run.percentile(50)),
        ms(run.percentile(95)),
        ms(run.times.first().copied().unwrap_or_default())
    );
}

pub(crate) fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
