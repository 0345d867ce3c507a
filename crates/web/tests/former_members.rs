//! One visibility rule for people who left a subtree (`dangvu_storage`'s `tree::anchor`):
//! a subtree scope sees a member only while their registration today (or their last one,
//! if they left the Party) lies in the subtree. Someone who moved to another cell is
//! neither listed in the subtree's past member lists nor exported with it, and their
//! profile answers "not found" — never listed in one place and "not found" in another.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;
#[path = "transfer_support/mod.rs"]
mod transfer_support;

use axum::http::StatusCode;
use dangvu_domain::Date;
use dangvu_domain::dataset::MemberRecord;
use support::{Demo, TODAY, backends, day, get};
use transfer_support::{get_as, one_at_a_time, send_raw, unzipped};

/// The cell of the demo's cell secretary `bithu`.
const CELL: &str = "VX.01.01";

/// Members once registered in [`CELL`] and elsewhere after, by the tests' today, each
/// with a day they were there.
fn moved_out(demo: &Demo) -> Vec<(&'static MemberRecord, Date)> {
    let today = day(TODAY);
    demo.dataset
        .members
        .iter()
        .filter_map(|m| {
            let i = m
                .registrations
                .iter()
                .position(|r| r.org.as_str() == CELL)?;
            let later: Vec<_> = m.registrations[i + 1..]
                .iter()
                .filter(|r| r.since.is_none_or(|since| since <= today))
                .collect();
            if later.is_empty() || later.iter().any(|r| r.org.as_str() == CELL) {
                return None;
            }
            let since = m.registrations[i].since.unwrap_or(m.admitted_on);
            Some((m, since.max(m.admitted_on)))
        })
        .collect()
}

/// The member codes of the API's list of `org` on `day` searched for `q`, as `app` sees it.
async fn listed(app: axum::Router, org: &str, day: Date, q: &str) -> Vec<String> {
    let q = q.replace(' ', "+");
    let uri = format!("/api/v1/members?org={org}&as_of={day}&q={q}&limit=500");
    let page = get(app, &uri).await;
    assert_eq!(page.status, StatusCode::OK, "{uri}");
    page.json()["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["code"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn people_who_moved_out_are_not_listed_in_the_past_lists_of_the_subtree() {
    for demo in backends() {
        let mut checked = 0;
        for (member, day) in moved_out(&demo) {
            let name = &member.profile.full_name;
            let by_admin = listed(demo.app(), CELL, day, name).await;
            if !by_admin.contains(&member.code.to_string()) {
                continue; // not counted on that day (not yet admitted, or suspended)
            }
            checked += 1;
            let by_secretary = listed(demo.app_as("bithu"), CELL, day, name).await;
            assert!(
                !by_secretary.contains(&member.code.to_string()),
                "{}: {} is listed in {CELL} on {day} for its secretary",
                demo.label,
                member.code
            );
            let uri = format!("/api/v1/members/{}", member.code);
            let profile = get(demo.app_as("bithu"), &uri).await;
            assert_eq!(profile.status, StatusCode::NOT_FOUND, "{uri}");
        }
        assert!(checked >= 2, "{}: {checked} members moved out", demo.label);
    }
}

#[tokio::test]
async fn every_member_of_a_past_list_opens_for_the_same_reader() {
    for demo in backends() {
        for day in ["2016-01-01", "2019-06-30", "2023-01-01"] {
            let day: Date = day.parse().unwrap();
            let codes = listed(demo.app_as("kiemtra"), "VX.01", day, "").await;
            assert!(
                !codes.is_empty(),
                "{}: nobody in VX.01 on {day}",
                demo.label
            );
            for code in codes {
                let uri = format!("/api/v1/members/{code}");
                let page = get(demo.app_as("kiemtra"), &uri).await;
                assert_eq!(page.status, StatusCode::OK, "{}: {uri}", demo.label);
            }
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_subtree_export_holds_the_people_who_belong_to_it_today() {
    let _serial = one_at_a_time().await;
    for demo in backends() {
        let uri = format!("/orgs/{CELL}/export?format=csv");
        let zip = send_raw(demo.anonymous(), get_as(&demo.session("bithu"), &uri)).await;
        assert_eq!(zip.status, StatusCode::OK, "{}", demo.label);
        let (_, members) = unzipped(&zip.body)
            .into_iter()
            .find(|(name, _)| name.ends_with("/dang_vien.csv"))
            .unwrap();
        let exported: Vec<&str> = members
            .lines()
            .skip(1)
            .filter_map(|l| l.split(',').next())
            .collect();
        let gone = moved_out(&demo);
        assert!(!gone.is_empty());
        for (member, _) in gone {
            assert!(
                !exported.contains(&member.code.as_str()),
                "{}: {} left {CELL} and is exported with it",
                demo.label,
                member.code
            );
        }
        let today = day(TODAY);
        let current = demo
            .dataset
            .members
            .iter()
            .filter(|m| {
                let mut so_far = m
                    .registrations
                    .iter()
                    .filter(|r| r.since.is_none_or(|s| s <= today));
                so_far.next_back().is_some_and(|r| r.org.as_str() == CELL)
            })
            .collect::<Vec<_>>();
        assert!(!current.is_empty());
        for member in current {
            assert!(exported.contains(&member.code.as_str()), "{}", member.code);
        }
    }
}
