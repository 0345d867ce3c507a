//! `GET /audit`: the audit log, for administrators.
//!
//! Newest first, fifty rows a page (keyset: the next page starts below the last row's id),
//! filtered by who acted, the kind of record (chosen from a list), the record's code and a
//! range of days. Times are shown, and days are read, in Vietnam time (UTC+7), the time of
//! the people who read the log; the log itself is kept in UTC. Every row says who, when,
//! from where, what, on which record, and the record before and after — in words
//! ([`labels`]), not as the codes and JSON the log stores.

use crate::accounts::auth::Authenticated;
use crate::audit::labels::{self, DetailLine};
use crate::error::{AppError, BadInput};
use crate::state::AppState;
use crate::ui::href::encode;
use crate::ui::i18n::Lang;
use crate::ui::layout::{Chrome, PageCtx, render};
use crate::ui::params;
use askama::Template;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::response::Html;
use chrono::{NaiveDateTime, TimeDelta};
use dangvu_app::records::{AuditEntry, AuditFilter, AuditPage};
use dangvu_domain::Date;
use serde::Deserialize;

/// Rows per page.
const PAGE_SIZE: u32 = 50;
/// Vietnam's offset from UTC.
const VIETNAM: TimeDelta = TimeDelta::hours(7);
/// Longest filter text kept.
const FILTER_LIMIT: usize = 64;

/// The filter as typed.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct AuditQuery {
    actor: Option<String>,
    entity: Option<String>,
    code: Option<String>,
    from: Option<String>,
    to: Option<String>,
    before: Option<String>,
}

/// The filter's values, as the form shows them again.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct AuditForm {
    pub actor: String,
    pub entity: String,
    pub code: String,
    pub from: Option<Date>,
    pub to: Option<Date>,
}

/// The audit page.
#[derive(Template)]
#[template(path = "audit_index.html")]
pub(crate) struct AuditLogPage {
    pub lang: Lang,
    pub here: String,
    pub chrome: Chrome,
    pub form: AuditForm,
    pub page: AuditPage,
    pub is_first_page: bool,
}

impl AuditLogPage {
    /// When a row was written, in Vietnam time.
    fn at(&self, row: &AuditEntry) -> String {
        let local = row.at + VIETNAM;
        match self.lang {
            Lang::Vi => local.format("%d/%m/%Y %H:%M:%S").to_string(),
            Lang::En => local.format("%Y-%m-%d %H:%M:%S").to_string(),
        }
    }

    /// What the row records as done, in words.
    fn action(&self, row: &AuditEntry) -> String {
        labels::action(self.lang, &row.action)
    }

    /// The kind of record the row is about, in words.
    fn entity(&self, row: &AuditEntry) -> String {
        labels::entity(self.lang, &row.entity)
    }

    /// A row's before or after as key–value lines (the API keeps the JSON).
    fn details(&self, stored: &Option<String>) -> Vec<DetailLine> {
        labels::details(self.lang, stored.as_deref())
    }

    /// The choices of the filter on the kind of record.
    fn entity_choices(&self) -> Vec<(&'static str, String)> {
        labels::entity_choices(self.lang)
    }

    /// Whether the filter asks for the kind of record stored as `value`.
    fn is_chosen_entity(&self, value: &str) -> bool {
        self.form.entity == value
    }

    fn day_value(day: &Option<Date>) -> String {
        day.map(|d| d.to_string()).unwrap_or_default()
    }

    /// The address of this filter, from its first page or below `before`.
    fn href(&self, before: Option<i64>) -> String {
        let mut pairs = vec![
            ("actor", self.form.actor.clone()),
            ("entity", self.form.entity.clone()),
            ("code", self.form.code.clone()),
            ("from", Self::day_value(&self.form.from)),
            ("to", Self::day_value(&self.form.to)),
        ];
        if let Some(before) = before {
            pairs.push(("before", before.to_string()));
        }
        let query: Vec<String> = pairs
            .into_iter()
            .filter(|(_, value)| !value.is_empty())
            .map(|(key, value)| format!("{key}={}", encode(&value)))
            .collect();
        if query.is_empty() {
            "/audit".to_string()
        } else {
            format!("/audit?{}", query.join("&"))
        }
    }

    fn next_href(&self) -> Option<String> {
        self.page.next.map(|before| self.href(Some(before)))
    }

    fn first_href(&self) -> String {
        self.href(None)
    }
}

