//! The interchange table `ho_so_ket_nap` through the import use case, on every backend:
//! a dossier file imports with its findings and a second time changes nothing; each
//! **refuse** rule refuses the whole file with the row named and writes nothing; each
//! **report** rule is a finding and the row is kept; the days of the same file's
//! `ngay_nghi` count; the caller's scope hides what lies outside it.

use super::{account, admin, day, loaded, ready};
use dangvu_app::records::AuditFilter;
use dangvu_app::{App, Caller, ImportOutcome, ImportReport, ReadProblem};
use dangvu_domain::admissions::Stage;
use dangvu_domain::interchange::Table;
use dangvu_domain::roles::Role;

const HEADER: &str = "ma,ho_ten,gioi_tinh,ngay_sinh,dan_toc,ma_chi_bo,ngay_vao_danh_sach,\
ma_nguoi_gioi_thieu_1,ma_nguoi_gioi_thieu_2,ngay_nghi_quyet_chi_bo,ngay_quyet_dinh,\
so_quyet_dinh,ngay_ket_nap,ma_dang_vien,ket_thuc,ngay_ket_thuc";

/// A dossier on time: listed, resolution, decision 4 weeks later, ceremony 18 days later.
const GOOD: &str = "HS-01,Giàng Thị Mai,NU,1996-04-02,Mông,MV.D01.C01,2018-01-10,MV-00002,\
MV-00004,2018-06-04,2018-07-02,12-QĐ/ĐU,20/07/2018,MV-NEW,,";

/// The member HS-01 admits, in the same file.
const NEW_MEMBER: &str = "ma,ho_ten,gioi_tinh,ngay_sinh,ngay_vao_dang,ma_to_chuc\n\
MV-NEW,Giàng Thị Mai,NU,1996-04-02,2018-07-20,MV.D01.C01\n";

