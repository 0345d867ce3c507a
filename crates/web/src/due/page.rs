//! `/due?org=&as_of=`: the due list as a page.
//!
//! Without `org` the list covers the reader's whole scope. Each step shows who it is
//! about, the organization that owes it, since when it is open and its due day; a late
//! step says so in words and by how many days, not by colour alone.

use crate::accounts::auth::Authenticated;
use crate::error::AppError;
use crate::state::AppState;
use crate::ui::i18n::Lang;
use crate::ui::layout::{Chrome, PageCtx, render};
use crate::ui::params::{self, DueQuery};
use askama::Template;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::response::{Html, IntoResponse, Response};
use dangvu_app::DueList;
use dangvu_domain::due::DueItem;

/// The most rows the page shows: a province's list holds thousands of badges, which a
/// person reads by organization, not by scrolling (the API gives every step).
pub(crate) const PAGE_ROWS: usize = 300;

/// The due list page.
#[derive(Template)]
#[template(path = "due_index.html")]
pub(crate) struct DuePage {
    pub lang: Lang,
    pub here: String,
    pub chrome: Chrome,
    /// The organization field as sent (empty: the whole scope).
    pub org_field: String,
    pub list: DueList,
}

impl DuePage {
    /// "Late by N days" or "due in N days" / "due today".
    fn lateness(&self, item: &DueItem) -> String {
        let days = (self.list.as_of - item.due_on).num_days();
        let n = days.unsigned_abs().to_string();
        match days {
            d if d > 0 => self.lang.fill("due.late_by", &[("n", &n)]),
            0 => self.lang.t("due.due_today").into_owned(),
            _ => self.lang.fill("due.due_in", &[("n", &n)]),
        }
    }

    /// The rows shown: the most urgent [`PAGE_ROWS`].
    fn shown(&self) -> &[DueItem] {
        &self.list.items[..self.list.items.len().min(PAGE_ROWS)]
    }

    /// "The N most urgent of M are shown" when the list is longer than the page.
    fn truncated(&self) -> Option<String> {
        let total = self.list.items.len();
        (total > PAGE_ROWS).then(|| {
            self.lang.fill(
                "due.truncated",
                &[
                    ("shown", &self.lang.count(&(PAGE_ROWS as u64))),
                    ("total", &self.lang.count(&(total as u64))),
                ],
            )
        })
    }

    /// Whether the step is late on the list's day.
    fn late(&self, item: &DueItem) -> bool {
        item.is_overdue(self.list.as_of)
    }

    /// The address of the record the step belongs to.
    fn subject_href(&self, item: &DueItem) -> String {
        super::subject_href(item)
    }

    /// "N steps, M late" for the heading.
    fn counts(&self) -> String {
        self.lang.fill(
            "due.counts",
            &[
                ("total", &self.lang.count(&(self.list.items.len() as u64))),
                ("late", &self.lang.count(&(self.list.overdue() as u64))),
            ],
        )
    }
}

/// `GET /due?org=&as_of=`.
#[tracing::instrument(skip_all)]
pub(crate) async fn show_due(
    ctx: PageCtx,
    State(state): State<AppState>,
    auth: Authenticated,
    query: Result<Query<DueQuery>, QueryRejection>,
) -> Result<Response, AppError> {
    let query = params::query(query)?;
    let as_of = query.as_of(state.today())?;
    let org = query.org()?;
    let org_field = org.as_ref().map(|c| c.to_string()).unwrap_or_default();
    let caller = auth.caller();
    let list = state
        .run(move |app| app.due_list(&caller, org.as_ref(), as_of))
        .await?;
    let page: Html<String> = render(&DuePage {
        lang: ctx.lang,
        here: ctx.here,
        chrome: ctx.chrome,
        org_field,
        list,
    })?;
    Ok(page.into_response())
}
