//! `GET /api/v1/reports/summary`: the document of `docs/summary-report.md`.
//!
//! `org`, `from` and `to` are required (a script states its period); `as_of` defaults to
//! `to`. The body is [`SummaryReport`](dangvu_domain::summary::SummaryReport) serialized
//! as is: its fields are declared in the order of `docs/summary-report.md`, so keys and
//! their order match it. With `format=xlsx` the same figures come as a workbook to
//! download (`dangvu_app` writes it).

use crate::accounts::auth::Authenticated;
use crate::api::ApiError;
use crate::api::openapi::{E400_SUMMARY, E404};
use crate::error::BadInput;
use crate::interchange::Download;
use crate::state::AppState;
use crate::ui::params::{self, SummaryQuery};
use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use dangvu_domain::Date;
use serde::Serialize;
use utoipa::{IntoParams, ToSchema};

/// The parameters of the report, as documented (parsed by [`SummaryQuery`]).
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code, reason = "documentation of the query, read by SummaryQuery")]
struct SummaryParamsDoc {
    /// Code of the organization whose subtree is counted.
    #[param(example = "VX")]
    org: String,
    /// First day of the period, `YYYY-MM-DD`.
    #[param(example = "2015-08-01")]
    from: String,
    /// Last day of the period (inclusive), `YYYY-MM-DD`.
    #[param(example = "2020-07-31")]
    to: String,
    /// Day of the stock figures; `to` when absent.
    as_of: Option<String>,
    /// `json` (the default): the document below; `xlsx`: the same figures as an Excel
    /// workbook (with the admissions of each year), to download.
    #[param(example = "xlsx")]
    format: Option<String>,
}

/// The summary document of `docs/summary-report.md` (the answer is
/// [`SummaryReport`](dangvu_domain::summary::SummaryReport); a test holds the two equal
/// key for key).
#[derive(Serialize, ToSchema)]
#[allow(dead_code, reason = "documentation of SummaryReport")]
pub(crate) struct SummaryDoc {
    /// The root's code.
    org: String,
    /// First day of the period.
    from: Date,
    /// Last day of the period.
    to: Date,
    /// The day of the stock figures.
    as_of: Date,
    /// `DANG_BO_CO_SO` and `CHI_BO_CO_SO` active on `as_of`.
    grassroots_orgs: u64,
    /// `CHI_BO_TRUC_THUOC` active on `as_of`.
    cells_under_grassroots: u64,
    /// Party members on `as_of` (active or exempted).
    members: u64,
    /// Of them, probationary on `as_of`.
    members_probationary: u64,
    /// Of them, exempted on `as_of`.
    members_exempted: u64,
    /// Members admitted in `[from, to]` while registered in the subtree.
    admitted: u64,
    /// One entry per year of the period with any rating, in year order.
    ratings: Vec<RatingYearDoc>,
}

/// One year's ratings in the subtree.
#[derive(Serialize, ToSchema)]
#[allow(dead_code, reason = "documentation of RatingYear")]
pub(crate) struct RatingYearDoc {
    /// The year.
    year: i32,
    /// Rated grassroots organizations on 31 December.
    orgs_rated: u64,
    /// Of them, rated `HTXSNV` or `HTTNV`.
    orgs_good_or_better: u64,
    /// 100 × good / rated, one decimal; null when none rated.
    orgs_good_or_better_pct: Option<f64>,
    /// Rated members registered in the subtree on 31 December.
    members_rated: u64,
    /// Of them, rated `HTXSNV`, `HTTNV` or `HTNV`.
    members_completed_or_better: u64,
    /// 100 × completed / rated, one decimal; null when none rated.
    members_completed_or_better_pct: Option<f64>,
}

