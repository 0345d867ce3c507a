//! Rating rounds in the store: opened with who is rated, stepped at the right levels,
//! closed with the quota and linkage checked and the yearly ratings written (the figures
//! following them), on every backend.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::fixture::{d, dataset, mc, oc};
use common::histories::assert_agrees_with_reference;
use common::{audit, backends};
use dangvu_domain::Rating;
use dangvu_domain::ratings::{
    AssessmentForm, Decision, Proposal, RoundKind, RuleId, SelfAssessment,
};
use dangvu_storage::{
    CloseOutcome, MemberStep, NewRound, OrgStep, RoundOutcome, Scope, Store, StoreError,
};

const YEAR: i32 = 2023;

fn scope(root: &str) -> Scope {
    Scope::subtree(oc(root), d("2025-11-26"))
}

fn open(store: &Store) -> i64 {
    let new = NewRound {
        org: oc("G1"),
        year: YEAR,
        kind: RoundKind::YEAR,
        deadline: d("2023-12-20"),
        opened_on: d("2023-11-20"),
    };
    store
        .open_rating_round(&scope("G1"), &audit(), &new)
        .unwrap()
}

fn member_step(
    store: &Store,
    by: &str,
    id: i64,
    member: &str,
    step: MemberStep,
) -> Result<RoundOutcome, StoreError> {
    store.record_member_rating_step(
        &scope(by),
        &audit(),
        id,
        &mc(member),
        &step,
        d("2023-12-10"),
    )
}

fn propose(level: Rating) -> MemberStep {
    MemberStep::Propose(Proposal {
        level,
        points: None,
        votes_for: 5,
        votes_cast: 6,
    })
}

/// Every member proposed `level` by their cell, every organization reviewed `level`.
fn prepare(store: &Store, id: i64, level: Rating) -> Vec<String> {
    let view = store.rating_round(&scope("G1"), id, None).unwrap();
    for entry in &view.members {
        member_step(store, "G1", id, entry.member.as_str(), propose(level)).unwrap();
    }
    for org in &view.orgs {
        let step = OrgStep::SelfReview(level, "Báo cáo kiểm điểm".into());
        store
            .record_org_rating_step(&scope("G1"), &audit(), id, &org.org, &step, d("2023-12-12"))
            .unwrap();
    }
    view.members.iter().map(|m| m.member.to_string()).collect()
}

#[test]
fn a_round_rates_the_members_of_the_subtree_and_closing_writes_the_years_ratings() {
    for db in backends() {
        let store = db.open();
        store.load_dataset(&dataset(), &audit()).unwrap();
        let id = open(&store);
        let again = NewRound {
            org: oc("G1"),
            year: YEAR,
            kind: RoundKind::YEAR,
            deadline: d("2023-12-20"),
            opened_on: d("2023-11-21"),
        };
        assert!(matches!(
            store.open_rating_round(&scope("G1"), &audit(), &again),
            Err(StoreError::Conflict { .. })
        ));
        let view = store.rating_round(&scope("G1"), id, None).unwrap();
        let orgs: Vec<&str> = view.orgs.iter().map(|o| o.org.as_str()).collect();
        assert!(
            orgs.contains(&"C1") && orgs.contains(&"P") && !orgs.contains(&"G1"),
            "{orgs:?}"
        );
        assert!(!view.members.is_empty());
        assert!(view.members.iter().all(|m| m.unit.as_str() == "G1"));

        // The member assesses themself; the cell proposes; closing decides as proposed.
        let own = MemberStep::SelfAssess(SelfAssessment {
            level: Rating::Httnv,
            points: None,
            text: "Hoàn thành tốt".into(),
            form: AssessmentForm::Mau2C,
        });
        let first = view.members[0].member.to_string();
        member_step(&store, "G1", id, &first, own).unwrap();
        let members = prepare(&store, id, Rating::Httnv);
        let CloseOutcome::Closed(report) = store
            .close_rating_round(&scope("G1"), &audit(), id, d("2023-12-20"))
            .unwrap()
        else {
            panic!("refused")
        };
        assert_eq!(report.members_decided as usize, members.len());
        assert_eq!(report.written.0 as usize, members.len());
        let closed = store.rating_round(&scope("G1"), id, None).unwrap();
        assert!(closed.round.closed.is_some());
        assert!(closed.members.iter().all(|m| {
            m.decision
                .as_ref()
                .is_some_and(|d| d.value.decision.level == Rating::Httnv)
        }));
        assert_agrees_with_reference(&store, "after closing a round");
    }
}

