//! The fields of the admission forms as the pages show them: one generic description
//! (name, label, kind of input, the value as typed, the message beside it), so that every
//! step's form, the closing and override forms and the new-dossier form share one template
//! loop and keep what was typed when they come back with a message.

use crate::ui::i18n::Lang;
use std::collections::BTreeMap;

/// What kind of input a field is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Input {
    /// A day, typed dd/mm/yyyy (`fields::date_input`).
    Date,
    /// A line of text.
    Text,
    /// A whole number.
    Number,
    /// One of the options: (value, label).
    Choice(Vec<(String, String)>),
}

/// One field of a form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Field {
    /// The form's field name (also its id).
    pub name: &'static str,
    /// Its label, in the reader's language.
    pub label: String,
    /// The input.
    pub input: Input,
    /// The value as typed (dates as dd/mm/yyyy when they could be read).
    pub value: String,
    /// Why the value cannot be used.
    pub error: Option<String>,
    /// Whether it must be filled.
    pub required: bool,
}

impl Field {
    /// A field of `input` labelled by the translation `label`.
    pub(crate) fn new(lang: Lang, name: &'static str, label: &'static str, input: Input) -> Self {
        Self {
            name,
            label: lang.t(label).into_owned(),
            input,
            value: String::new(),
            error: None,
            required: false,
        }
    }

    /// The same field, required.
    pub(crate) fn required(mut self) -> Self {
        self.required = true;
        self
    }

    /// Whether it is a date field.
    pub(crate) fn is_date(&self) -> bool {
        self.input == Input::Date
    }

    /// Whether it is a number field.
    pub(crate) fn is_number(&self) -> bool {
        self.input == Input::Number
    }

    /// The options of a choice (empty for the other inputs).
    pub(crate) fn options(&self) -> &[(String, String)] {
        match &self.input {
            Input::Choice(options) => options,
            _ => &[],
        }
    }

    /// Whether it is a choice.
    pub(crate) fn is_choice(&self) -> bool {
        matches!(self.input, Input::Choice(_))
    }

    /// Its id in a form whose fields' ids start with `prefix`.
    pub(crate) fn id(&self, prefix: &str) -> String {
        format!("{prefix}_{}", self.name)
    }

    /// Whether `option` is the value it holds.
    pub(crate) fn is_value(&self, option: &str) -> bool {
        self.value == option
    }
}

/// A form's fields with the values typed and the messages of those that cannot be used.
pub(crate) fn fill(
    mut fields: Vec<Field>,
    values: &BTreeMap<&'static str, String>,
    errors: &BTreeMap<&'static str, String>,
) -> Vec<Field> {
    for field in &mut fields {
        if let Some(value) = values.get(field.name) {
            field.value.clone_from(value);
        }
        field.error = errors.get(field.name).cloned();
    }
    fields
}
