//! `dangvu calendar working-day`: the deadline a workflow counts, for a person to check it
//! ("within 60 working days of 14/01/2020" = on or before the date printed).

use crate::args::{CalendarCommand, WorkingDayArgs};
use crate::config::Settings;
use crate::error::CliError;
use crate::output::out;
use dangvu_domain::calendar::parse_working_days;
use dangvu_domain::dates::parse_date;

/// Runs a `dangvu calendar …` command.
pub fn run(command: &CalendarCommand, settings: &Settings) -> Result<(), CliError> {
    match command {
        CalendarCommand::WorkingDay(args) => working_day(args, settings),
    }
}

/// Prints the date, `YYYY-MM-DD`, alone on its line (for scripts).
fn working_day(args: &WorkingDayArgs, settings: &Settings) -> Result<(), CliError> {
    // Parse before touching the database: bad input fails fast and alone.
    let after = parse_date("after", &args.after)?;
    let n = parse_working_days("n", &args.n)?;
    let app = super::open(settings)?;
    let date = app.working_day_after(&super::caller(), after, n)?;
    out!("{}", date.format("%Y-%m-%d"));
    Ok(())
}
