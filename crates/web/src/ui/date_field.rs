//! Date fields, read and written dd/mm/yyyy whatever the browser's language.
//!
//! A browser shows `<input type="date">` in the format of its own locale: under an
//! English-language Windows the tree said "07/31/2020" right under "Số liệu ngày
//! 31/07/2020". The pages therefore use text fields that hold `31/07/2020` (see the
//! `date_input` macro in `templates/fields.html`). Such a field asks phones for their
//! numeric keypad, which has no "/", so the same date typed `31.07.2020`, `31-07-2020`,
//! `31 07 2020` or `31072020` is read too, as is the `2020-07-31` the pages' links carry.

use dangvu_domain::{Date, DomainError, dates};

/// The `pattern` of a date field: the spellings [`parse`] reads (the browser anchors it).
pub(crate) const PATTERN: &str = r"\d{1,2}[\/.\- ]\d{1,2}[\/.\- ]\d{4}|\d{8}|\d{4}-\d{1,2}-\d{1,2}";

/// A day as a date field holds it: `31/07/2020`.
pub(crate) fn value(day: &Date) -> String {
    day.format("%d/%m/%Y").to_string()
}

/// An optional day as a date field holds it (empty when absent).
pub(crate) fn opt_value(day: &Option<Date>) -> String {
    day.as_ref().map(value).unwrap_or_default()
}

/// Reads a typed date: `DD/MM/YYYY` with `/`, `.`, `-` or a space between the parts, eight
/// digits `DDMMYYYY`, or `YYYY-MM-DD`.
pub(crate) fn parse(field: &'static str, text: &str) -> Result<Date, DomainError> {
    dates::parse_date(field, &slashed(text.trim()))
}

/// `text` with a day-first date's separators made `/` (anything else unchanged, for
/// `parse_date` to read or refuse).
fn slashed(text: &str) -> String {
    let is_digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    if text.len() == 8 && is_digits(text) {
        return format!("{}/{}/{}", &text[..2], &text[2..4], &text[4..]);
    }
    let parts: Vec<&str> = text.split(['/', '.', '-', ' ']).collect();
    match parts.as_slice() {
        [day, month, year]
            if day.len() <= 2 && month.len() <= 2 && parts.iter().all(|p| is_digits(p)) =>
        {
            format!("{day}/{month}/{year}")
        }
        _ => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Date {
        dates::parse_date("d", s).unwrap()
    }

    #[test]
    fn fields_hold_day_month_year() {
        assert_eq!(value(&day("2020-07-31")), "31/07/2020");
        assert_eq!(opt_value(&Some(day("2025-01-05"))), "05/01/2025");
        assert_eq!(opt_value(&None), "");
    }

    #[test]
    fn a_date_typed_on_a_keypad_or_carried_by_a_link_is_read() {
        for typed in [
            "31/07/2020",
            " 31/7/2020 ",
            "31.07.2020",
            "31-07-2020",
            "31 07 2020",
            "31072020",
            "2020-07-31",
        ] {
            assert_eq!(
                parse("as_of", typed).ok(),
                Some(day("2020-07-31")),
                "{typed}"
            );
        }
    }

    #[test]
    fn impossible_or_month_first_dates_are_refused() {
        for typed in [
            "07/31/2020",
            "31/02/2020",
            "2020/07/31",
            "3107202",
            "31..07.2020",
            "",
        ] {
            assert!(parse("as_of", typed).is_err(), "{typed}");
        }
    }
}
