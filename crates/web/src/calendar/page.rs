//! `GET /calendar?year=YYYY`: a year's days off and days worked in exchange, shipped or the
//! installation's; `POST /calendar`: an administrator adds or corrects one day (audited),
//! then sees the year of that day with a confirmation. Everyone else reads the page only.

use super::form::{CalendarQuery, DayForm, NAME_LIMIT};
use crate::accounts::auth::Authenticated;
use crate::error::AppError;
use crate::state::AppState;
use crate::ui::i18n::Lang;
use crate::ui::layout::{Chrome, PageCtx, render};
use crate::ui::params;
use askama::Template;
use axum::Form;
use axum::extract::rejection::{FormRejection, QueryRejection};
use axum::extract::{Query, State};
use axum::http::header::LOCATION;
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::{Datelike, Weekday};
use dangvu_app::calendar::CalendarEntry;
use dangvu_domain::Date;
use dangvu_domain::calendar::{DayKind, official};
use dangvu_domain::enums::Enumeration;
use dangvu_domain::roles::Capability;

/// The calendar page.
#[derive(Template)]
#[template(path = "calendar_year.html")]
pub(crate) struct CalendarPage {
    pub lang: Lang,
    pub here: String,
    pub chrome: Chrome,
    pub year: i32,
    pub rows: Vec<CalendarEntry>,
    /// Whether the reader may add or correct a day (administrators).
    pub can_edit: bool,
    /// The form's values (empty, or as sent when refused).
    pub form: DayForm,
    /// Why the last change was refused.
    pub error: Option<String>,
    /// The day just saved.
    pub saved: Option<Date>,
}

impl CalendarPage {
    fn title(&self) -> String {
        self.lang
            .fill("calendar.title", &[("year", &self.year.to_string())])
    }

    fn day(&self, entry: &CalendarEntry) -> String {
        self.lang.date(&entry.day)
    }

    fn weekday(&self, entry: &CalendarEntry) -> String {
        let key = match entry.day.weekday() {
            Weekday::Mon => "mon",
            Weekday::Tue => "tue",
            Weekday::Wed => "wed",
            Weekday::Thu => "thu",
            Weekday::Fri => "fri",
            Weekday::Sat => "sat",
            Weekday::Sun => "sun",
        };
        self.lang.t_dynamic(&format!("calendar.weekdays.{key}"))
    }

    fn kind(&self, kind: &DayKind) -> String {
        self.lang
            .t_dynamic(&format!("calendar.kinds.{}", kind.code()))
    }

    fn source(&self, entry: &CalendarEntry) -> String {
        let key = if entry.installation {
            "calendar.installation"
        } else {
            "calendar.shipped"
        };
        self.lang.t_dynamic(key)
    }

    fn kind_choices(&self) -> Vec<(&'static str, String)> {
        DayKind::ALL
            .iter()
            .map(|k| (k.code(), self.kind(k)))
            .collect()
    }

    fn year_href(&self, year: i32) -> String {
        format!("/calendar?year={year}")
    }

    fn saved_text(&self) -> Option<String> {
        let day = self.saved?;
        Some(
            self.lang
                .fill("calendar.saved", &[("day", &self.lang.date(&day))]),
        )
    }

    /// Said when the year lies outside the shipped calendar.
    fn not_shipped(&self) -> Option<String> {
        let (from, to) = official::YEARS;
        (!(from..=to).contains(&self.year)).then(|| {
            let values = [("from", from.to_string()), ("to", to.to_string())];
            let values: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
            self.lang.fill("calendar.not_shipped", &values)
        })
    }

    fn name_limit(&self) -> usize {
        NAME_LIMIT
    }
}

/// The page of `year` for `auth`, with the form's state.
async fn year_page(
    ctx: PageCtx,
    state: &AppState,
    auth: &Authenticated,
    year: i32,
    form: DayForm,
    error: Option<String>,
    saved: Option<Date>,
) -> Result<CalendarPage, AppError> {
    let caller = auth.caller();
    let rows = state
        .run(move |app| app.calendar_year(&caller, year))
        .await?;
    Ok(CalendarPage {
        lang: ctx.lang,
        here: ctx.here,
        chrome: ctx.chrome,
        year,
        rows,
        can_edit: auth.actor.role().can(Capability::ManageCalendar),
        form,
        error,
        saved,
    })
}

/// `GET /calendar`.
#[tracing::instrument(skip_all)]
pub(crate) async fn show_calendar(
    ctx: PageCtx,
    State(state): State<AppState>,
    auth: Authenticated,
    query: Result<Query<CalendarQuery>, QueryRejection>,
) -> Result<Response, AppError> {
    let query = params::query(query)?;
    let year = query.year(state.today())?;
    let page = year_page(
        ctx,
        &state,
        &auth,
        year,
        DayForm::default(),
        None,
        query.saved(),
    )
    .await?;
    Ok(render(&page)?.into_response())
}

/// `POST /calendar` (administrators).
#[tracing::instrument(skip_all)]
pub(crate) async fn save_day(
    ctx: PageCtx,
    State(state): State<AppState>,
    auth: Authenticated,
    form: Result<Form<DayForm>, FormRejection>,
) -> Result<Response, AppError> {
    let form = form.map(|Form(f)| f).unwrap_or_default();
    let day = match form.parse(ctx.lang) {
        Ok(day) => day,
        Err(message) => {
            let year = state.today().year();
            let page = year_page(ctx, &state, &auth, year, form, Some(message), None).await?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response());
        }
    };
    let caller = auth.caller();
    let saved = day.day;
    state
        .run(move |app| app.set_calendar_day(&caller, &day))
        .await?;
    let target = format!(
        "/calendar?year={}&saved={}",
        saved.year(),
        saved.format("%Y-%m-%d")
    );
    let mut response = StatusCode::SEE_OTHER.into_response();
    let location = HeaderValue::from_str(&target)
        .map_err(|e| AppError::Internal(format!("redirect address: {e}")))?;
    response.headers_mut().insert(LOCATION, location);
    Ok(response)
}
