//! The command line's error type and how it is shown: Vietnamese first, English beside it,
//! and a non-zero exit status.

use dangvu_app::{Entity, StoreError};
use dangvu_domain::DomainError;
use std::process::ExitCode;

/// What can make a command fail.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// Storage refused or failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A value given on the command line is invalid.
    #[error(transparent)]
    Input(#[from] DomainError),
    /// The configuration is wrong.
    #[error("configuration: {0}")]
    Config(String),
    /// A command that only works on an existing database was pointed at a SQLite file that
    /// does not exist (a mistyped `--db` must not become a new, empty database).
    #[error(
        "the database {0} does not exist (check --db or DANGVU_DATABASE_URL; only serve, demo, migrate, import and bench create one)"
    )]
    NoDatabase(String),
    /// The configured database cannot be opened (a PostgreSQL database that does not exist,
    /// a server that does not answer): a configuration to correct, like a wrong URL.
    #[error("cannot open the database (check --db or DANGVU_DATABASE_URL): {0}")]
    CannotOpen(String),
    /// `serve` cannot listen on its address (taken by another program, or not this
    /// machine's); nothing was written.
    #[error("cannot listen on {address}: {source}; nothing was changed")]
    Listen {
        /// The address asked for.
        address: String,
        /// Why.
        source: std::io::Error,
    },
    /// The demo would be loaded into a database that already holds data.
    #[error("the database already holds data; the demo is only loaded into an empty database")]
    NotEmpty,
    /// Reading or writing failed (a socket, standard output).
    #[error("input/output: {0}")]
    Io(#[from] std::io::Error),
    /// An import was refused; its problems were listed on standard error.
    #[error("the file was not imported: {0} problem(s), listed above; nothing was written")]
    ImportRefused(usize),
    /// Closing a round broke rules of the period (quota, linkage); each was printed.
    #[error("the round was not closed: {0} rule(s) broken, listed above; nothing was written")]
    RoundRefused(usize),
    /// An export or a report file could not be written.
    #[error(transparent)]
    Write(#[from] dangvu_app::WriteError),
    /// The audit log's hash chain is broken (`dangvu audit verify`).
    #[error("the audit log was tampered with: row {id} does not continue the chain ({reason})")]
    AuditBroken {
        /// The first row that does not continue the chain.
        id: i64,
        /// Why.
        reason: dangvu_app::records::AuditBreak,
    },
    /// The audit log no longer holds the head recorded earlier (`--expect-head`).
    #[error(
        "the audit log no longer holds the recorded head {0}: its newest rows were deleted, or it was rewritten and re-chained"
    )]
    AuditHeadMissing(String),
    /// A password chosen on the command line is too weak.
    #[error("password: it {0}")]
    Password(#[from] dangvu_domain::actor::PasswordProblem),
}

impl From<dangvu_app::Error> for CliError {
    fn from(err: dangvu_app::Error) -> Self {
        match err {
            dangvu_app::Error::Store(e) => CliError::Store(e),
            dangvu_app::Error::Write(e) => CliError::Write(e),
            dangvu_app::Error::Io(e) => CliError::Io(e),
            dangvu_app::Error::Forbidden => CliError::Store(StoreError::Invalid(
                "không được phép với vai trò này / not permitted for this role".into(),
            )),
        }
    }
}

impl From<dangvu_app::DemoError> for CliError {
    fn from(err: dangvu_app::DemoError) -> Self {
        match err {
            dangvu_app::DemoError::NotEmpty => CliError::NotEmpty,
            dangvu_app::DemoError::Store(e) => e.into(),
            dangvu_app::DemoError::Generator(e) => CliError::Input(e),
        }
    }
}

impl CliError {
    /// The message in Vietnamese.
    pub fn message_vi(&self) -> String {
        match self {
            CliError::Store(e) => store_message_vi(e),
            CliError::Input(e) => input_message_vi(e),
            CliError::Config(detail) => format!("cấu hình sai: {detail}"),
            CliError::NoDatabase(path) => format!(
                "cơ sở dữ liệu {path} không tồn tại (kiểm tra --db hoặc DANGVU_DATABASE_URL; chỉ serve, demo, migrate, import và bench tạo cơ sở dữ liệu mới)"
            ),
            CliError::Listen { address, source } => format!(
                "không lắng nghe được tại {address}: {source}; không có gì bị thay đổi (cổng đã có chương trình khác dùng? chọn --listen khác)"
            ),
            CliError::CannotOpen(detail) => format!(
                "không mở được cơ sở dữ liệu (kiểm tra --db hoặc DANGVU_DATABASE_URL): {detail}"
            ),
            CliError::Password(problem) => problem.reason_vi(),
            CliError::NotEmpty => {
                "cơ sở dữ liệu đã có dữ liệu; dữ liệu mẫu chỉ được nạp vào cơ sở dữ liệu trống"
                    .into()
            }
            CliError::Io(e) => format!("lỗi đọc/ghi: {e}"),
            CliError::ImportRefused(n) => {
                format!("tệp không được nhập: {n} lỗi, liệt kê ở trên; không có gì được ghi")
            }
            CliError::RoundRefused(n) => format!(
                "đợt chưa được kết thúc: {n} quy định bị vi phạm, liệt kê ở trên; không có gì được ghi"
            ),
            CliError::Write(e) => format!("không ghi được tệp: {e}"),
            CliError::AuditBroken { id, reason } => format!(
                "nhật ký kiểm tra đã bị can thiệp: dòng {id} không nối tiếp chuỗi ({})",
                reason.label_vi()
            ),
            CliError::AuditHeadMissing(hash) => format!(
                "nhật ký kiểm tra không còn chứa dòng cuối đã ghi lại {hash}: các dòng mới nhất đã bị xóa, hoặc nhật ký đã bị viết lại và tính lại chuỗi băm"
            ),
        }
    }
}

