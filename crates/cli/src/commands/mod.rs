//! One module per command; each opens the store it needs and runs one use case.

mod audit;
mod bench;
mod demo;
mod export;
mod import;
mod report;
mod serve;
mod token;
mod user;

use crate::args::Command;
use crate::config::Settings;
use crate::error::CliError;
use dangvu_storage::{AuditContext, Store};

/// Runs a parsed command.
pub fn run(command: Command, settings: &Settings) -> Result<(), CliError> {
    match command {
        Command::Serve(args) => serve::run(&args, settings),
        Command::Demo(args) => demo::run(&args, settings),
        Command::Report(report) => report::run(&report, settings),
        Command::Migrate => migrate(settings),
        Command::Bench(args) => bench::run(&args, settings),
        Command::Import(args) => import::run(&args, settings),
        Command::Export(args) => export::run(&args, settings),
        Command::User(command) => user::run(&command, settings),
        Command::Token(command) => token::run(&command, settings),
        Command::Audit(command) => audit::run(&command, settings),
    }
}

fn migrate(settings: &Settings) -> Result<(), CliError> {
    let store = open(settings)?;
    let applied = store.migrate()?;
    if applied.is_empty() {
        println!("Cơ sở dữ liệu đã ở phiên bản mới nhất. / The database is up to date.");
    }
    for name in applied {
        println!("đã áp dụng / applied: {name}");
    }
    Ok(())
}

/// Opens the configured database (migrations run on open).
fn open(settings: &Settings) -> Result<Store, CliError> {
    tracing::info!(database = %settings.database, "opening the database");
    Ok(Store::open(&settings.database)?)
}

/// The audit identity of the command line: the local administrator.
fn cli_actor() -> AuditContext {
    AuditContext {
        actor: "cli".into(),
        source: "cli".into(),
        at: crate::clock::now(),
    }
}
