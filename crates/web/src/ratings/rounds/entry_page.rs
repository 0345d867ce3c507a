//! `/ratings/rounds/{id}/members/{code}` and `/ratings/rounds/{id}/orgs/{code}`: one row of
//! a round with what was recorded (when, by whom) and the forms of its steps — the
//! member's self-assessment (the member themself too), the cell's proposal and vote, the
//! committee's decision and the deciding level's reopening; an organization's self-review,
//! its superior's decision and reopening. A step the records refuse answers 422 with the
//! page, the form as sent and every rule broken; nothing is written.

use super::forms::StepForm;
use super::list_page::period_label;
use super::round_page::decided_text;
use super::{redirect, refusal, round_id, violation_lines};
use crate::accounts::auth::Authenticated;
use crate::error::AppError;
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
use dangvu_app::records::{MemberEntry, OrgEntry, RoundOutcome, RoundSummary};
use dangvu_domain::enums::Enumeration;
use dangvu_domain::ratings::{AssessmentForm, RuleSet, above_monthly_record, for_year};
use dangvu_domain::{MemberCode, OrgCode, Rating};

/// The row a page is about.
pub(crate) enum Row {
    /// A member's.
    Member(MemberEntry),
    /// An organization's.
    Org(OrgEntry),
}

/// The page.
#[derive(Template)]
#[template(path = "ratings_round_entry.html")]
pub(crate) struct EntryPage {
    pub lang: Lang,
    pub here: String,
    pub chrome: Chrome,
    pub round: RoundSummary,
    pub row: Row,
    /// The form as sent (after a refusal).
    pub form: StepForm,
    /// Why the step was refused.
    pub errors: Vec<String>,
    /// A member's twelve months of the year and their measure, when recorded.
    pub months: Option<([Option<Rating>; 12], Option<Rating>)>,
    /// The commitments the member signed for the year, as a head or deputy, with their
    /// evaluation: part of their own review.
    pub commitments: Vec<dangvu_app::records::CommitmentView>,
}

impl EntryPage {
    /// The months in order, with their number, for the table.
    fn month_cells(&self) -> Vec<(usize, String)> {
        let Some((months, _)) = &self.months else {
            return Vec::new();
        };
        months
            .iter()
            .enumerate()
            .map(|(i, m)| (i + 1, m.map_or("—".into(), |l| l.code().to_string())))
            .collect()
    }

    /// A commitment's outcome in words ("not evaluated yet" until it is).
    fn outcome(&self, c: &dangvu_app::records::CommitmentView) -> String {
        crate::ratings::commitments::outcome_text(self.lang, c)
    }

    /// The monthly measure in words, and whether the level proposed or decided is above it.
    fn measure(&self) -> Option<(String, bool)> {
        let (_, measure) = self.months.as_ref()?;
        let Row::Member(m) = &self.row else {
            return None;
        };
        let level = m
            .decision
            .as_ref()
            .map(|d| d.value.decision.level)
            .or(m.proposal.as_ref().map(|p| p.value.level));
        let text = measure.map_or("—".into(), |l| self.lang.label(&l).into_owned());
        Some((
            text,
            level.is_some_and(|l| above_monthly_record(*measure, l)),
        ))
    }

    fn period(&self) -> String {
        period_label(self.lang, &self.round)
    }

