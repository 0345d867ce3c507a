//! `/orgs/{code}`: one organization as of a date.
//!
//! Where it stood in the tree that day (breadcrumb), its life and superiors over time, its
//! figures and its children's figures. An organization that did not exist on the date is
//! still shown, with a clear notice, since its history is what the reader came for.

use crate::auth::Authenticated;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::layout::{Chrome, PageCtx, render};
use crate::params::{self, AsOfQuery};
use crate::state::AppState;
use askama::Template;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::response::Html;
use dangvu_domain::summary::Figures;
use dangvu_domain::{Date, OrgCode};
use dangvu_storage::{OrgChild, OrgDetail, Scope, Store, StoreError};

/// What the organization page shows.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct OrgView {
    /// The organization and its history.
    pub detail: OrgDetail,
    /// Its figures on the date, if it existed then.
    pub figures: Option<Figures>,
    /// Its children on the date with their figures.
    pub children: Vec<OrgChild>,
}

/// The organization page.
#[derive(Template)]
#[template(path = "orgs_show.html")]
pub(crate) struct OrgPage {
    pub lang: Lang,
    pub here: String,
    pub chrome: Chrome,
    pub as_of: Date,
    pub view: OrgView,
}

impl OrgPage {
    /// The notice shown when the organization did not exist on the date.
    fn inactive_notice(&self) -> String {
        self.lang
            .fill("org.inactive", &[("date", &self.lang.date(&self.as_of))])
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
    let view = state
        .read(&auth.scope, move |store, scope| {
            load_org(store, scope, &code, as_of)
        })
        .await?;
    render(&OrgPage {
        lang: ctx.lang,
        here: ctx.here,
        chrome: ctx.chrome,
        as_of,
        view,
    })
}

/// The organization with, when it existed on `as_of`, its figures and children.
fn load_org(
    store: &Store,
    scope: &Scope,
    code: &OrgCode,
    as_of: Date,
) -> Result<OrgView, StoreError> {
    let detail = store.org(scope, code, as_of)?;
    if !detail.active {
        return Ok(OrgView {
            detail,
            figures: None,
            children: Vec::new(),
        });
    }
    Ok(OrgView {
        figures: Some(store.figures(scope, code, as_of)?),
        children: store.children(scope, code, as_of)?,
        detail,
    })
}
