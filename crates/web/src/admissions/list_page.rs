//! `/admissions?org=CODE&stage=…`: the dossiers of the cells of an organization's subtree,
//! grouped by stage in the workflow's order, each with its next step and that step's due
//! day; late ones are marked in words and colour. Without `org`, the reader's scope (an
//! administrator: the first root of the tree). Staff get a link to open a dossier.

use super::next_step::{StepKind, next_step};
use crate::accounts::auth::Authenticated;
use crate::error::{AppError, BadInput};
use crate::state::AppState;
use crate::ui::i18n::Lang;
use crate::ui::layout::{Chrome, PageCtx, render};
use crate::ui::params;
use askama::Template;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use dangvu_app::records::{DossierQuery, DossierView, OrgDetail};
use dangvu_domain::admissions::Stage;
use dangvu_domain::enums::Enumeration;
use dangvu_domain::{Date, OrgCode};
use serde::Deserialize;

/// The query of the list (page and API).
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct ListQuery {
    /// Organization code; the caller's scope when absent (an administrator must name it
    /// in the API).
    pub org: Option<String>,
    /// Only this stage (a code such as `CHI_BO_DE_NGHI`); every stage when absent.
    pub stage: Option<String>,
}

impl ListQuery {
    /// The stage asked for.
    pub(crate) fn stage(&self) -> Result<Option<Stage>, BadInput> {
        params::present(&self.stage)
            .map(|text| {
                Stage::ALL
                    .iter()
                    .copied()
                    .find(|s| s.code() == text)
                    .ok_or(BadInput::Code {
                        field: "stage",
                        value: text.to_string(),
                    })
            })
            .transpose()
    }
}

/// The dossiers of one stage.
pub(crate) struct Group {
    /// The stage.
    pub stage: Stage,
    /// Its dossiers, the earliest deadline first.
    pub rows: Vec<DossierView>,
}

/// The list page.
#[derive(Template)]
#[template(path = "admissions_list.html")]
pub(crate) struct ListPage {
    pub lang: Lang,
    pub here: String,
    pub chrome: Chrome,
    pub today: Date,
    pub org: OrgDetail,
    pub stage: Option<Stage>,
    pub groups: Vec<Group>,
    pub stages: &'static [Stage],
}

impl ListPage {
    /// The name of the step `view` waits for.
    fn next_step(&self, view: &DossierView) -> String {
        next_step(&view.dossier)
            .map(|k: StepKind| self.lang.t(k.title_key()).into_owned())
            .unwrap_or_default()
    }

    /// The due day of the step it waits for, when it has one.
    fn due(&self, view: &DossierView) -> String {
        view.open_step
            .as_ref()
            .map(|s| self.lang.date(&s.due_on))
            .unwrap_or_default()
    }

    /// Whether it is late today.
    fn overdue(&self, view: &DossierView) -> bool {
        view.is_overdue(self.today)
    }

    fn href(&self, view: &DossierView) -> String {
        dossier_href(&view.dossier.code)
    }

    /// The list of every stage.
    fn all_href(&self) -> String {
        let org = crate::ui::href::encode(self.org.org.code.as_str());
        format!("/admissions?org={org}")
    }

    /// The list filtered to `stage`.
    fn stage_href(&self, stage: &Stage) -> String {
        format!("{}&stage={}", self.all_href(), stage.code())
    }

    /// A stage's name.
    fn stage_label(&self, stage: &Stage) -> String {
        self.lang.label(stage).into_owned()
    }

    /// Whether the list is filtered to `stage`.
    fn is_current(&self, stage: &Stage) -> bool {
        self.stage == Some(*stage)
    }

    /// "The dossiers of the cells under …, by stage. N dossiers".
    fn lead(&self) -> String {
        let total: usize = self.groups.iter().map(|g| g.rows.len()).sum();
        let lead = self
            .lang
            .fill("admissions.lead", &[("org", &self.org.org.name)]);
        let count = self
            .lang
            .fill("admissions.count", &[("n", &total.to_string())]);
        format!("{lead} {count}")
    }
}

/// The page of dossier `code`.
pub(crate) fn dossier_href(code: &str) -> String {
    format!("/admissions/{}", crate::ui::href::encode(code))
}

/// The organization asked for, else the reader's scope, else the first root of the tree.
pub(crate) async fn org_of(
    state: &AppState,
    auth: &Authenticated,
    raw: &Option<String>,
) -> Result<OrgCode, AppError> {
    if let Some(text) = params::present(raw) {
        return Ok(params::org_code("org", text)?);
    }
    if let Some(root) = auth.scope.root() {
        return Ok(root.clone());
    }
    let (caller, today) = (auth.caller(), state.today());
    let roots = state.run(move |app| app.tree(&caller, today)).await?;
    roots
        .into_iter()
        .next()
        .map(|r| r.org.code)
        .ok_or_else(|| BadInput::Missing { field: "org" }.into())
}

/// `GET /admissions?org=&stage=`.
#[tracing::instrument(skip_all, fields(org))]
pub(crate) async fn show_list(
    ctx: PageCtx,
    State(state): State<AppState>,
    auth: Authenticated,
    query: Result<Query<ListQuery>, QueryRejection>,
) -> Result<Response, AppError> {
    let query = params::query(query)?;
    let stage = query.stage()?;
    let org = org_of(&state, &auth, &query.org).await?;
    tracing::Span::current().record("org", org.as_str());
    let today = state.today();
    let caller = auth.caller();
    let (org, views) = state
        .run(move |app| {
            let detail = app.org(&caller, &org, today)?;
            let q = DossierQuery {
                org,
                as_of: today,
                stage,
            };
            Ok::<_, dangvu_app::Error>((detail, app.dossiers(&caller, &q)?))
        })
        .await?;
    let mut groups: Vec<Group> = Vec::new();
    for view in views {
        match groups.last_mut() {
            Some(group) if group.stage == view.stage => group.rows.push(view),
            _ => groups.push(Group {
                stage: view.stage,
                rows: vec![view],
            }),
        }
    }
    let page = ListPage {
        lang: ctx.lang,
        here: ctx.here,
        chrome: ctx.chrome,
        today,
        org,
        stage,
        groups,
        stages: Stage::ALL,
    };
    Ok(render(&page)?.into_response())
}
