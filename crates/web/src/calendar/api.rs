//! `GET /api/v1/calendar/working-day`: the N-th working day after a date, on the
//! installation's calendar — the deadline a workflow counts ("within N working days").

use crate::accounts::auth::Authenticated;
use crate::api::ApiError;
use crate::error::BadInput;
use crate::state::AppState;
use crate::ui::params;
use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use dangvu_domain::Date;
use dangvu_domain::calendar::MAX_WORKING_DAYS;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// 400 of the working-day count.
const E400_WORKING_DAY: &str =
    "`missing_parameter`, `invalid_date`, `invalid_number`, `malformed_request`, `invalid_text`";

/// The query, as typed.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct WorkingDayParams {
    /// The date counted from (not itself counted), `YYYY-MM-DD` (or `DD/MM/YYYY`).
    #[param(example = "2020-01-14")]
    after: Option<String>,
    /// How many working days, 0–10000 (0 gives `after` itself).
    #[param(example = "60")]
    n: Option<String>,
}

impl WorkingDayParams {
    /// The date and the count, or the first parameter that is missing or wrong.
    pub(crate) fn parse(&self) -> Result<(Date, u32), BadInput> {
        let after = params::optional_date("after", &self.after)?
            .ok_or(BadInput::Missing { field: "after" })?;
        let raw = params::present(&self.n).ok_or(BadInput::Missing { field: "n" })?;
        Ok((after, working_days("n", raw)?))
    }
}

/// A count of working days typed by a person.
pub(crate) fn working_days(field: &'static str, raw: &str) -> Result<u32, BadInput> {
    dangvu_domain::calendar::parse_working_days(field, raw).map_err(|_| BadInput::Number {
        field,
        value: raw.to_string(),
        min: 0,
        max: i64::from(MAX_WORKING_DAYS),
    })
}

/// The answer: the question and the date.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct WorkingDayJson {
    /// The date counted from.
    #[schema(value_type = String, example = "2020-01-14")]
    after: Date,
    /// The number of working days.
    #[schema(example = 60)]
    n: u32,
    /// The `n`-th working day after `after`: the last day "within `n` working days".
    #[schema(value_type = String, example = "2020-04-15")]
    date: Date,
}

/// The N-th working day after a date.
///
/// Counted on the installation's calendar: Monday to Friday, less the official days off
/// (holidays, Tết, compensatory and swapped days) and plus the Saturdays worked in
/// exchange, as shipped and as corrected by the installation's `ngay_nghi` rows. `after`
/// itself is not counted. Any signed-in account may ask.
#[utoipa::path(get, path = "/api/v1/calendar/working-day", tag = "calendar",
    params(WorkingDayParams),
    responses(
        (status = 200, description = "The date", body = WorkingDayJson),
        (status = 400, description = E400_WORKING_DAY, body = crate::api::ErrorBody),
    ))]
#[tracing::instrument(skip_all)]
pub(crate) async fn working_day(
    State(state): State<AppState>,
    auth: Authenticated,
    query: Result<Query<WorkingDayParams>, QueryRejection>,
) -> Result<Json<WorkingDayJson>, ApiError> {
    let (after, n) = params::query(query)?.parse()?;
    let caller = auth.caller();
    let date = state
        .run(move |app| app.working_day_after(&caller, after, n))
        .await?;
    Ok(Json(WorkingDayJson { after, n, date }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(after: Option<&str>, n: Option<&str>) -> Result<(Date, u32), BadInput> {
        WorkingDayParams {
            after: after.map(str::to_string),
            n: n.map(str::to_string),
        }
        .parse()
    }

    #[test]
    fn both_parameters_are_required_and_checked() {
        let day = dangvu_domain::dates::parse_date("d", "2020-01-14").unwrap();
        assert_eq!(parse(Some("14/01/2020"), Some("60")), Ok((day, 60)));
        assert_eq!(
            parse(None, Some("1")),
            Err(BadInput::Missing { field: "after" })
        );
        assert_eq!(
            parse(Some("2020-01-14"), Some(" ")),
            Err(BadInput::Missing { field: "n" })
        );
        assert!(matches!(
            parse(Some("2020-02-30"), Some("1")),
            Err(BadInput::Date { .. })
        ));
        for bad in ["-1", "10001", "x", "1e3"] {
            assert!(
                matches!(
                    parse(Some("2020-01-14"), Some(bad)),
                    Err(BadInput::Number { .. })
                ),
                "{bad}"
            );
        }
    }
}
