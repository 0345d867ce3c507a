//! Who is likely to be exempted, to die or to leave, and how probation ends.
//!
//! Exemption for advanced age follows HD 27-HD/BTCTW (2009): past working age, men over 60
//! and women over 55. Probation lasts 12 months and a recognized member is official on the
//! exact day it ends (domain.md §2.3); a member who is not recognized has their name struck.

use crate::DATA_END;
use crate::draft::Draft;
use crate::people::IdBook;
use dangvu_domain::dates::add_months;
use dangvu_domain::{Gender, MemberStatus};
use rand::Rng;

/// The age from which a member may be exempted for advanced age.
pub(crate) fn exemption_age(gender: Gender) -> i32 {
    match gender {
        Gender::Nam => 60,
        Gender::Nu => 55,
    }
}

/// The chance that an elderly member of `age` asks for exemption, when one is due.
pub(crate) fn exemption_chance(age: i32, gender: Gender) -> f64 {
    let years_past = f64::from(age - exemption_age(gender));
    (0.2 + 0.04 * years_past).clamp(0.0, 1.0)
}

/// The relative chance that a member of `age` is the one who dies, leaves or moves.
pub(crate) fn exit_chance(status: MemberStatus, age: i32) -> f64 {
    match status {
        MemberStatus::TuTran => match age {
            ..45 => 0.002,
            45..60 => 0.01,
            60..70 => 0.04,
            70..80 => 0.15,
            80..90 => 0.45,
            _ => 1.0,
        },
        MemberStatus::ChuyenDi if age < 50 => 1.0,
        MemberStatus::ChuyenDi => 0.1,
        _ if age < 60 => 1.0,
        _ => 0.2,
    }
}

/// Settles the end of probation: official 12 months after admission unless the probation
/// failed, the member left before, or that day is after the data; official members get a
/// party card.
pub(crate) fn settle_probation(draft: &mut Draft, ids: &mut IdBook, rng: &mut impl Rng) {
    let due = add_months(draft.record.admitted_on, 12);
    let left_before = draft
        .record
        .statuses
        .iter()
        .any(|s| !s.status.counts_as_member() && s.on <= due);
    let official = !draft.fails_probation && due <= DATA_END && !left_before;
    draft.record.official_on = official.then_some(due);
    if official {
        draft.record.profile.party_card_no = Some(ids.card_no(rng));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_elderly_are_the_likeliest_to_die_and_the_young_to_move_away() {
        assert!(exit_chance(MemberStatus::TuTran, 85) > exit_chance(MemberStatus::TuTran, 30));
        assert!(exit_chance(MemberStatus::ChuyenDi, 30) > exit_chance(MemberStatus::ChuyenDi, 70));
        assert_eq!(exemption_age(Gender::Nu), 55);
        assert!(exemption_chance(80, Gender::Nam) > exemption_chance(61, Gender::Nam));
    }
}
