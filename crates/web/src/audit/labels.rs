//! The audit log in words: what was done, to which kind of record, with which details.
//!
//! The log stores stable codes (`login.failed`, `member`) and the before and after of a
//! change as JSON, which is what the chain hashes and what tools read; an administrator
//! reads labels and key–value lines. Strings written by earlier versions that no list
//! knows are shown as stored, never hidden.

use crate::ui::i18n::{Lang, NONE};
use dangvu_app::{AuditAction, AuditEntity};
use dangvu_domain::enums::Enumeration;
use dangvu_domain::roles::Role;
use serde_json::{Map, Value};

/// The translation key of an action.
fn action_key(action: AuditAction) -> &'static str {
    match action {
        AuditAction::Read => "audit_action.read",
        AuditAction::Denied => "audit_action.denied",
        AuditAction::Login => "audit_action.login",
        AuditAction::LoginFailed => "audit_action.login_failed",
        AuditAction::Logout => "audit_action.logout",
        AuditAction::AccountCreate => "audit_action.account_create",
        AuditAction::AccountDisable => "audit_action.account_disable",
        AuditAction::AccountPassword => "audit_action.account_password",
        AuditAction::TokenCreate => "audit_action.token_create",
        AuditAction::TokenRevoke => "audit_action.token_revoke",
        AuditAction::Export => "audit_action.export",
        AuditAction::Import => "audit_action.import",
        AuditAction::ImportConflict => "audit_action.import_conflict",
        AuditAction::DatasetLoad => "audit_action.dataset_load",
        AuditAction::CalendarSet => "audit_action.calendar_set",
        AuditAction::Seal => "audit_action.seal",
        AuditAction::AdmissionOpen => "audit_action.admission_open",
        AuditAction::AdmissionStep => "audit_action.admission_step",
        AuditAction::LifecycleExit => "audit_action.lifecycle_exit",
        AuditAction::LifecycleBadge => "audit_action.lifecycle_badge",
        AuditAction::LifecycleInterruption => "audit_action.lifecycle_interruption",
        AuditAction::LifecycleExemption => "audit_action.lifecycle_exemption",
        AuditAction::TransferCreate => "audit_action.transfer_create",
        AuditAction::TransferStep => "audit_action.transfer_step",
        AuditAction::RatingRoundOpen => "audit_action.rating_round_open",
        AuditAction::RatingStep => "audit_action.rating_step",
        AuditAction::RatingRoundClose => "audit_action.rating_round_close",
        AuditAction::MonthlyResults => "audit_action.monthly_results",
        AuditAction::CommitmentSign => "audit_action.commitment_sign",
        AuditAction::CommitmentEvaluate => "audit_action.commitment_evaluate",
    }
}

/// The translation key of a kind of record.
fn entity_key(entity: AuditEntity) -> &'static str {
    match entity {
        AuditEntity::Account => "audit_entity.account",
        AuditEntity::ApiToken => "audit_entity.api_token",
        AuditEntity::Organization => "audit_entity.organization",
        AuditEntity::Member => "audit_entity.member",
        AuditEntity::Dataset => "audit_entity.dataset",
        AuditEntity::Route => "audit_entity.route",
        AuditEntity::CalendarDay => "audit_entity.calendar_day",
        AuditEntity::AuditLog => "audit_entity.audit_log",
        AuditEntity::AdmissionDossier => "audit_entity.admission_dossier",
        AuditEntity::RatingRound => "audit_entity.rating_round",
        AuditEntity::Commitment => "audit_entity.commitment",
    }
}

/// What a stored action means, or the stored text when no list knows it.
pub(crate) fn action(lang: Lang, stored: &str) -> String {
    AuditAction::parse(stored).map_or_else(
        || stored.to_string(),
        |a| lang.t(action_key(a)).into_owned(),
    )
}

/// What a stored kind of record means, or the stored text when no list knows it.
pub(crate) fn entity(lang: Lang, stored: &str) -> String {
    AuditEntity::parse(stored).map_or_else(
        || stored.to_string(),
        |e| lang.t(entity_key(e)).into_owned(),
    )
}

/// The choices of the filter on the kind of record: stored value and label.
pub(crate) fn entity_choices(lang: Lang) -> Vec<(&'static str, String)> {
    AuditEntity::ALL
        .iter()
        .map(|e| (e.as_str(), lang.t(entity_key(*e)).into_owned()))
        .collect()
}

/// One line of a row's details: what (empty when the value stands alone) and its value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DetailLine {
    pub key: String,
    pub value: String,
}

