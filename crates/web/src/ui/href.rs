//! The addresses of the pages, built in one place so that every link encodes codes the same
//! way and carries the date the reader is looking at.

use dangvu_domain::{Date, MemberCode, OrgCode, Period};

/// Percent-encodes everything but the unreserved characters of RFC 3986, for a path
/// segment or a query value (codes may hold `?`, `#`, `&`, `%` or non-ASCII letters).
pub(crate) fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// The organization tree as of a date.
pub(crate) fn tree(as_of: &Date) -> String {
    format!("/?as_of={as_of}")
}

/// An organization's page as of a date.
pub(crate) fn org(code: &OrgCode, as_of: &Date) -> String {
    format!("/orgs/{}?as_of={as_of}", encode(code.as_str()))
}

/// An organization's page as of the last day of a period (a superior or a registration
/// in the past), or as of today when the period has not ended.
pub(crate) fn org_during(code: &OrgCode, period: &Period) -> String {
    match period.end().and_then(|end| end.pred_opt()) {
        Some(last) => org(code, &last),
        None => format!("/orgs/{}", encode(code.as_str())),
    }
}

/// The first page of an organization's members as of a date.
pub(crate) fn org_members(code: &OrgCode, as_of: &Date) -> String {
    format!("/orgs/{}/members?as_of={as_of}", encode(code.as_str()))
}

/// A page of an organization's members: a search, and where the page starts (the cursor
/// and the page's number, shown as "page 2 of 147").
pub(crate) fn org_members_page(
    code: &OrgCode,
    as_of: &Date,
    search: &str,
    after: Option<&str>,
    number: Option<u64>,
) -> String {
    let mut href = org_members(code, as_of);
    if !search.is_empty() {
        href.push_str("&q=");
        href.push_str(&encode(search));
    }
    if let Some(cursor) = after {
        href.push_str("&after=");
        href.push_str(&encode(cursor));
    }
    if let Some(number) = number.filter(|_| after.is_some()) {
        href.push_str(&format!("&page={number}"));
    }
    href
}

/// A member's profile.
pub(crate) fn member(code: &MemberCode) -> String {
    format!("/members/{}", encode(code.as_str()))
}

/// The summary report form for an organization, its figures taken on `as_of`.
pub(crate) fn summary(code: &OrgCode) -> String {
    format!("/reports/summary?org={}", encode(code.as_str()))
}

/// The summary report as JSON, with every parameter spelled out.
pub(crate) fn summary_json(code: &str, from: &Date, to: &Date, as_of: &Date) -> String {
    format!(
        "/api/v1/reports/summary?org={}&from={from}&to={to}&as_of={as_of}",
        encode(code)
    )
}

/// The summary report as a workbook, with every parameter spelled out.
pub(crate) fn summary_xlsx(code: &str, from: &Date, to: &Date, as_of: &Date) -> String {
    format!("{}&format=xlsx", summary_json(code, from, to, as_of))
}

/// The summary report page for `code` with the period as typed in the form (a choice
/// among several organizations keeps the rest of the form).
pub(crate) fn summary_with(code: &OrgCode, from: &str, to: &str, as_of: &str) -> String {
    let mut href = summary(code);
    for (key, value) in [("from", from), ("to", to), ("as_of", as_of)] {
        if !value.is_empty() {
            href.push_str(&format!("&{key}={}", encode(value)));
        }
    }
    href
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_percent_encoded_in_links() {
        let code = OrgCode::parse("VX.05&x?y#ĐB").unwrap();
        let day = Date::from_ymd_opt(2020, 7, 31).unwrap();
        assert_eq!(
            org(&code, &day),
            "/orgs/VX.05%26x%3Fy%23%C4%90B?as_of=2020-07-31"
        );
    }

    #[test]
    fn past_periods_link_to_their_last_day() {
        let code = OrgCode::parse("VX").unwrap();
        let day = |s| dangvu_domain::dates::parse_date("d", s).unwrap();
        let past = Period::new(Some(day("2015-08-01")), Some(day("2025-07-01")));
        assert_eq!(org_during(&code, &past), "/orgs/VX?as_of=2025-06-30");
        assert_eq!(org_during(&code, &Period::ALWAYS), "/orgs/VX");
    }

    #[test]
    fn member_pages_carry_search_and_cursor() {
        let code = OrgCode::parse("VX").unwrap();
        let day = Date::from_ymd_opt(2020, 7, 31).unwrap();
        assert_eq!(
            org_members_page(&code, &day, "nguyen van", Some("ab00"), Some(2)),
            "/orgs/VX/members?as_of=2020-07-31&q=nguyen%20van&after=ab00&page=2"
        );
        assert_eq!(
            org_members_page(&code, &day, "", None, Some(1)),
            org_members(&code, &day)
        );
    }
}
