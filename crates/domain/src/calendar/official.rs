//! The official calendar shipped with the system: days off of cadres and civil servants
//! (cán bộ, công chức, viên chức) and the days they work in exchange, 2015–2027.
//!
//! Each break is listed whole, weekend days included, so the calendar page shows it the way
//! it was announced; weekend rows change nothing in the counting. Holidays come from the
//! Labour Code (2012, art. 115; 2019, art. 112): 1/1, Tết (5 days), Giỗ Tổ Hùng Vương
//! (10/3 lunar), 30/4, 1/5, 2/9 (+ one adjacent day from 2021); a holiday on a weekend is
//! compensated on the next working day; the Prime Minister fixes Tết and the swaps each year.
//! The source of each year is noted beside it and in `docs/calendar.md`.

use super::DayKind::{self, LamBu, Nghi};
use crate::dates::Date;

/// The first and last years the shipped calendar covers.
pub const YEARS: (i32, i32) = (2015, 2027);

/// One day of the shipped calendar, with the name shown on the calendar page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OfficialDay {
    /// The date.
    pub day: Date,
    /// Off or worked.
    pub kind: DayKind,
    /// What the day is (Vietnamese, as announced).
    pub name: &'static str,
}

/// An announced break (first and last day, inclusive) or a single worked day.
type Entry = (&'static str, &'static str, DayKind, &'static str);

const TET_DL: &str = "Tết Dương lịch";
const TET: &str = "Tết Nguyên đán";
const GIO_TO: &str = "Giỗ Tổ Hùng Vương";
const APR30_MAY1: &str = "Ngày Chiến thắng và Quốc tế Lao động";
const QUOC_KHANH: &str = "Quốc khánh";
const WORKED: &str = "Làm bù cho ngày nghỉ hoán đổi";

#[rustfmt::skip]
const ENTRIES: &[Entry] = &[
    // 2015 — MOLISA submission 89/TTr-LĐTBXH (20/11/2014), plan 1 as agreed: 2/1 swapped
    // with Sat 27/12/2014, Tết 15/2–23/2 with 16/2 swapped for Sat 14/2; 29/4 swapped with
    // Sat 25/4 (the last swap not confirmed by a page found; see docs/calendar.md).
    ("2014-12-27", "2014-12-27", LamBu, WORKED),
    ("2015-01-01", "2015-01-04", Nghi, TET_DL),
    ("2015-02-14", "2015-02-14", LamBu, WORKED),
    ("2015-02-15", "2015-02-23", Nghi, TET),
    ("2015-04-25", "2015-04-25", LamBu, WORKED),
    ("2015-04-28", "2015-05-03", Nghi, "Giỗ Tổ Hùng Vương, Ngày Chiến thắng và Quốc tế Lao động"),
    ("2015-09-02", "2015-09-02", Nghi, QUOC_KHANH),
    // 2016 — Government agreement of 29/10/2015: Tết 6/2–14/2, no swap; holidays on
    // weekends compensated on the next working day (18/4, 2/5, 3/5).
    ("2016-01-01", "2016-01-03", Nghi, TET_DL),
    ("2016-02-06", "2016-02-14", Nghi, TET),
    ("2016-04-16", "2016-04-18", Nghi, GIO_TO),
    ("2016-04-30", "2016-05-03", Nghi, APR30_MAY1),
    ("2016-09-02", "2016-09-04", Nghi, QUOC_KHANH),
    // 2017 — Tết 26/1–1/2, no swap (MOLISA notice on the PM's agreement); 1/1 Sunday
    // compensated 2/1; 30/4 Sunday compensated 2/5; 2/9 Saturday compensated 4/9.
    ("2016-12-31", "2017-01-02", Nghi, TET_DL),
    ("2017-01-26", "2017-02-01", Nghi, TET),
    ("2017-04-06", "2017-04-06", Nghi, GIO_TO),
    ("2017-04-29", "2017-05-02", Nghi, APR30_MAY1),
    ("2017-09-02", "2017-09-04", Nghi, QUOC_KHANH),
    // 2018 — Tết 14/2–20/2 (two days before Tết, PM's agreement via the Government Office);
    // 2/9 Sunday compensated 3/9; 31/12 swapped with Sat 5/1/2019 (6519/VPCP-KGVX, 2018).
    ("2017-12-30", "2018-01-01", Nghi, TET_DL),
    ("2018-02-14", "2018-02-20", Nghi, TET),
    ("2018-04-25", "2018-04-25", Nghi, GIO_TO),
    ("2018-04-28", "2018-05-01", Nghi, APR30_MAY1),
    ("2018-09-01", "2018-09-03", Nghi, QUOC_KHANH),
    // 2019 — 6519/VPCP-KGVX: New Year 29/12/2018–1/1/2019 (worked Sat 5/1), Tết 2/2–10/2,
    // Giỗ Tổ Sunday 14/4 compensated 15/4, 29/4 swapped with Sat 4/5.
    ("2018-12-29", "2019-01-01", Nghi, TET_DL),
    ("2019-01-05", "2019-01-05", LamBu, WORKED),
    ("2019-02-02", "2019-02-10", Nghi, TET),
    ("2019-04-13", "2019-04-15", Nghi, GIO_TO),
    ("2019-04-27", "2019-05-01", Nghi, APR30_MAY1),
    ("2019-05-04", "2019-05-04", LamBu, WORKED),
    ("2019-08-31", "2019-09-02", Nghi, QUOC_KHANH),
    // 2020 — Tết 23/1–29/1 (MOLISA notice, Jan. 2020); Giỗ Tổ Thursday 2/4, one day;
    // 30/4–3/5.
    ("2020-01-01", "2020-01-01", Nghi, TET_DL),
    ("2020-01-23", "2020-01-29", Nghi, TET),
    ("2020-04-02", "2020-04-02", Nghi, GIO_TO),
    ("2020-04-30", "2020-05-03", Nghi, APR30_MAY1),
    ("2020-09-02", "2020-09-02", Nghi, QUOC_KHANH),
    // 2021 — Labour Code 2019: 2/9 plus one adjacent day. Notice 4875/TB-LĐTBXH: Tết
    // 10/2–16/2, Quốc khánh 2/9–3/9 (to 5/9 with the weekend); 1/5 Saturday compensated 3/5.
    ("2021-01-01", "2021-01-03", Nghi, TET_DL),
    ("2021-02-10", "2021-02-16", Nghi, TET),
    ("2021-04-21", "2021-04-21", Nghi, GIO_TO),
    ("2021-04-30", "2021-05-03", Nghi, APR30_MAY1),
    ("2021-09-02", "2021-09-05", Nghi, QUOC_KHANH),
    // 2022 — MOLISA plan agreed by the PM: Tết 29/1–6/2; Quốc khánh 1/9–2/9 (to 4/9);
    // Giỗ Tổ Sunday 10/4 compensated 11/4; 30/4, 1/5 on a weekend compensated 2/5, 3/5.
    ("2022-01-01", "2022-01-03", Nghi, TET_DL),
    ("2022-01-29", "2022-02-06", Nghi, TET),
    ("2022-04-09", "2022-04-11", Nghi, GIO_TO),
    ("2022-04-30", "2022-05-03", Nghi, APR30_MAY1),
    ("2022-09-01", "2022-09-04", Nghi, QUOC_KHANH),
    // 2023 — 8056/VPCP-KGVX (1/12/2022): Tết 20/1–26/1, Quốc khánh 1/9–4/9 (2/9 Saturday
    // compensated 4/9); Giỗ Tổ (Sat 29/4), 30/4, 1/5 compensated 2/5, 3/5: 29/4–3/5.
    ("2022-12-31", "2023-01-02", Nghi, TET_DL),
    ("2023-01-20", "2023-01-26", Nghi, TET),
    ("2023-04-29", "2023-05-03", Nghi, "Giỗ Tổ Hùng Vương, Ngày Chiến thắng và Quốc tế Lao động"),
    ("2023-09-01", "2023-09-04", Nghi, QUOC_KHANH),
    // 2024 — 8662/VPCP-KGVX (3/11/2023), notice 5015/TB-LĐTBXH (22/11/2023): Tết 8/2–14/2,
    // Quốc khánh 31/8–3/9; 2450/VPCP-KGVX (12/4/2024): 29/4 swapped with Sat 4/5.
    ("2023-12-30", "2024-01-01", Nghi, TET_DL),
    ("2024-02-08", "2024-02-14", Nghi, TET),
    ("2024-04-18", "2024-04-18", Nghi, GIO_TO),
    ("2024-04-27", "2024-05-01", Nghi, APR30_MAY1),
    ("2024-05-04", "2024-05-04", LamBu, WORKED),
    ("2024-08-31", "2024-09-03", Nghi, QUOC_KHANH),
    // 2025 — 8726/VPCP-KGVX (26/11/2024), MOLISA notice of 3/12/2024: Tết 25/1–2/2;
    // 2/5 swapped with Sat 26/4; Quốc khánh 30/8–2/9; Giỗ Tổ Monday 7/4.
    ("2025-01-01", "2025-01-01", Nghi, TET_DL),
    ("2025-01-25", "2025-02-02", Nghi, TET),
    ("2025-04-05", "2025-04-07", Nghi, GIO_TO),
    ("2025-04-26", "2025-04-26", LamBu, WORKED),
    ("2025-04-30", "2025-05-04", Nghi, APR30_MAY1),
    ("2025-08-30", "2025-09-02", Nghi, QUOC_KHANH),
    // 2026 — 12729/VPCP-KGVX (25/12/2025): New Year 1/1–4/1, 2/1 swapped with Sat 10/1.
    // PM's agreement of Oct. 2025 (Ministry of Home Affairs plan): Tết 14/2–22/2; Quốc
    // khánh 2/9 and 1/9, 31/8 swapped with Sat 22/8, so 29/8–2/9. Giỗ Tổ Sunday 26/4
    // compensated 27/4; 30/4–3/5.
    ("2026-01-01", "2026-01-04", Nghi, TET_DL),
    ("2026-01-10", "2026-01-10", LamBu, WORKED),
    ("2026-02-14", "2026-02-22", Nghi, TET),
    ("2026-04-25", "2026-04-27", Nghi, GIO_TO),
    ("2026-04-30", "2026-05-03", Nghi, APR30_MAY1),
    ("2026-08-22", "2026-08-22", LamBu, WORKED),
    ("2026-08-29", "2026-09-02", Nghi, QUOC_KHANH),
    // 2027 — not yet announced when this was written: only the days the Labour Code fixes
    // by itself. Tết (5 days around Saturday 6/2) and the day next to Quốc khánh are for
    // the installation to add (`ngay_nghi`) until a release ships them; docs/calendar.md.
    ("2027-01-01", "2027-01-03", Nghi, TET_DL),
    ("2027-04-16", "2027-04-18", Nghi, GIO_TO),
    ("2027-04-30", "2027-05-03", Nghi, APR30_MAY1),
    ("2027-09-02", "2027-09-02", Nghi, QUOC_KHANH),
];

/// Every day of the shipped calendar, in the order listed.
pub fn days() -> impl Iterator<Item = OfficialDay> {
    ENTRIES.iter().flat_map(|&(from, to, kind, name)| {
        // The entries are literals checked by the test below, so nothing is skipped.
        let span = parse(from).zip(parse(to));
        span.into_iter().flat_map(move |(from, to)| {
            from.iter_days()
                .take_while(move |d| *d <= to)
                .map(move |day| OfficialDay { day, kind, name })
        })
    })
}

fn parse(raw: &str) -> Option<Date> {
    Date::parse_from_str(raw, "%Y-%m-%d").ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_entry_is_a_valid_span() {
        for (from, to, _, _) in ENTRIES {
            let span = parse(from).zip(parse(to));
            assert!(span.is_some_and(|(f, t)| f <= t), "{from}..{to}");
        }
    }
}
