//! The arguments of the administration commands: `user`, `token` and `audit`.

use clap::{Args, Subcommand};

/// `dangvu user …`.
#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Tạo tài khoản, mật khẩu đọc từ đầu vào chuẩn / Create an account; its password is
    /// read from standard input.
    Add(UserAddArgs),
    /// Liệt kê tài khoản / List the accounts.
    List,
    /// Khóa tài khoản, kết thúc phiên và thu hồi mã truy cập / Disable an account, ending
    /// its sessions and revoking its tokens.
    Disable {
        /// Tên đăng nhập / The account's username.
        username: String,
    },
    /// Đặt mật khẩu mới, đọc từ đầu vào chuẩn; kết thúc các phiên / Set an account's
    /// password, read from standard input; ends its sessions.
    SetPassword(SetPasswordArgs),
}

/// `dangvu user add`.
#[derive(Debug, Args)]
pub struct UserAddArgs {
    /// Tên đăng nhập (3–32 ký tự a-z, 0-9, '.', '_', '-') / Login name (3–32 characters:
    /// a-z, 0-9, '.', '_', '-').
    #[arg(long)]
    pub username: String,
    /// Vai trò / Role: quan_tri, can_bo_to_chuc, kiem_tra, bi_thu, xem or dang_vien.
    #[arg(long)]
    pub role: String,
    /// Mã tổ chức gốc của phạm vi / Code of the organization whose subtree the account
    /// reaches (every role but quan_tri and dang_vien).
    #[arg(long, value_name = "CODE")]
    pub org: Option<String>,
    /// Mã đảng viên (bắt buộc với dang_vien) / Code of the member the person is (required
    /// for dang_vien).
    #[arg(long, value_name = "CODE")]
    pub member: Option<String>,
    /// Đọc mật khẩu (ít nhất 10 ký tự) từ dòng đầu của đầu vào chuẩn / Read the password
    /// (at least 10 characters) from the first line of standard input.
    #[arg(long, required = true)]
    pub password_stdin: bool,
}

/// `dangvu user set-password`.
#[derive(Debug, Args)]
pub struct SetPasswordArgs {
    /// Tên đăng nhập / The account's username.
    pub username: String,
    /// Đọc mật khẩu (ít nhất 10 ký tự) từ dòng đầu của đầu vào chuẩn / Read the password
    /// (at least 10 characters) from the first line of standard input.
    #[arg(long, required = true)]
    pub password_stdin: bool,
}

/// `dangvu token …`.
#[derive(Debug, Subcommand)]
pub enum TokenCommand {
    /// Tạo mã truy cập cho một tài khoản, chỉ in một lần / Create a token acting as an
    /// account; prints its secret once.
    Create {
        /// Tài khoản mà mã truy cập đại diện / The account the token acts as.
        #[arg(long)]
        username: String,
        /// Số ngày đến khi hết hạn (mặc định: không hết hạn) / Days until it expires
        /// (default: never, until revoked).
        #[arg(long, value_name = "DAYS")]
        expires: Option<u32>,
    },
    /// Liệt kê mã truy cập (không bao giờ in bí mật) / List the tokens (never their
    /// secrets).
    List,
    /// Thu hồi mã truy cập / Revoke a token.
    Revoke {
        /// Số hiệu của mã, như `token create` và `token list` in ra / The token's id, as
        /// `token create` and `token list` show it.
        id: i64,
    },
}

/// `dangvu audit …`.
#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Tính lại chuỗi băm của nhật ký kiểm tra / Recompute the audit log's hash chain;
    /// exits non-zero (4) naming the first broken row. Ends with `rows=N head=HEX`, the
    /// line to keep outside the database.
    Verify(VerifyArgs),
}

/// `dangvu audit verify`.
#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// Dòng cuối đã ghi lại trước đó / The head recorded earlier (the HEX of `head=HEX`):
    /// exit 4 unless the intact log still holds that row with that hash (it catches
    /// deleted newest rows and a rewritten, re-chained log).
    #[arg(long, value_name = "HEX")]
    pub expect_head: Option<String>,
}
