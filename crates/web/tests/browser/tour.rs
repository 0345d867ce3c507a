//! One account's visit, as a person would make it: sign in, open pages by their links, fill
//! forms; and at each page the checks of `checks.rs` at both widths, recorded as
//! `<account>/<page>/<width>`.

use super::Step;
use super::checks::{self, WIDTHS};
use super::driver::Browser;
use super::harness::Report;
use super::server::Server;
use fantoccini::Locator;
use fantoccini::elements::Element;
use std::time::Duration;

/// A signed-in (or signing-in) visit by one account.
pub struct Tour<'a> {
    pub browser: &'a Browser,
    pub server: &'a Server,
    pub report: &'a mut Report,
    pub account: &'static str,
    /// Whether this visit writes the screenshots of the pages it checks.
    pub screenshots: bool,
}

impl Tour<'_> {
    /// Runs the checks of the page shown at both widths; `page` names it in the results
    /// and in the screenshot's file name.
    pub async fn checks(&mut self, page: &str) {
        for size in WIDTHS {
            let shot = self.screenshots.then(|| page.replace(' ', "-"));
            let failures = checks::page(self.browser, size, shot.as_deref()).await;
            let name = format!("{}/{page}/{size}", self.account);
            self.report.check(&name, failures);
        }
    }

    /// Records a step that could not be done: the checks after it did not run.
    pub fn failed(&mut self, step: &str, error: String) {
        let name = format!("{}/{step}", self.account);
        self.report.check(&name, vec![error]);
    }

    /// Opens `path` of the server.
    pub async fn open(&self, path: &str) -> Step<()> {
        self.browser.goto(&self.server.url(path)).await
    }

    /// The first element matching `css`.
    pub async fn find(&self, css: &str) -> Step<Element> {
        let page = self.browser.path().await.unwrap_or_default();
        self.browser
            .client
            .find(Locator::Css(css))
            .await
            .map_err(|e| format!("{page}: no {css}: {e}"))
    }

    /// Whether an element matches `css`.
    pub async fn has(&self, css: &str) -> Step<bool> {
        let found = self.browser.client.find_all(Locator::Css(css)).await;
        Ok(!found.map_err(|e| e.to_string())?.is_empty())
    }

    /// Follows the first link (or presses the first button) matching `css`, and waits for
    /// the page it leads to.
    pub async fn click(&self, css: &str) -> Step<()> {
        self.browser
            .script("window.browserSuiteOldPage = true")
            .await?;
        self.press(css).await?;
        let loaded = "return !window.browserSuiteOldPage && document.readyState === 'complete'";
        for _ in 0..120 {
            if self.browser.script(loaded).await? == serde_json::Value::Bool(true) {
                return Ok(());
            }
            tokio::time::sleep(Duration::from_millis(250)).await;
        }
        Err(format!("clicking {css} leads nowhere within 30 s"))
    }

    /// Clicks the first element matching `css` without waiting for a page (a download).
    pub async fn press(&self, css: &str) -> Step<()> {
        let element = self.find(css).await?;
        element
            .click()
            .await
            .map_err(|e| format!("click {css}: {e}"))
    }

    /// Types `text` into the field `css`, replacing what it holds.
    pub async fn fill(&self, css: &str, text: &str) -> Step<()> {
        let field = self.find(css).await?;
        field
            .clear()
            .await
            .map_err(|e| format!("clear {css}: {e}"))?;
        field
            .send_keys(text)
            .await
            .map_err(|e| format!("type into {css}: {e}"))
    }

    /// The visible text of the first element matching `css`.
    pub async fn text(&self, css: &str) -> Step<String> {
        let element = self.find(css).await?;
        element.text().await.map_err(|e| e.to_string())
    }

    /// Signs in through the form; checks the form first when `check_form`.
    pub async fn sign_in(&mut self, check_form: bool) -> Step<()> {
        self.open("/login").await?;
        if check_form {
            self.checks("login").await;
        }
        let password = dangvu_storage::demo_password(self.account);
        self.fill("#username", self.account).await?;
        self.fill("#password", &password).await?;
        self.click("form[action='/login'] button[type=submit]")
            .await?;
        if !self.has("form.logout").await? {
            let notice = self.text("main").await.unwrap_or_default();
            return Err(format!("sign-in refused: {}", notice.trim()));
        }
        Ok(())
    }

    /// Signs out through the top menu's button.
    pub async fn sign_out(&self) -> Step<()> {
        self.click("form.logout button[type=submit]").await?;
        match self.has("form.logout").await? {
            true => Err("still signed in after signing out".into()),
            false => Ok(()),
        }
    }

    /// Waits (up to `seconds`) until no element matches `css`; the page refreshes itself.
    pub async fn wait_gone(&self, css: &str, seconds: u64) -> Step<()> {
        for _ in 0..seconds * 4 {
            if !self.has(css).await? {
                return Ok(());
            }
            tokio::time::sleep(Duration::from_millis(250)).await;
        }
        Err(format!("{css} still shown after {seconds} s"))
    }
}
