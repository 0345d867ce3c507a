//! The query parameters of the API, documented for the OpenAPI document.
//!
//! Like the pages' queries ([`crate::ui::params`]), they hold raw text so that serde never
//! answers with its own plain-text rejection; the functions of [`crate::ui::params`] turn the
//! text into domain values or a [`BadInput`] naming the parameter.

use crate::error::{BadInput, MAX_PAGE_LIMIT};
use crate::ui::params;
use dangvu_app::Scope;
use dangvu_app::records::MemberQuery;
use dangvu_domain::{Date, OrgCode};
use serde::Deserialize;
use utoipa::IntoParams;

/// Rows of a member page when `limit` is absent.
pub(crate) const DEFAULT_LIMIT: u32 = 50;

/// The query of an answer as of a date.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct AsOfParams {
    /// The date of the tree and the figures, `YYYY-MM-DD` (or `DD/MM/YYYY`); today when
    /// absent.
    #[param(example = "2020-07-31")]
    pub as_of: Option<String>,
}

impl AsOfParams {
    /// The date asked for, or `today`.
    pub(crate) fn as_of(&self, today: Date) -> Result<Date, BadInput> {
        Ok(params::optional_date("as_of", &self.as_of)?.unwrap_or(today))
    }
}

/// The query of the member list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct MembersParams {
    /// Code of the organization whose subtree is listed; may be omitted when the caller's
    /// scope has a root (that root is then listed).
    #[param(example = "VX.01.01")]
    pub org: Option<String>,
    /// Name search: a prefix of the name, family name first or given name first;
    /// diacritics optional (`nguyen van` finds `Nguyễn Văn …`).
    pub q: Option<String>,
    /// The date of the registrations and statuses, `YYYY-MM-DD`; today when absent.
    #[param(example = "2020-07-31")]
    pub as_of: Option<String>,
    /// The `next` cursor of the previous page; absent for the first page.
    pub after: Option<String>,
    /// Rows per page, 1–500; 50 when absent.
    #[param(example = 50)]
    pub limit: Option<String>,
}

impl MembersParams {
    /// The storage query: the organization asked (or the scope's root), the date, the
    /// search text cut to a sane length, the cursor and the page size checked.
    pub(crate) fn into_query(self, scope: &Scope, today: Date) -> Result<MemberQuery, BadInput> {
        let org = match params::present(&self.org) {
            Some(text) => params::org_code("org", text)?,
            None => scope_root(scope)?,
        };
        let raw = params::MemberListParams {
            as_of: &self.as_of,
            q: &self.q,
            after: &self.after,
        };
        let query = raw.into_query(org, today, DEFAULT_LIMIT)?;
        Ok(MemberQuery {
            limit: page_limit(&self.limit)?,
            ..query
        })
    }
}

/// The root of a subtree scope; `org` is required of any other scope.
fn scope_root(scope: &Scope) -> Result<OrgCode, BadInput> {
    scope
        .root()
        .cloned()
        .ok_or(BadInput::Missing { field: "org" })
}

/// The page size: [`DEFAULT_LIMIT`] when absent, else a whole number in 1..=500.
fn page_limit(raw: &Option<String>) -> Result<u32, BadInput> {
    let Some(text) = params::present(raw) else {
        return Ok(DEFAULT_LIMIT);
    };
    text.parse::<u32>()
        .ok()
        .filter(|n| (1..=MAX_PAGE_LIMIT).contains(n))
        .ok_or_else(|| BadInput::Limit {
            value: text.to_string(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Date {
        dangvu_domain::dates::parse_date("d", s).unwrap()
    }

    fn members(org: Option<&str>, limit: Option<&str>) -> MembersParams {
        MembersParams {
            org: org.map(str::to_string),
            limit: limit.map(str::to_string),
            ..Default::default()
        }
    }

    #[test]
    fn page_sizes_are_bounded() {
        assert_eq!(page_limit(&None), Ok(50));
        assert_eq!(page_limit(&Some(" 500 ".into())), Ok(500));
        for bad in ["0", "501", "abc", "-1", "1.5", "99999999999"] {
            assert!(
                matches!(page_limit(&Some(bad.into())), Err(BadInput::Limit { .. })),
                "{bad}"
            );
        }
    }

    #[test]
    fn the_org_defaults_to_the_scope_root_only() {
        let today = day("2025-11-26");
        let cell = OrgCode::parse("VX.01.01").unwrap();
        let scoped = Scope::subtree(cell.clone(), today);
        let query = members(None, None).into_query(&scoped, today).unwrap();
        assert_eq!((query.org, query.limit, query.as_of), (cell, 50, today));
        let own = Scope::own_record(dangvu_domain::MemberCode::parse("M1").unwrap(), today);
        assert_eq!(
            members(None, None).into_query(&own, today),
            Err(BadInput::Missing { field: "org" })
        );
    }

    #[test]
    fn a_tampered_cursor_is_refused() {
        let today = day("2025-11-26");
        let params = MembersParams {
            org: Some("VX".into()),
            after: Some("zz".into()),
            ..Default::default()
        };
        let scope = Scope::subtree(OrgCode::parse("VX").unwrap(), today);
        assert_eq!(params.into_query(&scope, today), Err(BadInput::Cursor));
    }
}
