//! Rating statistics (issue 13): a subtree's organizations and members by level over a
//! range of years (`/ratings/statistics`, `GET /api/v1/ratings/statistics`) and a year's
//! results as the workbook sent upward (`/ratings/statistics.xlsx`).

pub(crate) mod api;
mod chart;
pub(crate) mod download;
pub(crate) mod page;

use super::RatedQuery;
use crate::accounts::auth::Authenticated;
use crate::error::{AppError, BadInput};
use crate::state::AppState;
use crate::ui::params::present;
use chrono::Datelike;
use dangvu_app::RatingStatistics;
use dangvu_domain::Date;
use serde::Deserialize;

/// The years a range may name.
const YEARS: (i32, i32) = (1930, 2100);
/// The most years one page shows.
const MAX_SPAN: i32 = 30;
/// The years shown when the range is not given: the last five ended.
const DEFAULT_SPAN: i32 = 5;

/// The query of the statistics.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct StatisticsQuery {
    /// The subtree's root (organization code).
    pub org: Option<String>,
    /// The first year; four years before `to` when absent.
    pub from: Option<String>,
    /// The last year; the last year ended when absent.
    pub to: Option<String>,
}

impl StatisticsQuery {
    /// The years asked for, oldest first.
    pub(crate) fn years(&self, today: Date) -> Result<(i32, i32), BadInput> {
        let to = match present(&self.to) {
            Some(raw) => year("to", raw, YEARS)?,
            None => today.year() - 1,
        };
        let from = match present(&self.from) {
            Some(raw) => year("from", raw, YEARS)?,
            None => to - (DEFAULT_SPAN - 1),
        };
        if from > to {
            return Err(BadInput::ReversedPeriod {
                from: first_day(from),
                to: first_day(to),
            });
        }
        if to - from >= MAX_SPAN {
            return Err(BadInput::Number {
                field: "from",
                value: from.to_string(),
                min: (to - MAX_SPAN + 1).into(),
                max: to.into(),
            });
        }
        Ok((from, to))
    }
}

/// `raw` as a year within `bounds`.
fn year(field: &'static str, raw: &str, bounds: (i32, i32)) -> Result<i32, BadInput> {
    raw.parse::<i32>()
        .ok()
        .filter(|y| (bounds.0..=bounds.1).contains(y))
        .ok_or_else(|| BadInput::Number {
            field,
            value: raw.to_string(),
            min: bounds.0.into(),
            max: bounds.1.into(),
        })
}

/// 1 January of `year` (a reversed range is said as a period).
fn first_day(year: i32) -> Date {
    Date::from_ymd_opt(year, 1, 1).unwrap_or_default()
}

/// The statistics the query asks for, inside the reader's scope.
pub(crate) async fn statistics(
    state: &AppState,
    auth: &Authenticated,
    query: &StatisticsQuery,
) -> Result<RatingStatistics, AppError> {
    let org = RatedQuery {
        org: query.org.clone(),
        year: None,
    }
    .org()?;
    let (from, to) = query.years(state.today())?;
    let caller = auth.caller();
    state
        .run(move |app| app.rating_statistics(&caller, &org, from..=to))
        .await
}
