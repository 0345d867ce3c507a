//! `/ratings/commitments?org=&year=`: the commitments heads and deputies of a subtree
//! signed for a year (signer, post, to whom, content, signed on, outcome), with the forms
//! to record a signature and an evaluation for staff and secretaries (`POST`, then the
//! list again). Bad input answers with the message and writes nothing.

use super::RatedQuery;
use super::commitment_form::{EvaluateForm, SignForm};
use crate::accounts::auth::Authenticated;
use crate::admissions::dossier_page::see_other;
use crate::error::AppError;
use crate::state::AppState;
use crate::ui::i18n::Lang;
use crate::ui::layout::{Chrome, PageCtx, render};
use crate::ui::params;
use askama::Template;
use axum::Form;
use axum::extract::rejection::{FormRejection, QueryRejection};
use axum::extract::{Query, State};
use axum::response::{Html, Response};
use dangvu_app::records::CommitmentView;
use dangvu_domain::enums::Enumeration;
use dangvu_domain::ratings::{CommitmentOutcome, Post};
use dangvu_domain::roles::Capability;
use dangvu_domain::{Date, OrgCode};

/// The page.
#[derive(Template)]
#[template(path = "ratings_commitments.html")]
pub(crate) struct CommitmentsPage {
    pub lang: Lang,
    pub here: String,
    pub chrome: Chrome,
    pub org: OrgCode,
    pub year: i32,
    pub rows: Vec<CommitmentView>,
    pub can_record: bool,
}

/// A commitment's outcome in words with its day, or that it is not evaluated yet: the
/// list, a member's profile and their page in a round say it alike.
pub(crate) fn outcome_text(lang: Lang, view: &CommitmentView) -> String {
    match &view.commitment.evaluation {
        Some(e) => format!("{} ({})", lang.label(&e.outcome), lang.date(&e.on)),
        None => lang.t("commitments.not_evaluated").into_owned(),
    }
}

impl CommitmentsPage {
    fn posts(&self) -> Vec<(&'static str, String)> {
        Post::ALL
            .iter()
            .map(|p| (p.code(), self.lang.label(p).into_owned()))
            .collect()
    }

    fn outcomes(&self) -> Vec<(&'static str, String)> {
        CommitmentOutcome::ALL
            .iter()
            .map(|o| (o.code(), self.lang.label(o).into_owned()))
            .collect()
    }

    fn outcome(&self, view: &CommitmentView) -> String {
        outcome_text(self.lang, view)
    }

    fn day(&self, day: &Date) -> String {
        self.lang.date(day)
    }

    fn query(&self) -> String {
        format!(
            "org={}&year={}",
            crate::ui::href::encode(self.org.as_str()),
            self.year
        )
    }
}

/// `GET /ratings/commitments`.
#[tracing::instrument(skip_all)]
pub(crate) async fn show_commitments(
    ctx: PageCtx,
    State(state): State<AppState>,
    auth: Authenticated,
    query: Result<Query<RatedQuery>, QueryRejection>,
) -> Result<Html<String>, AppError> {
    let query = params::query(query)?;
    let org = query.org()?;
    let year = query.year(state.today())?;
    let (caller, code) = (auth.caller(), org.clone());
    let rows = state
        .run(move |app| app.commitments(&caller, &code, year))
        .await?;
    render(&CommitmentsPage {
        lang: ctx.lang,
        here: ctx.here,
        chrome: ctx.chrome,
        org,
        year,
        rows,
        can_record: auth.actor.role().can(Capability::WriteRecords),
    })
}

/// The organization and year of a post, after checking the scope reaches it (outside it
/// is "not found" whatever the form says).
async fn scoped(
    state: &AppState,
    auth: &Authenticated,
    query: Result<Query<RatedQuery>, QueryRejection>,
) -> Result<(OrgCode, i32), AppError> {
    let query = params::query(query)?;
    let org = query.org()?;
    let year = query.year(state.today())?;
    super::org_in_scope(state, auth, &org).await?;
    Ok((org, year))
}

/// The list again after a change.
fn back(org: &OrgCode, year: i32) -> Result<Response, AppError> {
    let target = format!(
        "/ratings/commitments?org={}&year={year}",
        crate::ui::href::encode(org.as_str())
    );
    Ok(see_other(&target))
}

/// `POST /ratings/commitments?org=&year=`: records a signature.
#[tracing::instrument(skip_all)]
pub(crate) async fn sign(
    State(state): State<AppState>,
    auth: Authenticated,
    query: Result<Query<RatedQuery>, QueryRejection>,
    form: Result<Form<SignForm>, FormRejection>,
) -> Result<Response, AppError> {
    let (org, year) = scoped(&state, &auth, query).await?;
    let form = form.map(|Form(f)| f).unwrap_or_default();
    let new = form.commitment(&org)?;
    let caller = auth.caller();
    state
        .run(move |app| app.sign_commitment(&caller, &new))
        .await?;
    back(&org, year)
}

/// `POST /ratings/commitments/evaluate?org=&year=`: records an evaluation.
#[tracing::instrument(skip_all)]
pub(crate) async fn evaluate(
    State(state): State<AppState>,
    auth: Authenticated,
    query: Result<Query<RatedQuery>, QueryRejection>,
    form: Result<Form<EvaluateForm>, FormRejection>,
) -> Result<Response, AppError> {
    let (org, year) = scoped(&state, &auth, query).await?;
    let form = form.map(|Form(f)| f).unwrap_or_default();
    let code = form.code()?;
    let evaluation = form.evaluation()?;
    let caller = auth.caller();
    state
        .run(move |app| app.evaluate_commitment(&caller, &code, evaluation))
        .await?;
    back(&org, year)
}