/// Midnight in Vietnam at the start of `day`, in UTC.
fn vietnam_midnight(day: Date) -> NaiveDateTime {
    day.and_time(chrono::NaiveTime::MIN) - VIETNAM
}

fn text(raw: &Option<String>) -> String {
    params::present(raw)
        .unwrap_or_default()
        .chars()
        .take(FILTER_LIMIT)
        .collect()
}

impl AuditQuery {
    /// The form's values and the storage filter of one page.
    pub(crate) fn parse(self) -> Result<(AuditForm, AuditFilter), BadInput> {
        let form = AuditForm {
            actor: text(&self.actor).to_ascii_lowercase(),
            entity: text(&self.entity),
            code: text(&self.code),
            from: params::optional_date("from", &self.from)?,
            to: params::optional_date("to", &self.to)?,
        };
        if let (Some(from), Some(to)) = (form.from, form.to)
            && to < from
        {
            return Err(BadInput::ReversedPeriod { from, to });
        }
        let before = params::present(&self.before)
            .map(|raw| raw.parse::<i64>().map_err(|_| BadInput::Cursor))
            .transpose()?;
        let filter = AuditFilter {
            actor: (!form.actor.is_empty()).then(|| form.actor.clone()),
            entity: (!form.entity.is_empty()).then(|| form.entity.clone()),
            entity_code: (!form.code.is_empty()).then(|| form.code.clone()),
            from: form.from.map(vietnam_midnight),
            to: form.to.and_then(|d| d.succ_opt()).map(vietnam_midnight),
            before,
            limit: PAGE_SIZE,
        };
        Ok((form, filter))
    }
}

/// `GET /audit?actor=&entity=&code=&from=&to=&before=`.
#[tracing::instrument(skip_all)]
pub(crate) async fn show_audit(
    ctx: PageCtx,
    State(state): State<AppState>,
    auth: Authenticated,
    query: Result<Query<AuditQuery>, QueryRejection>,
) -> Result<Html<String>, AppError> {
    let (form, filter) = params::query(query)?.parse()?;
    let is_first_page = filter.before.is_none();
    let caller = auth.caller();
    let page = state
        .run(move |app| app.audit_entries(&caller, &filter))
        .await?;
    render(&AuditLogPage {
        lang: ctx.lang,
        here: ctx.here,
        chrome: ctx.chrome,
        form,
        page,
        is_first_page,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(pairs: &[(&str, &str)]) -> AuditQuery {
        let get = |key: &str| {
            pairs
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| v.to_string())
        };
        AuditQuery {
            actor: get("actor"),
            entity: get("entity"),
            code: get("code"),
            from: get("from"),
            to: get("to"),
            before: get("before"),
        }
    }

    #[test]
    fn days_are_read_in_vietnam_time_and_include_the_last_one() {
        let (_, filter) = query(&[("from", "2025-11-26"), ("to", "26/11/2025")])
            .parse()
            .unwrap();
        let at = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
        assert_eq!(filter.from, Some(at("2025-11-25 17:00")));
        assert_eq!(filter.to, Some(at("2025-11-26 17:00")));
    }

    #[test]
    fn a_reversed_range_or_an_altered_cursor_is_refused() {
        assert!(
            query(&[("from", "2025-11-26"), ("to", "2025-11-01")])
                .parse()
                .is_err()
        );
        assert!(query(&[("before", "x1")]).parse().is_err());
        let (form, filter) = query(&[("actor", " Admin "), ("before", "40")])
            .parse()
            .unwrap();
        assert_eq!((form.actor.as_str(), filter.before), ("admin", Some(40)));
    }

    #[test]
    fn the_record_code_is_kept_as_typed_and_stays_in_the_page_links() {
        let (form, filter) = query(&[("code", " VX-0001 "), ("entity", "member")])
            .parse()
            .unwrap();
        assert_eq!(filter.entity_code.as_deref(), Some("VX-0001"));
        let (_, empty) = query(&[("code", "  ")]).parse().unwrap();
        assert_eq!(empty.entity_code, None);
        let page = AuditLogPage {
            lang: Lang::Vi,
            here: "/audit".into(),
            chrome: Chrome::default(),
            form,
            page: AuditPage {
                rows: Vec::new(),
                next: Some(7),
            },
            is_first_page: true,
        };
        assert_eq!(
            page.next_href().as_deref(),
            Some("/audit?entity=member&code=VX-0001&before=7")
        );
    }
}
