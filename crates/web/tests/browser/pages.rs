//! The pages each demo account opens: the tree, an organization, its members, a search
//! without diacritics, a profile (and, for staff and secretaries, the page recording the
//! member's lifecycle), the rating rounds, the year's commitments and a signer's record, the
//! summary report with its Excel download; a party
//! member's own record; the admission dossiers, the calendar, what is due and the record of
//! its first step.

use super::Step;
use super::downloads::{self, Downloads};
use super::tour::Tour;

/// The period of the report checked: ten years of ratings and admissions.
const REPORT_FROM: &str = "2016-01-01";
const REPORT_TO: &str = "2025-12-31";

/// A link to a member's profile in a members table.
const MEMBER_LINK: &str = "table tbody a[href^='/members/']";

/// The reader's visit from the tree to the report, over organization `org`.
pub async fn reader(t: &mut Tour<'_>, org: &str, downloads: &Downloads) {
    let steps = async {
        t.open("/").await?;
        t.checks("tree").await;
        t.open(&format!("/orgs/{org}")).await?;
        t.checks("org").await;
        members(t).await?;
        due(t).await?;
        t.open(&format!("/ratings/rated?org={org}&year=2019"))
            .await?;
        t.checks("ratings").await;
        rounds(t).await?;
        t.open(&format!("/ratings/statistics?org={org}&from=2016&to=2020"))
            .await?;
        t.checks("rating statistics").await;
        commitments(t, org).await?;
        t.open(&format!("/orgs/{org}")).await?;
        report(t, org, downloads).await
    };
    if let Err(e) = steps.await {
        t.failed("visit", e);
    }
}

/// The rating rounds from the menu, the newest round the reader reaches and the first row
/// of it (an organization's or a member's steps).
async fn rounds(t: &mut Tour<'_>) -> Step<()> {
    t.click("nav a[href='/ratings/rounds']").await?;
    t.checks("rounds").await;
    let first = "table tbody a[href^='/ratings/rounds/']";
    if !t.has(first).await? {
        return Ok(());
    }
    t.click(first).await?;
    t.checks("round").await;
    let entry = "table tbody a[href*='/orgs/'], table tbody a[href*='/members/']";
    if t.has(entry).await? {
        t.click(entry).await?;
        t.checks("round entry").await;
    }
    Ok(())
}

/// The year's signed commitments and the first signer's record, where they are listed.
async fn commitments(t: &mut Tour<'_>, org: &str) -> Step<()> {
    t.open(&format!("/ratings/commitments?org={org}&year=2025"))
        .await?;
    t.checks("commitments").await;
    if t.has(MEMBER_LINK).await? {
        t.click(MEMBER_LINK).await?;
        t.checks("signer profile").await;
    }
    Ok(())
}

/// The organization's members, a search for one of them typed without diacritics, and
/// that member's profile.
async fn members(t: &mut Tour<'_>) -> Step<()> {
    t.click("main a[href^='/orgs/'][href*='/members']").await?;
    t.checks("members").await;
    let first = t.find(MEMBER_LINK).await?;
    let name = first.text().await.map_err(|e| e.to_string())?;
    let href = first.attr("href").await.map_err(|e| e.to_string())?;
    let href = href.ok_or("a member link without href")?;
    let query = dangvu_domain::text::fold(&name);
    t.fill("#q", &query).await?;
    t.click("form[role=search] button[type=submit]").await?;
    let found = format!("table tbody a[href='{href}']");
    if !t.has(&found).await? {
        return Err(format!(
            "searching \"{query}\" does not find {name} ({href})"
        ));
    }
    t.checks("search").await;
    t.click(&found).await?;
    t.checks("profile").await;
    // Staff and secretaries record the member's lifecycle from the profile.
    let lifecycle = "main a[href$='/lifecycle']";
    if t.has(lifecycle).await? {
        t.click(lifecycle).await?;
        t.checks("lifecycle").await;
    }
    Ok(())
}

/// The admission dossiers and the working-day calendar; what is due, from the menu, and
/// the record of its most urgent step (a dossier, a transfer or a member's page); the
/// transfers of the scope and the first of them.
async fn due(t: &mut Tour<'_>) -> Step<()> {
    t.click("nav a[href='/admissions']").await?;
    t.checks("admissions").await;
    t.open("/calendar").await?;
    t.checks("calendar").await;
    t.click("nav a[href='/due']").await?;
    t.checks("due").await;
    let first = "table.due-list tbody a";
    if t.has(first).await? {
        t.click(first).await?;
        t.checks("due record").await;
    }
    t.open("/transfers").await?;
    t.checks("transfers").await;
    let transfer = "main table a[href^='/transfers/']";
    if t.has(transfer).await? {
        t.click(transfer).await?;
        t.checks("transfer").await;
    }
    Ok(())
}

/// The summary report from the organization page's link, then over ten years, and its
/// Excel download when the page offers one.
async fn report(t: &mut Tour<'_>, org: &str, downloads: &Downloads) -> Step<()> {
    t.click("main a[href^='/reports/summary?org=']").await?;
    if !t.has("section.report").await? {
        t.click("form[action='/reports/summary'] button[type=submit]")
            .await?;
    }
    if !t.has("section.report").await? {
        let shown = t.text("main").await.unwrap_or_default();
        return Err(format!(
            "the summary report shows no figures: {}",
            shown.trim()
        ));
    }
    // Ten years of ratings: the report's widest tables, as a committee reviews its term.
    t.open(&format!(
        "/reports/summary?org={org}&from={REPORT_FROM}&to={REPORT_TO}"
    ))
    .await?;
    if !t.has("section.report table").await? {
        return Err(format!(
            "the report of {REPORT_FROM}–{REPORT_TO} shows no table"
        ));
    }
    t.checks("report").await;
    let xlsx = "a[href*='format=xlsx']";
    if !t.has(xlsx).await? {
        let note = "the summary report has no Excel download link: its download was not tested";
        t.report.note(format!("{}: {note}", t.account));
        return Ok(());
    }
    downloads.clear()?;
    t.press(xlsx).await?;
    let file = downloads.wait(30).await?;
    let result = downloads::is_workbook(&file).err().into_iter().collect();
    t.report
        .check(&format!("{}/report xlsx", t.account), result);
    Ok(())
}

/// A party member's visit: the home page leads to the member's own record.
pub async fn own_record(t: &mut Tour<'_>) {
    let steps = async {
        t.open("/").await?;
        let path = t.browser.path().await?;
        if !path.starts_with("/members/") {
            return Err(format!(
                "the home page leads to {path}, not to the own record"
            ));
        }
        t.checks("own profile").await;
        Ok(())
    };
    if let Err(e) = steps.await {
        t.failed("visit", e);
    }
}
