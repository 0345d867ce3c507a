//! `/`: the organization tree as of a date.
//!
//! The roots on that date, each with its figures and its direct children, which open
//! without JavaScript (`<details>`) to show their own figures; deeper levels are one click
//! away on the organization pages, so the page stays one quick read even for a province.
//! An account scoped to a subtree sees its scope's root as the only root; a member account
//! has no tree and is sent to its own record.

use crate::accounts::auth::Authenticated;
use crate::error::AppError;
use crate::state::AppState;
use crate::ui::i18n::Lang;
use crate::ui::layout::{Chrome, PageCtx, render};
use crate::ui::params::{self, AsOfQuery};
use askama::Template;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::header::LOCATION;
use axum::http::{HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use dangvu_app::RootNode;
use dangvu_domain::Date;

/// The tree page.
#[derive(Template)]
#[template(path = "tree_index.html")]
pub(crate) struct TreePage {
    pub lang: Lang,
    pub here: String,
    pub chrome: Chrome,
    pub as_of: Date,
    pub roots: Vec<RootNode>,
    /// The late steps of the reader's scope today, for those who do the work.
    pub overdue: Option<usize>,
}

impl TreePage {
    /// "N late steps in your scope", or that nothing is late.
    fn overdue_text(&self, late: &usize) -> String {
        match *late {
            0 => self.lang.t("due.home_none").into_owned(),
            n => self
                .lang
                .fill("due.home_late", &[("n", &self.lang.count(&(n as u64)))]),
        }
    }
}

/// `GET /?as_of=`.
#[tracing::instrument(skip_all, fields(as_of))]
pub(crate) async fn show_tree(
    ctx: PageCtx,
    State(state): State<AppState>,
    auth: Authenticated,
    query: Result<Query<AsOfQuery>, QueryRejection>,
) -> Result<Response, AppError> {
    if let Some(own) = ctx.chrome.own_record() {
        return Ok(see_other(&own));
    }
    let as_of = params::query(query)?.as_of(state.today())?;
    tracing::Span::current().record("as_of", tracing::field::display(as_of));
    let caller = auth.caller();
    let (counts_due, today) = (ctx.chrome.counts_due(), state.today());
    let (roots, overdue) = state
        .run(move |app| {
            let roots = app.tree(&caller, as_of)?;
            let overdue = match counts_due {
                true => Some(app.overdue_count(&caller, today)?),
                false => None,
            };
            Ok::<_, dangvu_app::Error>((roots, overdue))
        })
        .await?;
    let page: Html<String> = render(&TreePage {
        lang: ctx.lang,
        here: ctx.here,
        chrome: ctx.chrome,
        as_of,
        roots,
        overdue,
    })?;
    Ok(page.into_response())
}

/// A 303 to a local address.
fn see_other(target: &str) -> Response {
    let mut response = StatusCode::SEE_OTHER.into_response();
    if let Ok(location) = HeaderValue::from_str(target) {
        response.headers_mut().insert(LOCATION, location);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;
    use dangvu_app::records::OrgRef;
    use dangvu_domain::summary::Figures;
    use dangvu_domain::{OrgCode, OrgType};

    fn page(name: &str, lang: Lang) -> String {
        let org = OrgRef {
            code: OrgCode::parse("A&B").unwrap(),
            name: name.to_string(),
            org_type: OrgType::Huyen,
        };
        TreePage {
            lang,
            here: "/".into(),
            chrome: Chrome::default(),
            as_of: Date::from_ymd_opt(2020, 7, 31).unwrap(),
            roots: vec![RootNode {
                org,
                figures: Figures {
                    members: 7312,
                    ..Figures::default()
                },
                children: Vec::new(),
            }],
            overdue: Some(3),
        }
        .render()
        .unwrap()
    }

    #[test]
    fn names_from_the_records_are_escaped() {
        let html = page("<script>alert(1)</script>", Lang::Vi);
        assert!(!html.contains("<script"));
        assert!(html.contains("&#60;script&#62;") || html.contains("&lt;script&gt;"));
        assert!(html.contains("href=\"/orgs/A%26B?as_of=2020-07-31\""));
    }

    #[test]
    fn figures_and_dates_follow_the_language() {
        let vi = page("Đảng bộ huyện Vị Xuyên", Lang::Vi);
        assert!(vi.contains(">7.312<") && vi.contains("31/07/2020"));
        assert!(vi.contains("Đảng bộ huyện Vị Xuyên"));
        let en = page("Đảng bộ huyện Vị Xuyên", Lang::En);
        assert!(en.contains(">7,312<") && en.contains("2020-07-31"));
        assert!(en.contains("District Party organization"));
    }
}
