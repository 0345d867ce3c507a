//! The summary report's form as it was filled in: the text of each field kept as typed,
//! and a message beside each field that cannot be used, so that a mistyped date or an
//! organization that is not found sends the reader back to the form they filled, not to
//! an error page.

use crate::error::{AppError, BadInput};
use crate::ui::i18n::Lang;
use crate::ui::params::{self, SummaryQuery};
use dangvu_app::records::OrgRef;
use dangvu_domain::{Date, OrgCode};

/// The values the form shows, as typed (dates that could be read as `DD/MM/YYYY`, the
/// form a date field takes, see `ui::date_field`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct SummaryForm {
    /// The organization: a code or part of a name (empty before the first submission).
    pub org: String,
    /// First day.
    pub from: String,
    /// Last day.
    pub to: String,
    /// Day of the stock figures (empty: the last day).
    pub as_of: String,
}

/// What is wrong with the form, field by field, and the organizations to choose from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct FormProblems {
    /// Beside the organization field.
    pub org: Option<String>,
    /// Beside the first day.
    pub from: Option<String>,
    /// Beside the last day.
    pub to: Option<String>,
    /// Beside the day of the figures.
    pub as_of: Option<String>,
    /// Several organizations match the organization field: links to each.
    pub choices: Vec<OrgRef>,
}

impl FormProblems {
    /// Whether a field holds a value that cannot be used (choices are not an error).
    pub(crate) fn has_errors(&self) -> bool {
        self.org.is_some() || self.from.is_some() || self.to.is_some() || self.as_of.is_some()
    }
}

/// The period the form asks for, once its dates are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Period {
    /// First day.
    pub from: Date,
    /// Last day.
    pub to: Date,
    /// Day of the stock figures, if given.
    pub as_of: Option<Date>,
}

impl SummaryForm {
    /// The form of `raw`, its dates checked: the period when all of them can be read,
    /// `defaults` filling the first and last day when absent; otherwise the messages.
    pub(crate) fn read(
        raw: &SummaryQuery,
        defaults: (Date, Date),
        lang: Lang,
    ) -> (Self, Result<Period, FormProblems>) {
        let mut problems = FormProblems::default();
        let date = |field: &'static str, text: &Option<String>, slot: &mut Option<String>| {
            let (shown, read) = date_field(field, text, lang);
            *slot = read.as_ref().err().cloned();
            (shown, read.ok().flatten())
        };
        let (from_text, from) = date("from", &raw.from, &mut problems.from);
        let (to_text, to) = date("to", &raw.to, &mut problems.to);
        let (as_of, as_of_day) = date("as_of", &raw.as_of, &mut problems.as_of);
        let (from, to) = (from.unwrap_or(defaults.0), to.unwrap_or(defaults.1));
        if !problems.has_errors() && from > to {
            problems.to = Some(message(BadInput::ReversedPeriod { from, to }, lang));
        }
        let form = Self {
            org: params::present(&raw.org).unwrap_or_default().to_string(),
            from: from_text.unwrap_or_else(|| crate::ui::date_field::value(&from)),
            to: to_text.unwrap_or_else(|| crate::ui::date_field::value(&to)),
            as_of: as_of.unwrap_or_default(),
        };
        let period = Period {
            from,
            to,
            as_of: as_of_day,
        };
        match problems.has_errors() {
            true => (form, Err(problems)),
            false => (form, Ok(period)),
        }
    }

    /// The page of `code` with this form's period: a choice among several organizations.
    /// Its dates travel as `YYYY-MM-DD`, as in every other link of the pages.
    pub(crate) fn choice_href(&self, code: &OrgCode) -> String {
        let iso = |text: &str| {
            crate::ui::date_field::parse("date", text)
                .map_or_else(|_| text.to_string(), |day| day.to_string())
        };
        crate::ui::href::summary_with(code, &iso(&self.from), &iso(&self.to), &iso(&self.as_of))
    }
}

/// A date field: the text to show again (`DD/MM/YYYY` when it could be read, as typed
/// when not, `None` when blank) and the day or the message.
fn date_field(
    field: &'static str,
    text: &Option<String>,
    lang: Lang,
) -> (Option<String>, Result<Option<Date>, String>) {
    match params::optional_date(field, text) {
        Ok(day) => (day.as_ref().map(crate::ui::date_field::value), Ok(day)),
        Err(bad) => (
            params::present(text).map(str::to_string),
            Err(message(bad, lang)),
        ),
    }
}

/// The message of a bad value, as the error page would say it.
pub(crate) fn message(bad: BadInput, lang: Lang) -> String {
    AppError::BadInput(bad).message(lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Date {
        dangvu_domain::dates::parse_date("d", s).unwrap()
    }

    fn query(org: &str, from: &str, to: &str, as_of: &str) -> SummaryQuery {
        let opt = |s: &str| (!s.is_empty()).then(|| s.to_string());
        SummaryQuery {
            org: opt(org),
            from: opt(from),
            to: opt(to),
            as_of: opt(as_of),
            format: None,
        }
    }

    const DEFAULTS: (&str, &str) = ("2025-01-01", "2025-11-26");

    fn read(q: SummaryQuery) -> (SummaryForm, Result<Period, FormProblems>) {
        SummaryForm::read(&q, (day(DEFAULTS.0), day(DEFAULTS.1)), Lang::Vi)
    }

    #[test]
    fn dates_in_both_forms_are_read_and_shown_as_a_date_field_takes_them() {
        let (form, period) = read(query("vx", "01/08/2015", "2020-07-31", ""));
        assert_eq!(form.from, "01/08/2015");
        assert_eq!(form.to, "31/07/2020");
        assert_eq!(form.as_of, "");
        let period = period.unwrap();
        assert_eq!(
            (period.from, period.to),
            (day("2015-08-01"), day("2020-07-31"))
        );
        assert_eq!(period.as_of, None);
        let (form, period) = read(query("vx", "", "", ""));
        assert_eq!(
            (form.from.as_str(), form.to.as_str()),
            ("01/01/2025", "26/11/2025")
        );
        assert!(period.is_ok());
    }

    #[test]
    fn a_bad_date_stays_as_typed_with_its_message_beside_it() {
        let (form, period) = read(query("vị xuyên", "31/02/2020", "2020-07-31", ""));
        assert_eq!(form.org, "vị xuyên");
        assert_eq!(form.from, "31/02/2020");
        let problems = period.unwrap_err();
        assert!(problems.from.unwrap().contains("31/02/2020"));
        assert_eq!((problems.to, problems.org), (None, None));
    }

    #[test]
    fn a_reversed_period_is_told_beside_the_last_day() {
        let (_, period) = read(query("VX", "2020-07-31", "2015-08-01", ""));
        let problems = period.unwrap_err();
        let message = problems.to.unwrap();
        assert!(
            message.contains("31/07/2020") && message.contains("01/08/2015"),
            "{message}"
        );
    }
}
