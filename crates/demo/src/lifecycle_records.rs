//! The demo's lifecycle records, derived from the members' histories: an exemption for each
//! period a member was exempted (for advanced age past the guidance's age, otherwise for
//! health, with a yearly review still to come — or already late — while it is open), and the
//! Party badges of every milestone whose award day came while the member counted.
//!
//! A few badges of the last rounds are left unrecorded, as happens when a committee is late
//! with its paperwork: those members show a badge whose award day has passed.

use crate::DATA_END;
use chrono::Datelike;
use dangvu_domain::dataset::{Dataset, MemberRecord};
use dangvu_domain::dates::add_months;
use dangvu_domain::lifecycle::exemption::rules_on;
use dangvu_domain::lifecycle::records::{BadgeRecord, ExemptionRecord, LifecycleRecords};
use dangvu_domain::lifecycle::{ExemptionReason, PartyAgeFacts, next_badge};
use dangvu_domain::{Date, Gender, MemberStatus};

/// Months between reviews of a health exemption.
const REVIEW_MONTHS: u32 = 12;

/// The lifecycle records of `dataset` as they stand on `today` (the end of the data at
/// the latest): nothing recorded after that day.
pub fn records(dataset: &Dataset, today: Date) -> LifecycleRecords {
    let until = today.min(DATA_END);
    let mut out = LifecycleRecords::default();
    for member in &dataset.members {
        out.exemptions.extend(exemptions(member, until));
        out.awards.extend(awards(member, until));
    }
    out
}

/// One record per period the member was exempted.
fn exemptions(member: &MemberRecord, until: Date) -> Vec<ExemptionRecord> {
    let changes = &member.statuses;
    changes
        .iter()
        .enumerate()
        .filter(|(_, c)| c.status == MemberStatus::MienSinhHoat && c.on <= until)
        .map(|(i, change)| {
            let ended_on = changes
                .get(i + 1)
                .map(|next| next.on)
                .filter(|d| *d <= until);
            let reason = reason(member, change.on);
            let review_on = (reason == ExemptionReason::Health && ended_on.is_none())
                .then(|| next_review(change.on, until));
            ExemptionRecord {
                member: member.code.clone(),
                decided_on: change.on,
                reason,
                review_on,
                ended_on,
            }
        })
        .collect()
}

/// Advanced age when the member is past the guidance's age on `on`, else health.
fn reason(member: &MemberRecord, on: Date) -> ExemptionReason {
    let profile = &member.profile;
    let rules = rules_on(on);
    let over = match profile.gender {
        Some(Gender::Nu) => rules.women_over,
        _ => rules.men_over,
    };
    let age = profile
        .birth_date
        .map(|b| on.year() - b.year())
        .unwrap_or_default();
    if u32::try_from(age).unwrap_or(0) > over {
        ExemptionReason::Age
    } else {
        ExemptionReason::Health
    }
}

/// The first yearly review after `decided` that is no earlier than three months before
/// `until`, so that some are still to come and a few are late.
fn next_review(decided: Date, until: Date) -> Date {
    let mut review = add_months(decided, REVIEW_MONTHS);
    while review < until - chrono::Duration::days(90) {
        review = add_months(review, REVIEW_MONTHS);
    }
    review
}

/// The badges whose award day came while the member counted, up to `until`;
/// the members whose code ends in 7 are a round late with their last one.
fn awards(member: &MemberRecord, until: Date) -> Vec<BadgeRecord> {
    let Some(official_on) = member.official_on else {
        return Vec::new();
    };
    let facts = PartyAgeFacts {
        decision: None,
        admitted: Some(member.admitted_on),
        official: true,
        interruptions: Vec::new(),
        override_start: None,
    };
    let mut awarded: Vec<u32> = Vec::new();
    let mut out = Vec::new();
    while let Some(due) = next_badge(&facts, &awarded) {
        if due.award_day > until || due.award_day < official_on || !counts_on(member, due.award_day)
        {
            break;
        }
        let late = member.code.as_str().ends_with('7') && add_months(due.award_day, 12) > until;
        if late {
            break;
        }
        awarded.push(due.milestone);
        out.push(BadgeRecord {
            member: member.code.clone(),
            milestone: due.milestone,
            awarded_on: due.award_day,
            early: None,
        });
    }
    out
}

/// Whether the member counts (active or exempted) on `day`.
fn counts_on(member: &MemberRecord, day: Date) -> bool {
    member
        .statuses
        .iter()
        .rfind(|s| s.on <= day)
        .is_none_or(|s| s.status.counts_as_member())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_has_exemptions_and_badges_from_its_histories() {
        let dataset = crate::generate(crate::DEFAULT_SEED);
        let records = records(&dataset, DATA_END);
        let exempted = dataset
            .members
            .iter()
            .flat_map(|m| &m.statuses)
            .filter(|s| s.status == MemberStatus::MienSinhHoat)
            .count();
        assert_eq!(records.exemptions.len(), exempted);
        assert!(
            records
                .exemptions
                .iter()
                .any(|e| e.reason == ExemptionReason::Age)
        );
        assert!(records.awards.len() > 100, "{}", records.awards.len());
        assert!(records.awards.iter().all(|a| a.awarded_on <= DATA_END));
        // Every award falls on a usual award day.
        assert!(records.awards.iter().all(|a| {
            matches!(
                (a.awarded_on.month(), a.awarded_on.day()),
                (2, 3) | (5, 19) | (9, 2) | (11, 7)
            )
        }));
    }
}
