//! Reading a form's fields one by one: each value kept as typed (dates as dd/mm/yyyy once
//! read) to be shown again, and a message for each one that cannot be used, so that one
//! bad field never hides the others.

use crate::ui::date_field;
use crate::ui::i18n::Lang;
use dangvu_domain::enums::Enumeration;
use dangvu_domain::{Date, MemberCode};
use std::collections::BTreeMap;

/// Longest free text kept (a reason, a decision number, a name).
pub(crate) const TEXT_LIMIT: usize = 500;

/// Values as typed, and messages, by field name.
pub(crate) type ByField = BTreeMap<&'static str, String>;

/// Reads fields of a form one by one, keeping each value and each message.
pub(crate) struct Reader<'a> {
    get: &'a dyn Fn(&str) -> Option<String>,
    lang: Lang,
    /// The values as they are to be shown again.
    pub values: ByField,
    /// The messages of the fields that cannot be used.
    pub errors: ByField,
}

impl<'a> Reader<'a> {
    /// A reader of the fields `get` gives.
    pub(crate) fn new(get: &'a dyn Fn(&str) -> Option<String>, lang: Lang) -> Self {
        Self {
            get,
            lang,
            values: ByField::new(),
            errors: ByField::new(),
        }
    }

    fn raw(&mut self, name: &'static str) -> Option<String> {
        let text = (self.get)(name)?;
        self.values.insert(name, text.clone());
        Some(text)
    }

    pub(crate) fn fail(&mut self, name: &'static str, key: &'static str, value: &str) {
        let value: String = value.chars().take(64).collect();
        let message = self.lang.fill(key, &[("value", &value)]);
        self.errors.entry(name).or_insert(message);
    }

    /// Marks a value that is not a code.
    pub(crate) fn fail_code(&mut self, name: &'static str, value: &str) {
        self.fail(name, "admissions.bad_code", value);
    }

    /// Marks a missing field when `required`.
    fn missing(&mut self, name: &'static str, required: bool) {
        if required {
            self.fail(name, "admissions.required", "");
        }
    }

    /// A day typed dd/mm/yyyy (or any spelling a date field reads).
    pub(crate) fn date(&mut self, name: &'static str, required: bool) -> Option<Date> {
        let Some(text) = self.raw(name) else {
            self.missing(name, required);
            return None;
        };
        match date_field::parse("date", &text) {
            Ok(day) => {
                self.values.insert(name, date_field::value(&day));
                Some(day)
            }
            Err(_) => {
                self.fail(name, "admissions.bad_date", &text);
                None
            }
        }
    }

    /// A whole number, 0 to 100,000.
    pub(crate) fn number(&mut self, name: &'static str) -> Option<u32> {
        let Some(text) = self.raw(name) else {
            self.missing(name, true);
            return None;
        };
        match text.parse::<u32>() {
            Ok(n) if n <= 100_000 => Some(n),
            _ => {
                self.fail(name, "admissions.bad_number", &text);
                None
            }
        }
    }

    /// A member code.
    pub(crate) fn member(&mut self, name: &'static str, required: bool) -> Option<MemberCode> {
        let Some(text) = self.raw(name) else {
            self.missing(name, required);
            return None;
        };
        match MemberCode::parse(&text) {
            Ok(code) => Some(code),
            Err(_) => {
                self.fail(name, "admissions.bad_code", &text);
                None
            }
        }
    }

    /// A line of free text, at most [`TEXT_LIMIT`] characters, without control characters.
    pub(crate) fn text(&mut self, name: &'static str, required: bool) -> Option<String> {
        let Some(text) = self.raw(name) else {
            self.missing(name, required);
            return None;
        };
        if text.chars().count() > TEXT_LIMIT || dangvu_domain::text::has_control(&text) {
            self.fail(name, "admissions.bad_text", &text);
            return None;
        }
        Some(dangvu_domain::text::nfc_trim(&text))
    }

    /// `yes` or `no`.
    pub(crate) fn yes_no(&mut self, name: &'static str) -> Option<bool> {
        let Some(text) = self.raw(name) else {
            self.missing(name, true);
            return None;
        };
        match text.as_str() {
            "yes" | "true" => Some(true),
            "no" | "false" => Some(false),
            _ => {
                self.fail(name, "admissions.bad_choice", &text);
                None
            }
        }
    }

    /// One of the enumeration's codes.
    pub(crate) fn choice<E: Enumeration>(&mut self, name: &'static str) -> Option<E> {
        let Some(text) = self.raw(name) else {
            self.missing(name, true);
            return None;
        };
        let found = E::ALL.iter().copied().find(|v| v.code() == text);
        if found.is_none() {
            self.fail(name, "admissions.bad_choice", &text);
        }
        found
    }
}
