//! Query and path parameters, parsed at the edge into domain types.
//!
//! Query structs hold raw text (`Option<String>`) so that serde never rejects a request with
//! its own plain-text message; the functions here turn that text into dates and codes, or
//! into a [`BadInput`] that names the parameter. An empty parameter counts as absent, the way
//! an empty HTML form field is sent.

use crate::error::BadInput;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query};
use dangvu_app::records::{MemberCursor, MemberQuery};
use dangvu_domain::summary::SummaryParams;
use dangvu_domain::{Date, MemberCode, OrgCode};
use serde::Deserialize;

/// The query of a page shown as of a date.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct AsOfQuery {
    /// The date, `YYYY-MM-DD` or `DD/MM/YYYY`; today when absent.
    pub as_of: Option<String>,
}

/// The query of the summary report (page and API).
#[derive(Debug, Default, Deserialize)]
pub(crate) struct SummaryQuery {
    /// The organization code.
    pub org: Option<String>,
    /// First day of the period.
    pub from: Option<String>,
    /// Last day of the period.
    pub to: Option<String>,
    /// Day of the stock figures; `to` when absent.
    pub as_of: Option<String>,
    /// `json` (the default) or `xlsx` (the API only).
    pub format: Option<String>,
}

/// Unwraps axum's query extraction, turning its plain-text rejection into a [`BadInput`].
pub(crate) fn query<T>(extracted: Result<Query<T>, QueryRejection>) -> Result<T, BadInput> {
    extracted
        .map(|Query(value)| value)
        .map_err(|rejection| BadInput::Malformed(rejection.body_text()))
}

/// Unwraps axum's path extraction (e.g. a segment that is not UTF-8).
pub(crate) fn path<T>(extracted: Result<Path<T>, PathRejection>) -> Result<T, BadInput> {
    extracted
        .map(|Path(value)| value)
        .map_err(|rejection| BadInput::Malformed(rejection.body_text()))
}

/// A parameter's text, `None` when absent or blank.
pub(crate) fn present(raw: &Option<String>) -> Option<&str> {
    raw.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// An organization code.
pub(crate) fn org_code(field: &'static str, raw: &str) -> Result<OrgCode, BadInput> {
    OrgCode::parse(raw).map_err(|_| BadInput::Code {
        field,
        value: raw.to_string(),
    })
}

/// A member code.
pub(crate) fn member_code(raw: &str) -> Result<MemberCode, BadInput> {
    MemberCode::parse(raw).map_err(|_| BadInput::Code {
        field: "member",
        value: raw.to_string(),
    })
}

/// A date parameter, `None` when absent.
pub(crate) fn optional_date(
    field: &'static str,
    raw: &Option<String>,
) -> Result<Option<Date>, BadInput> {
    present(raw)
        .map(|text| {
            crate::ui::date_field::parse(field, text).map_err(|_| BadInput::Date {
                field,
                value: text.to_string(),
            })
        })
        .transpose()
}

/// A date parameter that must be given.
pub(crate) fn required_date(field: &'static str, raw: &Option<String>) -> Result<Date, BadInput> {
    optional_date(field, raw)?.ok_or(BadInput::Missing { field })
}

/// Longest member search text kept (names are short; this bounds the work of a request).
const SEARCH_LIMIT: usize = 100;

/// The raw parameters of a member list page, shared by the page and the API.
pub(crate) struct MemberListParams<'a> {
    /// `as_of`, today when absent.
    pub as_of: &'a Option<String>,
    /// `q`, the name search.
    pub q: &'a Option<String>,
    /// `after`, the cursor of the previous page.
    pub after: &'a Option<String>,
}

impl MemberListParams<'_> {
    /// The storage query for one page of `org`'s members: as of the date asked (or
    /// `today`), the search text cut to a sane length, and the cursor checked.
    pub(crate) fn into_query(
        self,
        org: OrgCode,
        today: Date,
        limit: u32,
    ) -> Result<MemberQuery, BadInput> {
        let search: String = present(self.q)
            .unwrap_or_default()
            .chars()
            .take(SEARCH_LIMIT)
            .collect();
        let after = present(self.after)
            .map(|text| MemberCursor::decode(text).ok_or(BadInput::Cursor))
            .transpose()?;
        Ok(MemberQuery {
            org,
            as_of: optional_date("as_of", self.as_of)?.unwrap_or(today),
            search: (!search.is_empty()).then_some(search),
            after,
            limit,
        })
    }
}

impl AsOfQuery {
    /// The date asked for, or `today`.
    pub(crate) fn as_of(&self, today: Date) -> Result<Date, BadInput> {
        Ok(optional_date("as_of", &self.as_of)?.unwrap_or(today))
    }
}

