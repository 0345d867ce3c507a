//! `/ratings/monthly?org=CELL&month=YYYY-MM`: a cell's members in a month with the level
//! recorded for each (readers in scope); the cell's secretary and staff above it record
//! the month at once (`POST`, replacing what was recorded). `/ratings/monthly/year?org=&year=`:
//! each member of a subtree with the twelve months of a year and the monthly measure.

use super::RatedQuery;
use crate::accounts::auth::Authenticated;
use crate::admissions::dossier_page::see_other;
use crate::error::{AppError, BadInput};
use crate::state::AppState;
use crate::ui::i18n::Lang;
use crate::ui::layout::{Chrome, PageCtx, render};
use crate::ui::params::{self, org_code, present};
use askama::Template;
use axum::Form;
use axum::extract::rejection::{FormRejection, QueryRejection};
use axum::extract::{Query, State};
use axum::response::{Html, Response};
use dangvu_app::MonthlyYear;
use dangvu_app::records::{CellMonth, MonthlyEntry};
use dangvu_domain::enums::Enumeration;
use dangvu_domain::ratings::Month;
use dangvu_domain::roles::Capability;
use dangvu_domain::text::nfc_trim;
use dangvu_domain::{Date, MemberCode, OrgCode, Rating};
use serde::Deserialize;

/// Longest note kept.
pub(crate) const NOTE_LIMIT: usize = 500;

/// The query of the month page and API.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct MonthQuery {
    /// The cell (organization code).
    pub org: Option<String>,
    /// The month, `YYYY-MM`; this month when absent.
    pub month: Option<String>,
    /// Set after a save, to confirm it.
    #[param(ignore)]
    pub saved: Option<String>,
}

impl MonthQuery {
    /// The organization asked for.
    pub(crate) fn org(&self) -> Result<OrgCode, BadInput> {
        let raw = present(&self.org).ok_or(BadInput::Missing { field: "org" })?;
        org_code("org", raw)
    }

    /// The month asked for, or `today`'s.
    pub(crate) fn month(&self, today: Date) -> Result<Month, BadInput> {
        match present(&self.month) {
            None => Ok(Month::of(today)),
            Some(raw) => parse_month(raw),
        }
    }
}

/// A month typed as `YYYY-MM`.
pub(crate) fn parse_month(raw: &str) -> Result<Month, BadInput> {
    Month::parse(raw).ok_or_else(|| BadInput::Date {
        field: "month",
        value: raw.to_string(),
    })
}

/// The level under `key` of a form or body: empty = not recorded.
pub(crate) fn level(raw: &str) -> Result<Option<Rating>, BadInput> {
    if raw.trim().is_empty() {
        return Ok(None);
    }
    Rating::parse(raw).map(Some).map_err(|_| BadInput::Code {
        field: "level",
        value: raw.trim().to_string(),
    })
}

/// A note, trimmed; too long is refused.
pub(crate) fn note(raw: &str) -> Result<Option<String>, BadInput> {
    let text = nfc_trim(raw);
    if text.chars().count() > NOTE_LIMIT {
        return Err(BadInput::Malformed(format!(
            "note longer than {NOTE_LIMIT}"
        )));
    }
    Ok((!text.is_empty()).then_some(text))
}

/// The entries of the month form: `level_<member>` and `note_<member>` fields.
fn entries(fields: &[(String, String)]) -> Result<Vec<MonthlyEntry>, BadInput> {
    let mut out = Vec::new();
    for (key, value) in fields {
        let Some(code) = key.strip_prefix("level_") else {
            continue;
        };
        let Some(level) = level(value)? else { continue };
        let note_key = format!("note_{code}");
        let note_text = fields
            .iter()
            .find(|(k, _)| *k == note_key)
            .map_or(Ok(None), |(_, v)| note(v))?;
        out.push(MonthlyEntry {
            member: params::member_code(code)?,
            level,
            note: note_text,
        });
    }
    Ok(out)
}

/// The month page.
#[derive(Template)]
#[template(path = "ratings_monthly.html")]
pub(crate) struct MonthPage {
    pub lang: Lang,
    pub here: String,
    pub chrome: Chrome,
    pub org: OrgCode,
    pub month: Month,
    /// The cell's month; `None` when the organization is not a cell.
    pub view: Option<CellMonth>,
    pub can_record: bool,
    pub saved: bool,
}