fn line(key: impl Into<String>, value: impl Into<String>) -> DetailLine {
    DetailLine {
        key: key.into(),
        value: value.into(),
    }
}

/// A translation of `key` if there is one (rust-i18n answers the key itself when not).
fn known(lang: Lang, key: &str) -> Option<String> {
    let text = lang.t_dynamic(key);
    (text != key && !text.ends_with(key)).then_some(text)
}

/// The details of a row (its stored JSON) as lines; text that is not JSON stands alone.
pub(crate) fn details(lang: Lang, stored: Option<&str>) -> Vec<DetailLine> {
    let Some(stored) = stored.filter(|s| !s.trim().is_empty()) else {
        return Vec::new();
    };
    match serde_json::from_str::<Value>(stored) {
        Ok(Value::Object(map)) => object_lines(lang, &map),
        Ok(other) => vec![line("", value_text(lang, "", &other))],
        Err(_) => vec![line("", stored)],
    }
}

/// Keys shown first, in this order (stored JSON objects come back sorted by key); the
/// others follow alphabetically.
const FIRST_KEYS: [&str; 6] = ["tables", "username", "role", "org", "member", "reason"];

fn object_lines(lang: Lang, map: &Map<String, Value>) -> Vec<DetailLine> {
    let mut entries: Vec<(&String, &Value)> = map.iter().collect();
    entries.sort_by_key(|(key, _)| {
        let rank = FIRST_KEYS.iter().position(|first| first == key);
        (rank.unwrap_or(FIRST_KEYS.len()), key.as_str())
    });
    let mut lines = Vec::new();
    for (key, value) in entries {
        if key == "tables"
            && let Value::Array(tables) = value
        {
            lines.extend(table_lines(lang, tables));
            continue;
        }
        let label = known(lang, &format!("audit_detail.key.{key}")).unwrap_or_else(|| key.clone());
        lines.push(line(label, value_text(lang, key, value)));
    }
    lines
}

/// An import's counts, one line per table that the file touched: "Đảng viên: 3 mới, 2 sửa".
fn table_lines(lang: Lang, tables: &[Value]) -> Vec<DetailLine> {
    let mut lines = Vec::new();
    for table in tables {
        let name = table
            .get("table")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let count = |field: &str| table.get(field).and_then(Value::as_u64).unwrap_or(0);
        let parts: Vec<String> = [
            ("created", "audit_detail.created"),
            ("updated", "audit_detail.updated"),
            ("unchanged", "audit_detail.unchanged"),
        ]
        .into_iter()
        .filter(|(field, _)| count(field) > 0)
        .map(|(field, key)| lang.fill(key, &[("n", &lang.count(&count(field)))]))
        .collect();
        if !parts.is_empty() {
            let label =
                known(lang, &format!("import.table.{name}")).unwrap_or_else(|| name.to_string());
            lines.push(line(label, parts.join(", ")));
        }
    }
    if lines.is_empty() {
        lines.push(line("", lang.t("audit_detail.no_change")));
    }
    lines
}

/// A value as a reader writes it: translated codes, local dates and numbers, yes/no, and
/// nested values summarised on one line.
fn value_text(lang: Lang, key: &str, value: &Value) -> String {
    match value {
        Value::Null => NONE.to_string(),
        Value::Bool(true) => lang.t("audit_detail.yes").into_owned(),
        Value::Bool(false) => lang.t("audit_detail.no").into_owned(),
        Value::Number(n) => n.as_u64().map_or_else(|| n.to_string(), |n| lang.count(&n)),
        Value::String(text) => string_text(lang, key, text),
        Value::Array(items) => {
            let texts: Vec<String> = items.iter().map(|v| value_text(lang, "", v)).collect();
            texts.join(", ")
        }
        Value::Object(map) => {
            let parts: Vec<String> = object_lines(lang, map)
                .into_iter()
                .map(|l| format!("{}: {}", l.key, l.value))
                .collect();
            parts.join("; ")
        }
    }
}

fn string_text(lang: Lang, key: &str, text: &str) -> String {
    if key == "reason" {
        return known(lang, &format!("audit_detail.reason.{text}")).unwrap_or_else(|| text.into());
    }
    if key == "role"
        && let Some(role) = Role::from_code(text)
    {
        return lang.label(&role).into_owned();
    }
    if let Ok(day) = dangvu_domain::Date::parse_from_str(text, "%Y-%m-%d") {
        return lang.date(&day);
    }
    if let Ok(at) = chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f") {
        return format!("{} {} UTC", lang.date(&at.date()), at.format("%H:%M"));
    }
    text.to_string()
}

#[cfg(test)]
mod tests;
