//! What the suite asserts of every page at every width: nothing cut off (`layout.js`), no
//! serious or critical accessibility violation (axe-core, vendored in `vendor/`), and, when
//! `DANGVU_SCREENSHOTS=1`, a screenshot in `docs/screenshots/`.

use super::Step;
use super::driver::Browser;
use serde_json::Value;
use std::path::PathBuf;

/// axe-core 4.14.1, minified (MPL-2.0, see `vendor/README.md`).
const AXE: &str = include_str!("vendor/axe.min.js");

/// The layout checks, run in the page.
const LAYOUT: &str = include_str!("layout.js");

/// Runs axe on the page (all its rules but the experimental ones); calls back with the
/// violations of impact serious or critical, each as one line.
const RUN_AXE: &str = r#"
const done = arguments[arguments.length - 1];
axe.run(document, { resultTypes: ['violations'] }).then((result) => {
  done(result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ` +
      v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join(', ') +
      (v.nodes.length > 4 ? ` (and ${v.nodes.length - 4} more)` : '')));
}, (error) => done([`axe did not run: ${error}`]));
"#;

/// A viewport size of the suite.
#[derive(Clone, Copy, Debug)]
pub struct Width {
    pub width: u32,
    pub height: u32,
}

/// A desktop and a phone, as in issue 11.
pub const WIDTHS: [Width; 2] = [
    Width {
        width: 1366,
        height: 900,
    },
    Width {
        width: 390,
        height: 844,
    },
];

impl std::fmt::Display for Width {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}x{}", self.width, self.height)
    }
}

fn lines(value: Value) -> Step<Vec<String>> {
    serde_json::from_value(value).map_err(|e| format!("unexpected answer from the page: {e}"))
}

/// The problems of the layout of the page shown.
pub async fn layout(browser: &Browser) -> Step<Vec<String>> {
    lines(browser.script(LAYOUT).await?)
}

/// The serious and critical accessibility violations of the page shown.
pub async fn accessibility(browser: &Browser) -> Step<Vec<String>> {
    let loaded = browser.script("return typeof axe !== 'undefined'").await?;
    if loaded != Value::Bool(true) {
        browser.script(AXE).await?;
    }
    let found = browser
        .client
        .execute_async(RUN_AXE, Vec::new())
        .await
        .map_err(|e| format!("axe: {e}"))?;
    lines(found)
}

/// Whether screenshots are wanted (`DANGVU_SCREENSHOTS=1`); off in CI so that a run does
/// not change the working tree.
pub fn screenshots_wanted() -> bool {
    std::env::var("DANGVU_SCREENSHOTS").is_ok_and(|v| v.trim() == "1")
}

/// Writes `docs/screenshots/<name>-<width>.png` of the page shown.
pub async fn screenshot(browser: &Browser, name: &str, size: Width) -> Step<()> {
    let png = browser.screenshot(size.width, size.height, 2400).await?;
    let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/screenshots");
    std::fs::create_dir_all(&folder).map_err(|e| format!("{}: {e}", folder.display()))?;
    let file = folder.join(format!("{name}-{}.png", size.width));
    std::fs::write(&file, png).map_err(|e| format!("{}: {e}", file.display()))
}

/// Every check of the page shown at `size`: the failures, none when it passes.
pub async fn page(browser: &Browser, size: Width, shot: Option<&str>) -> Vec<String> {
    let mut failures = Vec::new();
    if let Err(e) = browser.viewport(size.width, size.height).await {
        return vec![e];
    }
    match layout(browser).await {
        Ok(found) => failures.extend(found.into_iter().map(|p| format!("layout: {p}"))),
        Err(e) => failures.push(format!("layout check: {e}")),
    }
    match accessibility(browser).await {
        Ok(found) => failures.extend(found.into_iter().map(|p| format!("axe: {p}"))),
        Err(e) => failures.push(format!("accessibility check: {e}")),
    }
    if let Some(name) = shot.filter(|_| screenshots_wanted())
        && let Err(e) = screenshot(browser, name, size).await
    {
        failures.push(format!("screenshot: {e}"));
    }
    failures
}
