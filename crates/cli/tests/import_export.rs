//! `dangvu import` and `dangvu export` as a user runs them, on both backends: the summary
//! line, exit statuses, problems on standard error in both languages, the `--report` file,
//! `--dry-run`, and an export that imports back unchanged.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test helpers fail loudly

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/sample-district/data")
}

/// A scratch folder and a database, for one run of the binary after another.
struct Session {
    dir: PathBuf,
    db: String,
}

impl Session {
    fn new(name: &str, db: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("dangvu-cli-io-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Self {
            dir,
            db: db.to_string(),
        }
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_dangvu"))
            .args(["--db", &self.db])
            .args(args)
            .current_dir(&self.dir)
            .env_remove("DANGVU_DATABASE_URL")
            .env_remove("DANGVU_CONFIG")
            .env("DANGVU_LOG", "warn")
            .output()
            .unwrap()
    }

    fn path(&self, name: &str) -> String {
        self.dir.join(name).to_str().unwrap().to_string()
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A copy of the sample whose member file has a bad gender and a 31 February.
fn broken_sample(into: &Path) {
    std::fs::create_dir_all(into).unwrap();
    for entry in std::fs::read_dir(sample()).unwrap() {
        let path = entry.unwrap().path();
        let mut content = std::fs::read_to_string(&path).unwrap();
        if path.ends_with("dang_vien.csv") {
            content = content
                .replacen(",NU,01/10/1984,", ",XX,31/02/1984,", 1)
                .replacen("MV.D01.C01,DANG", "KHONG.CO,DANG", 1);
        }
        std::fs::write(into.join(path.file_name().unwrap()), content).unwrap();
    }
}

fn summary_of(store: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_dangvu"))
        .args(["--db", store, "report", "summary", "--org", "MV"])
        .args(["--from", "2015-08-01", "--to", "2020-07-31"])
        .env("DANGVU_LOG", "warn")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    text(&out.stdout)
}

#[test]
fn a_file_with_problems_writes_nothing_and_lists_them_in_both_languages() {
    for db in dangvu_storage::testing::backends() {
        let s = Session::new("broken", db.url.connection_string());
        let broken = s.dir.join("broken");
        broken_sample(&broken);
        let report = s.path("loi.xlsx");
        let out = s.run(&["import", broken.to_str().unwrap(), "--report", &report]);
        assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
        let err = text(&out.stderr);
        assert!(
            err.contains("dang_vien, dòng/row 2, gioi_tinh = \"XX\""),
            "{err}"
        );
        assert!(err.contains("ngay_sinh = \"31/02/1984\""), "{err}");
        assert!(
            err.contains("không phải ngày hợp lệ") && err.contains("not a valid date"),
            "{err}"
        );
        assert!(err.contains("KHONG.CO"), "{err}");
        assert!(
            err.contains("không có gì được ghi") && err.contains("nothing was written"),
            "{err}"
        );
        assert!(
            Path::new(&report).metadata().unwrap().len() > 0,
            "the report is written"
        );
        let csv_report = s.path("loi.csv");
        s.run(&["import", broken.to_str().unwrap(), "--report", &csv_report]);
        let listed = std::fs::read_to_string(&csv_report).unwrap();
        assert!(
            listed.starts_with('\u{feff}') && listed.contains("gioi_tinh,XX"),
            "{listed}"
        );
        // Nothing was written: the organizations are unknown.
        let out = s.run(&["export", &s.path("empty")]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        assert!(
            text(&out.stdout).contains("0 tổ chức / organizations"),
            "{}",
            text(&out.stdout)
        );
    }
}

#[test]
fn import_dry_run_export_and_import_back() {
    for db in dangvu_storage::testing::backends() {
        let url = db.url.connection_string().to_string();
        let s = Session::new("round", &url);
        let sample = sample();
        let sample = sample.to_str().unwrap();

        let dry = s.run(&["import", sample, "--dry-run"]);
        assert!(dry.status.success(), "{}", text(&dry.stderr));
        assert!(text(&dry.stdout).contains("Thử nhập, không ghi gì / Dry run, nothing written"));
        let out = s.run(&["export", &s.path("after-dry-run")]);
        assert!(
            text(&out.stdout).contains("0 tổ chức"),
            "a dry run writes nothing"
        );

        let out = s.run(&["import", sample]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let line = text(&out.stdout);
        assert!(line.starts_with("Đã nhập / Imported"), "{line}");
        assert!(
            line.contains(
                "dang_vien: 3388 đọc/read, 3388 mới/created, 0 sửa/updated, 0 giữ nguyên/unchanged"
            ),
            "{line}"
        );
        // One summary line, then the findings the rating rules report on the sample's
        // historical ratings (imported as they happened), one per line.
        let mut lines = line.trim_end().lines().skip(1);
        if let Some(header) = lines.next() {
            assert!(header.starts_with("Ghi nhận "), "{header}");
            let findings: Vec<&str> = lines.collect();
            assert!(
                header.contains(&format!("{} finding(s)", findings.len())),
                "{header}"
            );
            assert!(findings.iter().all(|f| f.starts_with("  ")), "{findings:?}");
        }

        let again = text(&s.run(&["import", sample]).stdout);
        assert!(
            again.starts_with("Không có thay đổi / No changes"),
            "{again}"
        );
        assert!(
            again.contains(
                "dang_vien: 3388 đọc/read, 0 mới/created, 0 sửa/updated, 3388 giữ nguyên/unchanged"
            ),
            "{again}"
        );

        let book = s.path("mv.xlsx");
        let out = s.run(&["export", &book, "--org", "MV"]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        assert!(
            text(&out.stdout).contains("3388 đảng viên / members"),
            "{}",
            text(&out.stdout)
        );
        let back = text(&s.run(&["import", &book]).stdout);
        assert!(
            back.contains("0 mới/created, 0 sửa/updated, 3388 giữ nguyên/unchanged"),
            "{back}"
        );
        // A subtree's export, with the context its history names, goes back unchanged.
        let part = s.path("d03");
        assert!(
            s.run(&["export", &part, "--org", "MV.D03", "--format", "csv"])
                .status
                .success()
        );
        let back = text(&s.run(&["import", &part, "--dry-run"]).stdout);
        assert!(
            back.starts_with("Không có thay đổi, không ghi gì"),
            "{back}"
        );
        let unknown = s.run(&["export", &s.path("x"), "--org", "KHONGCO"]);
        assert_eq!(unknown.status.code(), Some(3));

        // The workbook into a fresh database gives the same report.
        let fresh = dangvu_storage::testing::backends().remove(0);
        let other = Session::new("fresh", fresh.url.connection_string());
        assert!(other.run(&["import", &book]).status.success());
        assert_eq!(summary_of(&other.db), summary_of(&url));
    }
}

#[test]
fn a_dossier_file_imports_and_its_findings_follow_the_summary() {
    for db in dangvu_storage::testing::backends() {
        let s = Session::new("dossiers", db.url.connection_string());
        assert!(
            s.run(&["import", sample().to_str().unwrap()])
                .status
                .success()
        );
        let folder = s.dir.join("dossiers");
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::write(
            folder.join("ho_so_ket_nap.csv"),
            "ma,ho_ten,gioi_tinh,ngay_sinh,ma_chi_bo,ngay_nghi_quyet_chi_bo,ngay_quyet_dinh\n\
             HS-01,Lò Văn Páo,NAM,1990-01-01,MV.D01.C01,2019-06-03,2020-01-06\n",
        )
        .unwrap();
        let out = s.run(&["import", folder.to_str().unwrap()]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let printed = text(&out.stdout);
        assert!(
            printed.contains("ho_so_ket_nap: 1 đọc/read, 1 mới/created"),
            "{printed}"
        );
        assert!(
            printed.contains("2 finding(s), the rows were imported"),
            "{printed}"
        );
        assert!(
            printed.contains("ho_so_ket_nap, dòng/row 2, ngay_quyet_dinh = \"2020-01-06\""),
            "{printed}"
        );
    }
}
