#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use super::checks::{check_age, check_course, check_education, full_months};
use super::deadlines::{decision_due, open_step};
use super::steps::{Step, apply};
use super::*;
use crate::calendar::WorkingCalendar;
use crate::dates::Date;
use crate::due::DueKind;
use crate::enums::{Enumeration, Gender};
use crate::{MemberCode, OrgCode};

fn d(y: i32, m: u32, day: u32) -> Date {
    Date::from_ymd_opt(y, m, day).unwrap()
}

fn member(code: &str) -> MemberCode {
    MemberCode::parse(code).unwrap()
}

fn applicant(birth: Date, education: &str) -> Applicant {
    Applicant {
        full_name: "Nguyễn Thị Hoa".into(),
        gender: Gender::parse("Nữ").unwrap(),
        birth_date: birth,
        ethnicity: Some("Tày".into()),
        education: Some(education.into()),
    }
}

fn official(code: &str, since: Date) -> IntroducerFacts {
    IntroducerFacts {
        code: member(code),
        official_on: Some(since),
        counts_as_member: true,
    }
}

/// A dossier ready for the cell's vote on 2020-03-02.
fn ready() -> Dossier {
    let mut dossier = Dossier::new(
        "HS001".into(),
        applicant(d(1995, 5, 10), "12/12"),
        OrgCode::parse("VX.01.01").unwrap(),
    );
    dossier.listed_on = Some(d(2019, 6, 1));
    dossier.course_on = Some(d(2019, 9, 15));
    dossier.application_on = Some(d(2019, 12, 2));
    dossier.introducers = Introducers {
        first: Some(member("DV001")),
        second: Some(member("DV002")),
        youth_union_on: None,
    };
    dossier
}

fn introducers() -> Vec<IntroducerFacts> {
    vec![
        official("DV001", d(2010, 1, 1)),
        official("DV002", d(2015, 1, 1)),
    ]
}

fn vote(on: Date, votes_for: u32, against: u32, official: u32) -> Step {
    Step::Vote(CellVote {
        on,
        votes_for,
        votes_against: against,
        official_members: official,
    })
}

fn checks_of(result: Result<Dossier, Vec<Problem>>) -> Vec<Check> {
    result
        .err()
        .unwrap_or_default()
        .into_iter()
        .map(|p| p.check)
        .collect()
}

#[test]
fn every_check_has_its_allowance_source_and_messages() {
    for check in Check::ALL {
        assert!(!check.source().is_empty(), "{check}");
        let problem = Problem::new(*check, "x");
        assert!(problem.message_vi().contains("Căn cứ"));
        assert!(problem.message_en().contains("Source"));
    }
}

#[test]
fn age_is_counted_in_full_months() {
    let birth = d(2002, 3, 15);
    let cases = [
        (d(2020, 3, 14), 215, Some(Check::AgeUnder18)),
        (d(2020, 3, 15), 216, None),
        (d(2062, 3, 15), 720, None),
        (d(2062, 4, 14), 720, None),
        (d(2062, 4, 15), 721, Some(Check::AgeOver60)),
    ];
    for (on, months, check) in cases {
        assert_eq!(full_months(birth, on), months, "{on}");
        let problem = check_age(&applicant(birth, "12/12"), on).map(|p| p.check);
        assert_eq!(problem, check, "{on}");
    }
}

#[test]
fn education_needs_lower_secondary() {
    let cases = [
        ("9/12", true),
        ("12/12", true),
        ("8/12", false),
        ("7/10", true),
        ("6/10", false),
        ("", false),
    ];
    for (raw, ok) in cases {
        assert_eq!(
            check_education(&applicant(d(1990, 1, 1), raw)).is_none(),
            ok,
            "{raw:?}"
        );
    }
}

#[test]
fn the_awareness_certificate_is_valid_five_years() {
    let resolution = d(2020, 3, 2);
    let cases = [
        (Some(d(2015, 3, 2)), true),
        (Some(d(2015, 3, 1)), false),
        (Some(d(2020, 3, 3)), false),
        (None, false),
    ];
    for (course, ok) in cases {
        assert_eq!(check_course(course, resolution).is_none(), ok, "{course:?}");
    }
}

#[test]
fn two_thirds_of_the_official_members_decide_a_vote() {
    let rules = rules_on(d(2020, 1, 1));
    let cases = [
        (6, 3, 9, VoteOutcome::Passed),
        (5, 4, 9, VoteOutcome::Undecided),
        (2, 6, 9, VoteOutcome::Rejected),
        (6, 0, 10, VoteOutcome::Undecided),
        (0, 0, 0, VoteOutcome::Undecided),
    ];
    for (votes_for, against, official, outcome) in cases {
        let vote = CellVote {
            on: d(2020, 1, 1),
            votes_for,
            votes_against: against,
            official_members: official,
        };
        assert_eq!(
            vote.outcome(rules),
            outcome,
            "{votes_for}/{against}/{official}"
        );
    }
}