/// A CSV folder with `ho_so_ket_nap.csv` holding `rows`, and the other files given.
fn file(rows: &[&str], others: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let body: String = rows.iter().map(|r| format!("{r}\n")).collect();
    std::fs::write(
        dir.path().join("ho_so_ket_nap.csv"),
        format!("{HEADER}\n{body}"),
    )
    .unwrap();
    for (name, text) in others {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

fn import(app: &App, caller: &Caller, dir: &tempfile::TempDir) -> ImportOutcome {
    app.import_file(caller, dir.path(), day(2026, 1, 5), false, None)
        .unwrap()
}

fn imported(outcome: ImportOutcome) -> ImportReport {
    match outcome {
        ImportOutcome::Imported(report) => report,
        ImportOutcome::Refused(problems) => panic!("refused: {problems:#?}"),
    }
}

fn refused(outcome: ImportOutcome) -> Vec<ReadProblem> {
    match outcome {
        ImportOutcome::Refused(problems) => problems,
        ImportOutcome::Imported(report) => panic!("imported: {report:#?}"),
    }
}

/// `(row, column)` of each finding.
fn findings(report: &ImportReport) -> Vec<(Option<usize>, String)> {
    report
        .findings
        .iter()
        .map(|f| (f.row, f.column.clone().unwrap_or_default()))
        .collect()
}

fn counts(report: &ImportReport) -> (u64, u64, u64) {
    let t = report
        .tables
        .iter()
        .find(|t| t.table == Table::HoSoKetNap)
        .unwrap();
    (t.created, t.updated, t.unchanged)
}

fn audit_count(app: &App) -> usize {
    let filter = AuditFilter {
        limit: 500,
        ..AuditFilter::default()
    };
    app.audit_entries(&admin(), &filter).unwrap().rows.len()
}

fn stage(app: &App, code: &str) -> Option<Stage> {
    app.dossier(&admin(), code, day(2026, 1, 5))
        .ok()
        .map(|v| v.stage)
}

#[test]
fn a_dossier_file_imports_with_its_findings_and_a_second_time_changes_nothing() {
    for (_db, app) in loaded() {
        let dir = file(&[GOOD], &[("dang_vien.csv", NEW_MEMBER)]);
        let report = imported(import(&app, &admin(), &dir));
        assert_eq!(counts(&report), (1, 0, 0));
        // No awareness course can be read from the file (`lop_hoc` is not implemented).
        assert_eq!(
            findings(&report),
            [(Some(2), "ngay_nghi_quyet_chi_bo".into())]
        );
        assert!(report.findings[0].reason_en.contains("awareness"));
        let view = app.dossier(&admin(), "HS-01", day(2026, 1, 5)).unwrap();
        assert_eq!(view.stage, Stage::Probationary);
        assert_eq!(view.dossier.member.as_ref().unwrap().as_str(), "MV-NEW");
        let decision = view.dossier.decision.unwrap();
        assert_eq!(
            (decision.on, decision.number.as_deref()),
            (day(2018, 7, 2), Some("12-QĐ/ĐU"))
        );

        let before = audit_count(&app);
        let again = imported(import(&app, &admin(), &dir));
        assert_eq!(counts(&again), (0, 0, 1));
        assert!(again.changes_nothing(), "{again:#?}");
        assert_eq!(audit_count(&app), before + 1, "only the import's own row");

        // A later file closes another dossier without admission: the stage follows.
        let closed = "HS-02,Lò Văn Páo,NAM,1990-01-01,,MV.D01.C01,2019-01-02,,,,,,,,\
                      Không kết nạp,15/03/2020";
        let later = imported(import(&app, &admin(), &file(&[GOOD, closed], &[])));
        assert_eq!(counts(&later), (1, 0, 1));
        assert_eq!(stage(&app, "HS-02"), Some(Stage::Closed));
    }
}

#[test]
fn a_dossier_the_workflow_keeps_takes_its_course_and_keeps_its_steps() {
    for (_db, app) in loaded() {
        // Opened by the workflow, course, application and introducers recorded.
        ready(&app, "HS-01", "MV-00004");
        let dir = file(&[GOOD], &[("dang_vien.csv", NEW_MEMBER)]);
        let report = imported(import(&app, &admin(), &dir));
        assert_eq!(counts(&report), (0, 1, 0));
        assert!(report.findings.is_empty(), "{:#?}", report.findings);
        let view = app.dossier(&admin(), "HS-01", day(2026, 1, 5)).unwrap();
        assert_eq!(view.dossier.course_on, Some(day(2018, 3, 1)));
        assert_eq!(view.dossier.applicant.education.as_deref(), Some("12/12"));
        assert_eq!(view.stage, Stage::Probationary);
    }
}

#[test]
fn each_refuse_rule_refuses_the_whole_file_with_the_row_named() {
    let cases: [(&str, &str, &str); 4] = [
        // Listed after the cell's resolution.
        (
            "HS-09,Lò Văn Páo,NAM,1990-01-01,,MV.D01.C01,2018-07-01,MV-00002,MV-00004,\
             2018-06-04,2018-07-02,,2018-07-20,,,",
            "ngay_nghi_quyet_chi_bo",
            "out of order",
        ),
        // A ceremony without a decision.
        (
            "HS-09,Lò Văn Páo,NAM,1990-01-01,,MV.D01.C01,2018-01-10,MV-00002,MV-00004,\
             2018-06-04,,,2018-07-20,,,",
            "ngay_quyet_dinh",
            "previous step",
        ),
        // MV-02800 was admitted on 2017-04-09, not on the ceremony's day.
        (
            "HS-09,Lò Văn Páo,NAM,1990-01-01,,MV.D01.C01,2018-01-10,MV-00002,MV-00004,\
             2018-06-04,2018-07-02,,2018-07-20,MV-02800,,",
            "ma_dang_vien",
            "out of order",
        ),
        // MV-01695 became an official member in 2021.
        (
            "HS-09,Lò Văn Páo,NAM,1990-01-01,,MV.D01.C01,2018-01-10,MV-00002,MV-01695,\
             2018-06-04,2018-07-02,,2018-07-20,,,",
            "ma_nguoi_gioi_thieu_2",
            "not an official member",
        ),
    ];
    for (_db, app) in loaded() {
        for (bad, column, words) in cases {
            let before = audit_count(&app);
            let dir = file(&[GOOD, bad], &[("dang_vien.csv", NEW_MEMBER)]);
            let problems = refused(import(&app, &admin(), &dir));
            assert_eq!(problems.len(), 1, "{problems:#?}");
            let p = &problems[0];
            assert_eq!(
                (p.table, p.row, p.column.as_deref()),
                (Some(Table::HoSoKetNap), Some(3), Some(column)),
                "{p:#?}"
            );
            assert!(p.reason_en.contains(words), "{p:#?}");
            assert!(p.reason_vi.contains("HS-09"), "{p:#?}");
            assert_eq!(stage(&app, "HS-01"), None, "nothing written");
            assert_eq!(audit_count(&app), before);
        }
    }
}

#[test]
fn each_report_rule_is_a_finding_and_the_row_is_kept() {
    let rows = [
        // Under 18 at the resolution (and no course, as every dossier of a file).
        "HS-11,Lò Văn Páo,NAM,2001-01-01,,MV.D01.C01,2018-01-10,MV-00002,MV-00004,2018-06-04,,,,,,",
        // The decision 7 months after the resolution.
        "HS-12,Lò Văn Páo,NAM,1990-01-01,,MV.D01.C01,2018-01-10,MV-00002,MV-00004,2018-06-04,\
         2019-01-07,,,,,",
        // The ceremony 4 months after the decision.
        "HS-13,Lò Văn Páo,NAM,1990-01-01,,MV.D01.C01,2018-01-10,MV-00002,MV-00004,2018-06-04,\
         2018-07-02,,2018-11-05,,,",
    ];
    for (_db, app) in loaded() {
        let report = imported(import(&app, &admin(), &file(&rows, &[])));
        assert_eq!(counts(&report), (3, 0, 0));
        let course = "ngay_nghi_quyet_chi_bo".to_string();
        assert_eq!(
            findings(&report),
            [
                (Some(2), "ngay_sinh".into()),
                (Some(2), course.clone()),
                (Some(3), course.clone()),
                (Some(3), "ngay_quyet_dinh".into()),
                (Some(4), course),
                (Some(4), "ngay_ket_nap".into()),
            ]
        );
        assert!(report.findings[0].reason_en.contains("under 18"));
        assert!(report.findings[3].reason_vi.contains("60 ngày làm việc"));
        assert!(report.findings[5].reason_vi.contains("30 ngày làm việc"));
        assert_eq!(stage(&app, "HS-11"), Some(Stage::Resolved));
        assert_eq!(stage(&app, "HS-12"), Some(Stage::Decided));
        assert_eq!(stage(&app, "HS-13"), Some(Stage::Probationary));
    }
}

#[test]
fn the_days_off_of_the_same_file_count_in_the_deadlines() {
    for (_db, app) in loaded() {
        // The decision on the 60th working day after the resolution: on time ...
        let due = app
            .working_day_after(&admin(), day(2018, 6, 4), 60)
            .unwrap();
        let row = format!(
            "HS-21,Lò Văn Páo,NAM,1990-01-01,,MV.D01.C01,2018-01-10,MV-00002,MV-00004,\
             2018-06-04,{due},,,,,"
        );
        let report = imported(import(&app, &admin(), &file(&[&row], &[])));
        assert_eq!(findings(&report).len(), 1, "only the course");
        // ... until the same file gives a Saturday worked before it: one day earlier.
        let off = ("ngay_nghi.csv", "ngay,loai,ten\n2018-06-09,LAM_BU,\n");
        let report = imported(import(&app, &admin(), &file(&[&row], &[off])));
        assert!(
            findings(&report).contains(&(Some(2), "ngay_quyet_dinh".into())),
            "{:#?}",
            report.findings
        );
    }
}

#[test]
fn what_lies_outside_the_scope_reads_as_unknown() {
    for (_db, app) in loaded() {
        imported(import(
            &app,
            &admin(),
            &file(&[GOOD], &[("dang_vien.csv", NEW_MEMBER)]),
        ));
        let d02 = account(Role::CanBoToChuc, "MV.D02");
        // A cell and introducers of MV.D01 are unknown codes to an account of MV.D02.
        let problems = refused(import(&app, &d02, &file(&[GOOD], &[])));
        let columns: Vec<_> = problems.iter().map(|p| p.column.clone().unwrap()).collect();
        assert_eq!(
            columns,
            [
                "ma_chi_bo",
                "ma_nguoi_gioi_thieu_1",
                "ma_nguoi_gioi_thieu_2",
                "ma_dang_vien"
            ]
        );
        assert!(
            problems
                .iter()
                .all(|p| p.reason_en.contains("has this code")),
            "{problems:#?}"
        );
        // A dossier code stored in MV.D01, given for a cell of MV.D02, is refused.
        let moved = "HS-01,Giàng Thị Mai,NU,1996-04-02,Mông,MV.D02.C01,2018-01-10,,,,,,,,,";
        let problems = refused(import(&app, &d02, &file(&[moved], &[])));
        assert_eq!(problems.len(), 1, "{problems:#?}");
        assert_eq!(problems[0].column.as_deref(), Some("ma"));
        assert_eq!(
            app.dossier(&admin(), "HS-01", day(2026, 1, 5))
                .unwrap()
                .dossier
                .cell
                .as_str(),
            "MV.D01.C01"
        );
        // The account's own cell takes its own dossiers.
        let own = "HS-31,Lò Văn Páo,NAM,1990-01-01,,MV.D02.C01,2019-01-02,,,,,,,,,";
        let report = imported(import(&app, &d02, &file(&[own], &[])));
        assert_eq!(counts(&report), (1, 0, 0));
        // Each account exports the dossiers of its own cells.
        let codes = |caller: &Caller| -> Vec<String> {
            let export = app.export_records(caller, None).unwrap();
            export.dossiers.into_iter().map(|x| x.code).collect()
        };
        assert_eq!(codes(&d02), ["HS-31"]);
        assert_eq!(codes(&account(Role::CanBoToChuc, "MV.D01")), ["HS-01"]);
        assert_eq!(codes(&admin()), ["HS-01", "HS-31"]);
    }
}
