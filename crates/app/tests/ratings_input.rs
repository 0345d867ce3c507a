//! Monthly results and signed commitments through the use cases, on every backend, over
//! the demo district: a cell's month recorded and read back, bad input refused with a
//! clear message and nothing written, the scope, a subtree's year with the monthly
//! measure, commitments signed and evaluated, and the term report's `commitments` equal to
//! the domain's reference over the generated records.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::NaiveDate;
use dangvu_app::records::MonthlyEntry;
use dangvu_app::{App, Caller, Error, StoreError};
use dangvu_domain::actor::{AccountId, Actor, Username};
use dangvu_domain::ratings::{
    Commitment, CommitmentOutcome, Evaluation, Month, MonthlyShare, Post, commitment_figures,
    monthly_measure,
};
use dangvu_domain::roles::Role;
use dangvu_domain::summary::SummaryParams;
use dangvu_domain::tree::TreeHistory;
use dangvu_domain::{Date, MemberCode, OrgCode, Rating};
use dangvu_storage::testing::{TestDb, backends};

const TODAY: (i32, u32, u32) = (2025, 11, 26);
const CELL: &str = "VX.01.01";

fn day(y: i32, m: u32, d: u32) -> Date {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn today() -> Date {
    day(TODAY.0, TODAY.1, TODAY.2)
}

fn admin() -> Caller {
    Caller::command_line(today().and_hms_opt(8, 0, 0).unwrap(), today())
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
    let now = today().and_hms_opt(8, 0, 0).unwrap();
    Caller::signed_in(&actor, "127.0.0.1", now, today())
}

fn org(code: &str) -> OrgCode {
    OrgCode::parse(code).unwrap()
}

fn demo() -> Vec<(TestDb, App)> {
    backends()
        .into_iter()
        .map(|db| {
            let app = App::open(&db.url).unwrap();
            app.load_demo(&admin(), dangvu_app::DEMO_SEED).unwrap();
            (db, app)
        })
        .collect()
}

fn refusal(result: Result<impl std::fmt::Debug, Error>) -> String {
    match result {
        Err(Error::Store(StoreError::Invalid(message))) => message,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn a_cells_month_is_recorded_replaced_refused_and_scoped() {
    for (_db, app) in demo() {
        let month = Month::new(2024, 5).unwrap();
        let cell = org(CELL);
        let before = app.monthly_cell(&admin(), &cell, month).unwrap();
        assert!(before.rows.len() > 3, "the cell has members");
        let recorded = before.rows.iter().filter(|r| r.level.is_some()).count();
        assert!(recorded * 2 > before.rows.len(), "the demo recorded May");
        let entries: Vec<MonthlyEntry> = before
            .rows
            .iter()
            .enumerate()
            .map(|(i, r)| MonthlyEntry {
                member: r.member.clone(),
                level: if i == 0 { Rating::Khtnv } else { Rating::Httnv },
                note: (i == 0).then(|| "Vắng sinh hoạt".to_string()),
            })
            .collect();
        // The cell's secretary records the month; every level reads back.
        let secretary = account(Role::BiThu, CELL);
        let saved = app
            .record_monthly(&secretary, &cell, month, &entries)
            .unwrap();
        assert_eq!(saved.rows.len(), before.rows.len());
        assert_eq!(saved.rows[0].level, Some(Rating::Khtnv));
        assert_eq!(saved.rows[0].note.as_deref(), Some("Vắng sinh hoạt"));
        assert!(
            saved.rows[1..]
                .iter()
                .all(|r| r.level == Some(Rating::Httnv))
        );
        // Recording again replaces the month: a member left out has no result any more.
        let fewer = &entries[1..];
        let replaced = app.record_monthly(&admin(), &cell, month, fewer).unwrap();
        assert_eq!(replaced.rows[0].level, None);

        // Bad input is refused with a message, and nothing is written.
        let stranger = MonthlyEntry {
            member: MemberCode::parse("KHONG-CO").unwrap(),
            level: Rating::Htnv,
            note: None,
        };
        let mut with_stranger = entries.clone();
        with_stranger.push(stranger);
        let message = refusal(app.record_monthly(&admin(), &cell, month, &with_stranger));
        assert!(message.contains("không sinh hoạt tại chi bộ"), "{message}");
        let future = Month::new(2025, 12).unwrap();
        let message = refusal(app.record_monthly(&admin(), &cell, future, &entries));
        assert!(message.contains("2025-12"), "{message}");
        let twice = [entries[1].clone(), entries[1].clone()];
        let message = refusal(app.record_monthly(&admin(), &cell, month, &twice));
        assert!(message.contains("hai kết quả"), "{message}");
        let after = app.monthly_cell(&admin(), &cell, month).unwrap();
        assert_eq!(after, replaced, "a refused month writes nothing");
        // A grassroots committee is not a cell.
        let message = refusal(app.monthly_cell(&admin(), &org("VX.01"), month));
        assert!(message.contains("không phải chi bộ"), "{message}");

        // Outside the subtree the cell is not found; a reader cannot record.
        let outsider = account(Role::Xem, "VX.02");
        assert!(matches!(
            app.monthly_cell(&outsider, &cell, month),
            Err(Error::Store(StoreError::NotFound { .. }))
        ));
        let reader = account(Role::Xem, "VX.01");
        assert!(app.monthly_cell(&reader, &cell, month).is_ok());
        assert!(matches!(
            app.record_monthly(&reader, &cell, month, &entries),
            Err(Error::Forbidden)
        ));
    }
}

#[test]
fn a_subtrees_year_gives_each_member_twelve_months_and_the_measure() {
    for (_db, app) in demo() {
        let year = app.monthly_year(&admin(), &org("VX.01"), 2024).unwrap();
        assert!(year.rows.len() > 20);
        let full = year.rows.iter().filter(|r| r.recorded == 12).count();
        assert!(
            full * 2 > year.rows.len(),
            "most members have twelve months"
        );
        for row in &year.rows {
            let levels: Vec<Rating> = row.months.months.iter().flatten().copied().collect();
            assert_eq!(row.recorded, levels.len());
            assert_eq!(row.measure, monthly_measure(&levels, MonthlyShare::DEFAULT));
        }
        // The cell's own month is the same month of the year view.
        let may = app
            .monthly_cell(&admin(), &org(CELL), Month::new(2024, 5).unwrap())
            .unwrap();
        for r in &may.rows {
            if let Some(row) = year.member(&r.member) {
                assert_eq!(row.months.months[4], r.level, "{}", r.member);
            }
        }
        // Before the monthly results were kept, nothing is recorded.
        let old = app.monthly_year(&admin(), &org("VX.01"), 2016).unwrap();
        assert!(old.rows.iter().all(|r| r.measure.is_none()));
        assert!(matches!(
            app.monthly_year(&account(Role::Xem, "VX.02"), &org("VX.01"), 2024),
            Err(Error::Store(StoreError::NotFound { .. }))
        ));
    }
}

#[test]
fn commitments_are_signed_evaluated_listed_and_counted_as_the_reference_counts() {
    let ds = App::generate_demo(dangvu_app::DEMO_SEED);
    let tree = TreeHistory::build(&ds.orgs).unwrap();
    let vx = org("VX");
    for (_db, app) in demo() {
        let listed = app.commitments(&admin(), &vx, 2019).unwrap();
        let district: Vec<_> = listed.iter().filter(|v| v.commitment.org == vx).collect();
        assert_eq!(district.len(), 2, "the secretary and the deputy");
        assert!(listed.len() > 20, "and every grassroots committee's");
        assert!(listed.iter().all(|v| !v.signer_name.is_empty()));

        // The term report's figures are the reference's over the generated records.
        let (from, to) = (day(2015, 8, 1), day(2020, 7, 31));
        let params = SummaryParams::new(vx.clone(), from, to, None).unwrap();
        let report = app.term_report(&admin(), &params).unwrap();
        let in_vx = |o: &OrgCode, on: Date| tree.is_in_subtree(o, &vx, on);
        let reference = commitment_figures(&ds.commitments, from, to, in_vx);
        assert_eq!(report.commitments, reference);
        assert!(
            reference.signed > 100 && reference.not_met > 0,
            "{reference:?}"
        );
        assert_eq!(
            reference.met + reference.not_met,
            reference.signed,
            "all evaluated"
        );

        // A new commitment of 2025, signed by a member of the cell, then evaluated.
        let member = app
            .monthly_cell(&admin(), &org(CELL), Month::new(2025, 1).unwrap())
            .unwrap()
            .rows[0]
            .member
            .clone();
        let new = Commitment {
            code: "CK-TEST-1".into(),
            year: 2025,
            org: org(CELL),
            signer: member.clone(),
            post: Post::BiThu,
            recipient: None,
            content: "Lãnh đạo chi bộ hoàn thành nhiệm vụ năm 2025".into(),
            signed_on: day(2025, 1, 20),
            evaluation: None,
        };
        let secretary = account(Role::BiThu, CELL);
        let signed = app.sign_commitment(&secretary, &new).unwrap();
        assert_eq!(signed.commitment, new);
        let message = refusal(app.sign_commitment(&secretary, &new));
        assert!(message.contains("đã được dùng"), "{message}");
        let early = Evaluation {
            outcome: CommitmentOutcome::HoanThanh,
            on: day(2025, 1, 10),
        };
        let message = refusal(app.evaluate_commitment(&secretary, "CK-TEST-1", early));
        assert!(message.contains("trước ngày ký"), "{message}");
        let late = Evaluation {
            outcome: CommitmentOutcome::KhongHoanThanh,
            on: day(2025, 11, 20),
        };
        let evaluated = app
            .evaluate_commitment(&secretary, "CK-TEST-1", late)
            .unwrap();
        assert_eq!(evaluated.commitment.evaluation, Some(late));
        // Outside the organization's subtree the commitment is not found.
        let outsider = account(Role::CanBoToChuc, "VX.02");
        assert!(matches!(
            app.evaluate_commitment(&outsider, "CK-TEST-1", late),
            Err(Error::Store(StoreError::NotFound { .. }))
        ));
        let mut empty = new.clone();
        empty.code = "CK-TEST-2".into();
        empty.content = " ".into();
        let message = refusal(app.sign_commitment(&secretary, &empty));
        assert!(message.contains("không được để trống"), "{message}");
        let cell_2025 = app.commitments(&admin(), &org(CELL), 2025).unwrap();
        assert_eq!(cell_2025.len(), 1, "the refused one was not written");
    }
}
