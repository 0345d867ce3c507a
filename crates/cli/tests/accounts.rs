//! `dangvu user`, `dangvu token` and `dangvu audit verify` as an administrator runs them, on
//! both backends: passwords from standard input only, bilingual errors, exit statuses, and
//! a tampered audit log named by row.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test helpers fail loudly

use chrono::NaiveDateTime;
use dangvu_domain::dataset::{
    Dataset, MemberProfile, MemberRecord, OrgRecord, ParentLink, Registration,
};
use dangvu_domain::{MemberCode, OrgCode, OrgType};
use dangvu_storage::{AuditContext, Backend, DatabaseUrl, Store};
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

const PASSWORD: &str = "mật khẩu của cán bộ";

struct Cli {
    dir: PathBuf,
    db: String,
}

impl Cli {
    fn new(name: &str, db: &DatabaseUrl) -> Self {
        let dir =
            std::env::temp_dir().join(format!("dangvu-cli-acc-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Self {
            dir,
            db: db.connection_string().to_string(),
        }
    }

    /// Runs `dangvu --db … args`, with `stdin` on standard input.
    fn run_with(&self, args: &[&str], stdin: &str) -> Output {
        let mut child = Command::new(env!("CARGO_BIN_EXE_dangvu"))
            .args(["--db", &self.db])
            .args(args)
            .current_dir(&self.dir)
            .env_remove("DANGVU_DATABASE_URL")
            .env_remove("DANGVU_CONFIG")
            .env("DANGVU_LOG", "warn")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let written = child.stdin.take().unwrap().write_all(stdin.as_bytes());
        // A command refused on its arguments may exit before it reads standard input; its
        // exit status and messages are what the tests look at, so a closed pipe is no error.
        if let Err(e) = written {
            assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "{e}");
        }
        child.wait_with_output().unwrap()
    }

    fn run(&self, args: &[&str]) -> Output {
        self.run_with(args, "")
    }

    /// Runs and expects success; returns standard output.
    fn ok(&self, args: &[&str], stdin: &str) -> String {
        let out = self.run_with(args, stdin);
        assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
        text(&out.stdout)
    }
}

