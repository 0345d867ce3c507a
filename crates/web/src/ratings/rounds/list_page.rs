//! `/ratings/rounds`: the rating rounds the reader reaches, newest first, with their
//! progress; committees' staff open a round here (`POST`), which answers 303 to the new
//! round, or 422 with the form as sent and the message.

use super::forms::OpenForm;
use super::{redirect, refusal};
use crate::accounts::auth::Authenticated;
use crate::error::AppError;
use crate::state::AppState;
use crate::ui::i18n::Lang;
use crate::ui::layout::{Chrome, PageCtx, render};
use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::extract::rejection::FormRejection;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::Datelike;
use dangvu_app::records::RoundSummary;
use dangvu_domain::ratings::RoundStatus;

/// The page.
#[derive(Template)]
#[template(path = "ratings_rounds.html")]
pub(crate) struct RoundsPage {
    pub lang: Lang,
    pub here: String,
    pub chrome: Chrome,
    pub rounds: Vec<RoundSummary>,
    /// The opening form as sent (after a refusal), else its defaults.
    pub form: OpenForm,
    /// Why opening was refused.
    pub errors: Vec<String>,
}

impl RoundsPage {
    fn period(&self, r: &RoundSummary) -> String {
        period_label(self.lang, r)
    }

    fn status(&self, r: &RoundSummary) -> String {
        let status = if r.closed.is_some() {
            RoundStatus::Closed
        } else {
            RoundStatus::Open
        };
        self.lang.label(&status).into_owned()
    }

    fn progress(&self, done: &u64, all: &u64) -> String {
        format!("{} / {}", self.lang.count(done), self.lang.count(all))
    }

    fn periods(&self) -> [(&'static str, String); 3] {
        ["NAM", "QUY", "NHIEM_KY"]
            .map(|code| (code, self.lang.t_dynamic(&format!("rounds.period_{code}"))))
    }
}

/// "Năm 2025", "Quý 3/2025", … in the reader's language.
pub(crate) fn period_label(lang: Lang, r: &RoundSummary) -> String {
    let year = r.year.to_string();
    match r.kind.quarter {
        Some(q) => lang.fill(
            "rounds.label_quarter",
            &[("q", &q.to_string()), ("year", &year)],
        ),
        None => lang.fill(
            if r.kind.code() == "NHIEM_KY" {
                "rounds.label_term"
            } else {
                "rounds.label_year"
            },
            &[("year", &year)],
        ),
    }
}

async fn page(
    ctx: PageCtx,
    state: &AppState,
    auth: &Authenticated,
    form: OpenForm,
    errors: Vec<String>,
) -> Result<RoundsPage, AppError> {
    let caller = auth.caller();
    let rounds = state.run(move |app| app.rating_rounds(&caller)).await?;
    Ok(RoundsPage {
        lang: ctx.lang,
        here: ctx.here,
        chrome: ctx.chrome,
        rounds,
        form,
        errors,
    })
}

/// `GET /ratings/rounds`.
#[tracing::instrument(skip_all)]
pub(crate) async fn show_rounds(
    ctx: PageCtx,
    State(state): State<AppState>,
    auth: Authenticated,
) -> Result<Response, AppError> {
    let form = OpenForm {
        year: state.today().year().to_string(),
        period: "NAM".into(),
        ..OpenForm::default()
    };
    let page = page(ctx, &state, &auth, form, Vec::new()).await?;
    Ok(render(&page)?.into_response())
}

/// `POST /ratings/rounds`.
#[tracing::instrument(skip_all)]
pub(crate) async fn open_round(
    ctx: PageCtx,
    State(state): State<AppState>,
    auth: Authenticated,
    form: Result<Form<OpenForm>, FormRejection>,
) -> Result<Response, AppError> {
    let form = form.map(|Form(f)| f).unwrap_or_default();
    let lang = ctx.lang;
    let new = match form.round(state.today()) {
        Ok(new) => new,
        Err(bad) => {
            let errors = vec![AppError::BadInput(bad).message(lang)];
            return refused(ctx, &state, &auth, form, errors).await;
        }
    };
    let caller = auth.caller();
    match state
        .blocking(move |app| app.open_rating_round(&caller, &new))
        .await?
    {
        Ok(id) => redirect(&format!("/ratings/rounds/{id}")),
        Err(err) => {
            let errors = refusal(err, lang)?;
            refused(ctx, &state, &auth, form, errors).await
        }
    }
}

async fn refused(
    ctx: PageCtx,
    state: &AppState,
    auth: &Authenticated,
    form: OpenForm,
    errors: Vec<String>,
) -> Result<Response, AppError> {
    let page = page(ctx, state, auth, form, errors).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
}
