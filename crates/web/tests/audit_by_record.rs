//! The audit page's filter by record code: opening a member's profile, then filtering the
//! log by that member's code, shows the read and nothing about anyone else.

#![allow(clippy::unwrap_used)] // test helpers: failing loudly is the point

mod support;

use axum::http::StatusCode;
use dangvu_storage::{MemberQuery, Scope};
use support::{backends, day, get, urlencode};

#[tokio::test]
async fn filtering_the_audit_page_by_a_member_code_shows_the_reads_of_that_profile() {
    for demo in backends() {
        let everything = Scope::whole_installation(day(support::TODAY));
        let query = MemberQuery {
            org: dangvu_domain::OrgCode::parse("VX.02").unwrap(),
            as_of: day(support::TODAY),
            search: None,
            after: None,
            limit: 2,
        };
        let rows = demo.store.members(&everything, &query).unwrap().rows;
        let (read, other) = (rows[0].code.to_string(), rows[1].code.to_string());
        for code in [&read, &other] {
            let profile = get(demo.app_as("xem"), &format!("/members/{code}")).await;
            assert_eq!(profile.status, StatusCode::OK, "{}", demo.label);
        }
        get(demo.app_as("canbo"), &format!("/members/{other}")).await;

        let uri = format!("/audit?code={}", urlencode(&read));
        let page = get(demo.app(), &uri).await;
        assert_eq!(page.status, StatusCode::OK, "{}", demo.label);
        assert!(page.has(&format!(">{read}<")) && page.has(">read<") && page.has(">xem<"));
        assert!(!page.has(&format!(">{other}<")), "only the chosen record");
        assert!(!page.has(">dataset.load<") && !page.has(">canbo<"));
        assert!(page.has(&format!("name=\"code\" value=\"{read}\"")));
        assert!(page.has("Mã đối tượng"));

        let uri = format!("/audit?code={}&actor=canbo", urlencode(&read));
        let nobody = get(demo.app(), &uri).await;
        assert!(nobody.has("Không có dòng nhật ký nào phù hợp."));
        let uri = format!("/audit?code={}&actor=canbo", urlencode(&other));
        let canbo = get(demo.app(), &uri).await;
        assert!(canbo.has(&format!(">{other}<")) && canbo.has(">canbo<"));
    }
}
