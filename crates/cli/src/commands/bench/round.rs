//! `dangvu bench round`: closing a year's rating round on the data already held (issue
//! 13's measure: a 100,000-member district, `demo --scale region`, on both engines).
//!
//! Opens the round for the committee's subtree with who is rated computed on 31 December,
//! every member proposed and every organization reviewed at one level (so every check runs
//! and none refuses), then times closing it — the quota of every grassroots organization,
//! the linkage of every organization, the ratings written and the figures kept from them —
//! and the year's rating statistics read afterwards.

use super::ms;
use crate::args::RoundBenchArgs;
use crate::config::Settings;
use crate::error::CliError;
use crate::output::out;
use dangvu_app::records::{CloseOutcome, NewRound, RoundFill};
use dangvu_domain::ratings::RoundKind;
use dangvu_domain::{OrgCode, Rating};
use std::time::Instant;

/// Runs `dangvu bench round`.
pub fn run(args: &RoundBenchArgs, settings: &Settings) -> Result<(), CliError> {
    let app = crate::commands::open(settings)?;
    let caller = crate::commands::caller();
    out!("database: {} ({:?})", settings.database, app.backend());
    let org = OrgCode::parse(&args.org)?;
    let today = crate::clock::today();
    let new = NewRound {
        org: org.clone(),
        year: args.year,
        kind: RoundKind::YEAR,
        deadline: today,
        opened_on: today,
    };
    let started = Instant::now();
    let id = app.load_rating_round(&caller, &new, RoundFill::Uniform(Rating::Httnv))?;
    let opened = started.elapsed();
    let summary = app.rating_round(&caller, id, Some(&org))?.round;
    out!(
        "open and propose: {:>10.1} ms ({} members, {} organizations)",
        ms(opened),
        summary.members.0,
        summary.orgs.0
    );
    let started = Instant::now();
    let outcome = app.close_rating_round(&caller, id)?;
    let closed = started.elapsed();
    match outcome {
        CloseOutcome::Closed(report) => out!(
            "close:            {:>10.1} ms ({} decided, {} member and {} organization ratings written)",
            ms(closed),
            report.members_decided,
            report.written.0,
            report.written.1
        ),
        CloseOutcome::Refused(found) => {
            out!(
                "close refused in {:.1} ms: {} rules broken",
                ms(closed),
                found.len()
            )
        }
    }
    let started = Instant::now();
    let statistics = app.rating_statistics(&caller, &org, args.year..=args.year)?;
    let read = started.elapsed();
    let year = statistics.years.first();
    out!(
        "statistics:       {:>10.1} ms ({} members, {} grassroots organizations rated)",
        ms(read),
        year.map_or(0, |y| y.members.total()),
        year.map_or(0, |y| y.grassroots.total())
    );
    Ok(())
}
