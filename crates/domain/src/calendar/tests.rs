#![allow(clippy::unwrap_used, clippy::panic)]

use super::*;

fn d(raw: &str) -> Date {
    Date::parse_from_str(raw, "%Y-%m-%d").unwrap()
}

#[test]
fn every_shipped_entry_is_a_valid_date_within_the_covered_years() {
    let days: Vec<_> = official::days().collect();
    assert!(days.len() > 150);
    for day in &days {
        assert!((official::YEARS.0 - 1..=official::YEARS.1).contains(&day.day.year()));
    }
    // A worked day is never also listed as a day off.
    let cal = WorkingCalendar::official();
    for day in days.iter().filter(|d| d.kind == DayKind::LamBu) {
        assert_eq!(cal.kind_of(day.day), Some(DayKind::LamBu), "{}", day.day);
        assert!(matches!(day.day.weekday(), Weekday::Sat | Weekday::Sun));
    }
}

#[test]
fn working_days_follow_the_week_and_the_listed_days() {
    let cal = WorkingCalendar::official();
    let cases = [
        ("2025-11-26", true, "an ordinary Wednesday"),
        ("2025-11-29", false, "an ordinary Saturday"),
        ("2025-11-30", false, "an ordinary Sunday"),
        ("2020-01-23", false, "Thursday, first day of Tết 2020"),
        ("2020-01-29", false, "Wednesday, last day of Tết 2020"),
        ("2020-01-30", true, "Thursday after Tết 2020"),
        ("2020-01-22", true, "Wednesday before Tết 2020"),
        ("2026-02-16", false, "Monday of Tết 2026"),
        ("2026-02-23", true, "Monday after Tết 2026"),
        ("2026-01-02", false, "Friday swapped off, New Year 2026"),
        ("2026-01-10", true, "Saturday worked in exchange, 2026"),
        ("2024-05-04", true, "Saturday worked in exchange, 2024"),
        ("2024-04-29", false, "Monday swapped off, 2024"),
        (
            "2021-09-03",
            false,
            "Friday, adjacent day of Quốc khánh 2021",
        ),
        (
            "2016-05-03",
            false,
            "Tuesday compensating 1/5/2016 on a Sunday",
        ),
    ];
    for (day, working, why) in cases {
        assert_eq!(cal.is_working_day(d(day)), working, "{day}: {why}");
    }
}

#[test]
fn tet_breaks_have_their_announced_length() {
    let cal = WorkingCalendar::official();
    let cases = [
        ("2020-01-23", "2020-01-29", 7),
        ("2026-02-14", "2026-02-22", 9),
    ];
    for (from, to, len) in cases {
        let days: Vec<_> = d(from).iter_days().take_while(|x| *x <= d(to)).collect();
        assert_eq!(days.len(), len);
        for day in days {
            assert_eq!(cal.kind_of(day), Some(DayKind::Nghi), "{day}");
        }
        assert!(cal.is_working_day(d(from).pred_opt().unwrap()) || from == "2026-02-14");
    }
}

#[test]
fn counting_working_days_skips_holidays_and_counts_worked_saturdays() {
    let cal = WorkingCalendar::official();
    let cases = [
        // (after, n, expected, why)
        ("2025-11-26", 0, "2025-11-26", "n = 0 is the day itself"),
        ("2025-11-26", 1, "2025-11-27", "the next weekday"),
        (
            "2025-11-28",
            1,
            "2025-12-01",
            "Friday → Monday over the weekend",
        ),
        ("2020-01-22", 1, "2020-01-30", "over the whole of Tết 2020"),
        (
            "2020-01-20",
            3,
            "2020-01-30",
            "Tết 2020 days are not counted",
        ),
        ("2026-01-09", 1, "2026-01-10", "the Saturday worked counts"),
        (
            "2025-12-31",
            1,
            "2026-01-05",
            "New Year 2026 and its swapped Friday are off",
        ),
        (
            "2026-02-13",
            1,
            "2026-02-23",
            "over the nine days of Tết 2026",
        ),
        (
            "2024-04-26",
            3,
            "2024-05-04",
            "29/4–1/5 off, Saturday 4/5 worked",
        ),
    ];
    for (after, n, expected, why) in cases {
        assert_eq!(cal.nth_working_day_after(d(after), n), d(expected), "{why}");
    }
}

#[test]
fn sixty_working_days_after_a_day_of_january_2020() {
    // From Tuesday 2020-01-14: 6 working days before Tết (15–22/1), Tết 23–29/1 off, then
    // from Thursday 30/1 ten full weeks less six days; 2/4 (Giỗ Tổ) is off.
    let cal = WorkingCalendar::official();
    let due = cal.nth_working_day_after(d("2020-01-14"), 60);
    let plain = WorkingCalendar::plain().nth_working_day_after(d("2020-01-14"), 60);
    assert_eq!(plain, d("2020-04-07"));
    assert_eq!(due, d("2020-04-15"));
    assert!(cal.within(d("2020-01-14"), 60, d("2020-04-15")));
    assert!(!cal.within(d("2020-01-14"), 60, d("2020-04-16")));
}

#[test]
fn installation_rows_add_to_and_correct_the_shipped_calendar() {
    let cal = WorkingCalendar::official().with_days([
        (d("2025-11-27"), DayKind::Nghi),
        (d("2024-05-04"), DayKind::Nghi),
        (d("2025-11-29"), DayKind::LamBu),
    ]);
    assert!(
        !cal.is_working_day(d("2025-11-27")),
        "a weekday added as off"
    );
    assert!(
        !cal.is_working_day(d("2024-05-04")),
        "a shipped worked day corrected"
    );
    assert!(
        cal.is_working_day(d("2025-11-29")),
        "a Saturday added as worked"
    );
    assert_eq!(
        cal.nth_working_day_after(d("2025-11-26"), 1),
        d("2025-11-28")
    );
}

#[test]
fn huge_counts_saturate_instead_of_running_forever() {
    let cal = WorkingCalendar::official();
    let at_max = cal.nth_working_day_after(d("2025-01-01"), MAX_WORKING_DAYS);
    assert_eq!(cal.nth_working_day_after(d("2025-01-01"), u32::MAX), at_max);
    assert!(at_max.year() > 2060);
    let end = Date::MAX;
    assert_eq!(cal.nth_working_day_after(end, 5), end);
}

#[test]
fn a_year_lists_its_days_in_order() {
    let cal = WorkingCalendar::official();
    let days: Vec<_> = cal.days_in_year(2024).collect();
    assert_eq!(days.first().map(|x| x.0), Some(d("2024-01-01")));
    assert!(days.windows(2).all(|w| w[0].0 < w[1].0));
    assert!(days.contains(&(d("2024-05-04"), DayKind::LamBu)));
    assert_eq!(DayKind::parse("Ngày làm bù").unwrap(), DayKind::LamBu);
    assert_eq!(DayKind::parse("nghi").unwrap(), DayKind::Nghi);
}

#[test]
fn a_typed_count_of_working_days_is_a_small_whole_number() {
    assert_eq!(parse_working_days("n", " 60 ").unwrap(), 60);
    assert_eq!(parse_working_days("n", "0").unwrap(), 0);
    assert_eq!(parse_working_days("n", "10000").unwrap(), MAX_WORKING_DAYS);
    for bad in ["", "-1", "1.5", "mười", "10001", "99999999999"] {
        assert!(parse_working_days("n", bad).is_err(), "{bad}");
    }
}
