#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use super::*;
use crate::{DEFAULT_SEED, TERM_END, TERM_START, generate};
use dangvu_domain::admissions::checks::check_order;
use dangvu_domain::admissions::deadlines::{ceremony_due, decision_due, open_step};
use dangvu_domain::admissions::{Stage, VoteOutcome, rules_on};
use dangvu_domain::due::DueKind;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

fn demo() -> &'static (Dataset, Vec<Dossier>) {
    static DEMO: OnceLock<(Dataset, Vec<Dossier>)> = OnceLock::new();
    DEMO.get_or_init(|| {
        let ds = generate(DEFAULT_SEED);
        let dossiers = dossiers(&ds, DEFAULT_SEED);
        (ds, dossiers)
    })
}

#[test]
fn every_admission_of_the_term_has_its_dossier_with_the_ceremony_on_the_admission_day() {
    let (ds, dossiers) = demo();
    let by_member: BTreeMap<_, _> = dossiers
        .iter()
        .filter_map(|d| Some((d.member.clone()?, d)))
        .collect();
    let term: Vec<_> = ds
        .members
        .iter()
        .filter(|m| (TERM_START..=TERM_END).contains(&m.admitted_on))
        .filter(|m| people::Roster::cell_of(m, m.admitted_on).is_some())
        .collect();
    // Members who joined already admitted elsewhere have no dossier here.
    assert_eq!(term.len(), 1250);
    for m in term {
        let d = by_member
            .get(&m.code)
            .unwrap_or_else(|| panic!("no dossier for {m:?}"));
        assert_eq!(d.ceremony_on, Some(m.admitted_on));
    }
}

#[test]
fn dossiers_are_consistent_with_the_rules_they_were_let_through() {
    let (ds, dossiers) = demo();
    let roster = people::Roster::new(ds);
    let calendar = WorkingCalendar::official();
    let codes: BTreeSet<_> = dossiers.iter().map(|d| d.code.clone()).collect();
    assert_eq!(codes.len(), dossiers.len(), "codes are unique");
    for d in dossiers {
        assert_eq!(check_order(d), None, "{}", d.code);
        if let Some(resolution) = d.resolution_on {
            let officials = roster.officials(&d.cell, resolution);
            for who in d.introducers.members() {
                assert!(officials.contains(who), "{} {who}", d.code);
            }
            if let Some(last) = d.votes.last() {
                assert_eq!(
                    last.outcome(rules_on(last.on)),
                    VoteOutcome::Passed,
                    "{}",
                    d.code
                );
            }
            if let Some(decision) = &d.decision {
                let late = decision.on > decision_due(resolution, &calendar);
                assert_eq!(late, d.is_overridden(Check::DecisionLate), "{}", d.code);
                if let Some(ceremony) = d.ceremony_on {
                    let late = ceremony > ceremony_due(decision.on, &calendar);
                    assert_eq!(late, d.is_overridden(Check::CeremonyLate), "{}", d.code);
                }
            }
        }
    }
}

#[test]
fn the_demo_has_late_steps_closed_dossiers_and_open_ones_at_every_stage() {
    let (_, dossiers) = demo();
    let late = |c| dossiers.iter().filter(|d| d.is_overridden(c)).count();
    assert!(late(Check::DecisionLate) > 50 && late(Check::CeremonyLate) > 50);
    let stages: BTreeSet<Stage> = dossiers.iter().map(Dossier::stage).collect();
    assert_eq!(stages.len(), Stage::ALL.len(), "{stages:?}");
    let today = crate::calendar::ymd(2026, 11, 26);
    let calendar = WorkingCalendar::official();
    let due: Vec<_> = dossiers
        .iter()
        .filter_map(|d| open_step(d, today, &calendar))
        .collect();
    for kind in [
        DueKind::AdmissionDecision,
        DueKind::AdmissionCeremony,
        DueKind::RecognitionReview,
    ] {
        let of_kind: Vec<_> = due.iter().filter(|i| i.kind == kind).collect();
        assert!(
            of_kind.iter().any(|i| i.is_overdue(today)),
            "{kind:?} overdue"
        );
        assert!(
            of_kind.iter().any(|i| !i.is_overdue(today)),
            "{kind:?} on time"
        );
    }
}

#[test]
fn the_dossiers_are_the_same_for_the_same_seed() {
    let (ds, dossiers) = demo();
    assert_eq!(&super::dossiers(ds, DEFAULT_SEED), dossiers);
}

use dangvu_domain::admissions::Check;
use dangvu_domain::enums::Enumeration;
