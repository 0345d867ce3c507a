//! The round trip of issue 11: an account exports its organization to Excel and imports
//! that same file, unchanged, through the import form. It must be accepted (nothing to
//! change, or changes confirmed), never refused with errors about the file's own records.

use super::Step;
use super::downloads::{self, Downloads};
use super::tour::Tour;
use fantoccini::Locator;

/// The import page's link in the top menu.
const MENU_IMPORT: &str = "nav.topnav a[href='/import']";

/// The rows of the problems table, as text, for the failure message.
async fn problems(t: &Tour<'_>) -> Vec<String> {
    let rows = t
        .browser
        .client
        .find_all(Locator::Css("table.import-problems tbody tr"))
        .await
        .unwrap_or_default();
    let mut lines = Vec::new();
    for row in rows.iter().take(5) {
        let text = row.text().await.unwrap_or_default();
        lines.push(format!("  problem: {}", text.replace('\n', " | ")));
    }
    if rows.len() > 5 {
        lines.push(format!("  … {} problems in all", rows.len()));
    }
    lines
}

/// Fails with what the page says when it shows an error.
async fn refused(t: &Tour<'_>, when: &str) -> Step<()> {
    if !t.has(".notice-error").await? {
        return Ok(());
    }
    let notice = t.text(".notice-error").await.unwrap_or_default();
    let mut message = format!("{when}: \"{}\"", notice.trim());
    for line in problems(t).await {
        message.push('\n');
        message.push_str(&line);
    }
    Err(message)
}

async fn round_trip(t: &mut Tour<'_>, org: &str, downloads: &Downloads) -> Step<()> {
    t.open(&format!("/orgs/{org}")).await?;
    downloads.clear()?;
    t.press("a[href*='/export?format=xlsx']").await?;
    let file = downloads.wait(60).await?;
    downloads::is_workbook(&file)?;
    if t.has(MENU_IMPORT).await? {
        t.click(MENU_IMPORT).await?;
    } else {
        let name = format!("{}/import link in the top menu", t.account);
        t.report.check(
            &name,
            vec!["the top menu has no link to the import page".into()],
        );
        t.click("a[href='/import']").await?;
    }
    t.checks("import form").await;
    let path = file.to_string_lossy().to_string();
    t.find("#file")
        .await?
        .send_keys(&path)
        .await
        .map_err(|e| e.to_string())?;
    t.click("form[enctype='multipart/form-data'] button[type=submit]")
        .await?;
    t.wait_gone(".import-progress", 120).await?;
    t.checks("import check").await;
    refused(t, "the unchanged export is refused").await?;
    if !t.has("table.import-counts").await? {
        let shown = t.text("main").await.unwrap_or_default();
        return Err(format!(
            "the import's check shows no counts: {}",
            shown.trim()
        ));
    }
    let confirm = "form[action$='/confirm'] button[type=submit]";
    if t.has(confirm).await? {
        t.click(confirm).await?;
        t.wait_gone(".import-progress", 120).await?;
        refused(t, "confirming the unchanged export fails").await?;
        t.checks("import done").await;
    }
    Ok(())
}

/// The export → import round trip of `org` by the tour's account.
pub async fn export_import(t: &mut Tour<'_>, org: &str, downloads: &Downloads) {
    if let Err(e) = round_trip(t, org, downloads).await {
        t.failed(&format!("export → import {org}"), e);
    }
}
