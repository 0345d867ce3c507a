//! The forms of a dossier's page and the refusals they come back with: the rules' problems
//! as lines, and what storage refused (a member code already used, an introducer not found)
//! as messages beside the fields.

use super::fields::Field;
use super::next_step::StepKind;
use super::step_form::ByField;
use crate::error::AppError;
use crate::ui::i18n::Lang;
use dangvu_app::StoreError;
use dangvu_domain::admissions::Problem;

/// One form of the page.
#[derive(Debug, Clone)]
pub(crate) struct StepForm {
    /// The step's code, sent as `kind`.
    pub kind: &'static str,
    /// Its heading.
    pub title: String,
    /// Its fields.
    pub fields: Vec<Field>,
}

impl StepForm {
    pub(crate) fn new(kind: StepKind, lang: Lang) -> Self {
        Self {
            kind: kind.code(),
            title: lang.t(kind.title_key()).into_owned(),
            fields: kind.fields(lang),
        }
    }
}

/// A form with its heading, as the page lays it out.
pub(crate) struct FormBlock<'a> {
    /// The heading.
    pub heading: String,
    /// A line under it.
    pub hint: Option<String>,
    /// The form.
    pub form: &'a StepForm,
}

/// A problem that refused the step.
#[derive(Debug, Clone)]
pub(crate) struct ProblemLine {
    /// The message with the rule's source.
    pub message: String,
    /// Whether an override may let it through.
    pub overridable: bool,
}

pub(crate) fn problem_line(problem: &Problem, lang: Lang) -> ProblemLine {
    ProblemLine {
        message: match lang {
            Lang::Vi => problem.message_vi(),
            Lang::En => problem.message_en(),
        },
        overridable: problem.overridable(),
    }
}

/// The messages beside the fields for what storage refused: a member code already taken,
/// an introducer not found in the scope; anything else is the request's error.
pub(crate) fn store_refusal(
    error: dangvu_app::Error,
    kind: StepKind,
    lang: Lang,
) -> Result<ByField, AppError> {
    let mut errors = ByField::new();
    match error {
        dangvu_app::Error::Store(StoreError::Conflict { .. }) => {
            errors.insert("member", lang.t("admissions.member_taken").into_owned());
        }
        dangvu_app::Error::Store(StoreError::NotFound { code, .. })
            if kind == StepKind::Introducers =>
        {
            let text = lang.fill("admissions.member_not_found", &[("value", &code)]);
            errors.insert("first", text);
        }
        other => return Err(other.into()),
    }
    Ok(errors)
}
