//! `dangvu`: the one binary — web server, command line and tools.
//!
//! Kept thin: parse the command line, set up logging, run the command, and turn an error
//! into a message in Vietnamese and English with a non-zero exit status.

mod args;
mod clock;
mod commands;
mod config;
mod error;
mod logging;
mod output;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = args::Cli::parse();
    let settings = match config::Settings::load(&cli.global) {
        Ok(settings) => settings,
        Err(err) => return error::report(&err),
    };
    let serving = matches!(cli.command, args::Command::Serve(_));
    logging::init(&settings.log, serving);
    match commands::run(cli.command, &settings) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => error::report(&err),
    }
}
