//! `/orgs/{code}/members`: the members of an organization's subtree on a date.
//!
//! Fifty rows a page with keyset pagination (the cursor of the last row travels in the "next
//! page" link, so pages stay fast and stable deep into a list of thousands), a name search
//! that ignores diacritics, and the Vietnamese name order; storage does the folding and the
//! ordering, this page only carries the parameters.

use crate::accounts::auth::Authenticated;
use crate::error::{AppError, BadInput};
use crate::state::AppState;
use crate::ui::i18n::Lang;
use crate::ui::layout::{Chrome, PageCtx, render};
use crate::ui::params;
use askama::Template;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::response::Html;
use dangvu_app::records::{MemberListItem, MemberPage, MemberQuery, OrgDetail};
use dangvu_domain::{Date, OrgCode};
use serde::Deserialize;
use std::borrow::Cow;

/// Rows per page.
const PAGE_SIZE: u32 = 50;

/// The query of the member list.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct MembersQuery {
    as_of: Option<String>,
    q: Option<String>,
    after: Option<String>,
    /// The number of the page `after` starts (display only: "page 2 of 147").
    page: Option<String>,
}

impl MembersQuery {
    /// The storage query for one page of `org`'s members: as of the date asked (or
    /// `today`), the search text cut to a sane length, and the cursor checked.
    fn into_query(self, org: OrgCode, today: Date) -> Result<MemberQuery, BadInput> {
        let raw = params::MemberListParams {
            as_of: &self.as_of,
            q: &self.q,
            after: &self.after,
        };
        raw.into_query(org, today, PAGE_SIZE)
    }

    /// The number of the page asked for: 1 without a cursor; `None` when a link without
    /// one (an older link) does not say. A number that is not one is an altered link.
    fn page_number(&self) -> Result<Option<u64>, BadInput> {
        if params::present(&self.after).is_none() {
            return Ok(Some(1));
        }
        params::present(&self.page)
            .map(|raw| {
                raw.parse::<u64>()
                    .ok()
                    .filter(|n| *n >= 2)
                    .ok_or(BadInput::Cursor)
            })
            .transpose()
    }
}

/// The member list page.
#[derive(Template)]
#[template(path = "members_list.html")]
pub(crate) struct MemberListPage {
    pub lang: Lang,
    pub here: String,
    pub chrome: Chrome,
    pub as_of: Date,
    pub org: OrgDetail,
    pub search: String,
    pub is_first_page: bool,
    /// The number of this page, when known.
    pub page_number: Option<u64>,
    pub page: MemberPage,
}

impl MemberListPage {
    /// "Official" or "probationary" on the date of the list.
    fn standing(&self, row: &MemberListItem) -> Cow<'static, str> {
        standing(self.lang, row.official_on, self.as_of)
    }

    /// The link to the next page, if there is one.
    fn next_href(&self) -> Option<String> {
        self.page.next.as_ref().map(|cursor| {
            let cursor = cursor.encode();
            crate::ui::href::org_members_page(
                &self.org.org.code,
                &self.as_of,
                &self.search,
                Some(&cursor),
                self.page_number.map(|n| n + 1),
            )
        })
    }

    /// The link to the first page of the same search.
    fn first_href(&self) -> String {
        crate::ui::href::org_members_page(&self.org.org.code, &self.as_of, &self.search, None, None)
    }

    /// "Page 2 of 147"; "Page 2" when the count is a lower bound or the number is beyond
    /// it (an altered link); nothing on the only page, or when the number is unknown.
    fn page_status(&self) -> Option<String> {
        let number = self.page_number?.to_string();
        let pages = self.page.total.div_ceil(u64::from(PAGE_SIZE));
        let known = self.page.total_exact && self.page_number.is_some_and(|n| n <= pages);
        match (known, pages) {
            (true, 0 | 1) => None,
            (true, _) => Some(self.lang.fill(
                "ui.page_of",
                &[("page", &number), ("pages", &self.lang.count(&pages))],
            )),
            (false, _) => Some(self.lang.fill("ui.page", &[("page", &number)])),
        }
    }

    /// The notice shown when the organization did not exist on the date.
    fn inactive_notice(&self) -> String {
        self.lang
            .fill("org.inactive", &[("date", &self.lang.date(&self.as_of))])
    }

    /// "N members" or "N found", "more than N" when storage stopped counting at its bound
    /// (a province of a million members is not counted on every page).
    fn total_text(&self) -> String {
        let key = match (self.search.is_empty(), self.page.total_exact) {
            (true, true) => "members.total",
            (true, false) => "members.total_more",
            (false, true) => "members.found",
            (false, false) => "members.found_more",
        };
        self.lang
            .fill(key, &[("count", &self.lang.count(&self.page.total))])
    }
}

