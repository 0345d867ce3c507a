//! `/admissions/new`: the form that opens a dossier (the applicant put on a cell's list),
//! and its `POST`. A value that cannot be used comes back beside its field (422, nothing
//! written): a date that cannot be read, a cell outside the scope (told like one that does
//! not exist) or an organization that is not a cell, a dossier code already used. Without a
//! code, one is made from the cell and the day (`HS-<cell>-<yyyymmdd>`).

use super::dossier_page::see_other;
use super::fields::{Field, Input, fill};
use super::step_form::{ByField, Reader};
use crate::accounts::auth::Authenticated;
use crate::error::{AppError, BadInput};
use crate::state::AppState;
use crate::ui::i18n::Lang;
use crate::ui::layout::{Chrome, PageCtx, render};
use askama::Template;
use axum::Form;
use axum::extract::rejection::{FormRejection, QueryRejection};
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use dangvu_app::StoreError;
use dangvu_app::records::{DossierView, NewDossier};
use dangvu_domain::OrgCode;
use dangvu_domain::admissions::Applicant;
use dangvu_domain::enums::{Enumeration, Gender};
use std::collections::HashMap;

/// How many codes are tried when making one.
const CODE_TRIES: u32 = 20;

/// The form.
#[derive(Template)]
#[template(path = "admissions_new.html")]
pub(crate) struct NewPage {
    pub lang: Lang,
    pub here: String,
    pub chrome: Chrome,
    pub fields: Vec<Field>,
}

/// The fields of the form, empty.
fn fields(lang: Lang) -> Vec<Field> {
    let genders = Gender::ALL
        .iter()
        .map(|g| (g.code().to_string(), lang.label(g).into_owned()))
        .collect();
    vec![
        Field::new(lang, "full_name", "admissions.full_name", Input::Text).required(),
        Field::new(lang, "gender", "admissions.gender", Input::Choice(genders)).required(),
        Field::new(lang, "birth_date", "admissions.birth_date", Input::Date).required(),
        Field::new(lang, "ethnicity", "admissions.ethnicity", Input::Text),
        Field::new(lang, "education", "admissions.education", Input::Text),
        Field::new(lang, "cell", "admissions.cell", Input::Text).required(),
        Field::new(lang, "listed_on", "admissions.listed_on", Input::Date).required(),
        Field::new(lang, "code", "admissions.code", Input::Text),
    ]
}

/// `GET /admissions/new?cell=`.
pub(crate) async fn show_new(
    ctx: PageCtx,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> Result<Response, AppError> {
    let mut fields = fields(ctx.lang);
    let cell = query.ok().and_then(|Query(q)| q.get("cell").cloned());
    if let (Some(field), Some(cell)) = (fields.iter_mut().find(|f| f.name == "cell"), cell) {
        field.value = cell;
    }
    page(ctx, fields, StatusCode::OK)
}

fn page(ctx: PageCtx, fields: Vec<Field>, status: StatusCode) -> Result<Response, AppError> {
    let page = NewPage {
        lang: ctx.lang,
        here: ctx.here,
        chrome: ctx.chrome,
        fields,
    };
    Ok((status, render(&page)?).into_response())
}

/// The form read: the dossier to open, or the messages.
pub(crate) fn read_new(
    get: &dyn Fn(&str) -> Option<String>,
    lang: Lang,
) -> (ByField, Result<NewDossier, ByField>) {
    let mut r = Reader::new(get, lang);
    let full_name = r.text("full_name", true);
    let gender = r.choice::<Gender>("gender");
    let birth_date = r.date("birth_date", true);
    let ethnicity = r.text("ethnicity", false);
    let education = r.text("education", false);
    let cell = r.org("cell");
    let listed_on = r.date("listed_on", true);
    let code = r.text("code", false);
    let read = (|| {
        let applicant = Applicant {
            full_name: full_name?,
            gender: gender?,
            birth_date: birth_date?,
            ethnicity,
            education,
        };
        Some(NewDossier {
            code: code.unwrap_or_default(),
            applicant,
            cell: cell?,
            listed_on: Some(listed_on?),
        })
    })();
    match (read, r.errors.is_empty()) {
        (Some(new), true) => (r.values, Ok(new)),
        _ => (r.values, Err(r.errors)),
    }
}

/// Opens `new`, making its code when it has none; the store's refusals as messages.
pub(crate) async fn open(
    state: &AppState,
    auth: &Authenticated,
    new: NewDossier,
    lang: Lang,
) -> Result<Result<DossierView, ByField>, AppError> {
    let caller = auth.caller();
    let outcome = state
        .blocking(move |app| {
            if !new.code.is_empty() {
                return app.open_dossier(&caller, &new);
            }
            let day = new.listed_on.map(|d| d.format("%Y%m%d").to_string());
            let base = format!("HS-{}-{}", new.cell, day.unwrap_or_default());
            let mut result = Err(dangvu_app::Error::Forbidden);
            for n in 1..=CODE_TRIES {
                let code = if n == 1 {
                    base.clone()
                } else {
                    format!("{base}-{n}")
                };
                let attempt = NewDossier {
                    code,
                    ..new.clone()
                };
                result = app.open_dossier(&caller, &attempt);
                if !matches!(
                    result,
                    Err(dangvu_app::Error::Store(StoreError::Conflict { .. }))
                ) {
                    break;
                }
            }
            result
        })
        .await?;
    let mut errors = ByField::new();
    match outcome {
        Ok(view) => return Ok(Ok(view)),
        Err(dangvu_app::Error::Store(StoreError::Conflict { .. })) => {
            errors.insert("code", lang.t("admissions.code_taken").into_owned());
        }
        Err(dangvu_app::Error::Store(StoreError::NotFound { code, .. })) => {
            errors.insert(
                "cell",
                lang.fill("admissions.cell_not_found", &[("value", &code)]),
            );
        }
        Err(dangvu_app::Error::Store(StoreError::Invalid(_))) => {
            errors.insert("cell", lang.t("admissions.not_a_cell").into_owned());
        }
        Err(other) => return Err(other.into()),
    }
    Ok(Err(errors))
}

/// `POST /admissions/new`.
#[tracing::instrument(skip_all)]
pub(crate) async fn open_dossier(
    ctx: PageCtx,
    State(state): State<AppState>,
    auth: Authenticated,
    form: Result<Form<HashMap<String, String>>, FormRejection>,
) -> Result<Response, AppError> {
    let form = form.map_err(|r| BadInput::Malformed(r.body_text()))?.0;
    let get = |name: &str| {
        form.get(name)
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    };
    let lang = ctx.lang;
    let (values, new) = read_new(&get, lang);
    let errors = match new {
        Ok(new) => match open(&state, &auth, new, lang).await? {
            Ok(view) => {
                return Ok(see_other(&super::list_page::dossier_href(
                    &view.dossier.code,
                )));
            }
            Err(errors) => errors,
        },
        Err(errors) => errors,
    };
    page(
        ctx,
        fill(fields(lang), &values, &errors),
        StatusCode::UNPROCESSABLE_ENTITY,
    )
}

/// An organization code.
impl Reader<'_> {
    pub(crate) fn org(&mut self, name: &'static str) -> Option<OrgCode> {
        let text = self.text(name, true)?;
        match OrgCode::parse(&text) {
            Ok(code) => Some(code),
            Err(_) => {
                self.fail_code(name, &text);
                None
            }
        }
    }
}
