//! `/transfers/{id}`: a transfer as a timeline with the form of its next step for the side
//! that takes it, and `POST /transfers/{id}/step`, which records the step.
//!
//! The sending side (the member's cell in scope) issues the introduction and may cancel;
//! the receiving side registers the member. A form that cannot be read or a step the
//! records refuse answers 422 with the page, the form as sent and the message; nothing is
//! written. A recorded step answers 303 to the page. Anyone else: "not found".

use super::forms::StepForm;
use crate::accounts::auth::Authenticated;
use crate::error::{AppError, Entity, in_language};
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
use dangvu_app::StoreError;
use dangvu_app::records::TransferView;
use dangvu_domain::Date;
use dangvu_domain::lifecycle::{TransferKind, TransferStage};

/// The transfer page.
#[derive(Template)]
#[template(path = "transfers_show.html")]
pub(crate) struct ShowPage {
    pub lang: Lang,
    pub here: String,
    pub chrome: Chrome,
    pub today: Date,
    pub view: TransferView,
    /// The step form as sent (after a refusal).
    pub form: StepForm,
    /// Why the step was refused.
    pub error: Option<String>,
}

/// One line of the timeline: day and what happened.
pub(crate) struct Line {
    pub on: Date,
    pub what: String,
}

impl ShowPage {
    fn state(&self) -> String {
        state_line(self.lang, &self.view, self.today)
    }

    fn late(&self) -> bool {
        self.view.is_overdue(self.today)
    }

    fn timeline(&self) -> Vec<Line> {
        timeline(self.lang, &self.view)
    }

    /// The steps the reader may take now: `introduce`, `receive`, `cancel`.
    fn steps(&self) -> Vec<&'static str> {
        let v = &self.view;
        if !self.chrome.writes_records() || v.kind != TransferKind::ChinhThuc {
            return Vec::new();
        }
        match v.stage() {
            TransferStage::Decided if v.sender_side => vec!["introduce", "cancel"],
            TransferStage::InTransit => {
                let mut steps = Vec::new();
                if v.receiver_side {
                    steps.push("receive");
                }
                if v.sender_side {
                    steps.push("cancel");
                }
                steps
            }
            _ => Vec::new(),
        }
    }

    /// The value typed into `field` of the form `step`, when it was the one sent.
    fn value(&self, step: &str, field: &str) -> String {
        if self.form.step.trim() != step {
            return String::new();
        }
        match field {
            "day" => self.form.day.clone(),
            "reason" => self.form.reason.clone(),
            _ => String::new(),
        }
    }

    /// Whether the form of `step` asks for a reason (cancelling).
    fn needs_reason(&self, step: &str) -> bool {
        step == "cancel"
    }

    fn error_for(&self, step: &str) -> Option<&str> {
        (self.form.step.trim() == step)
            .then_some(self.error.as_deref())
            .flatten()
    }
}

/// Where a transfer stands, in words: in transit with its due day (and lateness),
/// received, attending, cancelled.
pub(crate) fn state_line(lang: Lang, v: &TransferView, today: Date) -> String {
    let date = |d: &Date| lang.date(d);
    match (v.kind, v.stage()) {
        (_, TransferStage::Cancelled) => lang.fill(
            "transfers.state_cancelled",
            &[("date", &lang.opt_date(&v.cancelled_on))],
        ),
        (TransferKind::ChinhThuc, TransferStage::Received) => lang.fill(
            "transfers.state_received",
            &[("date", &lang.opt_date(&v.received_on))],
        ),
        (TransferKind::ChinhThuc, stage) => {
            let due = v.due_on.map(|d| date(&d)).unwrap_or_default();
            let key = if stage == TransferStage::Decided {
                "transfers.state_decided"
            } else {
                "transfers.state_in_transit"
            };
            let mut line = lang.fill(key, &[("due", &due)]);
            if let Some(late) = v.due_on.map(|d| (today - d).num_days()).filter(|n| *n > 0) {
                line.push_str(" — ");
                line.push_str(&lang.fill("transfers.late_by", &[("n", &late.to_string())]));
            }
            line
        }
        _ => {
            let last = v.end_on.and_then(|d| d.pred_opt());
            lang.fill(
                "transfers.state_temporary",
                &[
                    ("from", &lang.opt_date(&v.received_on)),
                    ("to", &lang.opt_date(&last)),
                ],
            )
        }
    }
}