fn store_message_vi(e: &StoreError) -> String {
    match e {
        StoreError::NotFound { entity, code } => {
            let what = match entity {
                Entity::Organization => "tổ chức đảng",
                Entity::Member => "đảng viên",
                Entity::Account => "tài khoản",
                Entity::ApiToken => "mã truy cập API",
                Entity::Dossier => "hồ sơ kết nạp",
                Entity::Transfer => "việc chuyển sinh hoạt đảng",
                Entity::RatingRound => "đợt xếp loại",
                Entity::Commitment => "bản cam kết trách nhiệm",
            };
            format!("không tìm thấy {what} có mã {code}")
        }
        StoreError::Conflict { field } => format!("giá trị của trường {field} đã được dùng"),
        StoreError::Invalid(detail) => format!("dữ liệu không hợp lệ: {detail}"),
        StoreError::Config(detail) => format!("địa chỉ cơ sở dữ liệu sai: {detail}"),
        StoreError::Connection(detail) => format!("không kết nối được cơ sở dữ liệu: {detail}"),
        StoreError::Migration(detail) => {
            format!("cập nhật cấu trúc cơ sở dữ liệu thất bại: {detail}")
        }
        StoreError::Busy => {
            "cơ sở dữ liệu đang bận với một thay đổi khác; không có gì bị thay đổi, hãy chạy lại sau ít phút".to_string()
        }
        StoreError::Database(detail) => format!("lỗi cơ sở dữ liệu: {detail}"),
        StoreError::Corrupt(detail) => format!("dữ liệu lưu trữ không hợp lệ: {detail}"),
        StoreError::Json(detail) => format!("lỗi JSON: {detail}"),
        StoreError::Crypto(detail) => format!("lỗi mật mã: {detail}"),
    }
}

fn input_message_vi(e: &DomainError) -> String {
    match e {
        DomainError::Invalid {
            field: "password", ..
        } => "mật khẩu phải có từ 10 đến 256 ký tự".into(),
        DomainError::Invalid {
            field: "username",
            value,
            ..
        } => format!(
            "tên đăng nhập {value:?} không hợp lệ: 3–32 ký tự a-z, 0-9, '.', '_', '-', bắt đầu bằng chữ cái"
        ),
        DomainError::Invalid { field: "org", .. } => {
            "vai trò này không gắn với tổ chức: quản trị viên thấy toàn hệ thống, tài khoản đảng viên chỉ thấy hồ sơ của mình".into()
        }
        DomainError::Required { field: "org" } => {
            "vai trò này cần --org: mã tổ chức gốc của phạm vi".into()
        }
        DomainError::Required { field: "member" } => {
            "tài khoản đảng viên cần --member: mã đảng viên".into()
        }
        DomainError::Required { field } => format!("thiếu giá trị bắt buộc: {field}"),
        DomainError::Invalid { field, value, .. } => {
            format!("giá trị không hợp lệ cho {field}: {value:?}")
        }
    }
}

/// Prints the error (Vietnamese, then English) on standard error and picks the exit status.
/// A mistake of the person at the keyboard (a bad date, an unknown code) is those two lines
/// only; a fault of the program or its surroundings is also logged, with its time.
pub fn report(err: &CliError) -> ExitCode {
    if err.is_fault() {
        tracing::error!(error = %err, "command failed");
    }
    eprintln!("Lỗi: {}\nError: {err}", err.message_vi());
    ExitCode::from(match err {
        CliError::Input(_)
        | CliError::Config(_)
        | CliError::Store(StoreError::Config(_))
        | CliError::NoDatabase(_)
        | CliError::CannotOpen(_)
        | CliError::Listen { .. }
        | CliError::ImportRefused(_)
        | CliError::RoundRefused(_)
        | CliError::Password(_) => 2,
        CliError::Store(StoreError::NotFound { .. }) => 3,
        CliError::AuditBroken { .. } | CliError::AuditHeadMissing(_) => 4,
        _ => 1,
    })
}

impl CliError {
    /// Whether the failure is the program's or its surroundings' (storage, files, the
    /// network) rather than an answer to what was asked.
    fn is_fault(&self) -> bool {
        match self {
            CliError::Store(e) => !matches!(
                e,
                StoreError::NotFound { .. }
                    | StoreError::Conflict { .. }
                    | StoreError::Invalid(_)
                    | StoreError::Config(_)
                    | StoreError::Busy
            ),
            CliError::Io(_) | CliError::Write(_) => true,
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_given_in_both_languages() {
        let err = CliError::Store(StoreError::NotFound {
            entity: Entity::Organization,
            code: "XX".into(),
        });
        assert_eq!(err.message_vi(), "không tìm thấy tổ chức đảng có mã XX");
        assert_eq!(err.to_string(), "organization XX not found");
        let bad_date = CliError::Input(DomainError::invalid("from", "31/02/2020", "not a date"));
        assert!(bad_date.message_vi().contains("31/02/2020"));
    }
}