/// "Official" when full membership began on or before `day`, else "probationary".
pub(crate) fn standing(lang: Lang, official_on: Option<Date>, day: Date) -> Cow<'static, str> {
    if !dangvu_domain::membership::is_probationary_on(official_on, day) {
        lang.t("members.official")
    } else {
        lang.t("members.probationary")
    }
}

/// `GET /orgs/{code}/members?as_of=&q=&after=`.
#[tracing::instrument(skip_all, fields(org))]
pub(crate) async fn list_members(
    ctx: PageCtx,
    State(state): State<AppState>,
    auth: Authenticated,
    path: Result<Path<String>, PathRejection>,
    query: Result<Query<MembersQuery>, QueryRejection>,
) -> Result<Html<String>, AppError> {
    let code = params::org_code("org", &params::path(path)?)?;
    tracing::Span::current().record("org", code.as_str());
    let query = params::query(query)?;
    let page_number = query.page_number()?;
    let member_query = query.into_query(code.clone(), state.today())?;
    let as_of = member_query.as_of;
    let search = member_query.search.clone().unwrap_or_default();
    let is_first_page = member_query.after.is_none();
    let caller = auth.caller();
    let (org, page) = state
        .run(move |app| app.org_members(&caller, &member_query))
        .await?;
    render(&MemberListPage {
        lang: ctx.lang,
        here: ctx.here,
        chrome: ctx.chrome,
        as_of,
        org,
        search,
        is_first_page,
        page_number,
        page,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use dangvu_app::records::OrgRef;
    use dangvu_domain::OrgType;

    /// The list page of a province whose count stopped at `total` (`exact` or not).
    fn province_page(lang: Lang, search: &str, total: u64, exact: bool) -> String {
        let org = OrgRef {
            code: OrgCode::parse("P").unwrap(),
            name: "Đảng bộ tỉnh".into(),
            org_type: OrgType::Tinh,
        };
        let page = MemberListPage {
            lang,
            here: "/orgs/P/members".into(),
            chrome: Chrome::default(),
            as_of: Date::from_ymd_opt(2025, 11, 26).unwrap(),
            org: OrgDetail {
                org,
                founded_on: None,
                dissolved_on: None,
                merged_into: None,
                active: true,
                ancestors: Vec::new(),
                parent_history: Vec::new(),
                reachable: Default::default(),
            },
            search: search.into(),
            is_first_page: true,
            page_number: Some(1),
            page: MemberPage {
                rows: Vec::new(),
                total,
                total_exact: exact,
                next: None,
            },
        };
        page.render().unwrap()
    }

    #[test]
    fn a_count_stopped_at_its_bound_says_more_than() {
        let vi = province_page(Lang::Vi, "", 10_000, false);
        assert!(vi.contains("Tổng số hơn 10.000 đảng viên"), "{vi}");
        let en = province_page(Lang::En, "", 10_000, false);
        assert!(en.contains("more than 10,000 members in all"), "{en}");
        let found = province_page(Lang::Vi, "nguyen", 10_000, false);
        assert!(found.contains("Tìm thấy hơn 10.000 đảng viên"), "{found}");
        let found_en = province_page(Lang::En, "nguyen", 10_000, false);
        assert!(found_en.contains("more than 10,000 members found"));
    }

    #[test]
    fn an_exact_count_is_shown_as_it_is() {
        let vi = province_page(Lang::Vi, "", 7_309, true);
        assert!(vi.contains("Tổng số 7.309 đảng viên") && !vi.contains("hơn"));
        let en = province_page(Lang::En, "nguyen", 412, true);
        assert!(en.contains("412 members found") && !en.contains("more than"));
    }
}
