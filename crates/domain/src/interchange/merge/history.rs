//! How a file's history meets the stored one: the rules of an update, on the one shape all
//! three histories share — a list of `(since, value)` entries, each holding until the next
//! (registrations: the cell; superiors: the parent or none; statuses: the status, with an
//! implicit "active" first entry).
//!
//! - A file that gives only the present value ([`set_current`]): if it equals the stored
//!   present value nothing changes; otherwise the value holds from the given day on — a
//!   dated change added to the history, never an overwrite of it.
//! - A file that gives dated changes ([`apply_dated`]) is believed from its first change
//!   on; the stored history before that day is kept when it leads to the file's origin
//!   (`tu_to_chuc`, `tu_cap_tren`) and replaced by the file's otherwise. A status history
//!   has no origin: the stored entries before the first change are kept, except a trailing
//!   run of the same status, whose start the file corrects.

use crate::dates::Date;

/// One entry of a history: the value holds from `since` (`None` = from the beginning).
pub type Entry<V> = (Option<Date>, V);

/// The value of the history on `day`.
pub fn value_on<V>(history: &[Entry<V>], day: Date) -> Option<&V> {
    history
        .iter()
        .rev()
        .find(|(since, _)| since.is_none_or(|s| s <= day))
        .map(|(_, v)| v)
}

/// The present value: the last entry's.
pub fn current<V>(history: &[Entry<V>]) -> Option<&V> {
    history.last().map(|(_, v)| v)
}

/// The history after a file said that the value is `value` from `on` on.
pub fn set_current<V: PartialEq + Clone>(
    stored: &[Entry<V>],
    value: &V,
    on: Date,
) -> Vec<Entry<V>> {
    if current(stored) == Some(value) {
        return stored.to_vec();
    }
    apply_dated(stored, None, &[(on, value.clone())])
}

/// The history after a file gave the dated changes `dated` (in date order), starting from
/// `origin` when the file says where the history came from.
pub fn apply_dated<V: PartialEq + Clone>(
    stored: &[Entry<V>],
    origin: Option<&V>,
    dated: &[(Date, V)],
) -> Vec<Entry<V>> {
    let Some((first_day, first_value)) = dated.first() else {
        return stored.to_vec();
    };
    let eve = first_day.pred_opt().unwrap_or(*first_day);
    if let Some(origin) = origin.filter(|o| value_on(stored, eve) != Some(*o)) {
        let mut replaced = vec![(None, origin.clone())];
        push_changes(&mut replaced, dated);
        return replaced;
    }
    let mut merged: Vec<Entry<V>> = stored
        .iter()
        .filter(|(since, _)| since.is_none_or(|s| s < *first_day))
        .cloned()
        .collect();
    while merged.len() > 1 && merged.last().is_some_and(|(_, v)| v == first_value) {
        merged.pop();
    }
    push_changes(&mut merged, dated);
    merged
}

/// Appends each change, leaving out those that repeat the value before them.
fn push_changes<V: PartialEq + Clone>(history: &mut Vec<Entry<V>>, dated: &[(Date, V)]) {
    for (day, value) in dated {
        if current(history) != Some(value) {
            history.push((Some(*day), value.clone()));
        }
    }
}

/// The history from `start` on: what held before is dropped, and the entry that holds on
/// `start` begins then (a file that says when a member's registrations here began).
pub fn start_at<V>(history: Vec<Entry<V>>, start: Date) -> Vec<Entry<V>> {
    let first = history
        .iter()
        .rposition(|(since, _)| since.is_none_or(|s| s <= start))
        .unwrap_or(0);
    let mut kept: Vec<Entry<V>> = history.into_iter().skip(first).collect();
    if let Some(entry) = kept.first_mut() {
        entry.0 = Some(start);
    }
    kept
}

/// The dated changes of a history: `(day, value before, value after)`.
pub fn changes<V>(history: &[Entry<V>]) -> Vec<(Date, &V, &V)> {
    history
        .windows(2)
        .filter_map(|pair| {
            let [(_, before), (since, after)] = pair else {
                return None;
            };
            since.map(|day| (day, before, after))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn h(entries: &[(Option<&str>, char)]) -> Vec<Entry<char>> {
        entries.iter().map(|(s, v)| (s.map(d), *v)).collect()
    }

    #[test]
    fn a_new_present_value_is_a_dated_change_and_the_same_one_changes_nothing() {
        let stored = h(&[(None, 'A'), (Some("2018-01-01"), 'B')]);
        assert_eq!(set_current(&stored, &'B', d("2025-01-01")), stored);
        assert_eq!(
            set_current(&stored, &'C', d("2025-01-01")),
            h(&[
                (None, 'A'),
                (Some("2018-01-01"), 'B'),
                (Some("2025-01-01"), 'C')
            ])
        );
    }

    #[test]
    fn dated_changes_that_follow_on_from_the_stored_history_extend_it() {
        let stored = h(&[(None, 'Z'), (Some("2010-01-01"), 'A')]);
        let merged = apply_dated(&stored, Some(&'A'), &[(d("2024-03-01"), 'B')]);
        assert_eq!(
            merged,
            h(&[
                (None, 'Z'),
                (Some("2010-01-01"), 'A'),
                (Some("2024-03-01"), 'B')
            ])
        );
        // The same file again changes nothing.
        assert_eq!(
            apply_dated(&merged, Some(&'A'), &[(d("2024-03-01"), 'B')]),
            merged
        );
    }

    #[test]
    fn dated_changes_from_another_origin_replace_the_stored_history() {
        let stored = h(&[(None, 'Z'), (Some("2010-01-01"), 'A')]);
        assert_eq!(
            apply_dated(&stored, Some(&'Y'), &[(d("2024-03-01"), 'B')]),
            h(&[(None, 'Y'), (Some("2024-03-01"), 'B')])
        );
    }

    #[test]
    fn a_start_date_cuts_what_held_before() {
        let stored = h(&[
            (None, 'Z'),
            (Some("2010-01-01"), 'A'),
            (Some("2020-01-01"), 'B'),
        ]);
        assert_eq!(
            start_at(stored.clone(), d("2012-05-01")),
            h(&[(Some("2012-05-01"), 'A'), (Some("2020-01-01"), 'B')])
        );
        assert_eq!(
            start_at(stored.clone(), d("2010-01-01"))[0],
            (Some(d("2010-01-01")), 'A')
        );
        assert_eq!(start_at(stored, d("2001-01-01")).len(), 3);
    }

    #[test]
    fn a_status_date_is_corrected_either_way() {
        let stored = h(&[
            (None, 'D'),
            (Some("2021-01-01"), 'M'),
            (Some("2023-06-07"), 'T'),
        ]);
        for day in ["2023-06-01", "2023-06-10"] {
            assert_eq!(
                apply_dated(&stored, None, &[(d(day), 'T')]),
                h(&[(None, 'D'), (Some("2021-01-01"), 'M'), (Some(day), 'T')])
            );
        }
        assert_eq!(
            apply_dated(&stored, None, &[(d("2023-06-07"), 'T')]),
            stored
        );
        assert_eq!(
            changes(&stored),
            vec![(d("2021-01-01"), &'D', &'M'), (d("2023-06-07"), &'M', &'T')]
        );
    }
}
