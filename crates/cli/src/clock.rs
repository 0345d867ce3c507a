//! The one place the binary reads the clock; everything else receives dates as inputs.

use dangvu_domain::Date;

/// Today's date in Vietnam (UTC+7), where the records are kept.
#[allow(clippy::disallowed_methods)] // the edge of the system: the clock is read here only
pub fn today() -> Date {
    (chrono::Utc::now() + chrono::Duration::hours(7)).date_naive()
}

/// The current instant (UTC), for audit rows.
#[allow(clippy::disallowed_methods)] // the edge of the system: the clock is read here only
pub fn now() -> chrono::NaiveDateTime {
    chrono::Utc::now().naive_utc()
}
