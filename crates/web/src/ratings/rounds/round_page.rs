//! `/ratings/rounds/{id}?org=`: a round — its rules, days and progress, the organizations
//! rated with their self-review and decision, and the members of the part asked for with
//! their self-assessment, the cell's proposal and the decision. The committee that opened
//! it closes it here (`POST /ratings/rounds/{id}/close`): the rest decided as proposed, or
//! 422 with every rule broken named.

use super::forms::part;
use super::list_page::period_label;
use super::{redirect, refusal, round_in_path, violation_lines};
use crate::accounts::auth::Authenticated;
use crate::error::AppError;
use crate::state::AppState;
use crate::ui::i18n::Lang;
use crate::ui::layout::{Chrome, PageCtx, render};
use crate::ui::params;
use askama::Template;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use dangvu_app::records::{CloseOutcome, Decided, MemberEntry, RoundView, Stepped};
use dangvu_domain::OrgCode;
use dangvu_domain::enums::Enumeration;
use dangvu_domain::ratings::{
    LegacyMemberLabel, LegacyOrgLabel, OrgShape, RuleSet, above_monthly_record, for_year,
};
use serde::Deserialize;

/// The page.
#[derive(Template)]
#[template(path = "ratings_round.html")]
pub(crate) struct RoundPage {
    pub lang: Lang,
    pub here: String,
    pub chrome: Chrome,
    pub view: RoundView,
    /// The part asked for.
    pub part: Option<OrgCode>,
    /// Why closing was refused.
    pub errors: Vec<String>,
    /// The listed members' monthly measure for the year, by code (readers of records).
    pub monthly: std::collections::HashMap<String, Option<dangvu_domain::Rating>>,
}

impl RoundPage {
    /// The member's monthly measure, in words ("—" when none is recorded).
    fn measure(&self, m: &MemberEntry) -> String {
        match self.monthly.get(m.member.as_str()) {
            Some(Some(level)) => self.lang.label(level).into_owned(),
            _ => "—".into(),
        }
    }

    /// Whether the level proposed or decided is above the member's monthly record.
    fn above_record(&self, m: &MemberEntry) -> bool {
        let level = m
            .decision
            .as_ref()
            .map(|d| d.value.decision.level)
            .or(m.proposal.as_ref().map(|p| p.value.level));
        let measure = self.monthly.get(m.member.as_str()).copied().flatten();
        level.is_some_and(|l| above_monthly_record(measure, l))
    }

    fn period(&self) -> String {
        period_label(self.lang, &self.view.round)
    }

    fn rules(&self) -> &'static RuleSet {
        for_year(self.view.round.year)
    }

    fn reference(&self) -> String {
        self.view
            .round
            .kind
            .reference(self.view.round.year)
            .map(|d| self.lang.date(&d))
            .unwrap_or_default()
    }

    fn part_code(&self) -> String {
        self.part
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default()
    }

    fn closable(&self) -> bool {
        self.chrome.writes_records() && self.view.round.closed.is_none()
    }

    fn shape(&self, shape: &OrgShape) -> String {
        let key = match shape {
            OrgShape::Cell => "rounds.shape_cell",
            OrgShape::Committee => "rounds.shape_committee",
        };
        self.lang.t(key).into_owned()
    }

    /// A decision in words: the old scheme's label where kept, else the level; its points.
    fn decided(&self, d: &Option<Stepped<Decided>>, org: bool) -> String {
        decided_text(self.lang, d, org)
    }

    fn excepted(&self, d: &Option<Stepped<Decided>>) -> bool {
        d.as_ref().is_some_and(|d| !d.value.exceptions.is_empty())
    }

    fn entry_href(&self, kind: &str, code: &str) -> String {
        format!(
            "/ratings/rounds/{}/{kind}/{}",
            self.view.round.id,
            crate::ui::href::encode(code)
        )
    }
}

/// A decision in words, in `lang` ("—" when none).
pub(crate) fn decided_text(lang: Lang, d: &Option<Stepped<Decided>>, org: bool) -> String {
    let Some(d) = d else {
        return "—".into();
    };
    let legacy = d.value.label.as_deref().and_then(|code| {
        if org {
            LegacyOrgLabel::parse(code)
                .ok()
                .map(|l| lang.label(&l).into_owned())
        } else {
            LegacyMemberLabel::parse(code)
                .ok()
                .map(|l| lang.label(&l).into_owned())
        }
    });
    let mut text = legacy.unwrap_or_else(|| lang.label(&d.value.decision.level).into_owned());
    if let Some(points) = d.value.decision.points {
        text.push_str(&format!(" ({points}/100)"));
    }
    text
}

