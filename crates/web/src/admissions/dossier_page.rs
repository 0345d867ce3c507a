//! `/admissions/{code}`: a dossier as a timeline with the form of its next step, and
//! `POST /admissions/{code}/step`, which records one step from any of the page's forms.
//!
//! A form that cannot be read comes back with the values kept and the message beside the
//! field (422, nothing written); a step the rules refuse comes back with each problem and
//! its source (422, nothing written), the overridable ones with the override form ready. A
//! recorded step answers 303 to the page. Readers without `WriteRecords` see no forms.

use super::fields::fill;
use super::next_step::{StepKind, next_step};
use super::page_forms::{FormBlock, ProblemLine, StepForm, problem_line, store_refusal};
use super::step_form::{ByField, StepInput, read};
use super::timeline::{Entry, timeline};
use crate::accounts::auth::Authenticated;
use crate::error::{AppError, BadInput};
use crate::state::AppState;
use crate::ui::i18n::Lang;
use crate::ui::layout::{Chrome, PageCtx, render};
use crate::ui::params;
use askama::Template;
use axum::Form;
use axum::extract::rejection::{FormRejection, PathRejection};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use dangvu_app::records::{DossierView, StepOutcome};
use dangvu_domain::Date;
use dangvu_domain::enums::Enumeration;

/// The dossier page.
#[derive(Template)]
#[template(path = "admissions_show.html")]
pub(crate) struct DossierPage {
    pub lang: Lang,
    pub here: String,
    pub chrome: Chrome,
    pub today: Date,
    pub view: DossierView,
    pub timeline: Vec<Entry>,
    /// The next step's form (or the step just refused), for staff.
    pub next: Option<StepForm>,
    /// Closing without admission, for staff, while the dossier is open.
    pub close: Option<StepForm>,
    /// Letting a failed check through, for staff, while the dossier is open.
    pub override_form: Option<StepForm>,
    /// Why the last step was refused.
    pub problems: Vec<ProblemLine>,
}

impl DossierPage {
    fn new(ctx: PageCtx, today: Date, view: DossierView) -> Self {
        let lang = ctx.lang;
        let open = !view.stage.is_final();
        let writes = ctx.chrome.writes_records();
        let form = |kind: StepKind| (writes && open).then(|| StepForm::new(kind, lang));
        Self {
            next: next_step(&view.dossier).and_then(form),
            close: if view.dossier.ceremony_on.is_none() {
                form(StepKind::Close)
            } else {
                None
            },
            override_form: form(StepKind::Override),
            timeline: timeline(&view.dossier, lang),
            problems: Vec::new(),
            lang,
            here: ctx.here,
            chrome: ctx.chrome,
            today,
            view,
        }
    }

    /// The form `kind` was sent from, filled with what was typed.
    fn refill(&mut self, kind: StepKind, values: &ByField, errors: &ByField) {
        let lang = self.lang;
        let slot = match kind {
            StepKind::Close => &mut self.close,
            StepKind::Override => &mut self.override_form,
            _ => &mut self.next,
        };
        let mut form = slot.take().filter(|f| f.kind == kind.code());
        let form = form.get_or_insert_with(|| StepForm::new(kind, lang));
        form.fields = fill(std::mem::take(&mut form.fields), values, errors);
        *slot = Some(form.clone());
    }

    /// The forms, in the page's order: the next step, the override, the closing.
    fn forms(&self) -> Vec<FormBlock<'_>> {
        let lang = self.lang;
        let mut out = Vec::new();
        if let Some(form) = &self.next {
            let heading = format!("{}: {}", lang.t("admissions.next_form"), form.title);
            out.push(FormBlock {
                heading,
                hint: None,
                form,
            });
        }
        if let Some(form) = &self.override_form {
            out.push(FormBlock {
                heading: lang.t("admissions.override_title").into_owned(),
                hint: Some(lang.t("admissions.override_hint").into_owned()),
                form,
            });
        }
        if let Some(form) = &self.close {
            let heading = lang.t("admissions.close_title").into_owned();
            out.push(FormBlock {
                heading,
                hint: None,
                form,
            });
        }
        out
    }

    /// Where the forms post.
    fn action(&self) -> String {
        format!(
            "{}/step",
            super::list_page::dossier_href(&self.view.dossier.code)
        )
    }

    /// Whether the open step is late today.
    fn overdue(&self) -> bool {
        self.view.is_overdue(self.today)
    }

    /// "Admission decision: due 31/07/2020".
    fn due_line(&self, step: &dangvu_domain::due::DueItem) -> String {
        let kind = self.lang.label(&step.kind);
        let day = self.lang.date(&step.due_on);
        self.lang
            .fill("admissions.due_line", &[("step", &kind), ("day", &day)])
    }

    /// The member's page, once admitted.
    fn member_href(&self) -> Option<String> {
        self.view
            .dossier
            .member
            .as_ref()
            .map(crate::ui::href::member)
    }
}

