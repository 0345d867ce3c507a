//! `dangvu`: the one binary — web server, command line and tools.
//!
//! Kept thin: parse the command line, set up logging, run the command, and turn an error
//! into a message in Vietnamese and English with a non-zero exit status.

mod args;
mod clock;
mod commands;
mod config;
mod error;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = args::Cli::parse();
    let settings = match config::Settings::load(&cli.global) {
        Ok(settings) => settings,
        Err(err) => return error::report(&err),
    };
    init_tracing(&settings.log);
    match commands::run(cli.command, &settings) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => error::report(&err),
    }
}

/// Logs go to standard error so that JSON on standard output stays clean.
fn init_tracing(filter: &str) {
    let filter = tracing_subscriber::EnvFilter::try_new(filter)
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .init();
}
