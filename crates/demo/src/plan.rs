//! How many of each event happen, decided before anything is simulated.
//!
//! The article's figures must come out exactly, whatever the seed. So the figures of
//! 2020-07-31 are chosen first (members in [7300, 7399], exempted near 275), the term's
//! events are counted, and the population at the start of the term is derived from them:
//! members(2020-07-31) = initial + admissions + arrivals − exits, and
//! exempted(2020-07-31) = initially exempted + exemptions − deaths of exempted members.

use crate::calendar::{next_day, ymd};
use crate::{DATA_END, TERM_END, TERM_START};
use chrono::Datelike;
use dangvu_domain::Date;
use rand::Rng;

/// Admissions during the term: the article's figure.
pub(crate) const TERM_ADMISSIONS: u32 = 1250;

/// The number of each kind of event in a period.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Counts {
    /// New members admitted in the district.
    pub admissions: u32,
    /// Of them, probationary members not recognized (name struck at the end of probation).
    pub failed_probations: u32,
    /// Members admitted elsewhere who transfer in.
    pub arrivals: u32,
    /// Transfers between cells of the district.
    pub transfers: u32,
    /// Exemptions from Party work and activities.
    pub exemptions: u32,
    /// Deaths of active members.
    pub deaths_active: u32,
    /// Deaths of exempted members.
    pub deaths_exempted: u32,
    /// Transfers out of the installation (CHUYEN_DI).
    pub moved_out: u32,
    /// Names struck (XOA_TEN), besides failed probations.
    pub struck_off: u32,
    /// Expulsions (KHAI_TRU).
    pub expelled: u32,
    /// Members leaving at their own request (RA_KHOI_DANG).
    pub resigned: u32,
}

impl Counts {
    /// Everyone who stops being a member during the period.
    pub fn exits(&self) -> u32 {
        self.failed_probations
            + self.deaths_active
            + self.deaths_exempted
            + self.moved_out
            + self.struck_off
            + self.expelled
            + self.resigned
    }
}

/// A period and its events.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Phase {
    /// First day.
    pub from: Date,
    /// Last day.
    pub to: Date,
    /// Last day a failed probation may fall on (so the term's exits stay in the term).
    pub probation_cutoff: Date,
    /// What happens.
    pub counts: Counts,
}

/// The whole plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Plan {
    /// Members on 2020-07-31.
    pub members_at_term_end: u32,
    /// Exempted members on 2020-07-31.
    pub exempted_at_term_end: u32,
    /// Members on 2015-08-01 (the day before, all admitted before the term).
    pub initial_members: u32,
    /// Of them, exempted.
    pub initial_exempted: u32,
    /// The term, then the periods after it.
    pub phases: Vec<Phase>,
}

impl Plan {
    /// Draws the plan.
    pub fn draw(rng: &mut impl Rng) -> Self {
        let term = Counts {
            admissions: TERM_ADMISSIONS,
            failed_probations: rng.random_range(3..=8),
            arrivals: rng.random_range(45..=75),
            transfers: rng.random_range(260..=340),
            exemptions: rng.random_range(180..=220),
            deaths_active: rng.random_range(200..=240),
            deaths_exempted: rng.random_range(100..=130),
            moved_out: rng.random_range(30..=50),
            struck_off: rng.random_range(6..=12),
            expelled: rng.random_range(5..=10),
            resigned: rng.random_range(2..=6),
        };
        let members_at_term_end = rng.random_range(7305..=7394);
        let exempted_at_term_end = rng.random_range(260..=290);
        let initial_members = members_at_term_end + term.exits() - term.admissions - term.arrivals;
        let initial_exempted = exempted_at_term_end + term.deaths_exempted - term.exemptions;
        let mut phases = vec![Phase {
            from: TERM_START,
            to: TERM_END,
            probation_cutoff: TERM_END,
            counts: term,
        }];
        phases.extend(later_periods().into_iter().map(|(from, to)| Phase {
            from,
            to,
            probation_cutoff: DATA_END,
            counts: later_counts(rng, (to - from).num_days() + 1),
        }));
        Plan {
            members_at_term_end,
            exempted_at_term_end,
            initial_members,
            initial_exempted,
            phases,
        }
    }
}

/// 2020-08-01 … 2020-12-31, each calendar year, then 2026-01-01 … the data end.
fn later_periods() -> Vec<(Date, Date)> {
    let mut periods = Vec::new();
    let mut from = next_day(TERM_END);
    while from <= DATA_END {
        let to = ymd(from.year(), 12, 31).min(DATA_END);
        periods.push((from, to));
        from = next_day(to);
    }
    periods
}

/// Yearly rates after the term, scaled to a period of `days` days.
fn later_counts(rng: &mut impl Rng, days: i64) -> Counts {
    let days = u32::try_from(days).unwrap_or(365);
    let mut scaled = |low: u32, high: u32| {
        let rate = rng.random_range(low..=high);
        (rate * days + 182) / 365
    };
    Counts {
        admissions: scaled(150, 250),
        failed_probations: scaled(1, 3),
        arrivals: scaled(8, 16),
        transfers: scaled(40, 70),
        exemptions: scaled(32, 45),
        deaths_active: scaled(45, 55),
        deaths_exempted: scaled(20, 28),
        moved_out: scaled(5, 10),
        struck_off: scaled(1, 3),
        expelled: scaled(1, 3),
        resigned: scaled(0, 2),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;

    #[test]
    fn the_start_of_the_term_is_derived_from_the_targets() {
        for seed in 0..50 {
            let plan = Plan::draw(&mut ChaCha8Rng::seed_from_u64(seed));
            let term = plan.phases[0].counts;
            assert_eq!(
                plan.initial_members + term.admissions + term.arrivals - term.exits(),
                plan.members_at_term_end
            );
            assert_eq!(
                plan.initial_exempted + term.exemptions - term.deaths_exempted,
                plan.exempted_at_term_end
            );
            assert!(plan.initial_exempted > term.deaths_exempted);
            assert!((7300..=7399).contains(&plan.members_at_term_end));
        }
    }

    #[test]
    fn later_periods_cover_the_time_after_the_term_without_gaps() {
        let periods = later_periods();
        assert_eq!(periods.first().map(|p| p.0), Some(ymd(2020, 8, 1)));
        assert_eq!(periods.last().map(|p| p.1), Some(DATA_END));
        for pair in periods.windows(2) {
            assert_eq!(next_day(pair[0].1), pair[1].0);
        }
        assert_eq!(periods.len(), 7);
    }
}
