//! Monthly results (`ket_qua_thang`) of the demo's members, 2024–2025: each month a
//! member is registered in a cell (on its last day, active, admitted by then) gets a level
//! close to the member's yearly rating — mostly the same level, now and then one step
//! either way — and for about one rating in forty the months sit a step below the year-end
//! level, so that the year-end page has ratings "above the monthly record" to flag.
//!
//! Two years, not the whole history from 2015: the district's members make about 87,000
//! monthly rows a year, and eleven years (about a million rows) would multiply the demo's
//! load time (and that of every test that loads it) for nothing a round needs to show: the
//! last closed year and the year under way.

use crate::calendar::ymd;
use dangvu_domain::dataset::{MemberRating, MemberRecord};
use dangvu_domain::ratings::{Month, MonthlyResult};
use dangvu_domain::{MemberStatus, Rating};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::collections::HashMap;

/// The first year with monthly results.
pub(crate) const FIRST_YEAR: i32 = 2024;
/// The last year with monthly results.
pub(crate) const LAST_YEAR: i32 = 2025;

/// One level better (towards HTXSNV) or worse, staying among the four.
fn step(level: Rating, better: bool) -> Rating {
    let all = [Rating::Htxsnv, Rating::Httnv, Rating::Htnv, Rating::Khtnv];
    let at = all.iter().position(|l| *l == level).unwrap_or(1);
    let to = if better {
        at.saturating_sub(1)
    } else {
        (at + 1).min(all.len() - 1)
    };
    all.get(to).copied().unwrap_or(level)
}

/// The note of a month below the year's level.
const NOTE_BELOW: &str = "Chưa hoàn thành đầy đủ nhiệm vụ được giao trong tháng";

/// Every monthly result of the demo, deterministic from `seed`.
pub(crate) fn results(
    members: &[MemberRecord],
    ratings: &[MemberRating],
    seed: u64,
) -> Vec<MonthlyResult> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x006d_6f6e_7468_6c79);
    let yearly: HashMap<(&str, i32), Rating> = ratings
        .iter()
        .map(|r| ((r.member.as_str(), r.year), r.rating))
        .collect();
    let mut out = Vec::new();
    for member in members {
        for year in FIRST_YEAR..=LAST_YEAR {
            let rated = yearly.get(&(member.code.as_str(), year)).copied();
            // About one rating in forty stands above the months.
            let below = rated.is_some_and(|r| r != Rating::Khtnv) && rng.random_bool(0.025);
            let base = rated.unwrap_or(Rating::Httnv);
            for month in Month::of_year(year) {
                let last = month.last_day();
                let counted = member.admitted_on <= last
                    && member.registration_on(last).is_some()
                    && member.status_on(last) == MemberStatus::DangSinhHoat;
                if !counted || last > ymd(2025, 11, 30) {
                    continue;
                }
                let level = if below {
                    if rng.random_bool(0.8) {
                        step(base, false)
                    } else {
                        base
                    }
                } else {
                    match rng.random_range(0..100) {
                        0..=6 => step(base, true),
                        7..=14 => step(base, false),
                        _ => base,
                    }
                };
                let note = (level > base).then(|| NOTE_BELOW.to_owned());
                out.push(MonthlyResult {
                    member: member.code.clone(),
                    month,
                    level,
                    note,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use dangvu_domain::ratings::{MonthlyShare, above_monthly_record, monthly_measure};

    #[test]
    fn months_follow_the_yearly_rating_with_a_few_ratings_above_the_record() {
        let ds = crate::generate(crate::DEFAULT_SEED);
        let results = &ds.monthly_results;
        assert!(!results.is_empty());
        let mut by_member_year: HashMap<(&str, i32), Vec<Rating>> = HashMap::new();
        for r in results {
            let key = (r.member.as_str(), r.month.year());
            by_member_year.entry(key).or_default().push(r.level);
        }
        let (mut same, mut above, mut total) = (0, 0, 0);
        for rating in ds.member_ratings.iter().filter(|r| r.year >= FIRST_YEAR) {
            let Some(levels) = by_member_year.get(&(rating.member.as_str(), rating.year)) else {
                continue;
            };
            let measure = monthly_measure(levels, MonthlyShare::DEFAULT);
            total += 1;
            same += usize::from(measure == Some(rating.rating));
            above += usize::from(above_monthly_record(measure, rating.rating));
        }
        assert!(total > 1000, "{total}");
        assert!(above > 10, "{above}");
        assert!(same * 10 > total * 9, "{same} of {total}");
        assert!(above > 10 && above * 20 < total, "{above} of {total}");
        assert!(
            results
                .iter()
                .all(|r| r.month <= Month::new(2025, 11).unwrap())
        );
    }
}
