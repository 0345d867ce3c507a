//! The suite's own harness (`harness = false`): the arguments `cargo test` passes, one line
//! per check in the test harness's style, and the exit status.
//!
//! A check is a page at a width as one account sees it; its failures are collected rather
//! than stopping the suite, so one run lists every page that does not fit or is not
//! accessible.

use std::process::ExitCode;
use std::time::Instant;

/// The name of the suite, as a filter given to `cargo test` selects it.
pub const SUITE: &str = "browser_suite";

/// The name under which the suite passes when Chromium is missing outside CI.
pub const SKIPPED: &str = "browser_suite_skipped_install_chromium";

/// What `cargo test` asked of this binary.
pub struct Args {
    /// `--list`: name the tests only.
    pub list: bool,
    filters: Vec<String>,
    skips: Vec<String>,
    exact: bool,
    ignored_only: bool,
}

impl Args {
    /// Reads the test harness's arguments; the ones that change nothing here are ignored.
    pub fn parse() -> Self {
        let mut args = Args {
            list: false,
            filters: Vec::new(),
            skips: Vec::new(),
            exact: false,
            ignored_only: false,
        };
        let mut raw = std::env::args().skip(1);
        while let Some(arg) = raw.next() {
            match arg.as_str() {
                "--list" => args.list = true,
                "--exact" => args.exact = true,
                "--ignored" => args.ignored_only = true,
                "--skip" => args.skips.extend(raw.next()),
                // Options with a value: the value is not a filter.
                "--test-threads" | "--format" | "--color" | "--logfile" | "-Z" => {
                    raw.next();
                }
                flag if flag.starts_with('-') => {}
                filter => args.filters.push(filter.to_string()),
            }
        }
        args
    }

    /// Whether the suite runs under these filters (the test harness's rules: a name matches a
    /// filter it contains, or equals with `--exact`; `--skip` excludes the same way).
    pub fn selects(&self, name: &str) -> bool {
        let matches = |f: &String| {
            if self.exact {
                name == f
            } else {
                name.contains(f.as_str())
            }
        };
        !self.ignored_only
            && (self.filters.is_empty() || self.filters.iter().any(matches))
            && !self.skips.iter().any(matches)
    }
}

/// Whether this is a CI run (`CI` set to anything but empty, `0` or `false`).
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !matches!(v.trim(), "" | "0" | "false"))
}

/// The result when Chromium or its driver is missing: a visible pass outside CI, a
/// failure in CI.
pub fn missing_browser(missing: &str) -> ExitCode {
    println!("\nrunning 1 test");
    let hint = "install it: apt-get install chromium chromium-driver (.ci/run does)";
    if in_ci() {
        println!(
            "test {SUITE} ... FAILED\n\n{missing} not found; CI needs the browser suite: {hint}"
        );
        println!("\ntest result: FAILED. 0 passed; 1 failed\n");
        ExitCode::FAILURE
    } else {
        println!("test {SKIPPED} ... ok");
        println!("\n  ({missing} not found, the browser suite did not run: {hint})");
        println!("\ntest result: ok. 1 passed; 0 failed\n");
        ExitCode::SUCCESS
    }
}

/// The checks run so far and what failed in each.
pub struct Report {
    started: Instant,
    passed: usize,
    failed: Vec<(String, Vec<String>)>,
    notes: Vec<String>,
}

impl Report {
    pub fn start() -> Self {
        println!("\nrunning the browser suite (one server, one browser, every check in turn)");
        Report {
            started: Instant::now(),
            passed: 0,
            failed: Vec::new(),
            notes: Vec::new(),
        }
    }

    /// Records check `name` with its failures (none: passed) and prints its line.
    pub fn check(&mut self, name: &str, failures: Vec<String>) {
        if failures.is_empty() {
            println!("test {name} ... ok");
            self.passed += 1;
        } else {
            println!("test {name} ... FAILED");
            self.failed.push((name.to_string(), failures));
        }
    }

    /// Something a reader of the output should know that is not a failure (printed at the end).
    pub fn note(&mut self, text: String) {
        self.notes.push(text);
    }

    /// Prints the failures and the summary; the exit status of the binary.
    pub fn finish(self) -> ExitCode {
        if !self.failed.is_empty() {
            println!("\nfailures:");
        }
        for (name, failures) in &self.failed {
            println!("\n---- {name} ----");
            for failure in failures {
                println!("  {failure}");
            }
        }
        for note in &self.notes {
            println!("note: {note}");
        }
        let verdict = if self.failed.is_empty() {
            "ok"
        } else {
            "FAILED"
        };
        println!(
            "\ntest result: {verdict}. {} passed; {} failed; finished in {:.1}s\n",
            self.passed,
            self.failed.len(),
            self.started.elapsed().as_secs_f64()
        );
        if self.failed.is_empty() {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        }
    }
}
