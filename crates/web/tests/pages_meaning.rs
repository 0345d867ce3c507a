//! What the pages say must mean something: a member who died is headed with their status
//! and their history ends at the death, and the account of a member who left the Party
//! stops working; each kind of organization shows the figures that describe it; and no
//! link leads a reader outside their scope ("not found", "forbidden").

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use axum::Router;
use axum::body::Body;
use axum::http::Request;
use axum::http::StatusCode;
use dangvu_domain::dataset::MemberRecord;
use dangvu_domain::roles::Role;
use dangvu_domain::standing::left_party;
use dangvu_domain::{MemberStatus, OrgType};
use dangvu_web::AppState;
use std::sync::Arc;
use support::{Demo, TODAY, backends, day, get, login_request, send, sign_in, with_session};

/// The figure labels of an organization's cards and children table.
const GRASSROOTS: &str = "Tổ chức cơ sở đảng<";
const CELLS: &str = "Chi bộ trực thuộc đảng ủy cơ sở<";

/// A demo member who died while registered in a cell (their registration was still open).
fn deceased(demo: &Demo) -> (&'static MemberRecord, dangvu_domain::Date) {
    demo.dataset
        .members
        .iter()
        .find_map(|m| {
            let (died, status) = left_party(&m.status_periods())?;
            let open = m.registration_on(died).is_some();
            (status == MemberStatus::TuTran && open && died <= day(TODAY)).then_some((m, died))
        })
        .expect("the demo has members who died")
}

/// The part of `body` from `start` to the end of the table that follows it.
fn table_after<'a>(body: &'a str, start: &str) -> &'a str {
    let from = body.find(start).unwrap();
    let to = body[from..].find("</table>").unwrap() + from;
    &body[from..to]
}

#[tokio::test]
async fn a_deceased_member_is_headed_with_the_status_and_the_history_ends_at_the_death() {
    for demo in backends() {
        let (member, died) = deceased(&demo);
        let page = get(demo.app(), &format!("/members/{}", member.code)).await;
        assert_eq!(page.status, StatusCode::OK, "{}", demo.label);
        let from = page.body.find("<h1>").unwrap();
        let head = &page.body[from..from + page.body[from..].find("</div>").unwrap()];
        assert!(head.contains("badge badge-left\">Từ trần<"), "{head}");
        assert!(
            !head.contains("Chính thức") && !head.contains("Dự bị"),
            "{head}"
        );
        let registrations = table_after(&page.body, "Quá trình sinh hoạt đảng");
        let last_day = died.pred_opt().unwrap().format("%d/%m/%Y").to_string();
        assert!(
            registrations.contains(&format!("\">{last_day}</td>")),
            "{registrations}"
        );
        assert!(
            !registrations.contains(">Nay<"),
            "no registration runs to today"
        );
        let statuses = table_after(&page.body, "Trạng thái qua các thời kỳ");
        assert!(statuses.contains(&died.format("%d/%m/%Y").to_string()));

        let json = get(demo.app(), &format!("/api/v1/members/{}", member.code)).await;
        let regs = json.json()["registrations"].clone();
        let last = regs.as_array().unwrap().last().unwrap().clone();
        assert_eq!(last["to"], died.to_string(), "the API ends it too: {last}");
    }
}

#[tokio::test]
async fn a_living_member_is_headed_official_or_probationary() {
    for demo in backends() {
        let today = day(TODAY);
        let member = demo
            .dataset
            .members
            .iter()
            .find(|m| m.status_on(today) == MemberStatus::DangSinhHoat && m.admitted_on <= today)
            .unwrap();
        let page = get(demo.app(), &format!("/members/{}", member.code)).await;
        let expected = if member.is_probationary_on(today) {
            "Dự bị"
        } else {
            "Chính thức"
        };
        assert!(
            page.has(&format!("badge badge-active\">{expected}<")),
            "{}",
            demo.label
        );
    }
}

/// The first organization of `org_type` that stands today.
fn first_of(demo: &Demo, org_type: OrgType) -> String {
    let today = day(TODAY);
    demo.dataset
        .orgs
        .iter()
        .find(|o| o.org_type == org_type && o.is_active_on(today))
        .map(|o| o.code.to_string())
        .unwrap_or_else(|| panic!("no {org_type:?} today"))
}

