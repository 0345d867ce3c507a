//! What the calendar page reads: the year asked for, and the day an administrator adds or
//! corrects, each checked into domain values or the message to show beside the form.

use crate::error::{AppError, BadInput};
use crate::ui::date_field;
use crate::ui::i18n::Lang;
use crate::ui::params;
use chrono::Datelike;
use dangvu_domain::Date;
use dangvu_domain::calendar::{CalendarDay, DayKind};
use dangvu_domain::enums::Enumeration;
use dangvu_domain::text::nfc_trim;
use serde::Deserialize;

/// Longest name of a day kept (`ngay_nghi.ten`).
pub(crate) const NAME_LIMIT: usize = 200;
/// The years the page shows (those a date field reads).
const YEARS: (i32, i32) = (1800, 9998);

/// The page's query.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct CalendarQuery {
    year: Option<String>,
    saved: Option<String>,
}

impl CalendarQuery {
    /// The year asked for (`today`'s when absent).
    pub(crate) fn year(&self, today: Date) -> Result<i32, BadInput> {
        let Some(raw) = params::present(&self.year) else {
            return Ok(today.year());
        };
        raw.parse::<i32>()
            .ok()
            .filter(|y| (YEARS.0..=YEARS.1).contains(y))
            .ok_or_else(|| BadInput::Number {
                field: "year",
                value: raw.to_string(),
                min: YEARS.0.into(),
                max: YEARS.1.into(),
            })
    }

    /// The day just saved, to confirm (ignored when not a date: it only adds a notice).
    pub(crate) fn saved(&self) -> Option<Date> {
        params::optional_date("saved", &self.saved).ok().flatten()
    }
}

/// The form as sent (also shown again after a refusal).
#[derive(Debug, Clone, Default, Deserialize)]
pub(crate) struct DayForm {
    #[serde(default)]
    pub day: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub name: String,
}

impl DayForm {
    /// The day to store, or why not, in `lang`.
    pub(crate) fn parse(&self, lang: Lang) -> Result<CalendarDay, String> {
        let message = |bad: BadInput| AppError::BadInput(bad).message(lang);
        let text = self.day.trim();
        if text.is_empty() {
            return Err(message(BadInput::Missing { field: "day" }));
        }
        let day = date_field::parse("day", text).map_err(|_| {
            message(BadInput::Date {
                field: "day",
                value: text.to_string(),
            })
        })?;
        let kind = DayKind::parse(&self.kind).map_err(|_| {
            message(BadInput::Code {
                field: "kind",
                value: self.kind.trim().to_string(),
            })
        })?;
        let name = nfc_trim(&self.name);
        if name.chars().count() > NAME_LIMIT {
            let limit = NAME_LIMIT.to_string();
            return Err(lang.fill("calendar.name_too_long", &[("max", &limit)]));
        }
        Ok(CalendarDay {
            day,
            kind,
            name: (!name.is_empty()).then_some(name),
        })
    }

    /// Whether `code` is the kind the form holds (NGHI when none yet).
    pub(crate) fn has_kind(&self, code: &str) -> bool {
        match self.kind.trim() {
            "" => code == DayKind::Nghi.code(),
            chosen => chosen == code,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(day: &str, kind: &str, name: &str) -> DayForm {
        DayForm {
            day: day.into(),
            kind: kind.into(),
            name: name.into(),
        }
    }

    #[test]
    fn a_day_is_read_from_the_form_or_refused_with_a_message() {
        let ok = form("27/11/2025", "NGHI", "  Nghỉ đột xuất ")
            .parse(Lang::Vi)
            .unwrap();
        assert_eq!(
            ok.day,
            dangvu_domain::dates::parse_date("d", "2025-11-27").unwrap()
        );
        assert_eq!(
            (ok.kind, ok.name.as_deref()),
            (DayKind::Nghi, Some("Nghỉ đột xuất"))
        );
        assert_eq!(
            form("29.11.2025", "LAM_BU", "")
                .parse(Lang::Vi)
                .unwrap()
                .name,
            None
        );
        for bad in [
            form("", "NGHI", ""),
            form("31/02/2025", "NGHI", ""),
            form("01/12/2025", "X", ""),
        ] {
            assert!(bad.parse(Lang::Vi).is_err(), "{bad:?}");
        }
        let long = "a".repeat(NAME_LIMIT + 1);
        assert!(
            form("01/12/2025", "NGHI", &long)
                .parse(Lang::En)
                .unwrap_err()
                .contains("200")
        );
    }

    #[test]
    fn the_year_defaults_to_today_and_is_bounded() {
        let today = dangvu_domain::dates::parse_date("d", "2025-11-26").unwrap();
        let q = |y: &str| CalendarQuery {
            year: Some(y.into()),
            saved: None,
        };
        assert_eq!(CalendarQuery::default().year(today), Ok(2025));
        assert_eq!(q("2020").year(today), Ok(2020));
        for bad in ["0", "99999", "năm", "2020.5"] {
            assert!(
                matches!(q(bad).year(today), Err(BadInput::Number { .. })),
                "{bad}"
            );
        }
    }
}
