//! The error contract: statuses, stable codes and messages that never leak internals.

use super::*;
use dangvu_domain::Date;

#[test]
fn store_not_found_becomes_a_404_naming_the_code() {
    let err = AppError::from(StoreError::NotFound {
        entity: dangvu_storage::Entity::Organization,
        code: "XX".into(),
    });
    assert_eq!(err.status(), StatusCode::NOT_FOUND);
    assert!(err.message(Lang::Vi).contains("XX"));
    assert!(err.message(Lang::Vi).contains("tổ chức"));
}

#[test]
fn database_failures_are_500_without_their_text() {
    let err = AppError::from(StoreError::Database("syntax error near SELECT".into()));
    assert_eq!(err.status(), StatusCode::INTERNAL_SERVER_ERROR);
    for lang in [Lang::Vi, Lang::En] {
        assert!(!err.message(lang).contains("SELECT"));
    }
}

#[test]
fn bad_dates_name_the_field_and_the_value_in_vietnamese() {
    let err = AppError::from(BadInput::Date {
        field: "as_of",
        value: "31/02/2020".into(),
    });
    let vi = err.message(Lang::Vi);
    assert!(
        vi.contains("31/02/2020") && vi.contains("ngày số liệu"),
        "{vi}"
    );
    assert_eq!(err.status(), StatusCode::BAD_REQUEST);
}

#[test]
fn every_error_has_a_listed_code_with_its_status() {
    let errors = [
        AppError::NotFound {
            entity: Entity::Member,
            code: "X".into(),
        },
        BadInput::Missing { field: "org" }.into(),
        BadInput::Date {
            field: "as_of",
            value: "x".into(),
        }
        .into(),
        BadInput::Code {
            field: "org",
            value: "x".into(),
        }
        .into(),
        BadInput::ReversedPeriod {
            from: Date::MAX,
            to: Date::MIN,
        }
        .into(),
        BadInput::Cursor.into(),
        BadInput::Limit { value: "0".into() }.into(),
        BadInput::Malformed("x".into()).into(),
        AppError::Unauthorized,
        AppError::Forbidden,
        AppError::Csrf,
        AppError::Internal("x".into()),
    ];
    for err in &errors {
        let listed = ERROR_CODES.iter().find(|(code, _)| *code == err.code());
        assert_eq!(listed.map(|l| l.1), Some(err.status().as_u16()), "{err}");
    }
    let mut codes: Vec<&str> = ERROR_CODES.iter().map(|(code, _)| *code).collect();
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(codes.len(), ERROR_CODES.len(), "a code is listed twice");
}

#[test]
fn a_bad_page_size_names_the_bounds() {
    let err = AppError::from(BadInput::Limit { value: "0".into() });
    assert!(
        err.message(Lang::En).contains("500"),
        "{}",
        err.message(Lang::En)
    );
    assert!(
        err.message(Lang::Vi).contains("«0»"),
        "{}",
        err.message(Lang::Vi)
    );
}

#[test]
fn long_input_is_not_echoed_whole() {
    let err = AppError::from(BadInput::Code {
        field: "org",
        value: "x".repeat(500),
    });
    assert!(err.message(Lang::En).len() < 300);
}