#[tokio::test]
async fn each_kind_of_organization_shows_the_figures_that_describe_it() {
    for demo in backends() {
        let cell = first_of(&demo, OrgType::ChiBoTrucThuoc);
        let committee = first_of(&demo, OrgType::DangBoCoSo);
        let page = get(demo.app(), &format!("/orgs/{cell}")).await;
        assert_eq!(page.status, StatusCode::OK, "{}", demo.label);
        assert!(
            !page.has(GRASSROOTS) && !page.has(CELLS),
            "a cell: members only"
        );
        assert!(page.has("figure-label\">Đảng viên dự bị<"));

        let page = get(demo.app(), &format!("/orgs/{committee}")).await;
        assert!(
            !page.has(GRASSROOTS),
            "a grassroots committee is not one of its figures"
        );
        assert!(page.has(&format!("figure-label\">{CELLS}")), "its cells");
        let children = table_after(&page.body, "<table class=\"data\">");
        assert!(
            !children.contains(CELLS),
            "its cells' rows have no cell column"
        );

        let page = get(demo.app(), "/orgs/TQ").await;
        assert!(page.has(&format!("figure-label\">{GRASSROOTS}")) && page.has(CELLS));

        let tree = get(demo.app_as("bithu"), "/").await;
        assert!(
            !tree.has(GRASSROOTS) && !tree.has(CELLS),
            "bithu's tree is one cell"
        );
        let report = get(
            demo.app_as("bithu"),
            "/reports/summary?org=VX.01.01&from=2025-01-01&to=2025-11-26",
        )
        .await;
        assert_eq!(report.status, StatusCode::OK);
        assert!(
            !report.has(GRASSROOTS) && !report.has(CELLS),
            "nor its report"
        );
    }
}

/// The local addresses of the page's links to records and reports: every organization and
/// report, the first few members.
fn record_links(body: &str) -> Vec<String> {
    let mut links: Vec<String> = body
        .match_indices("href=\"/")
        .map(|(at, _)| {
            let rest = &body[at + 6..];
            rest[..rest.find('"').unwrap()].replace("&amp;", "&")
        })
        .filter(|href| {
            ["/orgs/", "/members/", "/reports/"]
                .iter()
                .any(|p| href.starts_with(p))
        })
        .filter(|href| !href.contains("/export"))
        .collect();
    links.sort();
    links.dedup();
    let members = links.iter().filter(|l| l.starts_with("/members/")).count();
    let skipped = members.saturating_sub(4);
    links.drain(..skipped);
    links
}

/// Follows the record links of `uri` as `app` and expects each to open.
async fn every_link_opens(app: impl Fn() -> Router, uri: &str) -> Vec<String> {
    let page = get(app(), uri).await;
    assert_eq!(page.status, StatusCode::OK, "{uri}");
    let links = record_links(&page.body);
    for link in &links {
        let target = get(app(), link).await;
        assert!(
            target.status == StatusCode::OK || target.status == StatusCode::SEE_OTHER,
            "{uri} links to {link}, which answers {}",
            target.status
        );
    }
    links
}

#[tokio::test]
async fn no_link_leads_a_reader_outside_their_scope() {
    for demo in backends() {
        let bithu = || demo.app_as("bithu");
        let page = get(bithu(), "/orgs/VX.01.01?as_of=2020-07-31").await;
        let crumbs = &page.body[..page.body.find("aria-current=\"page\"").unwrap()];
        assert!(
            crumbs.contains("Đảng bộ huyện Vị Xuyên"),
            "named, {}",
            demo.label
        );
        assert!(
            !crumbs.contains("href=\"/orgs/"),
            "but not linked: {crumbs}"
        );
        let pages = [
            "/orgs/VX.01.01",
            "/orgs/VX.01.01?as_of=2020-07-31",
            "/orgs/VX.01.01/members",
        ];
        for uri in pages {
            every_link_opens(bithu, uri).await;
        }
        let xem = || demo.app_as("xem");
        for uri in ["/orgs/VX.02", "/orgs/VX.02/members?as_of=2020-07-31"] {
            every_link_opens(xem, uri).await;
        }
        let admin = get(demo.app(), "/orgs/VX.01.01?as_of=2020-07-31").await;
        assert!(
            admin.has("href=\"/orgs/VX?as_of=2020-07-31\""),
            "the administrator's crumbs link"
        );

        let home = get(demo.app_as("dangvien"), "/").await;
        let own_uri = home.header("location").to_string();
        assert!(own_uri.starts_with("/members/"), "{own_uri}");
        let linked = every_link_opens(|| demo.app_as("dangvien"), &own_uri).await;
        assert!(
            !linked.iter().any(|l| l.starts_with("/orgs/")),
            "a member's own record links to no organization: {linked:?}"
        );
    }
}