    fn rules(&self) -> &'static RuleSet {
        for_year(self.round.year)
    }

    fn scored(&self) -> bool {
        self.rules().points.is_some()
    }

    fn action(&self) -> String {
        let target = match &self.row {
            Row::Member(m) => Target::Member(m.member.clone()),
            Row::Org(o) => Target::Org(o.org.clone()),
        };
        here(self.round.id, &target)
    }

    /// The steps whose forms the reader gets.
    fn steps(&self) -> Vec<&'static str> {
        let open = self.round.closed.is_none();
        let writes = self.chrome.writes_records();
        let decided = match &self.row {
            Row::Member(m) => m.decision.is_some(),
            Row::Org(o) => o.decision.is_some(),
        };
        let mut steps = Vec::new();
        match &self.row {
            Row::Member(m) => {
                let mine = format!("/members/{}", crate::ui::href::encode(m.member.as_str()));
                let own = self.chrome.own_record().as_deref() == Some(mine.as_str());
                if open && (writes || own) {
                    steps.push("self");
                }
                if open && writes {
                    steps.extend(["propose", "decide"]);
                }
            }
            Row::Org(_) if open && writes => steps.extend(["review", "decide"]),
            Row::Org(_) => {}
        }
        if writes && decided {
            steps.push("reopen");
        }
        steps
    }

    fn levels(&self) -> Vec<(&'static str, String)> {
        Rating::ALL
            .iter()
            .map(|r| (r.code(), self.lang.label(r).into_owned()))
            .collect()
    }

    fn forms(&self) -> Vec<(&'static str, String)> {
        AssessmentForm::ALL
            .iter()
            .map(|f| (f.code(), self.lang.label(f).into_owned()))
            .collect()
    }

    fn value(&self, step: &str, field: &str) -> String {
        if self.form.step.trim() != step {
            return String::new();
        }
        let f = &self.form;
        match field {
            "level" => f.level.clone(),
            "points" => f.points.clone(),
            "text" => f.text.clone(),
            "form" => f.form.clone(),
            "votes_for" => f.votes_for.clone(),
            "votes_cast" => f.votes_cast.clone(),
            "reason" => f.reason.clone(),
            _ => String::new(),
        }
    }

    fn errors_for(&self, step: &str) -> &[String] {
        if self.form.step.trim() == step {
            &self.errors
        } else {
            &[]
        }
    }

    fn decided(&self) -> String {
        match &self.row {
            Row::Member(m) => decided_text(self.lang, &m.decision, false),
            Row::Org(o) => decided_text(self.lang, &o.decision, true),
        }
    }

    fn decision(&self) -> Option<&dangvu_app::records::Stepped<dangvu_app::records::Decided>> {
        match &self.row {
            Row::Member(m) => m.decision.as_ref(),
            Row::Org(o) => o.decision.as_ref(),
        }
    }
}

async fn page(
    ctx: PageCtx,
    state: &AppState,
    auth: &Authenticated,
    target: (i64, Target),
    form: StepForm,
    errors: Vec<String>,
) -> Result<EntryPage, AppError> {
    let caller = auth.caller();
    let (id, what) = target;
    let mut months = None;
    let mut commitments = Vec::new();
    let (round, row) = match what {
        Target::Member(code) => {
            let (round, entry) = state
                .run(move |app| app.rating_round_member(&caller, id, &code))
                .await?;
            // The member's own review shows their months and what they committed to, to
            // them too.
            let (caller, member, year) = (auth.caller(), entry.member.clone(), round.year);
            (months, commitments) = state
                .run(move |app| {
                    let months = app.member_months(&caller, &member, year)?;
                    Ok::<_, dangvu_app::Error>((
                        months,
                        app.member_commitments(&caller, &member, Some(year))?,
                    ))
                })
                .await?;
            (round, Row::Member(entry))
        }
        Target::Org(code) => {
            let (round, entry) = state
                .run(move |app| app.rating_round_org(&caller, id, &code))
                .await?;
            (round, Row::Org(entry))
        }
    };
    Ok(EntryPage {
        lang: ctx.lang,
        here: ctx.here,
        chrome: ctx.chrome,
        round,
        row,
        form,
        errors,
        months,
        commitments,
    })
}

/// Which row a path names.
#[derive(Debug, Clone)]
pub(crate) enum Target {
    /// A member, by code.
    Member(MemberCode),
    /// An organization, by code.
    Org(OrgCode),
}

fn member_target(
    path: Result<Path<(String, String)>, PathRejection>,
) -> Result<(i64, Target), AppError> {
    let (id, code) = params::path(path)?;
    Ok((round_id(&id)?, Target::Member(params::member_code(&code)?)))
}

