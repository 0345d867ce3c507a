//! The browser suite: the application as a person uses it, in headless Chromium.
//!
//! The real server (the router on a SQLite database with the demo loaded) listens on a port
//! of this machine; chromedriver drives one Chromium session through every demo account's
//! visit (sign in, the tree, an organization, its members, a search typed without
//! diacritics, a profile, the summary report and its Excel download) and the export →
//! import round trip of `canbo` and `bithu`. Each page is checked at 1366×900 and 390×844:
//! the page does not scroll sideways, no table cell is cut off, and axe-core finds no
//! serious or critical accessibility violation. `DANGVU_SCREENSHOTS=1` writes the main
//! pages to `docs/screenshots/`.
//!
//! Chromium comes from Debian's `chromium` and `chromium-driver` (`.ci/run` installs them).
//! Without them the suite passes visibly as `browser_suite_skipped_install_chromium`,
//! except in CI (`CI=true`), where it fails. It runs its own harness (`harness = false`):
//! one server, one demo and one browser for all its checks, which run in turn.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::print_stdout,
    clippy::print_stderr
)]

#[path = "browser/mod.rs"]
mod suite;

fn main() -> std::process::ExitCode {
    suite::main()
}
