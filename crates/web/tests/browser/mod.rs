//! The suite: one server with the demo, one chromedriver, one browser session; every demo
//! account's visit in turn, then the export → import round trips.

mod checks;
mod downloads;
mod driver;
mod harness;
mod pages;
mod server;
mod tour;
mod transfer;

use downloads::Downloads;
use driver::{Driver, Tools};
use harness::{Args, Report, SUITE};
use server::Server;
use std::process::ExitCode;
use tour::Tour;

/// A step of the suite: its error is the failure message.
pub type Step<T> = Result<T, String>;

/// A demo account's visit: the organization page it opens (none: a party member, who sees
/// only the own record), and the organization it exports and imports back.
struct Visit {
    account: &'static str,
    org: Option<&'static str>,
    round_trip: Option<&'static str>,
}

/// Every demo account (`Store::create_demo_accounts`), each at its scope (`canbo` at the
/// committee of issue 11's example). `canbo`, the organization staff, comes first: its
/// visit checks the sign-in form and writes the screenshots.
const VISITS: [Visit; 6] = [
    Visit {
        account: "canbo",
        org: Some("TQ.X01"),
        round_trip: Some("TQ.X01"),
    },
    Visit {
        account: "bithu",
        org: Some("VX.01.01"),
        round_trip: Some("VX.01.01"),
    },
    Visit {
        account: "quantri",
        org: Some("TQ"),
        round_trip: None,
    },
    Visit {
        account: "kiemtra",
        org: Some("VX.01"),
        round_trip: None,
    },
    Visit {
        account: "xem",
        org: Some("VX.02"),
        round_trip: None,
    },
    Visit {
        account: "dangvien",
        org: None,
        round_trip: None,
    },
];

/// The binary's entry point (see `tests/browser.rs`).
pub fn main() -> ExitCode {
    let args = Args::parse();
    if args.list {
        println!("{SUITE}: test");
        return ExitCode::SUCCESS;
    }
    if !args.selects(SUITE) {
        println!("\nrunning 0 tests\n\ntest result: ok. 0 passed; 0 failed\n");
        return ExitCode::SUCCESS;
    }
    let tools = match Tools::find() {
        Ok(tools) => tools,
        Err(missing) => return harness::missing_browser(&missing),
    };
    let mut report = Report::start();
    match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime.block_on(run(&tools, &mut report)),
        Err(e) => report.check("runtime", vec![e.to_string()]),
    }
    report.finish()
}

async fn run(tools: &Tools, report: &mut Report) {
    let started = async {
        let work = tempfile::Builder::new()
            .prefix("dangvu-browser-")
            .tempdir()
            .map_err(|e| e.to_string())?;
        let downloads = Downloads::new()?;
        let server = Server::start().await?;
        let driver = Driver::start(tools, &work.path().join("chromedriver.log"))?;
        let browser = driver.session(tools, downloads.path()).await?;
        Ok::<_, String>((work, downloads, server, driver, browser))
    };
    let (_work, downloads, server, _driver, browser) = match started.await {
        Ok(started) => started,
        Err(e) => return report.check("setup", vec![e]),
    };
    for (index, visit) in VISITS.iter().enumerate() {
        let mut t = Tour {
            browser: &browser,
            server: &server,
            report: &mut *report,
            account: visit.account,
            screenshots: index == 0,
        };
        visit_pages(&mut t, visit, index == 0, &downloads).await;
    }
    for visit in VISITS.iter() {
        let Some(org) = visit.round_trip else {
            continue;
        };
        let mut t = Tour {
            browser: &browser,
            server: &server,
            report: &mut *report,
            account: visit.account,
            screenshots: visit.account == VISITS[0].account,
        };
        match t.sign_in(false).await {
            Ok(()) => transfer::export_import(&mut t, org, &downloads).await,
            Err(e) => t.failed("sign in", e),
        }
        if let Err(e) = t.sign_out().await {
            t.failed("sign out", e);
        }
    }
    browser.close().await;
}

/// Signs in, visits the account's pages, signs out.
async fn visit_pages(t: &mut Tour<'_>, visit: &Visit, check_form: bool, downloads: &Downloads) {
    if let Err(e) = t.sign_in(check_form).await {
        return t.failed("sign in", e);
    }
    match visit.org {
        Some(org) => pages::reader(t, org, downloads).await,
        None => pages::own_record(t).await,
    }
    if let Err(e) = t.sign_out().await {
        t.failed("sign out", e);
    }
}