fn org_target(
    path: Result<Path<(String, String)>, PathRejection>,
) -> Result<(i64, Target), AppError> {
    let (id, code) = params::path(path)?;
    Ok((
        round_id(&id)?,
        Target::Org(params::org_code("code", &code)?),
    ))
}

/// The page of `target` with blank forms.
async fn show(
    ctx: PageCtx,
    state: &AppState,
    auth: &Authenticated,
    target: (i64, Target),
) -> Result<Response, AppError> {
    let page = page(ctx, state, auth, target, StepForm::default(), Vec::new()).await?;
    Ok(render(&page)?.into_response())
}

/// `GET /ratings/rounds/{id}/members/{code}`.
#[tracing::instrument(skip_all)]
pub(crate) async fn show_member(
    ctx: PageCtx,
    State(state): State<AppState>,
    auth: Authenticated,
    path: Result<Path<(String, String)>, PathRejection>,
) -> Result<Response, AppError> {
    show(ctx, &state, &auth, member_target(path)?).await
}

/// `GET /ratings/rounds/{id}/orgs/{code}`.
#[tracing::instrument(skip_all)]
pub(crate) async fn show_org(
    ctx: PageCtx,
    State(state): State<AppState>,
    auth: Authenticated,
    path: Result<Path<(String, String)>, PathRejection>,
) -> Result<Response, AppError> {
    show(ctx, &state, &auth, org_target(path)?).await
}

/// `POST /ratings/rounds/{id}/members/{code}`.
#[tracing::instrument(skip_all)]
pub(crate) async fn record_member(
    ctx: PageCtx,
    State(state): State<AppState>,
    auth: Authenticated,
    path: Result<Path<(String, String)>, PathRejection>,
    form: Result<Form<StepForm>, FormRejection>,
) -> Result<Response, AppError> {
    let target = member_target(path)?;
    record(
        ctx,
        state,
        auth,
        target,
        form.map(|Form(f)| f).unwrap_or_default(),
    )
    .await
}

/// `POST /ratings/rounds/{id}/orgs/{code}`.
#[tracing::instrument(skip_all)]
pub(crate) async fn record_org(
    ctx: PageCtx,
    State(state): State<AppState>,
    auth: Authenticated,
    path: Result<Path<(String, String)>, PathRejection>,
    form: Result<Form<StepForm>, FormRejection>,
) -> Result<Response, AppError> {
    let target = org_target(path)?;
    record(
        ctx,
        state,
        auth,
        target,
        form.map(|Form(f)| f).unwrap_or_default(),
    )
    .await
}

async fn record(
    ctx: PageCtx,
    state: AppState,
    auth: Authenticated,
    target: (i64, Target),
    form: StepForm,
) -> Result<Response, AppError> {
    let lang = ctx.lang;
    let (id, what) = target.clone();
    let caller = auth.caller();
    let outcome = match &what {
        Target::Member(code) => match form.member_step() {
            Ok(step) => {
                let code = code.clone();
                Ok(state
                    .blocking(move |app| app.record_member_rating_step(&caller, id, &code, &step))
                    .await?)
            }
            Err(bad) => Err(bad),
        },
        Target::Org(code) => match form.org_step() {
            Ok(step) => {
                let code = code.clone();
                Ok(state
                    .blocking(move |app| app.record_org_rating_step(&caller, id, &code, &step))
                    .await?)
            }
            Err(bad) => Err(bad),
        },
    };
    let errors = match outcome {
        Err(bad) => vec![AppError::BadInput(bad).message(lang)],
        Ok(Ok(RoundOutcome::Recorded(_))) => return redirect(&here(id, &what)),
        Ok(Ok(RoundOutcome::Refused(found))) => violation_lines(&found, lang),
        Ok(Err(err)) => refusal(err, lang)?,
    };
    let page = page(ctx, &state, &auth, target, form, errors).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
}

fn here(id: i64, what: &Target) -> String {
    let (kind, code) = match what {
        Target::Member(m) => ("members", m.to_string()),
        Target::Org(o) => ("orgs", o.to_string()),
    };
    format!(
        "/ratings/rounds/{id}/{kind}/{}",
        crate::ui::href::encode(&code)
    )
}
