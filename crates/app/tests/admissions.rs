//! Admissions through the use cases, on every backend: a dossier from the cell's list to
//! full membership, the member record its ceremony creates, refusals that write nothing,
//! overrides that are audited, the scope, and the open steps with their due days.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::NaiveDate;
use dangvu_app::records::AuditFilter;
use dangvu_app::records::{DossierQuery, DossierView, NewDossier, StepOutcome};
use dangvu_app::{App, Caller, Error, ImportOutcome, StoreError};
use dangvu_domain::actor::{AccountId, Actor, Username};
use dangvu_domain::admissions::figures::admission_figures;
use dangvu_domain::admissions::{Applicant, CellVote, Check, Decision, Introducers, Stage};
use dangvu_domain::calendar::WorkingCalendar;
use dangvu_domain::due::DueKind;
use dangvu_domain::enums::{Enumeration, Gender, MemberStatus};
use dangvu_domain::roles::Role;
use dangvu_domain::summary::SummaryParams;
use dangvu_domain::tree::TreeHistory;
use dangvu_domain::{Date, MemberCode, OrgCode};
use dangvu_storage::testing::{TestDb, backends};
use std::path::Path;

#[path = "admissions/dossier_import.rs"]
mod dossier_import;

const CELL: &str = "MV.D01.C01";