/// The summary report of a subtree over a period.
///
/// The same document as `dangvu report summary --format json`; keys in the order of the
/// report's documentation. Every parameter but `as_of` and `format` is required.
#[utoipa::path(get, path = "/api/v1/reports/summary", tag = "reports",
    params(SummaryParamsDoc),
    responses(
        (status = 200, description = "The report: JSON, or with `format=xlsx` an Excel \
            workbook (sheet «Báo cáo tổng hợp»: the organization, the period and the day of the \
            figures at the top, then the figures, the ratings per year with percentages as \
            numbers formatted as percent, and the admissions per year) sent as an attachment \
            named `bao-cao-tong-hop-<org>-<from>-<to>.xlsx`",
            content(
                (SummaryDoc = "application/json"),
                ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            )),
        (status = 400, description = E400_SUMMARY, body = crate::api::ErrorBody),
        (status = 404, description = E404, body = crate::api::ErrorBody),
    ))]
#[tracing::instrument(skip_all, fields(org))]
pub(crate) async fn get_summary(
    State(state): State<AppState>,
    auth: Authenticated,
    query: Result<Query<SummaryQuery>, QueryRejection>,
) -> Result<Response, ApiError> {
    let query = params::query(query)?;
    let params = query.params(None)?;
    tracing::Span::current().record("org", params.org.as_str());
    let caller = auth.caller();
    match SummaryFormat::parse(&query.format)? {
        SummaryFormat::Json => {
            let report = state.run(move |app| app.summary(&caller, &params)).await?;
            Ok(Json(report).into_response())
        }
        SummaryFormat::Xlsx => {
            let file = state
                .run(move |app| app.summary_workbook(&caller, &params))
                .await?;
            Ok(Download::from(file).into_response())
        }
    }
}

/// What the report is answered as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SummaryFormat {
    /// The JSON document (the default).
    Json,
    /// An Excel workbook to download.
    Xlsx,
}

impl SummaryFormat {
    /// The format of `raw` (absent or blank: JSON), or `invalid_code` naming `format`.
    fn parse(raw: &Option<String>) -> Result<Self, BadInput> {
        match params::present(raw).map(str::to_ascii_lowercase).as_deref() {
            None | Some("json") => Ok(Self::Json),
            Some("xlsx") => Ok(Self::Xlsx),
            Some(other) => Err(BadInput::Code {
                field: "format",
                value: other.to_string(),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dangvu_domain::summary::SummaryReport;
    use utoipa::PartialSchema;

    #[test]
    fn the_format_is_json_unless_xlsx_is_asked() {
        let f = |s: &str| SummaryFormat::parse(&Some(s.to_string()));
        assert_eq!(SummaryFormat::parse(&None), Ok(SummaryFormat::Json));
        assert_eq!(f(" "), Ok(SummaryFormat::Json));
        assert_eq!(f("json"), Ok(SummaryFormat::Json));
        assert_eq!(f("XLSX"), Ok(SummaryFormat::Xlsx));
        assert!(matches!(
            f("pdf"),
            Err(BadInput::Code {
                field: "format",
                ..
            })
        ));
    }

    /// The property names of a schema, sorted.
    fn properties(schema: impl Serialize) -> Vec<String> {
        let schema = serde_json::to_value(schema).unwrap();
        let mut keys: Vec<String> = schema["properties"]
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect();
        keys.sort();
        keys
    }

    fn keys(value: &serde_json::Value) -> Vec<String> {
        let mut keys: Vec<String> = value.as_object().unwrap().keys().cloned().collect();
        keys.sort();
        keys
    }

    #[test]
    fn the_documented_schema_has_the_keys_of_the_report() {
        let example = serde_json::json!({
            "org": "VX", "from": "2015-08-01", "to": "2020-07-31", "as_of": "2020-07-31",
            "grassroots_orgs": 77, "cells_under_grassroots": 400, "members": 7312,
            "members_probationary": 415, "members_exempted": 280, "admitted": 1250,
            "ratings": [{"year": 2019, "orgs_rated": 77, "orgs_good_or_better": 66,
                "orgs_good_or_better_pct": 85.7, "members_rated": 6950,
                "members_completed_or_better": 5580, "members_completed_or_better_pct": 80.3}]
        });
        let report: SummaryReport = serde_json::from_value(example).unwrap();
        let served = serde_json::to_value(&report).unwrap();
        assert_eq!(properties(SummaryDoc::schema()), keys(&served));
        assert_eq!(
            properties(RatingYearDoc::schema()),
            keys(&served["ratings"][0])
        );
    }
}