impl Drop for Cli {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn now() -> NaiveDateTime {
    chrono::NaiveDate::from_ymd_opt(2026, 1, 5)
        .unwrap()
        .and_hms_opt(8, 0, 0)
        .unwrap()
}

/// A province `T` with a cell `C1` and its member `M1`.
fn tiny_dataset() -> Dataset {
    let org = |code: &str, org_type, parent: Option<&str>| OrgRecord {
        code: OrgCode::parse(code).unwrap(),
        name: format!("Tổ chức {code}"),
        org_type,
        founded_on: None,
        dissolved_on: None,
        merged_into: None,
        parents: vec![ParentLink {
            since: None,
            parent: parent.map(|p| OrgCode::parse(p).unwrap()),
        }],
    };
    Dataset {
        orgs: vec![
            org("T", OrgType::Tinh, None),
            org("C1", OrgType::ChiBoCoSo, Some("T")),
        ],
        members: vec![MemberRecord {
            code: MemberCode::parse("M1").unwrap(),
            profile: MemberProfile {
                full_name: "Nguyễn Văn An".into(),
                ..MemberProfile::default()
            },
            admitted_on: chrono::NaiveDate::from_ymd_opt(2010, 1, 1).unwrap(),
            official_on: None,
            registrations: vec![Registration {
                org: OrgCode::parse("C1").unwrap(),
                since: None,
            }],
            statuses: vec![],
        }],
        member_ratings: vec![],
        org_ratings: vec![],
        calendar_days: Vec::new(),
        dossiers: Vec::new(),
        monthly_results: Vec::new(),
        commitments: Vec::new(),
    }
}

fn loaded_store(url: &DatabaseUrl) -> Store {
    let store = Store::open(url).unwrap();
    let ctx = AuditContext {
        actor: "test".into(),
        source: "test".into(),
        at: now(),
    };
    store.load_dataset(&tiny_dataset(), &ctx).unwrap();
    store
}

/// Adds the read-only account `xem` scoped to `org`, its password on standard input.
fn add_xem(org: &str) -> [&str; 9] {
    [
        "user",
        "add",
        "--username",
        "xem",
        "--role",
        "xem",
        "--org",
        org,
        "--password-stdin",
    ]
}
#[test]
fn accounts_are_managed_from_the_command_line_with_passwords_on_standard_input() {
    for db in dangvu_storage::testing::backends() {
        let store = loaded_store(&db.url);
        let cli = Cli::new("users", &db.url);
        let add = [
            "user",
            "add",
            "--username",
            "CanBo",
            "--role",
            "can_bo_to_chuc",
            "--org",
            "T",
            "--password-stdin",
        ];
        let out = cli.ok(&add, &format!("{PASSWORD}\n"));
        assert!(
            out.contains("canbo") && out.contains("Cán bộ tổ chức"),
            "{out}"
        );

        for (weak, vi) in [
            ("ngan-qua", "Lỗi: mật khẩu phải có ít nhất 10 ký tự"),
            ("1234567890", "phổ biến nhất"),
            ("password12", "phổ biến nhất"),
            ("aaaaaaaaaa", "quá đơn giản"),
            ("xem-la-toi-a", "tên đăng nhập"),
        ] {
            let refused = cli.run_with(&add_xem("T"), &format!("{weak}\n"));
            assert_eq!(refused.status.code(), Some(2), "{weak}");
            let err = text(&refused.stderr);
            assert!(
                err.contains(vi) && err.contains("Error: password"),
                "{weak}: {err}"
            );
            assert!(!err.contains(weak), "the password is never printed");
        }
        let admin = [
            "user",
            "add",
            "--username",
            "quantri2",
            "--role",
            "quan_tri",
            "--password-stdin",
        ];
        let eleven = cli.run_with(&admin, "chim sẻ bay\n");
        assert!(text(&eleven.stderr).contains("ít nhất 12 ký tự"));

        let duplicate = cli.run_with(&add, &format!("{PASSWORD}\n"));
        assert_eq!(duplicate.status.code(), Some(1));
        assert!(text(&duplicate.stderr).contains("username"));
        let unknown_org = cli.run_with(&add_xem("NOPE"), "mật khẩu đủ dài\n");
        assert_eq!(
            unknown_org.status.code(),
            Some(3),
            "{}",
            text(&unknown_org.stderr)
        );
        let admin_with_org = cli.run_with(
            &[
                "user",
                "add",
                "--username",
                "quantri2",
                "--role",
                "quan_tri",
                "--org",
                "T",
                "--password-stdin",
            ],
            "mật khẩu đủ dài\n",
        );
        assert_eq!(admin_with_org.status.code(), Some(2));
        assert!(text(&admin_with_org.stderr).contains("Lỗi: vai trò này không gắn với tổ chức"));
        let no_flag = cli.run(&[
            "user",
            "add",
            "--username",
            "quantri2",
            "--role",
            "quan_tri",
        ]);
        assert_eq!(
            no_flag.status.code(),
            Some(2),
            "the password is never taken from a flag"
        );
        cli.ok(
            &[
                "user",
                "add",
                "--username",
                "dangvien",
                "--role",
                "Đảng viên",
                "--member",
                "M1",
                "--password-stdin",
            ],
            "mật khẩu đảng viên\r\n",
        );

        let list = cli.ok(&["user", "list"], "");
        assert!(
            list.lines().any(|l| l.starts_with("canbo")
                && l.contains("can_bo_to_chuc")
                && l.contains(" T ")),
            "{list}"
        );
        assert!(
            list.lines()
                .any(|l| l.starts_with("dangvien") && l.contains("M1")),
            "{list}"
        );

        cli.ok(
            &["user", "set-password", "canbo", "--password-stdin"],
            "mật khẩu mới của cán bộ\n",
        );
        assert!(
            store
                .authenticate("canbo", PASSWORD, "127.0.0.1", now())
                .is_err()
        );
        let actor = store
            .authenticate("canbo", "mật khẩu mới của cán bộ", "127.0.0.1", now())
            .unwrap();
        assert_eq!(actor.org().map(|o| o.as_str()), Some("T"));
        store
            .authenticate("dangvien", "mật khẩu đảng viên", "127.0.0.1", now())
            .unwrap();

        assert!(cli.ok(&["user", "disable", "canbo"], "").contains("canbo"));
        assert!(
            cli.ok(&["user", "list"], "")
                .lines()
                .any(|l| l.starts_with("canbo") && l.contains("disabled"))
        );
        let missing = cli.run(&["user", "disable", "khong-co"]);
        assert_eq!(missing.status.code(), Some(3));
        assert!(text(&missing.stderr).contains("Lỗi: không tìm thấy tài khoản có mã khong-co"));
    }
}

#[test]
fn a_token_is_printed_once_and_can_be_revoked() {
    for db in dangvu_storage::testing::backends() {
        let store = loaded_store(&db.url);
        let cli = Cli::new("tokens", &db.url);
        cli.ok(&add_xem("C1"), "mật khẩu chỉ xem\n");
        let out = cli.run(&["token", "create", "--username", "xem", "--expires", "30"]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let secret = text(&out.stdout).trim().to_string();
        assert!(
            secret.starts_with("dvt_") && !secret.contains('\n'),
            "{secret}"
        );
        assert!(text(&out.stderr).contains("không hiển thị lại"));
        let actor = store.token_actor(&secret, now()).unwrap().unwrap();
        assert_eq!(actor.username().as_str(), "xem");

        let list = cli.ok(&["token", "list"], "");
        assert!(!list.contains(&secret), "the secret is never shown again");
        let id = list
            .lines()
            .find(|l| l.contains("xem") && l.contains("active"))
            .and_then(|l| l.split_whitespace().next())
            .unwrap()
            .to_string();
        cli.ok(&["token", "revoke", &id], "");
        assert!(store.token_actor(&secret, now()).unwrap().is_none());
        assert!(cli.ok(&["token", "list"], "").contains("revoked"));
        assert_eq!(
            cli.run(&["token", "revoke", "999999"]).status.code(),
            Some(3)
        );
        assert_eq!(
            cli.run(&["token", "create", "--username", "xem", "--expires", "0"])
                .status
                .code(),
            Some(1)
        );
    }
}

fn execute(url: &DatabaseUrl, sql: &str) {
    dangvu_storage::testing::execute_raw(url, sql);
}

#[test]
fn audit_verify_passes_on_an_intact_log_and_names_the_row_edited_in_the_database() {
    for db in dangvu_storage::testing::backends() {
        let store = loaded_store(&db.url);
        let cli = Cli::new("audit", &db.url);
        cli.ok(&add_xem("T"), "mật khẩu chỉ xem\n");
        let _ = store.authenticate("xem", "sai mật khẩu", "10.0.0.1", now());
        store
            .authenticate("xem", "mật khẩu chỉ xem", "10.0.0.1", now())
            .unwrap();
        let out = cli.ok(&["audit", "verify"], "");
        assert!(out.contains("The audit log is intact: 4 rows"), "{out}");

        let rows = store
            .audit_log(&dangvu_storage::Scope::whole_installation(now().date()), 10)
            .unwrap();
        let failed = rows.iter().find(|r| r.action == "login.failed").unwrap().id;
        let triggers = match db.url.backend() {
            Backend::Sqlite => {
                "drop trigger audit_log_no_update; drop trigger audit_log_no_delete;"
            }
            Backend::Postgres => {
                "drop trigger audit_log_no_update on audit_log; drop trigger audit_log_no_delete on audit_log;"
            }
        };
        execute(&db.url, triggers);
        execute(
            &db.url,
            &format!("update audit_log set source = '127.0.0.1' where id = {failed}"),
        );
        let out = cli.run(&["audit", "verify"]);
        assert_eq!(out.status.code(), Some(4));
        let err = text(&out.stderr);
        assert!(
            err.contains(&format!(
                "Lỗi: nhật ký kiểm tra đã bị can thiệp: dòng {failed} "
            )),
            "{err}"
        );
        assert!(
            err.contains(&format!(
                "row {failed} does not continue the chain (the row's content was changed)"
            )),
            "{err}"
        );
    }
}