fn day(y: i32, m: u32, d: u32) -> Date {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn admin() -> Caller {
    Caller::command_line(
        day(2026, 1, 5).and_hms_opt(8, 0, 0).unwrap(),
        day(2026, 1, 5),
    )
}

fn account(role: Role, org: &str) -> Caller {
    let actor = Actor::new(
        AccountId::new(99),
        Username::parse("thu_nghiem").unwrap(),
        role,
        Some(OrgCode::parse(org).unwrap()),
        None,
    )
    .unwrap();
    let now = day(2026, 1, 5).and_hms_opt(8, 0, 0).unwrap();
    Caller::signed_in(&actor, "127.0.0.1", now, day(2026, 1, 5))
}

fn loaded() -> Vec<(TestDb, App)> {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/sample-district/data");
    backends()
        .into_iter()
        .map(|db| {
            let app = App::open(&db.url).unwrap();
            let outcome = app
                .import_file(&admin(), &sample, day(2026, 1, 5), false, None)
                .unwrap();
            assert!(matches!(outcome, ImportOutcome::Imported(_)), "{outcome:?}");
            (db, app)
        })
        .collect()
}

fn member(code: &str) -> MemberCode {
    MemberCode::parse(code).unwrap()
}

/// Opens dossier `code` in the cell with the course, application and the two official
/// introducers MV-00002 and MV-00004 of that cell (or `introducer_2`).
fn ready(app: &App, code: &str, introducer_2: &str) {
    let new = NewDossier {
        code: code.into(),
        applicant: Applicant {
            full_name: "Giàng Thị Mai".into(),
            gender: Gender::parse("NU").unwrap(),
            birth_date: day(1996, 4, 2),
            ethnicity: Some("Mông".into()),
            education: Some("12/12".into()),
        },
        cell: OrgCode::parse(CELL).unwrap(),
        listed_on: Some(day(2018, 1, 10)),
    };
    let opened = app.open_dossier(&admin(), &new).unwrap();
    assert_eq!(opened.stage, Stage::Listed);
    recorded(app.record_course(&admin(), code, day(2018, 3, 1)));
    recorded(app.record_application(&admin(), code, day(2018, 4, 2)));
    let introducers = Introducers {
        first: Some(member("MV-00002")),
        second: Some(member(introducer_2)),
        youth_union_on: None,
    };
    recorded(app.assign_introducers(&admin(), code, introducers));
}

fn vote(on: Date, votes_for: u32) -> CellVote {
    CellVote {
        on,
        votes_for,
        votes_against: 9 - votes_for,
        official_members: 9,
    }
}

fn recorded(outcome: Result<StepOutcome, Error>) -> DossierView {
    match outcome.unwrap() {
        StepOutcome::Recorded(view) => *view,
        StepOutcome::Refused(problems) => panic!("refused: {problems:?}"),
    }
}

fn refused(outcome: Result<StepOutcome, Error>) -> Vec<Check> {
    match outcome.unwrap() {
        StepOutcome::Refused(problems) => problems.into_iter().map(|p| p.check).collect(),
        StepOutcome::Recorded(view) => panic!("recorded: {view:?}"),
    }
}

fn members_on(app: &App, on: Date) -> (u64, u64) {
    let params = SummaryParams::new(OrgCode::parse(CELL).unwrap(), on, on, Some(on)).unwrap();
    let report = app.summary(&admin(), &params).unwrap();
    (report.members, report.members_probationary)
}

fn audit_rows(app: &App, code: &str) -> Vec<String> {
    let filter = AuditFilter {
        entity_code: Some(code.to_string()),
        ..AuditFilter::default()
    };
    app.audit_entries(&admin(), &filter)
        .unwrap()
        .rows
        .into_iter()
        .map(|r| r.action)
        .collect()
}

#[test]
fn a_dossier_goes_from_the_list_to_full_membership() {
    for (_db, app) in loaded() {
        ready(&app, "HS-1", "MV-00004");
        let resolved = recorded(app.record_vote(&admin(), "HS-1", vote(day(2018, 5, 7), 7)));
        assert_eq!(resolved.stage, Stage::Resolved);
        recorded(app.record_proposal(&admin(), "HS-1", day(2018, 5, 21)));
        let decision = Decision {
            number: Some("125-QĐ/HU".into()),
            on: day(2018, 6, 11),
        };
        recorded(app.record_decision(&admin(), "HS-1", decision));
        let before = members_on(&app, day(2018, 7, 1));
        let admitted = recorded(app.admit(&admin(), "HS-1", day(2018, 6, 25), member("MV-90001")));
        assert_eq!(admitted.stage, Stage::Probationary);
        assert_eq!(
            members_on(&app, day(2018, 7, 1)),
            (before.0 + 1, before.1 + 1)
        );
        let record = app.open_member(&admin(), &member("MV-90001")).unwrap();
        assert_eq!(record.profile.full_name, "Giàng Thị Mai");
        assert_eq!(
            refused(app.recognize(&admin(), "HS-1", day(2019, 6, 24))),
            [Check::ProbationNotOver]
        );
        // Decided late, effective on the day twelve months after the ceremony.
        let pending = members_on(&app, day(2019, 7, 1));
        let done = recorded(app.recognize(&admin(), "HS-1", day(2019, 8, 1)));
        assert_eq!(done.stage, Stage::Recognized);
        let record = app.open_member(&admin(), &member("MV-90001")).unwrap();
        assert_eq!(record.official_on, Some(day(2019, 6, 25)));
        assert_eq!(
            members_on(&app, day(2019, 7, 1)),
            (pending.0, pending.1 - 1)
        );
        let actions = audit_rows(&app, "HS-1");
        assert_eq!(
            actions.iter().filter(|a| *a == "admission.step").count(),
            8,
            "{actions:?}"
        );
        assert_eq!(actions.iter().filter(|a| *a == "admission.open").count(), 1);
    }
}

#[test]
fn a_refused_step_writes_nothing_and_names_the_rule() {
    for (_db, app) in loaded() {
        // MV-00001 was admitted on 2018-03-25: still probationary in May 2018.
        ready(&app, "HS-2", "MV-00001");
        let outcome = app
            .record_vote(&admin(), "HS-2", vote(day(2018, 5, 7), 7))
            .unwrap();
        let StepOutcome::Refused(problems) = outcome else {
            panic!("recorded")
        };
        assert_eq!(problems[0].check, Check::IntroducerNotOfficial);
        assert!(problems[0].message_vi().contains("MV-00001"));
        assert!(problems[0].message_vi().contains("Điều lệ Đảng Điều 4"));
        let dossier = app.dossier(&admin(), "HS-2", day(2018, 6, 1)).unwrap();
        assert!(dossier.dossier.votes.is_empty());
        assert_eq!(dossier.stage, Stage::Introduced);
        // An introducer's rule cannot be overridden.
        assert_eq!(
            refused(app.override_check(&admin(), "HS-2", Check::IntroducerNotOfficial, "x")),
            [Check::IntroducerNotOfficial]
        );
    }
}

#[test]
fn a_late_decision_is_recorded_after_an_audited_override_and_shows_as_due_before() {
    for (_db, app) in loaded() {
        ready(&app, "HS-3", "MV-00004");
        recorded(app.record_vote(&admin(), "HS-3", vote(day(2018, 5, 7), 6)));
        recorded(app.record_proposal(&admin(), "HS-3", day(2018, 5, 21)));
        let due = app.admission_due_items(&admin(), day(2018, 9, 3)).unwrap();
        let item = due.iter().find(|i| i.subject == "HS-3").unwrap();
        assert_eq!(item.kind, DueKind::AdmissionDecision);
        assert!(item.is_overdue(day(2018, 9, 3)), "{item:?}");
        let late = Decision {
            number: None,
            on: day(2018, 9, 3),
        };
        assert_eq!(
            refused(app.record_decision(&admin(), "HS-3", late.clone())),
            [Check::DecisionLate]
        );
        recorded(app.override_check(
            &admin(),
            "HS-3",
            Check::DecisionLate,
            "Ban Thường vụ họp chậm",
        ));
        let decided = recorded(app.record_decision(&admin(), "HS-3", late));
        assert_eq!(
            decided.open_step.map(|s| s.kind),
            Some(DueKind::AdmissionCeremony)
        );
        let filter = AuditFilter {
            entity_code: Some("HS-3".into()),
            ..AuditFilter::default()
        };
        let rows = app.audit_entries(&admin(), &filter).unwrap().rows;
        assert!(rows.iter().any(|r| {
            r.after_json
                .as_deref()
                .is_some_and(|j| j.contains("Ban Thường vụ họp chậm"))
        }));
    }
}

#[test]
fn dossiers_follow_the_scope_and_the_role() {
    for (_db, app) in loaded() {
        ready(&app, "HS-4", "MV-00004");
        let other = account(Role::CanBoToChuc, "MV.D02");
        let hidden = app.dossier(&other, "HS-4", day(2018, 6, 1));
        assert!(
            matches!(hidden, Err(Error::Store(StoreError::NotFound { .. }))),
            "{hidden:?}"
        );
        assert!(matches!(
            app.record_course(&other, "HS-4", day(2018, 3, 2)),
            Err(Error::Store(StoreError::NotFound { .. }))
        ));
        let reader = account(Role::Xem, "MV.D01");
        assert_eq!(
            app.dossier(&reader, "HS-4", day(2018, 6, 1)).unwrap().stage,
            Stage::Introduced
        );
        assert!(matches!(
            app.record_course(&reader, "HS-4", day(2018, 3, 2)),
            Err(Error::Forbidden)
        ));
        let secretary = account(Role::BiThu, CELL);
        let query = DossierQuery {
            org: OrgCode::parse("MV.D01").unwrap(),
            as_of: day(2018, 6, 1),
            stage: None,
        };
        let list = app
            .dossiers(
                &secretary,
                &DossierQuery {
                    org: OrgCode::parse(CELL).unwrap(),
                    ..query.clone()
                },
            )
            .unwrap();
        assert_eq!(list.len(), 1);
        assert!(
            app.dossiers(&secretary, &query).is_err(),
            "the commune is above the secretary's cell"
        );
        assert!(
            app.admission_due_items(&other, day(2018, 6, 1))
                .unwrap()
                .is_empty()
        );
    }
}

#[test]
fn striking_off_at_the_end_of_probation_ends_the_membership() {
    for (_db, app) in loaded() {
        ready(&app, "HS-5", "MV-00004");
        recorded(app.record_vote(&admin(), "HS-5", vote(day(2018, 5, 7), 8)));
        recorded(app.record_proposal(&admin(), "HS-5", day(2018, 5, 21)));
        recorded(app.record_decision(
            &admin(),
            "HS-5",
            Decision {
                number: None,
                on: day(2018, 6, 11),
            },
        ));
        recorded(app.admit(&admin(), "HS-5", day(2018, 6, 25), member("MV-90005")));
        let before = members_on(&app, day(2019, 7, 1));
        let struck = recorded(app.strike_off(&admin(), "HS-5", day(2019, 7, 1)));
        assert_eq!(struck.stage, Stage::StruckOff);
        assert_eq!(members_on(&app, day(2019, 7, 1)).0, before.0 - 1);
        let record = app.open_member(&admin(), &member("MV-90005")).unwrap();
        let last = record.statuses.last().unwrap();
        assert_eq!(last.status, MemberStatus::XoaTen);
    }
}

#[test]
fn a_dossier_closed_without_admission_takes_no_more_steps() {
    for (_db, app) in loaded() {
        ready(&app, "HS-6", "MV-00004");
        let closed =
            recorded(app.close_dossier(&admin(), "HS-6", day(2018, 4, 20), "Chuyển đi nơi khác"));
        assert_eq!(closed.stage, Stage::Closed);
        assert_eq!(
            refused(app.record_vote(&admin(), "HS-6", vote(day(2018, 5, 7), 7))),
            [Check::Finished]
        );
    }
}

#[test]
fn the_demo_gives_as_many_ceremonies_as_admissions_and_a_due_list_with_overdue_items() {
    for db in backends() {
        let app = App::open(&db.url).unwrap();
        app.load_demo(&admin(), dangvu_app::DEMO_SEED).unwrap();
        let today = day(2026, 11, 26);
        let query = DossierQuery {
            org: OrgCode::parse("VX").unwrap(),
            as_of: day(2020, 7, 31),
            stage: None,
        };
        let term: Vec<_> = app
            .dossiers(&admin(), &query)
            .unwrap()
            .into_iter()
            .filter(|v| {
                v.dossier
                    .ceremony_on
                    .is_some_and(|c| c >= day(2015, 8, 1) && c <= day(2020, 7, 31))
            })
            .collect();
        // The 1,250 admissions of the term, less those of cells dissolved before its last
        // day (no longer in the district's subtree on that day).
        assert!((1200..=1250).contains(&term.len()), "{}", term.len());
        // The term report's figures: as many ceremonies as admissions, and the reference.
        let (from, to) = (day(2015, 8, 1), day(2020, 7, 31));
        let vx = OrgCode::parse("VX").unwrap();
        let figures = app.admission_figures(&admin(), &vx, from, to).unwrap();
        let params = SummaryParams::new(vx.clone(), from, to, None).unwrap();
        assert_eq!(
            figures.ceremonies,
            app.summary(&admin(), &params).unwrap().admitted
        );
        assert_eq!(figures.ceremonies, 1250);
        let ds = App::generate_demo(dangvu_app::DEMO_SEED);
        let tree = TreeHistory::build(&ds.orgs).unwrap();
        let dossiers = dangvu_demo::admissions::dossiers(&ds, dangvu_app::DEMO_SEED);
        let in_vx = |cell: &OrgCode, on: Date| tree.is_in_subtree(cell, &vx, on);
        let reference = admission_figures(&dossiers, from, to, in_vx, &WorkingCalendar::official());
        assert_eq!(figures, reference);
        assert!(figures.decided_on_time < figures.dossiers_decided);
        assert!(figures.ceremonies_on_time < figures.ceremonies);
        let due = app.admission_due_items(&admin(), today).unwrap();
        for kind in [
            DueKind::AdmissionDecision,
            DueKind::AdmissionCeremony,
            DueKind::RecognitionReview,
        ] {
            assert!(
                due.iter().any(|i| i.kind == kind && i.is_overdue(today)),
                "{kind:?}"
            );
            assert!(
                due.iter().any(|i| i.kind == kind && !i.is_overdue(today)),
                "{kind:?}"
            );
        }
    }
}
