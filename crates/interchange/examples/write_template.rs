//! Writes the blank interchange v1 template. The committed copy is regenerated with:
//!
//! ```text
//! cargo run -p dangvu-interchange --example write_template -- crates/interchange/templates/interchange-v1.xlsx
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: write_template <path.xlsx>");
        return ExitCode::FAILURE;
    };
    match dangvu_interchange::write_template(&path) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("{error}");
            ExitCode::FAILURE
        }
    }
}
