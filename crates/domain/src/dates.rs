//! Dates and half-open validity periods.
//!
//! Every effective-dated fact holds on `[from, to)`. Open ends are stored as sentinel dates
//! ([`Date::MIN_SENTINEL`] and [`Date::MAX_SENTINEL`]) rather than NULL, so that "valid on D"
//! is the same indexable comparison `from <= D AND D < to` on every backend.

use crate::error::DomainError;
use serde::{Deserialize, Serialize};

/// A calendar date (no time zone: Party records are dated by day).
pub type Date = chrono::NaiveDate;

/// Sentinel bounds for open periods.
pub trait DateSentinels {
    /// The start of an interval with no known beginning ("before any date in the data").
    const MIN_SENTINEL: Date;
    /// The end of an interval that has not ended.
    const MAX_SENTINEL: Date;
}

impl DateSentinels for Date {
    const MIN_SENTINEL: Date = match chrono::NaiveDate::from_ymd_opt(1, 1, 1) {
        Some(d) => d,
        None => chrono::NaiveDate::MIN,
    };
    const MAX_SENTINEL: Date = match chrono::NaiveDate::from_ymd_opt(9999, 12, 31) {
        Some(d) => d,
        None => chrono::NaiveDate::MAX,
    };
}

/// A half-open period `[from, to)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Period {
    /// First day of validity.
    pub from: Date,
    /// First day no longer valid ([`DateSentinels::MAX_SENTINEL`] when open).
    pub to: Date,
}

impl Period {
    /// The period that always holds.
    pub const ALWAYS: Period = Period {
        from: Date::MIN_SENTINEL,
        to: Date::MAX_SENTINEL,
    };

    /// A period from optional bounds (`None` = open on that side).
    pub fn new(from: Option<Date>, to: Option<Date>) -> Self {
        Period {
            from: from.unwrap_or(Date::MIN_SENTINEL),
            to: to.unwrap_or(Date::MAX_SENTINEL),
        }
    }

    /// Whether the period holds on `day`.
    pub fn contains(&self, day: Date) -> bool {
        self.from <= day && day < self.to
    }

    /// Whether the period holds on no day at all.
    pub fn is_empty(&self) -> bool {
        self.from >= self.to
    }

    /// The overlap of two periods (possibly empty).
    pub fn intersect(&self, other: &Period) -> Period {
        Period {
            from: self.from.max(other.from),
            to: self.to.min(other.to),
        }
    }

    /// The start, or `None` when open.
    pub fn start(&self) -> Option<Date> {
        (self.from != Date::MIN_SENTINEL).then_some(self.from)
    }

    /// The end (exclusive), or `None` when open.
    pub fn end(&self) -> Option<Date> {
        (self.to != Date::MAX_SENTINEL).then_some(self.to)
    }
}

/// The value of the first period that holds on `day`: how every history is read (a
/// member's registration and status, an organization's superior). Histories entered out of
/// date order may overlap; the first entry wins.
pub fn find_on<T>(periods: impl IntoIterator<Item = (Period, T)>, day: Date) -> Option<T> {
    periods
        .into_iter()
        .find(|(p, _)| p.contains(day))
        .map(|(_, value)| value)
}

/// Parses a date written `YYYY-MM-DD` or `DD/MM/YYYY` (the two forms of interchange v1).
/// Impossible dates such as 31/02 are rejected.
pub fn parse_date(field: &'static str, raw: &str) -> Result<Date, DomainError> {
    let value = raw.trim();
    let parsed = if value.contains('/') {
        Date::parse_from_str(value, "%d/%m/%Y")
    } else {
        Date::parse_from_str(value, "%Y-%m-%d")
    };
    match parsed {
        Ok(date) if (1800..=9998).contains(&chrono::Datelike::year(&date)) => Ok(date),
        _ => Err(DomainError::invalid(
            field,
            value,
            "not a date from 1800-01-01 to 9998-12-31 (YYYY-MM-DD or DD/MM/YYYY)",
        )),
    }
}

/// Parses an optional date: empty text is `None`.
pub fn parse_optional_date(field: &'static str, raw: &str) -> Result<Option<Date>, DomainError> {
    if raw.trim().is_empty() {
        Ok(None)
    } else {
        parse_date(field, raw).map(Some)
    }
}

/// 31 December of `year`: the reference date of a year's ratings.
pub fn year_end(year: i32) -> Option<Date> {
    Date::from_ymd_opt(year, 12, 31)
}

/// Adds whole months, clamping the day to the end of a shorter month (probation is 12 months).
pub fn add_months(day: Date, months: u32) -> Date {
    day.checked_add_months(chrono::Months::new(months))
        .unwrap_or(Date::MAX_SENTINEL)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        parse_date("ngay", s).unwrap()
    }

    #[test]
    fn both_interchange_forms_parse() {
        assert_eq!(d("2020-07-31"), d("31/07/2020"));
        assert_eq!(d(" 01/08/2015 "), Date::from_ymd_opt(2015, 8, 1).unwrap());
    }

    #[test]
    fn impossible_and_malformed_dates_are_rejected() {
        for bad in [
            "31/02/2020",
            "2020-13-01",
            "2020/07/31",
            "hôm qua",
            "07/31/2020",
            "",
        ] {
            assert!(parse_date("ngay", bad).is_err(), "{bad} should be rejected");
        }
    }

    #[test]
    fn periods_are_half_open() {
        let p = Period::new(Some(d("2015-08-01")), Some(d("2020-08-01")));
        assert!(p.contains(d("2015-08-01")));
        assert!(p.contains(d("2020-07-31")));
        assert!(!p.contains(d("2020-08-01")));
        assert!(Period::ALWAYS.contains(d("1947-05-01")));
        assert_eq!(p.start(), Some(d("2015-08-01")));
        assert_eq!(Period::ALWAYS.end(), None);
    }

    #[test]
    fn probation_of_twelve_months_clamps_leap_days() {
        assert_eq!(add_months(d("2016-02-29"), 12), d("2017-02-28"));
        assert_eq!(add_months(d("2019-08-15"), 12), d("2020-08-15"));
    }
}