/// The query: which part of the round.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct PartQuery {
    org: Option<String>,
}

async fn page(
    ctx: PageCtx,
    state: &AppState,
    auth: &Authenticated,
    id: i64,
    part: Option<OrgCode>,
    errors: Vec<String>,
) -> Result<RoundPage, AppError> {
    let caller = auth.caller();
    let asked = part.clone();
    let view = state
        .run(move |app| app.rating_round(&caller, id, asked.as_ref()))
        .await?;
    let monthly = monthly_measures(state, auth, &ctx.chrome, &view, part.as_ref()).await?;
    Ok(RoundPage {
        lang: ctx.lang,
        here: ctx.here,
        chrome: ctx.chrome,
        view,
        part,
        errors,
        monthly,
    })
}

/// The monthly measure of the listed members (readers of records; a member's own view has
/// none).
async fn monthly_measures(
    state: &AppState,
    auth: &Authenticated,
    chrome: &Chrome,
    view: &RoundView,
    part: Option<&OrgCode>,
) -> Result<std::collections::HashMap<String, Option<dangvu_domain::Rating>>, AppError> {
    if view.members.is_empty() || !chrome.reads_records() {
        return Ok(Default::default());
    }
    let year = view.round.year;
    let whole = part.cloned().unwrap_or_else(|| view.round.org.clone());
    // The part asked for (or the round's committee) in one read; a reader who reaches only
    // some cells of it (a cell's secretary in the district's round) reads their cells.
    let mut parts = vec![whole];
    let mut measures = std::collections::HashMap::new();
    let mut fell_back = false;
    while let Some(org) = parts.pop() {
        let caller = auth.caller();
        let read = state
            .blocking(move |app| app.monthly_year(&caller, &org, year))
            .await?;
        match read {
            Ok(monthly) => measures.extend(
                monthly
                    .rows
                    .into_iter()
                    .map(|r| (r.months.member.to_string(), r.measure)),
            ),
            Err(dangvu_app::Error::Store(dangvu_app::StoreError::NotFound { .. }))
                if !fell_back =>
            {
                fell_back = true;
                let mut cells: Vec<OrgCode> = view.members.iter().map(|m| m.cell.clone()).collect();
                cells.sort_by(|a, b| a.as_str().cmp(b.as_str()));
                cells.dedup();
                parts = cells;
            }
            Err(err) => return Err(err.into()),
        }
    }
    Ok(measures)
}

/// `GET /ratings/rounds/{id}`.
#[tracing::instrument(skip_all, fields(round))]
pub(crate) async fn show_round(
    ctx: PageCtx,
    State(state): State<AppState>,
    auth: Authenticated,
    path: Result<Path<String>, PathRejection>,
    query: Result<Query<PartQuery>, QueryRejection>,
) -> Result<Response, AppError> {
    let id = round_in_path(path)?;
    tracing::Span::current().record("round", id);
    let part = part(&params::query(query)?.org)?;
    let page = page(ctx, &state, &auth, id, part, Vec::new()).await?;
    Ok(render(&page)?.into_response())
}

/// `POST /ratings/rounds/{id}/close`.
#[tracing::instrument(skip_all, fields(round))]
pub(crate) async fn close_round(
    ctx: PageCtx,
    State(state): State<AppState>,
    auth: Authenticated,
    path: Result<Path<String>, PathRejection>,
) -> Result<Response, AppError> {
    let id = round_in_path(path)?;
    tracing::Span::current().record("round", id);
    let lang = ctx.lang;
    let caller = auth.caller();
    let errors = match state
        .blocking(move |app| app.close_rating_round(&caller, id))
        .await?
    {
        Ok(CloseOutcome::Closed(_)) => return redirect(&format!("/ratings/rounds/{id}")),
        Ok(CloseOutcome::Refused(found)) => violation_lines(&found, lang),
        Err(err) => refusal(err, lang)?,
    };
    let page = page(ctx, &state, &auth, id, None, errors).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
}
