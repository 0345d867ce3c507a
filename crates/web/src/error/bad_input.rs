//! A request parameter or form field that cannot be used, named by its key, with the
//! message a person reads about it.

use super::MAX_PAGE_LIMIT;
use crate::ui::i18n::Lang;
use dangvu_domain::Date;

/// Longest piece of user input echoed back in a message.
const ECHO_LIMIT: usize = 64;

/// A request parameter that cannot be used, named by its query key.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub(crate) enum BadInput {
    /// A required parameter is absent or empty.
    #[error("{field} is required")]
    Missing {
        /// The query key.
        field: &'static str,
    },
    /// Not a date.
    #[error("{field}: not a date: {value:?}")]
    Date {
        /// The query key.
        field: &'static str,
        /// The value as given.
        value: String,
    },
    /// Not a code.
    #[error("{field}: not a code: {value:?}")]
    Code {
        /// The query key.
        field: &'static str,
        /// The value as given.
        value: String,
    },
    /// A period that ends before it starts.
    #[error("the period {from}..{to} ends before it starts")]
    ReversedPeriod {
        /// First day.
        from: Date,
        /// Last day.
        to: Date,
    },
    /// A page link whose cursor was altered.
    #[error("invalid page cursor")]
    Cursor,
    /// A query string or path that cannot be read at all.
    #[error("malformed request: {0}")]
    Malformed(String),
    /// A query parameter or form field holding a control character such as NUL.
    #[error("{field}: contains a control character")]
    ControlCharacter {
        /// The parameter's name (its control characters removed).
        field: String,
    },
    /// Not a whole number in the range the field takes (a count of working days, a year).
    #[error("{field}: not a number from {min} to {max}: {value:?}")]
    Number {
        /// The query key or form field.
        field: &'static str,
        /// The value as given.
        value: String,
        /// The smallest accepted.
        min: i64,
        /// The largest accepted.
        max: i64,
    },
    /// A page size outside 1..=[`MAX_PAGE_LIMIT`], or not a number.
    #[error("limit: not a page size: {value:?}")]
    Limit {
        /// The value as given.
        value: String,
    },
}

impl BadInput {
    /// The stable code of this kind of bad input (see [`ERROR_CODES`]).
    pub(crate) fn code(&self) -> &'static str {
        match self {
            BadInput::Missing { .. } => "missing_parameter",
            BadInput::Date { .. } => "invalid_date",
            BadInput::Code { .. } => "invalid_code",
            BadInput::ReversedPeriod { .. } => "invalid_period",
            BadInput::Cursor => "invalid_cursor",
            BadInput::Limit { .. } => "invalid_limit",
            BadInput::Number { .. } => "invalid_number",
            BadInput::Malformed(_) => "malformed_request",
            BadInput::ControlCharacter { .. } => "invalid_text",
        }
    }

    pub(super) fn message(&self, lang: Lang) -> String {
        let field_label = |field: &str| {
            let key = format!("field.{field}");
            let label = lang.t_dynamic(&key);
            if label == key {
                field.to_string()
            } else {
                label
            }
        };
        match self {
            BadInput::Missing { field } => {
                lang.fill("error.missing", &[("field", &field_label(field))])
            }
            BadInput::Date { field, value } => lang.fill(
                "error.bad_date",
                &[("field", &field_label(field)), ("value", &echo(value))],
            ),
            BadInput::Code { field, value } => lang.fill(
                "error.bad_code",
                &[("field", &field_label(field)), ("value", &echo(value))],
            ),
            BadInput::ReversedPeriod { from, to } => lang.fill(
                "error.reversed_period",
                &[("from", &lang.date(from)), ("to", &lang.date(to))],
            ),
            BadInput::Cursor => lang.t("error.bad_cursor").into_owned(),
            BadInput::Malformed(_) => lang.t("error.malformed").into_owned(),
            BadInput::ControlCharacter { field } => {
                lang.fill("error.control_character", &[("field", &field_label(field))])
            }
            BadInput::Number {
                field,
                value,
                min,
                max,
            } => lang.fill(
                "error.bad_number",
                &[
                    ("field", &field_label(field)),
                    ("value", &echo(value)),
                    ("min", &min.to_string()),
                    ("max", &max.to_string()),
                ],
            ),
            BadInput::Limit { value } => lang.fill(
                "api_docs.bad_limit",
                &[
                    ("value", &echo(value)),
                    ("max", &MAX_PAGE_LIMIT.to_string()),
                ],
            ),
        }
    }
}

/// Cuts user input down to a length that is safe to repeat in a message.
pub(super) fn echo(value: &str) -> String {
    let mut out: String = value.chars().take(ECHO_LIMIT).collect();
    if value.chars().count() > ECHO_LIMIT {
        out.push('…');
    }
    out
}
