//! Calendar arithmetic the generator needs: random days in a range, ages in full years.
//!
//! Ages are counted in full years (as the admission rule counts them), and a birthday on
//! 29 February falls on 1 March in common years, so "the day someone turns N" is exact.

use chrono::{Datelike, Days, Months};
use dangvu_domain::Date;
use rand::Rng;

/// A date known to be valid, usable in constants.
pub(crate) const fn ymd(year: i32, month: u32, day: u32) -> Date {
    match Date::from_ymd_opt(year, month, day) {
        Some(date) => date,
        None => Date::MIN,
    }
}

/// The day after `day`.
pub(crate) fn next_day(day: Date) -> Date {
    day.checked_add_days(Days::new(1)).unwrap_or(day)
}

/// The day before `day`.
pub(crate) fn previous_day(day: Date) -> Date {
    day.checked_sub_days(Days::new(1)).unwrap_or(day)
}

/// `days` days after `day`.
pub(crate) fn plus_days(day: Date, days: u64) -> Date {
    day.checked_add_days(Days::new(days)).unwrap_or(day)
}

/// A uniformly random day in `[from, to]` (`from` when the range is empty).
pub(crate) fn day_between(rng: &mut impl Rng, from: Date, to: Date) -> Date {
    let span = (to - from).num_days();
    if span <= 0 {
        return from;
    }
    let offset = rng.random_range(0..=span.unsigned_abs());
    plus_days(from, offset)
}

/// Age in full years on `on` of someone born on `birth`.
pub(crate) fn full_years(birth: Date, on: Date) -> i32 {
    let mut years = on.year() - birth.year();
    if (on.month(), on.day()) < (birth.month(), birth.day()) {
        years -= 1;
    }
    years
}

/// The first day on which someone born on `birth` is `age` full years old.
pub(crate) fn day_turning(birth: Date, age: i32) -> Date {
    let months = Months::new(age.unsigned_abs() * 12);
    let candidate = birth.checked_add_months(months).unwrap_or(birth);
    if full_years(birth, candidate) < age {
        next_day(candidate)
    } else {
        candidate
    }
}

/// A random birth date of someone exactly `age` full years old on `on`.
pub(crate) fn birth_for_age(rng: &mut impl Rng, on: Date, age: i32) -> Date {
    let latest = shift_back_years(on, age);
    let earliest = next_day(shift_back_years(on, age + 1));
    let birth = day_between(rng, earliest, latest);
    if full_years(birth, on) == age {
        birth
    } else {
        latest
    }
}

/// `years` years before `day` (29 February becomes 28 February).
fn shift_back_years(day: Date, years: i32) -> Date {
    day.checked_sub_months(Months::new(years.unsigned_abs() * 12))
        .unwrap_or(day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;

    #[test]
    fn full_years_count_the_birthday_itself() {
        let birth = ymd(1990, 3, 15);
        assert_eq!(full_years(birth, ymd(2008, 3, 14)), 17);
        assert_eq!(full_years(birth, ymd(2008, 3, 15)), 18);
    }

    #[test]
    fn someone_born_on_a_leap_day_turns_eighteen_on_the_first_of_march() {
        let birth = ymd(2000, 2, 29);
        assert_eq!(day_turning(birth, 18), ymd(2018, 3, 1));
        assert_eq!(day_turning(birth, 20), ymd(2020, 2, 29));
    }

    #[test]
    fn drawn_births_give_exactly_the_requested_age() {
        let mut rng = ChaCha8Rng::seed_from_u64(1);
        for (on, age) in [
            (ymd(2020, 2, 29), 20),
            (ymd(2016, 3, 1), 18),
            (ymd(2019, 12, 31), 59),
        ] {
            for _ in 0..200 {
                let birth = birth_for_age(&mut rng, on, age);
                assert_eq!(full_years(birth, on), age, "{birth} on {on}");
            }
        }
    }

    #[test]
    fn random_days_stay_inside_the_range() {
        let mut rng = ChaCha8Rng::seed_from_u64(2);
        let (from, to) = (ymd(2015, 8, 1), ymd(2015, 8, 3));
        for _ in 0..100 {
            let day = day_between(&mut rng, from, to);
            assert!(from <= day && day <= to);
        }
        assert_eq!(day_between(&mut rng, to, from), to);
    }
}
