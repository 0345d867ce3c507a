//! `/api/v1/members…`: paging, search, scope, masked citizen IDs and the audit of reads.

use crate::client::{account, error_code, get_bearer, get_session, token};
use crate::support::{Demo, TODAY, backends, day};
use axum::http::StatusCode;
use dangvu_domain::roles::Role;
use dangvu_domain::text::{fold, given_first_key, name_sort_key};
use dangvu_domain::{MemberCode, OrgCode};
use dangvu_storage::{MemberQuery, Scope};
use std::collections::HashSet;

/// The first member of `org`'s list today, and the total.
fn first_member(demo: &Demo, org: &str) -> (String, u64) {
    let query = MemberQuery {
        org: OrgCode::parse(org).unwrap(),
        as_of: day(TODAY),
        search: None,
        after: None,
        limit: 1,
    };
    let page = demo.store.members(&demo.scope(), &query).unwrap();
    (page.rows[0].code.to_string(), page.total)
}

/// A member of the demo with a citizen ID, in `org`'s subtree today.
fn member_with_citizen_id(demo: &Demo, org: &str) -> (String, String) {
    let query = MemberQuery {
        org: OrgCode::parse(org).unwrap(),
        as_of: day(TODAY),
        search: None,
        after: None,
        limit: 200,
    };
    let page = demo.store.members(&demo.scope(), &query).unwrap();
    page.rows
        .iter()
        .find_map(|row| {
            let detail = demo.store.member(&demo.scope(), &row.code).unwrap();
            let id = detail.profile.citizen_id?;
            Some((row.code.to_string(), id))
        })
        .unwrap()
}

#[tokio::test]
async fn a_cell_walks_its_whole_list_in_vietnamese_order_without_duplicates() {
    for demo in backends() {
        let cell = account(&demo, "bithu").org.unwrap();
        let (_, total) = first_member(&demo, cell.as_str());
        assert!(total > 7, "the cell needs more than one page");
        let mut seen: Vec<(String, String)> = Vec::new();
        let mut after = String::new();
        let mut pages = 0;
        loop {
            let uri = format!("/api/v1/members?limit=7&after={after}");
            let page = get_session(&demo, "bithu", &uri).await;
            assert_eq!(page.status, StatusCode::OK, "{}: {}", demo.label, page.body);
            let json = page.json();
            assert_eq!(json["org"], cell.as_str(), "the scope's root is listed");
            assert_eq!(
                (json["total"].as_u64(), json["limit"].as_u64()),
                (Some(total), Some(7))
            );
            assert_eq!(json["total_exact"], true, "a cell is counted exactly");
            let rows = json["members"].as_array().unwrap();
            assert!(rows.len() <= 7 && !rows.is_empty());
            for row in rows {
                let name = row["full_name"].as_str().unwrap().to_string();
                seen.push((row["code"].as_str().unwrap().to_string(), name));
                assert!(row["status"].is_string() && row["org"]["code"].is_string());
            }
            pages += 1;
            match json["next"].as_str() {
                Some(next) => after = next.to_string(),
                None => break,
            }
            assert!(pages < 100, "the walk does not end");
        }
        assert_eq!(seen.len() as u64, total);
        let codes: HashSet<&String> = seen.iter().map(|(code, _)| code).collect();
        assert_eq!(codes.len(), seen.len(), "a member listed twice");
        for pair in seen.windows(2) {
            assert!(
                name_sort_key(&pair[0].1) <= name_sort_key(&pair[1].1),
                "{pair:?}"
            );
        }
    }
}

#[tokio::test]
async fn searching_without_diacritics_finds_vietnamese_names() {
    for demo in backends() {
        let secret = token(&demo, "canbo");
        let org = account(&demo, "canbo").org.unwrap();
        let uri = format!("/api/v1/members?org={org}&q=nguyen&limit=500");
        let page = get_bearer(&demo, &secret, &uri).await;
        assert_eq!(page.status, StatusCode::OK, "{}: {}", demo.label, page.body);
        let json = page.json();
        assert_eq!(json["q"], "nguyen");
        let names: Vec<&str> = json["members"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["full_name"].as_str().unwrap())
            .collect();
        assert!(names.iter().any(|n| n.starts_with("Nguyễn ")), "{names:?}");
        for name in &names {
            let matches =
                fold(name).starts_with("nguyen") || given_first_key(name).starts_with("nguyen");
            assert!(matches, "{name} does not match");
        }
    }
}

#[tokio::test]
async fn citizen_ids_are_masked_unless_the_role_needs_them() {
    for demo in backends() {
        let org = account(&demo, "xem").org.unwrap();
        let (code, citizen_id) = member_with_citizen_id(&demo, org.as_str());
        let uri = format!("/api/v1/members/{code}");
        let viewer = get_bearer(&demo, &token(&demo, "xem"), &uri).await;
        assert_eq!(
            viewer.status,
            StatusCode::OK,
            "{}: {}",
            demo.label,
            viewer.body
        );
        let masked = viewer.json();
        assert_eq!(masked["citizen_id_masked"], true);
        let shown = masked["citizen_id"].as_str().unwrap();
        assert!(shown.contains('•') && shown != citizen_id, "{shown}");
        assert!(!viewer.body.contains(&citizen_id));
        let admin = get_session(&demo, "quantri", &uri).await.json();
        assert_eq!(
            (
                admin["citizen_id"].as_str(),
                admin["citizen_id_masked"].as_bool()
            ),
            (Some(citizen_id.as_str()), Some(false))
        );
        assert_eq!(admin["code"], code.as_str());
        let detail = demo
            .store
            .member(&demo.scope(), &MemberCode::parse(&code).unwrap())
            .unwrap();
        assert_eq!(admin["full_name"], detail.profile.full_name);
        assert_eq!(
            admin["registrations"].as_array().unwrap().len(),
            detail.registrations.len()
        );
        assert_eq!(
            admin["statuses"].as_array().unwrap().len(),
            detail.statuses.len()
        );
        assert_eq!(
            admin["ratings"].as_array().unwrap().len(),
            detail.ratings.len()
        );
    }
}

