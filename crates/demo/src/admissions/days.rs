//! Working-day steps backwards and forwards, for dating the steps of a dossier.

use dangvu_domain::Date;
use dangvu_domain::calendar::WorkingCalendar;

/// The `n`-th working day before `day` (not counting `day`).
pub(crate) fn back(calendar: &WorkingCalendar, day: Date, n: u32) -> Date {
    let mut at = day;
    let mut left = n;
    while left > 0 {
        let Some(prev) = at.pred_opt() else { return at };
        at = prev;
        if calendar.is_working_day(at) {
            left -= 1;
        }
    }
    at
}

/// The `n`-th working day after `day`.
pub(crate) fn ahead(calendar: &WorkingCalendar, day: Date, n: u32) -> Date {
    calendar.nth_working_day_after(day, n)
}

/// `day` moved by `days` calendar days (negative: earlier).
pub(crate) fn shift(day: Date, days: i64) -> Date {
    day.checked_add_signed(chrono::Duration::days(days))
        .unwrap_or(day)
}
