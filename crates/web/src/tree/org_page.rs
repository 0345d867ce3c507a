//! `/orgs/{code}`: one organization as of a date.
//!
//! Where it stood in the tree that day (breadcrumb), its life and superiors over time, its
//! figures and its children's figures. An organization that did not exist on the date is
//! still shown, with a clear notice, since its history is what the reader came for.

use crate::accounts::auth::Authenticated;
use crate::error::AppError;
use crate::state::AppState;
use crate::ui::i18n::Lang;
use crate::ui::layout::{Chrome, PageCtx, render};
use crate::ui::params::{self, AsOfQuery};
use askama::Template;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::response::Html;
use dangvu_app::OrgOverview;
use dangvu_domain::Date;

/// The organization page.
#[derive(Template)]
#[template(path = "orgs_show.html")]
pub(crate) struct OrgPage {
    pub lang: Lang,
    pub here: String,
    pub chrome: Chrome,
    pub as_of: Date,
    pub view: OrgOverview,
}

impl OrgPage {
    /// The notice shown when the organization did not exist on the date.
    fn inactive_notice(&self) -> String {
        self.lang
            .fill("org.inactive", &[("date", &self.lang.date(&self.as_of))])
    }

    /// When the date asked is after the organization was dissolved: the address and text of
    /// a link to its page on its last day (the day before `dissolved_on`), where its figures
    /// and children are, since a reader following a link from today lands after its end.
    fn last_day_link(&self) -> Option<(String, String)> {
        let ended = self.view.detail.dissolved_on?;
        let last = ended.pred_opt().filter(|_| self.as_of >= ended)?;
        let text = self
            .lang
            .fill("org.last_day", &[("date", &self.lang.date(&last))]);
        Some((
            crate::ui::href::org(&self.view.detail.org.code, &last),
            text,
        ))
    }
}

/// `GET /orgs/{code}?as_of=`.
#[tracing::instrument(skip_all, fields(org))]
pub(crate) async fn show_org(
    ctx: PageCtx,
    State(state): State<AppState>,
    auth: Authenticated,
    path: Result<Path<String>, PathRejection>,
    query: Result<Query<AsOfQuery>, QueryRejection>,
) -> Result<Html<String>, AppError> {
    let code = params::org_code("org", &params::path(path)?)?;
    tracing::Span::current().record("org", code.as_str());
    let as_of = params::query(query)?.as_of(state.today())?;
    let caller = auth.caller();
    let view = state
        .run(move |app| app.org_overview(&caller, &code, as_of))
        .await?;
    render(&OrgPage {
        lang: ctx.lang,
        here: ctx.here,
        chrome: ctx.chrome,
        as_of,
        view,
    })
}