#[test]
fn a_passing_vote_is_the_resolution_and_the_stage_follows() {
    let dossier = ready();
    assert_eq!(dossier.stage(), Stage::Introduced);
    let resolved = apply(
        &dossier,
        vote(d(2020, 3, 2), 7, 1, 9),
        &introducers(),
        &WorkingCalendar::plain(),
    )
    .unwrap();
    assert_eq!(resolved.resolution_on, Some(d(2020, 3, 2)));
    assert_eq!(resolved.stage(), Stage::Resolved);
}

#[test]
fn an_introducer_still_probationary_refuses_the_resolution() {
    let facts = vec![
        official("DV001", d(2010, 1, 1)),
        official("DV002", d(2020, 3, 3)),
    ];
    let result = apply(
        &ready(),
        vote(d(2020, 3, 2), 7, 1, 9),
        &facts,
        &WorkingCalendar::plain(),
    );
    assert_eq!(checks_of(result), [Check::IntroducerNotOfficial]);
}

#[test]
fn after_three_undecided_votes_only_the_superior_decides() {
    let mut dossier = ready();
    for day in [2, 9, 16] {
        dossier = apply(
            &dossier,
            vote(d(2020, 3, day), 5, 4, 9),
            &introducers(),
            &WorkingCalendar::plain(),
        )
        .unwrap();
    }
    let fourth = apply(
        &dossier,
        vote(d(2020, 3, 23), 7, 1, 9),
        &introducers(),
        &WorkingCalendar::plain(),
    );
    assert_eq!(checks_of(fourth), [Check::VotesExhausted]);
    let referred = Step::Referred {
        on: d(2020, 4, 1),
        approved: true,
    };
    let approved = apply(
        &dossier,
        referred,
        &introducers(),
        &WorkingCalendar::plain(),
    )
    .unwrap();
    assert_eq!(approved.resolution_on, Some(d(2020, 4, 1)));
}

#[test]
fn a_late_decision_needs_an_override_and_a_ceremony_needs_a_decision() {
    let mut dossier = apply(
        &ready(),
        vote(d(2020, 3, 2), 7, 1, 9),
        &introducers(),
        &WorkingCalendar::plain(),
    )
    .unwrap();
    dossier = apply(
        &dossier,
        Step::Proposal(d(2020, 3, 20)),
        &[],
        &WorkingCalendar::plain(),
    )
    .unwrap();
    let ceremony = Step::Ceremony {
        on: d(2020, 4, 1),
        member: member("DV900"),
    };
    assert_eq!(
        checks_of(apply(&dossier, ceremony, &[], &WorkingCalendar::plain())),
        [Check::MissingStep]
    );
    // 60 weekdays after Monday 2 March 2020 is Monday 25 May.
    let late = Step::Decision(Decision {
        number: Some("12-QĐ/HU".into()),
        on: d(2020, 5, 26),
    });
    assert_eq!(
        checks_of(apply(
            &dossier,
            late.clone(),
            &[],
            &WorkingCalendar::plain()
        )),
        [Check::DecisionLate]
    );
    let why = Override {
        check: Check::DecisionLate,
        reason: "Ban Thường vụ họp muộn".into(),
    };
    dossier = apply(
        &dossier,
        Step::Override(why),
        &[],
        &WorkingCalendar::plain(),
    )
    .unwrap();
    assert_eq!(
        apply(&dossier, late, &[], &WorkingCalendar::plain())
            .unwrap()
            .stage(),
        Stage::Decided
    );
}

#[test]
fn refused_checks_cannot_be_overridden() {
    let why = Override {
        check: Check::IntroducerNotOfficial,
        reason: "x".into(),
    };
    assert!(
        apply(
            &ready(),
            Step::Override(why),
            &[],
            &WorkingCalendar::plain()
        )
        .is_err()
    );
}

#[test]
fn dates_out_of_order_are_refused() {
    let dossier = apply(
        &ready(),
        vote(d(2020, 3, 2), 7, 1, 9),
        &introducers(),
        &WorkingCalendar::plain(),
    )
    .unwrap();
    let result = apply(
        &dossier,
        Step::Proposal(d(2020, 2, 1)),
        &[],
        &WorkingCalendar::plain(),
    );
    assert_eq!(checks_of(result), [Check::DatesOutOfOrder]);
}