/// `GET /admissions/{code}`.
#[tracing::instrument(skip_all, fields(dossier))]
pub(crate) async fn show_dossier(
    ctx: PageCtx,
    State(state): State<AppState>,
    auth: Authenticated,
    path: Result<Path<String>, PathRejection>,
) -> Result<Response, AppError> {
    let code = params::path(path)?;
    tracing::Span::current().record("dossier", code.as_str());
    let today = state.today();
    let view = load(&state, &auth, code, today).await?;
    Ok(render(&DossierPage::new(ctx, today, view))?.into_response())
}

async fn load(
    state: &AppState,
    auth: &Authenticated,
    code: String,
    today: Date,
) -> Result<DossierView, AppError> {
    let caller = auth.caller();
    state
        .run(move |app| app.dossier(&caller, &code, today))
        .await
}

/// `POST /admissions/{code}/step`.
#[tracing::instrument(skip_all, fields(dossier))]
pub(crate) async fn record_step(
    ctx: PageCtx,
    State(state): State<AppState>,
    auth: Authenticated,
    path: Result<Path<String>, PathRejection>,
    form: Result<Form<StepInput>, FormRejection>,
) -> Result<Response, AppError> {
    let code = params::path(path)?;
    tracing::Span::current().record("dossier", code.as_str());
    let input = form.map_err(|r| BadInput::Malformed(r.body_text()))?.0;
    let today = state.today();
    let view = load(&state, &auth, code.clone(), today).await?;
    let kind = input
        .get("kind")
        .and_then(StepKind::parse)
        .ok_or(BadInput::Code {
            field: "kind",
            value: input.get("kind").unwrap_or_default().to_string(),
        })?;
    let lang = ctx.lang;
    let mut page = DossierPage::new(ctx, today, view);
    let (values, step) = read(kind, &input, lang);
    let step = match step {
        Ok(step) => step,
        Err(errors) => return refused(page, kind, &values, &errors, Vec::new()),
    };
    let caller = auth.caller();
    let target = code.clone();
    let outcome = state
        .blocking(move |app| app.record_step(&caller, &target, step))
        .await?;
    match outcome {
        Ok(StepOutcome::Recorded(_)) => Ok(see_other(&super::list_page::dossier_href(&code))),
        Ok(StepOutcome::Refused(problems)) => {
            if let Some(p) = problems.iter().find(|p| p.overridable()) {
                let mut chosen = ByField::new();
                chosen.insert("check", p.check.code().to_string());
                page.refill(StepKind::Override, &chosen, &ByField::new());
            }
            let lines = problems.iter().map(|p| problem_line(p, lang)).collect();
            refused(page, kind, &values, &ByField::new(), lines)
        }
        Err(error) => {
            let errors = store_refusal(error, kind, lang)?;
            refused(page, kind, &values, &errors, Vec::new())
        }
    }
}

fn refused(
    mut page: DossierPage,
    kind: StepKind,
    values: &ByField,
    errors: &ByField,
    problems: Vec<ProblemLine>,
) -> Result<Response, AppError> {
    page.refill(kind, values, errors);
    page.problems = problems;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
}

/// A 303 to a local address.
pub(crate) fn see_other(target: &str) -> Response {
    let mut response = StatusCode::SEE_OTHER.into_response();
    if let Ok(location) = axum::http::HeaderValue::from_str(target) {
        response
            .headers_mut()
            .insert(axum::http::header::LOCATION, location);
    }
    response
}
