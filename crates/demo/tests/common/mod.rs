//! Helpers shared by the demo's integration tests.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use dangvu_demo::{DEFAULT_SEED, DISTRICT_CODE, TERM_END, TERM_START, generate};
use dangvu_domain::dataset::Dataset;
use dangvu_domain::summary::{SummaryParams, SummaryReport, compute};
use dangvu_domain::tree::TreeHistory;
use dangvu_domain::{Date, OrgCode};
use std::sync::OnceLock;

/// The default demo, generated once per test binary.
pub fn demo() -> &'static Dataset {
    static DEMO: OnceLock<Dataset> = OnceLock::new();
    DEMO.get_or_init(|| generate(DEFAULT_SEED))
}

/// The tree of the default demo.
pub fn demo_tree() -> &'static TreeHistory {
    static TREE: OnceLock<TreeHistory> = OnceLock::new();
    TREE.get_or_init(|| TreeHistory::build(&demo().orgs).unwrap())
}

pub fn day(year: i32, month: u32, day: u32) -> Date {
    Date::from_ymd_opt(year, month, day).unwrap()
}

pub fn code(raw: &str) -> OrgCode {
    OrgCode::parse(raw).unwrap()
}

/// The report of the article: VX over the 2015–2020 term.
pub fn term_summary(dataset: &Dataset, tree: &TreeHistory) -> SummaryReport {
    let params = SummaryParams::new(code(DISTRICT_CODE), TERM_START, TERM_END, None).unwrap();
    compute(dataset, tree, &params)
}
