//! The report form's organization field: a code in any case or part of a name without
//! diacritics, found within the reader's scope; choices, or the form back with a message.

use super::support::{TODAY, backends, day, get};
use axum::http::StatusCode;
use dangvu_domain::OrgCode;
use dangvu_storage::Scope;

const PERIOD: &str = "from=2015-08-01&to=2020-07-31";

fn page_of(org: &str) -> String {
    format!(
        "/reports/summary?org={}&{PERIOD}",
        super::support::urlencode(org)
    )
}

#[tokio::test]
async fn a_code_in_any_case_gives_the_report() {
    for demo in backends() {
        for typed in ["vx", "VX", " Vx "] {
            let page = get(demo.app(), &page_of(typed)).await;
            assert_eq!(page.status, StatusCode::OK, "{typed} on {}", demo.label);
            assert!(page.has("class=\"figures\""), "{typed}: the report");
            assert!(page.has(">Đảng bộ huyện Vị Xuyên</a>"), "{typed}");
            assert!(
                page.has("name=\"org\" value=\"VX\""),
                "the field shows the code"
            );
        }
    }
}

#[tokio::test]
async fn a_name_with_or_without_diacritics_finds_the_district_among_the_choices() {
    for demo in backends() {
        for typed in ["vị xuyên", "vi xuyen", "VI XUYEN"] {
            let page = get(demo.app(), &page_of(typed)).await;
            assert_eq!(page.status, StatusCode::OK, "{typed} on {}", demo.label);
            assert!(!page.has("class=\"figures\""), "{typed}: a choice first");
            assert!(page.has("Có nhiều tổ chức phù hợp, hãy chọn một:"));
            let district = page.href_of("Đảng bộ huyện Vị Xuyên").unwrap();
            assert_eq!(district, format!("/reports/summary?org=VX&{PERIOD}"));
            let xa = page.href_of("Đảng bộ xã Vị Xuyên").unwrap();
            assert!(xa.starts_with("/reports/summary?org=TQ.X01&"), "{xa}");
            assert!(
                page.has(&format!("value=\"{typed}\"")),
                "the field keeps the text"
            );
            let chosen = get(demo.app(), &district).await;
            assert!(chosen.has("class=\"figures\""));
        }
        let full = get(demo.app(), &page_of("dang bo huyen vi xuyen")).await;
        assert!(full.has(">Đảng bộ huyện Vị Xuyên</a>") && full.has("class=\"figures\""));
    }
}

#[tokio::test]
async fn an_organization_outside_the_scope_is_not_found_by_code_or_by_name() {
    for demo in backends() {
        let everything = Scope::whole_installation(day(TODAY));
        let sibling = OrgCode::parse("VX.01.02").unwrap();
        let name = demo
            .store
            .org(&everything, &sibling, day(TODAY))
            .unwrap()
            .org
            .name;
        for typed in ["VX.01.02", "vx.01.02", name.as_str()] {
            let page = get(demo.app_as("bithu"), &page_of(typed)).await;
            assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY, "{typed}");
            let message = format!("Không tìm thấy tổ chức nào có mã hoặc tên «{typed}».");
            assert!(page.has(&message), "{message}");
            assert!(!page.has(">VX.01.02<"), "{typed}: nothing of it shown");
        }
        // The district and the province's committee are outside a cell secretary's reach.
        let page = get(demo.app_as("bithu"), &page_of("vi xuyen")).await;
        assert!(page.href_of("Đảng bộ huyện Vị Xuyên").is_none());
        assert!(page.href_of("Đảng bộ xã Vị Xuyên").is_none());
        // The province's staff find today's commune, not the dissolved district.
        let page = get(demo.app_as("canbo"), &page_of("vi xuyen")).await;
        assert!(page.href_of("Đảng bộ xã Vị Xuyên").is_some() || page.has("class=\"figures\""));
        assert!(page.href_of("Đảng bộ huyện Vị Xuyên").is_none());
        assert!(!page.has(">Đảng bộ huyện Vị Xuyên</a>"));
    }
}

#[tokio::test]
async fn a_bad_value_gives_the_form_back_filled_with_the_message_beside_the_field() {
    for demo in backends() {
        let page = get(
            demo.app(),
            "/reports/summary?org=KHONG.CO&from=2015-08-01&to=2020-07-31",
        )
        .await;
        assert_eq!(
            page.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            demo.label
        );
        assert!(page.has("value=\"KHONG.CO\"") && page.has("value=\"01/08/2015\""));
        assert!(page.has("id=\"org_error\" class=\"field-error\" role=\"alert\">Không tìm thấy tổ chức nào có mã hoặc tên «KHONG.CO».</small>"));
        assert!(page.has("<form"), "the form, not an error page");

        let page = get(
            demo.app(),
            "/reports/summary?org=vi+xuyen&from=31/02/2020&to=2020-07-31",
        )
        .await;
        assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            page.has("name=\"from\" value=\"31/02/2020\""),
            "kept as typed"
        );
        assert!(page.has("value=\"vi xuyen\""));
        let error = page.body.split("id=\"from_error\"").nth(1).unwrap();
        assert!(
            error[..200.min(error.len())].contains("31/02/2020"),
            "{error}"
        );
        assert!(!page.has("class=\"figures\""));

        let page = get(
            demo.app(),
            "/reports/summary?org=VX&from=2020-07-31&to=2015-08-01",
        )
        .await;
        assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
        let error = page.body.split("id=\"to_error\"").nth(1).unwrap();
        assert!(error.contains("Khoảng thời gian không hợp lệ"), "{error}");
        assert!(page.has("aria-invalid=\"true\""));
    }
}
