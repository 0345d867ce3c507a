//! `/ratings/rated?org=&year=`: who is rated in a subtree for a year, under the year's
//! rules, and the members left out with the reason ("not rated: exempted since …").

use super::RatedQuery;
use crate::accounts::auth::Authenticated;
use crate::error::AppError;
use crate::state::AppState;
use crate::ui::i18n::Lang;
use crate::ui::layout::{Chrome, PageCtx, render};
use crate::ui::params;
use askama::Template;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::response::Html;
use dangvu_app::RatedList;
use dangvu_domain::ratings::NotRated;

/// The page.
#[derive(Template)]
#[template(path = "ratings_rated.html")]
pub(crate) struct RatedPage {
    pub lang: Lang,
    pub here: String,
    pub chrome: Chrome,
    pub list: RatedList,
}

impl RatedPage {
    fn reason(&self, why: &NotRated) -> String {
        match self.lang {
            Lang::Vi => why.explain_vi(),
            Lang::En => why.explain_en(),
        }
    }

    fn counts(&self) -> String {
        self.lang.fill(
            "ratings.counts",
            &[
                ("rated", &self.lang.count(&(self.list.rated.len() as u64))),
                (
                    "not_rated",
                    &self.lang.count(&(self.list.not_rated.len() as u64)),
                ),
            ],
        )
    }

    fn members_href(&self) -> String {
        format!(
            "/orgs/{}/members?as_of={}",
            crate::ui::href::encode(self.list.org.org.code.as_str()),
            self.list.reference.format("%Y-%m-%d")
        )
    }
}

/// `GET /ratings/rated`.
#[tracing::instrument(skip_all)]
pub(crate) async fn show_rated(
    ctx: PageCtx,
    State(state): State<AppState>,
    auth: Authenticated,
    query: Result<Query<RatedQuery>, QueryRejection>,
) -> Result<Html<String>, AppError> {
    let query = params::query(query)?;
    let list = super::rated_list(&state, &auth, &query).await?;
    render(&RatedPage {
        lang: ctx.lang,
        here: ctx.here,
        chrome: ctx.chrome,
        list,
    })
}