/// The recorded days of a transfer, oldest first.
fn timeline(lang: Lang, v: &TransferView) -> Vec<Line> {
    let mut lines = vec![Line {
        on: v.decision_on,
        what: lang
            .t(if v.kind == TransferKind::ChinhThuc {
                "transfers.decided"
            } else {
                "transfers.temporary_decided"
            })
            .into_owned(),
    }];
    let mut add = |on: Option<Date>, what: String| {
        if let Some(on) = on {
            lines.push(Line { on, what });
        }
    };
    if v.kind == TransferKind::ChinhThuc {
        add(v.introduced_on, lang.t("transfers.introduced").into_owned());
        add(v.received_on, lang.t("transfers.registered").into_owned());
    } else {
        add(v.end_on, lang.t("transfers.temporary_ended").into_owned());
    }
    let reason = v.cancel_reason.clone().unwrap_or_default();
    add(
        v.cancelled_on,
        lang.fill("transfers.cancelled", &[("reason", &reason)]),
    );
    lines.sort_by_key(|l| l.on);
    lines
}

/// The transfer number of the path; anything else is a transfer that does not exist.
pub(crate) fn transfer_id(path: Result<Path<String>, PathRejection>) -> Result<i64, AppError> {
    let raw = params::path(path)?;
    raw.trim().parse::<i64>().map_err(|_| AppError::NotFound {
        entity: Entity::Transfer,
        code: raw,
    })
}

async fn page(
    ctx: PageCtx,
    state: &AppState,
    auth: &Authenticated,
    id: i64,
    form: StepForm,
    error: Option<String>,
) -> Result<ShowPage, AppError> {
    let caller = auth.caller();
    let view = state.run(move |app| app.transfer(&caller, id)).await?;
    Ok(ShowPage {
        lang: ctx.lang,
        here: ctx.here,
        chrome: ctx.chrome,
        today: state.today(),
        view,
        form,
        error,
    })
}

/// `GET /transfers/{id}`.
#[tracing::instrument(skip_all, fields(transfer))]
pub(crate) async fn show_transfer(
    ctx: PageCtx,
    State(state): State<AppState>,
    auth: Authenticated,
    path: Result<Path<String>, PathRejection>,
) -> Result<Response, AppError> {
    let id = transfer_id(path)?;
    tracing::Span::current().record("transfer", id);
    let page = page(ctx, &state, &auth, id, StepForm::default(), None).await?;
    Ok(render(&page)?.into_response())
}

/// `POST /transfers/{id}/step`.
#[tracing::instrument(skip_all, fields(transfer))]
pub(crate) async fn record_step(
    ctx: PageCtx,
    State(state): State<AppState>,
    auth: Authenticated,
    path: Result<Path<String>, PathRejection>,
    form: Result<Form<StepForm>, FormRejection>,
) -> Result<Response, AppError> {
    let id = transfer_id(path)?;
    tracing::Span::current().record("transfer", id);
    let form = form.map(|Form(f)| f).unwrap_or_default();
    let lang = ctx.lang;
    let step = match form.step() {
        Ok(step) => step,
        Err(bad) => {
            let message = AppError::BadInput(bad).message(lang);
            return refused(ctx, &state, &auth, id, form, message).await;
        }
    };
    let caller = auth.caller();
    let outcome = state
        .blocking(move |app| app.record_transfer_step(&caller, id, &step))
        .await?;
    match outcome {
        Ok(_) => super::redirect(&format!("/transfers/{id}")),
        Err(err) => {
            let message = refusal_message(err, lang)?;
            refused(ctx, &state, &auth, id, form, message).await
        }
    }
}

/// The message of a write the records refuse; anything else is the request's error.
pub(crate) fn refusal_message(err: dangvu_app::Error, lang: Lang) -> Result<String, AppError> {
    match err {
        dangvu_app::Error::Store(StoreError::Invalid(both)) => Ok(in_language(&both, lang)),
        dangvu_app::Error::Store(StoreError::Conflict { .. }) => {
            Ok(lang.t("transfers.already_open").into_owned())
        }
        other => Err(other.into()),
    }
}

async fn refused(
    ctx: PageCtx,
    state: &AppState,
    auth: &Authenticated,
    id: i64,
    form: StepForm,
    message: String,
) -> Result<Response, AppError> {
    let page = page(ctx, state, auth, id, form, Some(message)).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
}