#[test]
fn the_quota_blocks_closing_unless_an_exception_is_recorded() {
    for db in backends() {
        let store = db.open();
        store.load_dataset(&dataset(), &audit()).unwrap();
        let id = open(&store);
        let members = prepare(&store, id, Rating::Httnv);
        assert!((3..=11).contains(&members.len()), "{members:?}");
        // Two excellent among at most nine rated well: above a fifth of them.
        member_step(&store, "G1", id, &members[0], propose(Rating::Htxsnv)).unwrap();
        member_step(&store, "G1", id, &members[1], propose(Rating::Htxsnv)).unwrap();
        let CloseOutcome::Refused(found) = store
            .close_rating_round(&scope("G1"), &audit(), id, d("2023-12-20"))
            .unwrap()
        else {
            panic!("closed over the quota")
        };
        assert_eq!(found[0].rule, RuleId::Quota);
        assert!(
            found[0].message_vi.contains("(G1)"),
            "{}",
            found[0].message_vi
        );
        // Deciding the member without a reason is refused too; with one, it is recorded.
        let decide = |reason: Option<&str>| {
            MemberStep::Decide(Decision {
                level: Rating::Htxsnv,
                points: None,
                reason: reason.map(str::to_string),
            })
        };
        let refused = member_step(&store, "G1", id, &members[0], decide(None)).unwrap();
        assert!(matches!(refused, RoundOutcome::Refused(ref v) if v[0].rule == RuleId::Quota));
        let taken = member_step(
            &store,
            "G1",
            id,
            &members[0],
            decide(Some("Thành tích đột xuất")),
        )
        .unwrap();
        assert!(matches!(taken, RoundOutcome::Recorded(ref v) if v[0].rule == RuleId::Quota));
        assert!(matches!(
            store
                .close_rating_round(&scope("G1"), &audit(), id, d("2023-12-20"))
                .unwrap(),
            CloseOutcome::Closed(_)
        ));
    }
}

#[test]
fn levels_and_scope_decide_who_takes_each_step() {
    for db in backends() {
        let store = db.open();
        store.load_dataset(&dataset(), &audit()).unwrap();
        let id = open(&store);
        assert!(matches!(
            store.rating_round(&scope("DS"), id, None),
            Err(StoreError::NotFound { .. })
        ));
        let cell = store.rating_round(&scope("C1"), id, None).unwrap();
        assert!(!cell.members.is_empty());
        assert!(cell.members.iter().all(|m| m.cell.as_str() == "C1"));
        let someone = cell.members[0].member.to_string();
        let decide = MemberStep::Decide(Decision {
            level: Rating::Httnv,
            points: None,
            reason: None,
        });
        // The cell proposes but does not decide.
        assert!(member_step(&store, "C1", id, &someone, propose(Rating::Httnv)).is_ok());
        assert!(matches!(
            member_step(&store, "C1", id, &someone, decide.clone()),
            Err(StoreError::Invalid(_))
        ));
        member_step(&store, "G1", id, &someone, decide).unwrap();
        // Only the deciding level reopens, with a reason.
        let reopen = |r: &str| MemberStep::Reopen(r.into());
        assert!(matches!(
            member_step(&store, "T", id, &someone, reopen("sai sót")),
            Err(StoreError::Invalid(_))
        ));
        assert!(matches!(
            member_step(&store, "G1", id, &someone, reopen(" ")),
            Err(StoreError::Invalid(_))
        ));
        member_step(
            &store,
            "G1",
            id,
            &someone,
            reopen("Phát hiện vi phạm sau xếp loại"),
        )
        .unwrap();
        let after = store.rating_round(&scope("G1"), id, None).unwrap();
        assert!(after.members.iter().all(|m| m.decision.is_none()));
        // The cell cannot decide its own rating: its superior does.
        let org = OrgStep::Decide(Decision {
            level: Rating::Htnv,
            points: None,
            reason: None,
        });
        assert!(matches!(
            store.record_org_rating_step(
                &scope("C1"),
                &audit(),
                id,
                &oc("C1"),
                &org,
                d("2023-12-15")
            ),
            Err(StoreError::Invalid(_))
        ));
        assert!(
            store
                .record_org_rating_step(
                    &scope("G1"),
                    &audit(),
                    id,
                    &oc("C1"),
                    &org,
                    d("2023-12-15")
                )
                .is_ok()
        );
    }
}

#[test]
fn quarterly_rounds_start_with_the_2025_rules() {
    for db in backends() {
        let store = db.open();
        store.load_dataset(&dataset(), &audit()).unwrap();
        let quarter = |year| NewRound {
            org: oc("G1"),
            year,
            kind: RoundKind::from_code("QUY", Some(2)).unwrap(),
            deadline: d("2025-11-30"),
            opened_on: d("2025-11-20"),
        };
        let refused = store.open_rating_round(&scope("G1"), &audit(), &quarter(2023));
        assert!(
            matches!(refused, Err(StoreError::Invalid(ref m)) if m.contains("QĐ 366")),
            "{refused:?}"
        );
        let id = store
            .open_rating_round(&scope("G1"), &audit(), &quarter(2025))
            .unwrap();
        let view = store.rating_round(&scope("G1"), id, None).unwrap();
        assert_eq!(view.round.kind.quarter, Some(2));
        // A quarter's decisions are not the year's ratings: nothing of the year changes.
        let before = store
            .figures(&scope("G1"), &oc("G1"), d("2025-06-30"))
            .unwrap();
        let someone = view.members[0].member.to_string();
        let decide = MemberStep::Decide(Decision {
            level: Rating::Khtnv,
            points: Some(40),
            reason: None,
        });
        member_step(&store, "G1", id, &someone, decide).unwrap();
        assert_eq!(
            store
                .figures(&scope("G1"), &oc("G1"), d("2025-06-30"))
                .unwrap(),
            before
        );
    }
}
