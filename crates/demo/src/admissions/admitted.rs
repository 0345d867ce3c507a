//! The dossiers of the members the demo admits: every step dated backwards from the
//! ceremony (the member's admission day), some decisions later than 60 working days and
//! some ceremonies later than 30 (each with the override that let it through), and the end
//! of probation as the member's record has it.

use super::days::{ahead, back, shift};
use super::people::Roster;
use crate::TERM_START;
use dangvu_domain::admissions::checks::{check_age, check_education};
use dangvu_domain::admissions::{
    Applicant, CellVote, Check, Decision, Dossier, Introducers, Override, ProbationEnd, Problem,
};
use dangvu_domain::calendar::WorkingCalendar;
use dangvu_domain::dataset::MemberRecord;
use dangvu_domain::dates::add_months;
use dangvu_domain::enums::{Gender, MemberStatus};
use dangvu_domain::{Date, MemberCode};
use rand::Rng;
use rand::seq::IndexedRandom;

/// Dossiers of every member admitted on or after the term's first day.
pub(crate) fn dossiers(
    roster: &Roster<'_>,
    calendar: &WorkingCalendar,
    rng: &mut impl Rng,
) -> Vec<Dossier> {
    roster
        .members
        .iter()
        .filter(|m| m.admitted_on >= TERM_START)
        .filter_map(|m| dossier(roster, m, calendar, rng))
        .collect()
}

fn dossier(
    roster: &Roster<'_>,
    m: &MemberRecord,
    calendar: &WorkingCalendar,
    rng: &mut impl Rng,
) -> Option<Dossier> {
    let ceremony = m.admitted_on;
    let cell = Roster::cell_of(m, ceremony)?;
    let p = &m.profile;
    let applicant = Applicant {
        full_name: p.full_name.clone(),
        gender: p.gender.unwrap_or(Gender::Nam),
        birth_date: p.birth_date.unwrap_or_else(|| shift(ceremony, -25 * 365)),
        ethnicity: p.ethnicity.clone(),
        education: p.general_education.clone(),
    };
    let mut d = Dossier::new(format!("HS-{}", m.code), applicant, cell.clone());
    let ceremony_gap = if rng.random_bool(0.08) {
        rng.random_range(31..=45)
    } else {
        rng.random_range(5..=28)
    };
    let decision_on = back(calendar, ceremony, ceremony_gap);
    let decision_gap = if rng.random_bool(0.10) {
        rng.random_range(62..=80)
    } else {
        rng.random_range(15..=55)
    };
    let resolution = back(calendar, decision_on, decision_gap);
    steps_before(&mut d, roster, resolution, calendar, rng);
    d.proposal_on = Some(ahead(
        calendar,
        resolution,
        rng.random_range(2..=10).min(decision_gap - 1),
    ));
    d.decision = Some(Decision {
        number: Some(format!("{}-QĐ/ĐU", rng.random_range(10..=480))),
        on: decision_on,
    });
    d.ceremony_on = Some(ceremony);
    d.member = Some(m.code.clone());
    if decision_gap > 60 {
        let reason = "Thẩm tra lý lịch bổ sung ở nơi cư trú cũ";
        d.overrides.push(Override {
            check: Check::DecisionLate,
            reason: reason.into(),
        });
    }
    if ceremony_gap > 30 {
        let reason = "Ban Thường vụ đồng ý tổ chức lễ kết nạp muộn";
        d.overrides.push(Override {
            check: Check::CeremonyLate,
            reason: reason.into(),
        });
    }
    d.probation_end = probation_end(m, ceremony, rng);
    Some(d)
}

/// The steps up to the cell's resolution on `resolution`: list, course, application,
/// introducers (official members of the cell then), the votes, and the overrides the
/// applicant's age or education needed.
pub(super) fn steps_before(
    d: &mut Dossier,
    roster: &Roster<'_>,
    resolution: Date,
    calendar: &WorkingCalendar,
    rng: &mut impl Rng,
) {
    let application = shift(resolution, -rng.random_range(20..=80));
    let course = shift(application, -rng.random_range(10..=200));
    d.application_on = Some(application);
    d.course_on = Some(course);
    d.listed_on = Some(shift(course, -rng.random_range(30..=300)));
    let officials = roster.officials(&d.cell, resolution);
    d.introducers = introducers(&officials, d, resolution, rng);
    let n = u32::try_from(officials.len()).unwrap_or(u32::MAX);
    if n > 0 {
        if rng.random_bool(0.1) {
            // A first vote a month or two earlier without two thirds either way.
            let half = n / 2;
            let on = back(calendar, resolution, rng.random_range(20..=40)).max(application);
            d.votes.push(CellVote {
                on,
                votes_for: half,
                votes_against: n.div_ceil(3).min(n - half),
                official_members: n,
            });
        }
        let needed = (2 * n).div_ceil(3);
        let votes_for = rng.random_range(needed..=n);
        let against = rng.random_range(0..=n - votes_for);
        d.votes.push(CellVote {
            on: resolution,
            votes_for,
            votes_against: against,
            official_members: n,
        });
    }
    d.resolution_on = Some(resolution);
    let problems: Vec<Problem> = check_age(&d.applicant, resolution)
        .into_iter()
        .chain(check_education(&d.applicant))
        .collect();
    for problem in problems {
        let reason = match problem.check {
            Check::AgeOver60 => {
                "Quyết định của Ban Thường vụ Tỉnh ủy cho kết nạp người trên 60 tuổi"
            }
            Check::Education => {
                "Vùng cao, đồng bào dân tộc thiểu số: theo hướng dẫn của Ban Bí thư"
            }
            _ => continue,
        };
        d.overrides.push(Override {
            check: problem.check,
            reason: reason.into(),
        });
    }
}

/// Two official members of the cell, or one and the youth union's resolution for a young
/// applicant (or when the cell has a single official member).
fn introducers(
    officials: &[MemberCode],
    d: &Dossier,
    resolution: Date,
    rng: &mut impl Rng,
) -> Introducers {
    let young = d.applicant.birth_date > shift(resolution, -30 * 365);
    let mut picked: Vec<MemberCode> = officials.choose_multiple(rng, 2).cloned().collect();
    let youth = picked.len() < 2 || (young && rng.random_bool(0.5));
    if youth {
        picked.truncate(1);
    }
    let mut picked = picked.into_iter();
    Introducers {
        first: picked.next(),
        second: picked.next(),
        youth_union_on: youth.then(|| shift(resolution, -rng.random_range(7..=30))),
    }
}

/// How probation ended, as the member's record says: official 12 months after the
/// ceremony (recognized on or after that day), struck off then, or not yet.
fn probation_end(m: &MemberRecord, ceremony: Date, rng: &mut impl Rng) -> Option<ProbationEnd> {
    let end = add_months(ceremony, 12);
    if m.official_on == Some(end) {
        return Some(ProbationEnd::Recognized {
            decided_on: shift(end, rng.random_range(0..=40)),
        });
    }
    m.statuses
        .iter()
        .find(|s| s.status == MemberStatus::XoaTen && s.on >= end)
        .map(|s| ProbationEnd::StruckOff { on: s.on })
}
