//! Quality rating (issue 13): who is rated in a subtree for a year and why the others are
//! not (`/ratings/rated` and `GET /api/v1/ratings/rated`). Rounds build on it. Monthly
//! results (`/ratings/monthly`) and signed commitments (`/ratings/commitments`) each have
//! their page and API.

pub(crate) mod api;
pub(crate) mod commitment_form;
pub(crate) mod commitments;
pub(crate) mod commitments_api;
pub(crate) mod monthly;
pub(crate) mod monthly_api;
pub(crate) mod page;
pub(crate) mod rounds;
pub(crate) mod statistics;

use crate::accounts::auth::Authenticated;
use crate::error::{AppError, BadInput};
use crate::state::AppState;
use crate::ui::params::{org_code, present};
use chrono::Datelike;
use dangvu_app::RatedList;
use dangvu_domain::{Date, OrgCode};
use serde::Deserialize;

/// The years a list may be asked for.
const YEARS: (i32, i32) = (1930, 2100);

/// The query of the list.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct RatedQuery {
    /// The subtree's root (organization code).
    pub org: Option<String>,
    /// The year rated; the current year when absent.
    pub year: Option<String>,
}

impl RatedQuery {
    /// The organization asked for.
    pub(crate) fn org(&self) -> Result<OrgCode, BadInput> {
        let raw = present(&self.org).ok_or(BadInput::Missing { field: "org" })?;
        org_code("org", raw)
    }

    /// The year asked for, or `today`'s.
    pub(crate) fn year(&self, today: Date) -> Result<i32, BadInput> {
        let Some(raw) = present(&self.year) else {
            return Ok(today.year());
        };
        raw.parse::<i32>()
            .ok()
            .filter(|y| (YEARS.0..=YEARS.1).contains(y))
            .ok_or_else(|| BadInput::Number {
                field: "year",
                value: raw.to_string(),
                min: YEARS.0.into(),
                max: YEARS.1.into(),
            })
    }
}

/// The record of `org` today if the caller's scope reaches it, else "not found": a write
/// checks it first, so that outside the scope is "not found" whatever the form says.
pub(crate) async fn org_in_scope(
    state: &AppState,
    auth: &Authenticated,
    org: &OrgCode,
) -> Result<dangvu_app::records::OrgDetail, AppError> {
    let (caller, code, today) = (auth.caller(), org.clone(), state.today());
    state.run(move |app| app.org(&caller, &code, today)).await
}

/// The list the query asks for, inside the reader's scope.
pub(crate) async fn rated_list(
    state: &AppState,
    auth: &Authenticated,
    query: &RatedQuery,
) -> Result<RatedList, AppError> {
    let org = query.org()?;
    let year = query.year(state.today())?;
    let caller = auth.caller();
    state
        .run(move |app| app.rated_members(&caller, &org, year))
        .await
}
