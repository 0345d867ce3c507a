//! `/api/v1/orgs…`: roots, one organization and its children, within the caller's scope.

use crate::client::{account, error_code, get_bearer, get_session, token};
use crate::support::{TODAY, backends, day};
use axum::http::StatusCode;
use dangvu_domain::OrgCode;
use dangvu_storage::Scope;

#[tokio::test]
async fn a_cell_secretary_sees_only_its_cell_as_the_root() {
    for demo in backends() {
        let cell = account(&demo, "bithu").org.unwrap();
        let secret = token(&demo, "bithu");
        let roots = get_bearer(&demo, &secret, "/api/v1/orgs").await;
        assert_eq!(
            roots.status,
            StatusCode::OK,
            "{}: {}",
            demo.label,
            roots.body
        );
        let json = roots.json();
        assert_eq!(json["as_of"], TODAY);
        let orgs = json["orgs"].as_array().unwrap();
        assert_eq!(orgs.len(), 1, "{orgs:?}");
        assert_eq!(orgs[0]["code"], cell.as_str());
        let scope = Scope::subtree(cell.clone(), day(TODAY));
        let figures = demo.store.figures(&scope, &cell, day(TODAY)).unwrap();
        assert_eq!(orgs[0]["figures"]["members"], figures.members);
        assert!(figures.members > 0);

        let own = get_bearer(&demo, &secret, &format!("/api/v1/orgs/{cell}")).await;
        assert_eq!(own.status, StatusCode::OK);
        let sibling = get_bearer(&demo, &secret, "/api/v1/orgs/VX.01.02").await;
        assert_eq!(sibling.status, StatusCode::NOT_FOUND, "{}", sibling.body);
        assert_eq!(error_code(&sibling), "not_found");
        let missing = get_bearer(&demo, &secret, "/api/v1/orgs/KHONG.CO").await;
        assert_eq!(missing.json()["error"]["code"], "not_found");
        let children = get_bearer(&demo, &secret, "/api/v1/orgs/VX.01.02/children").await;
        assert_eq!(children.status, StatusCode::NOT_FOUND);
    }
}

#[tokio::test]
async fn an_organization_answers_with_its_history_and_the_stores_figures() {
    for demo in backends() {
        let as_of = "2020-07-31";
        let page = get_session(&demo, "quantri", &format!("/api/v1/orgs/VX?as_of={as_of}")).await;
        assert_eq!(page.status, StatusCode::OK, "{}: {}", demo.label, page.body);
        let json = page.json();
        let vx = OrgCode::parse("VX").unwrap();
        let scope = demo.scope();
        let detail = demo.store.org(&scope, &vx, day(as_of)).unwrap();
        let figures = demo.store.figures(&scope, &vx, day(as_of)).unwrap();
        assert_eq!(json["code"], "VX");
        assert_eq!(json["name"], detail.org.name);
        assert_eq!(json["type"], detail.org.org_type.to_string());
        assert_eq!(
            (json["as_of"].as_str(), json["active"].as_bool()),
            (Some(as_of), Some(true))
        );
        assert_eq!(json["figures"]["members"], figures.members);
        assert_eq!(
            json["figures"]["members_probationary"],
            figures.members_probationary
        );
        assert_eq!(json["figures"]["grassroots_orgs"], figures.grassroots_orgs);
        let ancestors: Vec<&str> = json["ancestors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["code"].as_str().unwrap())
            .collect();
        let expected: Vec<&str> = detail.ancestors.iter().map(|a| a.code.as_str()).collect();
        assert_eq!(ancestors, expected);
        let history = json["parent_history"].as_array().unwrap();
        assert_eq!(history.len(), detail.parent_history.len());
        assert!(
            history
                .iter()
                .all(|p| p.get("from").is_some() && p.get("parent").is_some())
        );
    }
}

#[tokio::test]
async fn before_it_existed_an_organization_is_inactive_without_figures() {
    for demo in backends() {
        let org = demo
            .dataset
            .orgs
            .iter()
            .find(|o| o.founded_on.is_some_and(|d| d > day("2000-01-02")))
            .unwrap();
        let founded = org.founded_on.unwrap();
        let before = founded.pred_opt().unwrap();
        let uri = format!("/api/v1/orgs/{}?as_of={before}", org.code);
        let page = get_session(&demo, "quantri", &uri).await;
        assert_eq!(page.status, StatusCode::OK, "{}: {}", demo.label, page.body);
        let json = page.json();
        assert_eq!(json["active"], false, "{json}");
        assert!(json["figures"].is_null());
        assert_eq!(json["founded_on"], founded.to_string());
        let children = get_session(
            &demo,
            "quantri",
            &format!("/api/v1/orgs/{}/children?as_of={before}", org.code),
        )
        .await;
        assert_eq!(children.status, StatusCode::OK);
        assert_eq!(children.json()["children"], serde_json::json!([]));
        let on_the_day = get_session(
            &demo,
            "quantri",
            &format!("/api/v1/orgs/{}?as_of={founded}", org.code),
        )
        .await;
        assert_eq!(on_the_day.json()["active"], true);
        assert!(on_the_day.json()["figures"].is_object());
    }
}

#[tokio::test]
async fn children_come_with_the_stores_figures_in_code_order() {
    for demo in backends() {
        let tq = OrgCode::parse("TQ").unwrap();
        let expected = demo.store.children(&demo.scope(), &tq, day(TODAY)).unwrap();
        assert!(expected.len() > 1);
        let secret = token(&demo, "quantri");
        let page = get_bearer(&demo, &secret, "/api/v1/orgs/TQ/children").await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        let json = page.json();
        assert_eq!(
            (json["org"].as_str(), json["as_of"].as_str()),
            (Some("TQ"), Some(TODAY))
        );
        let children = json["children"].as_array().unwrap();
        assert_eq!(children.len(), expected.len());
        for (got, want) in children.iter().zip(&expected) {
            assert_eq!(got["code"], want.org.code.as_str());
            assert_eq!(got["type"], want.org.org_type.to_string());
            assert_eq!(got["figures"]["members"], want.figures.members);
            assert_eq!(
                got["figures"]["members_exempted"],
                want.figures.members_exempted
            );
        }
        let admin_roots = get_bearer(&demo, &secret, "/api/v1/orgs").await.json();
        let roots: Vec<&str> = admin_roots["orgs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["code"].as_str().unwrap())
            .collect();
        let store_roots = demo.store.roots(&demo.scope(), day(TODAY)).unwrap();
        let store_roots: Vec<&str> = store_roots.iter().map(|r| r.code.as_str()).collect();
        assert_eq!(roots, store_roots);
    }
}
