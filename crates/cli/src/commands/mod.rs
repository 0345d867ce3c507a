//! The commands, grouped by capability like every crate; each opens the database and
//! runs use cases of `dangvu_app` as the local administrator ([`caller`]).

mod accounts;
mod audit;
mod bench;
mod calendar;
mod database;
mod demo;
mod interchange;
mod ratings;
mod reports;
mod serve;

use crate::args::Command;
use crate::config::Settings;
use crate::error::CliError;
use crate::output::out;
use dangvu_app::{App, Caller};
pub(crate) use database::{open, open_or_create};

/// Runs a parsed command.
pub fn run(command: Command, settings: &Settings) -> Result<(), CliError> {
    match command {
        Command::Serve(args) => serve::run(&args, settings),
        Command::Demo(args) => demo::run(&args, settings),
        Command::Report(report) => reports::run(&report, settings),
        Command::Migrate => migrate(settings),
        Command::Bench(args) => bench::run(&args, settings),
        Command::Import(args) => interchange::import::run(&args, settings),
        Command::Export(args) => interchange::export::run(&args, settings),
        Command::User(command) => accounts::user::run(&command, settings),
        Command::Token(command) => accounts::token::run(&command, settings),
        Command::Audit(command) => audit::run(&command, settings),
        Command::Calendar(command) => calendar::run(&command, settings),
        Command::Round(command) => ratings::rounds::run(&command, settings),
    }
}

fn migrate(settings: &Settings) -> Result<(), CliError> {
    let app = open_or_create(settings)?;
    let applied = app.migrate()?;
    if applied.is_empty() {
        out!("Cơ sở dữ liệu đã ở phiên bản mới nhất. / The database is up to date.");
    }
    for name in applied {
        out!("đã áp dụng / applied: {name}");
    }
    Ok(())
}

/// The web application's state over `app`, on the system clock (`serve` and the
/// benchmarks that drive the router).
fn web_state(app: &App) -> dangvu_web::AppState {
    dangvu_web::AppState::new(
        app.clone(),
        std::sync::Arc::new(crate::clock::today),
        std::sync::Arc::new(crate::clock::now),
    )
}

/// The command line's caller: the local administrator, reaching the whole installation,
/// recorded in the audit log as `cli`.
pub(crate) fn caller() -> Caller {
    Caller::command_line(crate::clock::now(), crate::clock::today())
}