#[test]
fn recognition_takes_effect_twelve_months_after_the_ceremony() {
    let mut dossier = ready();
    dossier.resolution_on = Some(d(2020, 3, 2));
    dossier.proposal_on = Some(d(2020, 3, 20));
    dossier.decision = Some(Decision {
        number: None,
        on: d(2020, 4, 1),
    });
    dossier.ceremony_on = Some(d(2020, 4, 20));
    dossier.member = Some(member("DV900"));
    assert_eq!(dossier.probation_ends_on(), Some(d(2021, 4, 20)));
    let early = apply(
        &dossier,
        Step::Recognized(d(2021, 4, 19)),
        &[],
        &WorkingCalendar::plain(),
    );
    assert_eq!(checks_of(early), [Check::ProbationNotOver]);
    let late = apply(
        &dossier,
        Step::Recognized(d(2021, 7, 1)),
        &[],
        &WorkingCalendar::plain(),
    )
    .unwrap();
    assert_eq!(late.stage(), Stage::Recognized);
    assert_eq!(
        checks_of(apply(
            &late,
            Step::StruckOff(d(2021, 7, 2)),
            &[],
            &WorkingCalendar::plain()
        )),
        [Check::Finished]
    );
}

#[test]
fn the_open_step_and_its_due_day() {
    let mut dossier = ready();
    assert_eq!(
        open_step(&dossier, d(2020, 3, 2), &WorkingCalendar::plain()),
        None
    );
    dossier.resolution_on = Some(d(2020, 3, 2));
    let item = open_step(&dossier, d(2020, 6, 1), &WorkingCalendar::plain()).unwrap();
    assert_eq!(
        (item.kind, item.due_on),
        (DueKind::AdmissionDecision, d(2020, 5, 25))
    );
    assert!(item.is_overdue(d(2020, 6, 1)));
    dossier.decision = Some(Decision {
        number: None,
        on: d(2020, 4, 1),
    });
    let item = open_step(&dossier, d(2020, 4, 2), &WorkingCalendar::plain()).unwrap();
    assert_eq!(
        (item.kind, item.due_on),
        (DueKind::AdmissionCeremony, d(2020, 5, 13))
    );
    dossier.ceremony_on = Some(d(2020, 4, 20));
    assert_eq!(
        open_step(&dossier, d(2021, 4, 19), &WorkingCalendar::plain()),
        None
    );
    let item = open_step(&dossier, d(2021, 4, 20), &WorkingCalendar::plain()).unwrap();
    assert_eq!(
        (item.kind, item.since),
        (DueKind::RecognitionReview, d(2021, 4, 20))
    );
    dossier.closing = Some(Closing {
        on: d(2020, 4, 21),
        reason: "x".into(),
    });
    assert_eq!(
        open_step(&dossier, d(2021, 4, 20), &WorkingCalendar::plain()),
        None
    );
}

#[test]
fn deadlines_skip_the_official_days_off() {
    // Tết 2020 (Thursday 23 to Wednesday 29 January) puts five weekdays off.
    let official = WorkingCalendar::official();
    let plain = WorkingCalendar::plain();
    let resolution = d(2020, 1, 10);
    let due = decision_due(resolution, &official);
    assert!(due >= plain.nth_working_day_after(resolution, 65), "{due}");
    assert!(official.is_working_day(due));
}

#[test]
fn the_term_figures_count_decisions_and_ceremonies_in_the_period_and_on_time() {
    use super::figures::admission_figures;
    let calendar = WorkingCalendar::plain();
    let mut on_time = ready();
    on_time.resolution_on = Some(d(2020, 3, 2));
    on_time.decision = Some(Decision {
        number: None,
        on: d(2020, 5, 25),
    });
    on_time.ceremony_on = Some(d(2020, 7, 6));
    let mut late = on_time.clone();
    late.decision = Some(Decision {
        number: None,
        on: d(2020, 5, 26),
    });
    late.ceremony_on = Some(d(2020, 8, 3));
    let all = [on_time, late];
    let f = admission_figures(&all, d(2020, 1, 1), d(2020, 7, 31), |_, _| true, &calendar);
    assert_eq!(
        (
            f.dossiers_decided,
            f.decided_on_time,
            f.ceremonies,
            f.ceremonies_on_time
        ),
        (2, 1, 1, 1)
    );
    let none = admission_figures(&all, d(2020, 1, 1), d(2020, 7, 31), |_, _| false, &calendar);
    assert_eq!(none.dossiers_decided + none.ceremonies, 0);
}