#[tokio::test]
async fn a_member_reads_only_their_own_record_and_every_read_is_audited() {
    for demo in backends() {
        let own = account(&demo, "dangvien").member.unwrap();
        let username = format!("api-dv-{}", demo.label.to_lowercase());
        let password = demo.new_account(&username, Role::DangVien, None, Some(own.as_str()));
        let session = crate::support::sign_in(demo.anonymous(), &username, &password)
            .await
            .unwrap();
        let get = |uri: String| {
            let request = axum::http::Request::get(uri)
                .body(axum::body::Body::empty())
                .unwrap();
            crate::support::send(
                demo.anonymous(),
                crate::support::with_session(request, &session),
            )
        };
        let before = demo
            .audit_of(&username)
            .iter()
            .filter(|r| r.action == "read")
            .count();
        let page = get(format!("/api/v1/members/{own}")).await;
        assert_eq!(page.status, StatusCode::OK, "{}: {}", demo.label, page.body);
        assert_eq!(page.json()["code"], own.as_str());
        assert_eq!(
            page.json()["citizen_id_masked"],
            false,
            "a member sees their own ID"
        );
        let reads: Vec<_> = demo
            .audit_of(&username)
            .into_iter()
            .filter(|r| r.action == "read")
            .collect();
        assert_eq!(reads.len(), before + 1, "one audit row per read");
        assert_eq!(
            (reads[0].entity.as_str(), reads[0].entity_code.as_deref()),
            ("member", Some(own.as_str()))
        );

        let scope = Scope::subtree(OrgCode::parse("TQ").unwrap(), day(TODAY));
        let query = MemberQuery {
            org: OrgCode::parse("TQ").unwrap(),
            as_of: day(TODAY),
            search: None,
            after: None,
            limit: 2,
        };
        let rows = demo.store.members(&scope, &query).unwrap().rows;
        let other = rows
            .iter()
            .find(|r| r.code != own)
            .unwrap()
            .code
            .to_string();
        assert!(
            demo.store
                .member(&scope, &MemberCode::parse(&other).unwrap())
                .is_ok()
        );
        let page = get(format!("/api/v1/members/{other}")).await;
        assert_eq!(page.status, StatusCode::NOT_FOUND);
        assert_eq!(error_code(&page), "not_found");
        let list = get("/api/v1/members?org=TQ".to_string()).await;
        assert_eq!(
            (list.status, error_code(&list).as_str()),
            (StatusCode::FORBIDDEN, "forbidden")
        );
    }
}

#[tokio::test]
async fn a_cell_secretary_gets_404_for_another_cells_member() {
    for demo in backends() {
        let secret = token(&demo, "bithu");
        let cell = account(&demo, "bithu").org.unwrap();
        let (inside, _) = first_member(&demo, cell.as_str());
        let (outside, _) = first_member(&demo, "VX.01.02");
        let ok = get_bearer(&demo, &secret, &format!("/api/v1/members/{inside}")).await;
        assert_eq!(ok.status, StatusCode::OK, "{}", ok.body);
        assert_eq!(
            ok.json()["citizen_id_masked"],
            false,
            "a secretary sees citizen IDs"
        );
        let out = get_bearer(&demo, &secret, &format!("/api/v1/members/{outside}")).await;
        assert_eq!(
            (out.status, error_code(&out).as_str()),
            (StatusCode::NOT_FOUND, "not_found")
        );
        let missing = get_bearer(&demo, &secret, "/api/v1/members/KHONG-CO").await;
        assert_eq!(
            out.json()["error"]["message_en"]
                .as_str()
                .map(|m| m.replace(&outside, "")),
            missing.json()["error"]["message_en"]
                .as_str()
                .map(|m| m.replace("KHONG-CO", "")),
            "out of scope reads exactly like missing"
        );
        let list = get_bearer(&demo, &secret, "/api/v1/members?org=VX.01.02").await;
        assert_eq!(list.status, StatusCode::NOT_FOUND);
    }
}

#[tokio::test]
async fn the_schema_says_when_the_total_is_only_a_lower_bound() {
    let demo = backends().remove(0);
    let doc = crate::support::get(demo.anonymous(), "/api/v1/openapi.json")
        .await
        .json();
    let page = &doc["components"]["schemas"]["MemberPageJson"];
    let exact = &page["properties"]["total_exact"];
    assert_eq!(exact["type"], "boolean", "{page}");
    assert!(
        exact["description"]
            .as_str()
            .is_some_and(|d| d.contains("more than")),
        "{exact}"
    );
    let required = page["required"].as_array().unwrap();
    assert!(required.contains(&"total".into()) && required.contains(&"total_exact".into()));
}