impl MonthPage {
    fn levels(&self) -> Vec<(&'static str, &'static str)> {
        Rating::ALL
            .iter()
            .map(|r| (r.code(), r.label_vi()))
            .collect()
    }

    fn action(&self) -> String {
        format!(
            "/ratings/monthly?org={}&month={}",
            crate::ui::href::encode(self.org.as_str()),
            self.month
        )
    }

    fn year_href(&self) -> String {
        format!(
            "/ratings/monthly/year?org={}&year={}",
            crate::ui::href::encode(self.org.as_str()),
            self.month.year()
        )
    }

    fn is(&self, level: &Option<Rating>, code: &str) -> bool {
        level.is_some_and(|l| l.code() == code)
    }

    fn note_limit(&self) -> usize {
        NOTE_LIMIT
    }
}

/// The page of `org` in `month` for `auth`.
async fn month_page(
    ctx: PageCtx,
    state: &AppState,
    auth: &Authenticated,
    (org, month): (OrgCode, Month),
    saved: bool,
) -> Result<MonthPage, AppError> {
    let detail = super::org_in_scope(state, auth, &org).await?;
    let view = if detail.org.org_type.registers_members() {
        let caller = auth.caller();
        let code = org.clone();
        Some(
            state
                .run(move |app| app.monthly_cell(&caller, &code, month))
                .await?,
        )
    } else {
        None
    };
    Ok(MonthPage {
        lang: ctx.lang,
        here: ctx.here,
        chrome: ctx.chrome,
        org,
        month,
        view,
        can_record: auth.actor.role().can(Capability::WriteRecords),
        saved,
    })
}

/// `GET /ratings/monthly`.
#[tracing::instrument(skip_all)]
pub(crate) async fn show_month(
    ctx: PageCtx,
    State(state): State<AppState>,
    auth: Authenticated,
    query: Result<Query<MonthQuery>, QueryRejection>,
) -> Result<Html<String>, AppError> {
    let query = params::query(query)?;
    let org = query.org()?;
    let month = query.month(state.today())?;
    let page = month_page(ctx, &state, &auth, (org, month), query.saved.is_some()).await?;
    render(&page)
}

/// `POST /ratings/monthly?org=&month=`: records the month, then shows it again.
#[tracing::instrument(skip_all)]
pub(crate) async fn save_month(
    State(state): State<AppState>,
    auth: Authenticated,
    query: Result<Query<MonthQuery>, QueryRejection>,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Result<Response, AppError> {
    let query = params::query(query)?;
    let org = query.org()?;
    super::org_in_scope(&state, &auth, &org).await?;
    let raw = present(&query.month).ok_or(BadInput::Missing { field: "month" })?;
    let month = parse_month(raw)?;
    let fields = form.map(|Form(f)| f).unwrap_or_default();
    let entries = entries(&fields)?;
    let (caller, code) = (auth.caller(), org.clone());
    state
        .run(move |app| app.record_monthly(&caller, &code, month, &entries))
        .await?;
    let target = format!(
        "/ratings/monthly?org={}&month={month}&saved=1",
        crate::ui::href::encode(org.as_str())
    );
    Ok(see_other(&target))
}

/// The year page.
#[derive(Template)]
#[template(path = "ratings_monthly_year.html")]
pub(crate) struct YearPage {
    pub lang: Lang,
    pub here: String,
    pub chrome: Chrome,
    pub year: MonthlyYear,
}

impl YearPage {
    fn level(&self, level: &Option<Rating>) -> &'static str {
        level.map_or("–", Rating::code)
    }

    fn member_code<'a>(&self, code: &'a MemberCode) -> &'a str {
        code.as_str()
    }
}

/// `GET /ratings/monthly/year`.
#[tracing::instrument(skip_all)]
pub(crate) async fn show_year(
    ctx: PageCtx,
    State(state): State<AppState>,
    auth: Authenticated,
    query: Result<Query<RatedQuery>, QueryRejection>,
) -> Result<Html<String>, AppError> {
    let query = params::query(query)?;
    let org = query.org()?;
    let year = query.year(state.today())?;
    let caller = auth.caller();
    let year = state
        .run(move |app| app.monthly_year(&caller, &org, year))
        .await?;
    render(&YearPage {
        lang: ctx.lang,
        here: ctx.here,
        chrome: ctx.chrome,
        year,
    })
}
