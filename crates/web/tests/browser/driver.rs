//! Chromium, driven through chromedriver: finding both, starting the driver on a free port,
//! opening one headless session for the whole suite, and the few Chrome DevTools commands
//! WebDriver lacks (the size of the viewport, where downloads go).

use super::Step;
use axum::http::Method;
use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// The browser and its driver, as installed.
pub struct Tools {
    chromium: PathBuf,
    chromedriver: PathBuf,
}

fn on_path(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| names.iter().map(move |name| dir.join(name)))
        .find(|candidate| candidate.is_file())
}

impl Tools {
    /// Chromium and chromedriver from `PATH`; `Err` names what is missing.
    pub fn find() -> Result<Self, String> {
        let chromium = on_path(&["chromium", "chromium-browser", "google-chrome"]);
        let chromedriver = on_path(&["chromedriver"]);
        match (chromium, chromedriver) {
            (Some(chromium), Some(chromedriver)) => Ok(Tools {
                chromium,
                chromedriver,
            }),
            (None, _) => Err("chromium".into()),
            (_, None) => Err("chromedriver".into()),
        }
    }
}

/// A running chromedriver; killed when dropped.
pub struct Driver {
    child: Child,
    url: String,
}

fn free_port() -> Step<u16> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").map_err(|e| e.to_string())?;
    Ok(listener.local_addr().map_err(|e| e.to_string())?.port())
}

impl Driver {
    /// Starts chromedriver on a free port of 127.0.0.1, its log in `log`.
    pub fn start(tools: &Tools, log: &Path) -> Step<Self> {
        let port = free_port()?;
        let child = Command::new(&tools.chromedriver)
            .arg(format!("--port={port}"))
            .arg(format!("--log-path={}", log.display()))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("start {}: {e}", tools.chromedriver.display()))?;
        Ok(Driver {
            child,
            url: format!("http://127.0.0.1:{port}"),
        })
    }

    /// A new headless session (retried while the driver starts), downloads going to
    /// `downloads`.
    pub async fn session(&self, tools: &Tools, downloads: &Path) -> Step<Browser> {
        let options = json!({
            "binary": tools.chromium,
            "args": ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                     "--disable-gpu", "--lang=vi", "--window-size=1366,900",
                     "--no-first-run", "--disable-extensions"],
            "prefs": {
                "download.default_directory": downloads,
                "download.prompt_for_download": false,
                "intl.accept_languages": "vi",
            },
        });
        let mut capabilities = serde_json::Map::new();
        capabilities.insert("goog:chromeOptions".into(), options);
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let mut last = String::new();
        for _ in 0..100 {
            match ClientBuilder::new(connector.clone())
                .capabilities(capabilities.clone())
                .connect(&self.url)
                .await
            {
                Ok(client) => {
                    let browser = Browser { client };
                    browser.allow_downloads(downloads).await?;
                    return Ok(browser);
                }
                Err(e) => last = e.to_string(),
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        Err(format!("no browser session from chromedriver: {last}"))
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A Chrome DevTools command, through chromedriver's `goog/cdp/execute`.
#[derive(Debug)]
struct Cdp {
    cmd: &'static str,
    params: Value,
}

impl WebDriverCompatibleCommand for Cdp {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!(
            "session/{}/goog/cdp/execute",
            session.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (Method, Option<String>) {
        let body = json!({ "cmd": self.cmd, "params": self.params });
        (Method::POST, Some(body.to_string()))
    }
}

/// The session: one browser window for the whole suite.
pub struct Browser {
    pub client: Client,
}

impl Browser {
    async fn cdp(&self, cmd: &'static str, params: Value) -> Step<Value> {
        self.client
            .issue_cmd(Cdp { cmd, params })
            .await
            .map_err(|e| format!("{cmd}: {e}"))
    }

    async fn allow_downloads(&self, folder: &Path) -> Step<()> {
        let params = json!({ "behavior": "allow", "downloadPath": folder });
        self.cdp("Browser.setDownloadBehavior", params).await?;
        Ok(())
    }

    /// Makes the viewport `width`×`height` CSS pixels, as a phone when narrow (touch-sized
    /// overlay scrollbars, `<meta name="viewport">` applies).
    pub async fn viewport(&self, width: u32, height: u32) -> Step<()> {
        let params = json!({
            "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600,
        });
        self.cdp("Emulation.setDeviceMetricsOverride", params)
            .await?;
        let inner = self
            .script("return [window.innerWidth, window.innerHeight]")
            .await?;
        if inner != json!([width, height]) {
            return Err(format!("viewport {width}×{height} asked, {inner} given"));
        }
        Ok(())
    }

    /// Runs `script` (a function body) in the page and returns its value.
    pub async fn script(&self, script: &str) -> Step<Value> {
        self.client
            .execute(script, Vec::new())
            .await
            .map_err(|e| format!("script: {e}"))
    }

    /// Opens `url` and waits until it has loaded.
    pub async fn goto(&self, url: &str) -> Step<()> {
        self.client
            .goto(url)
            .await
            .map_err(|e| format!("open {url}: {e}"))
    }

    /// The path and query of the page shown.
    pub async fn path(&self) -> Step<String> {
        let url = self.client.current_url().await.map_err(|e| e.to_string())?;
        Ok(match url.query() {
            Some(query) => format!("{}?{query}", url.path()),
            None => url.path().to_string(),
        })
    }

    /// A PNG of the whole page (up to `max_height` pixels) at viewport `width`×`height`.
    pub async fn screenshot(&self, width: u32, height: u32, max_height: u32) -> Step<Vec<u8>> {
        let full = self
            .script("return document.documentElement.scrollHeight")
            .await?
            .as_u64()
            .unwrap_or(u64::from(height));
        let tall = u32::try_from(full)
            .unwrap_or(max_height)
            .clamp(height, max_height);
        let params = json!({
            "width": width, "height": tall, "deviceScaleFactor": 1, "mobile": width < 600,
        });
        self.cdp("Emulation.setDeviceMetricsOverride", params)
            .await?;
        let png = self.client.screenshot().await.map_err(|e| e.to_string());
        self.viewport(width, height).await?;
        png
    }

    /// Closes the window and the session.
    pub async fn close(self) {
        let _ = self.client.close().await;
    }
}
