//! The admission dossiers of the demo district (`dangvu_domain::admissions`): a full dossier
//! for every member the demo admits from the term's start on (the ceremony is the member's
//! admission day), dossiers closed without admission, and open dossiers at every stage up
//! to the demo's "today", so that the list of what is due holds items on time and overdue.
//!
//! Deterministic for a seed like the rest of the demo, and derived from the generated
//! members, so it never changes their records or the figures of the reports.

mod admitted;
mod days;
mod open;
mod people;

use dangvu_domain::Date;
use dangvu_domain::admissions::Dossier;
use dangvu_domain::calendar::WorkingCalendar;
use dangvu_domain::dataset::Dataset;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

/// The last day the demo's open dossiers record a step on: just before the day the
/// browser tests take as today (2026-11-26).
pub const DOSSIERS_END: Date = crate::calendar::ymd(2026, 11, 20);

/// The dossiers of the demo district generated as `dataset` for `seed`.
pub fn dossiers(dataset: &Dataset, seed: u64) -> Vec<Dossier> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x004b_4554_5f4e_4150);
    let calendar = WorkingCalendar::official();
    let members = people::Roster::new(dataset);
    let mut all = admitted::dossiers(&members, &calendar, &mut rng);
    all.extend(open::closed(&members, &calendar, &mut rng));
    all.extend(open::in_progress(&members, &calendar, &mut rng));
    all
}

#[cfg(test)]
mod tests;