/// The router of `demo` on another day (the clock stays the tests' instant).
fn router_on(demo: &Demo, today: dangvu_domain::Date) -> Router {
    dangvu_web::router(AppState::new(
        Arc::clone(&demo.store),
        Arc::new(move || today),
        Arc::new(support::now),
    ))
}

fn get_request(uri: &str) -> Request<Body> {
    Request::get(uri).body(Body::empty()).unwrap()
}

#[tokio::test]
async fn the_account_of_a_member_who_left_the_party_stops_on_that_day() {
    for demo in backends() {
        let (member, died) = deceased(&demo);
        let code = member.code.to_string();
        let password = demo.new_account("left.member", Role::DangVien, None, Some(&code));
        let ip = "192.0.2.40";
        let refused = send(
            demo.anonymous(),
            login_request("left.member", &password, "/", ip),
        )
        .await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN, "{}", demo.label);
        let since = died.format("%d/%m/%Y").to_string();
        assert!(
            refused.has(&format!("ngừng hoạt động từ ngày {since}")),
            "{}",
            refused.body
        );
        assert!(refused.header("set-cookie").is_empty(), "no session");
        let wrong = send(
            demo.anonymous(),
            login_request("left.member", "sai-mat-khau-1", "/", ip),
        )
        .await;
        assert_eq!(
            wrong.status,
            StatusCode::UNAUTHORIZED,
            "a stranger learns nothing"
        );
        assert!(!wrong.has("ngừng hoạt động"));
        let audit = demo.audit_of("left.member");
        assert!(audit.iter().any(|row| {
            row.action == "login.failed"
                && row
                    .after_json
                    .as_deref()
                    .is_some_and(|j| j.contains("member_left"))
        }));

        // Before that day the account worked; its session and token stop on the day.
        let before = died.pred_opt().unwrap();
        let session = sign_in(router_on(&demo, before), "left.member", &password)
            .await
            .expect("the account works while the member is alive");
        let own = format!("/members/{code}");
        let alive = send(
            router_on(&demo, before),
            with_session(get_request(&own), &session),
        )
        .await;
        assert_eq!(alive.status, StatusCode::OK);
        let after = send(demo.anonymous(), with_session(get_request(&own), &session)).await;
        assert_eq!(
            after.status,
            StatusCode::SEE_OTHER,
            "the session no longer counts"
        );
        assert!(after.header("location").starts_with("/login"));
        let secret = demo.token("left.member");
        let api = format!("/api/v1/members/{code}");
        let bearer = |uri: &str| {
            Request::get(uri)
                .header("authorization", format!("Bearer {secret}"))
                .body(Body::empty())
                .unwrap()
        };
        assert_eq!(
            send(router_on(&demo, before), bearer(&api)).await.status,
            StatusCode::OK
        );
        assert_eq!(
            send(demo.anonymous(), bearer(&api)).await.status,
            StatusCode::UNAUTHORIZED
        );
    }
}

#[tokio::test]
async fn the_demo_member_account_belongs_to_a_living_member() {
    for demo in backends() {
        let home = get(demo.app_as("dangvien"), "/").await;
        let code = home
            .header("location")
            .trim_start_matches("/members/")
            .to_string();
        let member = demo
            .dataset
            .members
            .iter()
            .find(|m| m.code.as_str() == code)
            .unwrap();
        assert!(
            member.status_on(day(TODAY)).counts_as_member(),
            "{code} on {}",
            demo.label
        );
        let page = get(demo.app_as("dangvien"), &format!("/members/{code}")).await;
        assert!(page.has("badge badge-active"), "{}", demo.label);
    }
}