impl SummaryQuery {
    /// Whether the form was submitted with an organization (otherwise the page shows only
    /// the form).
    pub(crate) fn has_org(&self) -> bool {
        present(&self.org).is_some()
    }

    /// The report parameters; `defaults` gives `from` and `to` when they are absent (the
    /// page), or `None` to require them (the API).
    pub(crate) fn params(&self, defaults: Option<(Date, Date)>) -> Result<SummaryParams, BadInput> {
        let org = present(&self.org).ok_or(BadInput::Missing { field: "org" })?;
        let org = org_code("org", org)?;
        let (from, to) = match defaults {
            Some((from, to)) => (
                optional_date("from", &self.from)?.unwrap_or(from),
                optional_date("to", &self.to)?.unwrap_or(to),
            ),
            None => (
                required_date("from", &self.from)?,
                required_date("to", &self.to)?,
            ),
        };
        if from > to {
            return Err(BadInput::ReversedPeriod { from, to });
        }
        let as_of = optional_date("as_of", &self.as_of)?;
        SummaryParams::new(org, from, to, as_of).map_err(|_| BadInput::ReversedPeriod { from, to })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dangvu_domain::dates;

    fn day(s: &str) -> Date {
        dates::parse_date("d", s).unwrap()
    }

    fn summary(org: &str, from: &str, to: &str, as_of: &str) -> SummaryQuery {
        let opt = |s: &str| (!s.is_empty()).then(|| s.to_string());
        SummaryQuery {
            org: opt(org),
            from: opt(from),
            to: opt(to),
            as_of: opt(as_of),
            format: None,
        }
    }

    #[test]
    fn as_of_defaults_to_today_and_accepts_both_forms() {
        let today = day("2025-09-01");
        assert_eq!(AsOfQuery::default().as_of(today), Ok(today));
        let blank = AsOfQuery {
            as_of: Some(" ".into()),
        };
        assert_eq!(blank.as_of(today), Ok(today));
        let vi = AsOfQuery {
            as_of: Some("31/07/2020".into()),
        };
        assert_eq!(vi.as_of(today), Ok(day("2020-07-31")));
    }

    #[test]
    fn impossible_dates_are_bad_input_naming_the_parameter() {
        let bad = AsOfQuery {
            as_of: Some("2020-02-30".into()),
        };
        assert_eq!(
            bad.as_of(day("2025-01-01")),
            Err(BadInput::Date {
                field: "as_of",
                value: "2020-02-30".into()
            })
        );
    }

    #[test]
    fn the_api_requires_the_whole_period() {
        let q = summary("VX", "2015-08-01", "", "");
        assert_eq!(q.params(None), Err(BadInput::Missing { field: "to" }));
        let q = summary("", "2015-08-01", "2020-07-31", "");
        assert_eq!(q.params(None), Err(BadInput::Missing { field: "org" }));
    }

    #[test]
    fn the_page_fills_the_period_from_defaults() {
        let q = summary("VX", "", "", "");
        let p = q
            .params(Some((day("2025-01-01"), day("2025-06-30"))))
            .unwrap();
        assert_eq!(
            (p.from, p.to, p.as_of),
            (day("2025-01-01"), day("2025-06-30"), day("2025-06-30"))
        );
    }

    #[test]
    fn a_period_ending_before_it_starts_is_rejected() {
        let q = summary("VX", "2020-07-31", "2015-08-01", "");
        assert!(matches!(
            q.params(None),
            Err(BadInput::ReversedPeriod { .. })
        ));
    }

    #[test]
    fn codes_with_spaces_are_rejected() {
        let q = summary("V X", "2015-08-01", "2020-07-31", "");
        assert!(matches!(
            q.params(None),
            Err(BadInput::Code { field: "org", .. })
        ));
    }
}

/// The query of the due list (page and API).
#[derive(Debug, Default, Deserialize)]
pub(crate) struct DueQuery {
    /// The subtree's root; the reader's whole scope when absent (the page only).
    pub org: Option<String>,
    /// The day; today when absent.
    pub as_of: Option<String>,
}

impl DueQuery {
    /// The organization asked for, if any.
    pub(crate) fn org(&self) -> Result<Option<OrgCode>, BadInput> {
        present(&self.org)
            .map(|raw| org_code("org", raw))
            .transpose()
    }

    /// The day asked for, or `today`.
    pub(crate) fn as_of(&self, today: Date) -> Result<Date, BadInput> {
        Ok(optional_date("as_of", &self.as_of)?.unwrap_or(today))
    }
}
