//! `dangvu user …`: account management by the local administrator, and the first accounts
//! of `serve`. Passwords are read from standard input, never from a flag (flags end up in
//! shell histories and process lists), and never printed except a generated one, once.

use crate::args::{SetPasswordArgs, UserAddArgs, UserCommand};
use crate::commands;
use crate::config::Settings;
use crate::error::CliError;
use crate::output::out;
use dangvu_app::records::{AccountView, NewAccount};
use dangvu_app::{App, StoreError};
use dangvu_domain::actor::{NewPassword, Username, check_reach};
use dangvu_domain::enums::Enumeration;
use dangvu_domain::roles::Role;
use dangvu_domain::{MemberCode, OrgCode};
use std::io::{BufRead, IsTerminal, Write};

/// Runs a `dangvu user …` command.
pub fn run(command: &UserCommand, settings: &Settings) -> Result<(), CliError> {
    match command {
        UserCommand::Add(args) => add(args, settings),
        UserCommand::List => list(settings),
        UserCommand::Disable { username } => disable(username, settings),
        UserCommand::SetPassword(args) => set_password(args, settings),
    }
}

/// Reads a new password from the first line of standard input.
/// Reads the password for account `username` with `role` and checks it (the rules of
/// `dangvu_domain::actor::password_problem`).
fn read_password(username: &Username, role: Role) -> Result<NewPassword, CliError> {
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        eprint!(
            "Mật khẩu (ít nhất 10 ký tự, 12 cho quản trị) / Password (at least 10 characters, 12 for an administrator): "
        );
        std::io::stderr().flush()?;
    }
    let mut line = String::new();
    stdin.lock().read_line(&mut line)?;
    let password = line.strip_suffix('\n').unwrap_or(&line);
    let password = password.strip_suffix('\r').unwrap_or(password);
    Ok(NewPassword::parse_for(password, username, role)?)
}

fn add(args: &UserAddArgs, settings: &Settings) -> Result<(), CliError> {
    // Everything typed is checked before the password is read or the database opened.
    let username = Username::parse(&args.username)?;
    let role = Role::parse(&args.role)?;
    let org = args.org.as_deref().map(OrgCode::parse).transpose()?;
    let member = args.member.as_deref().map(MemberCode::parse).transpose()?;
    check_reach(role, org.as_ref(), member.as_ref())?;
    let password = read_password(&username, role)?;
    let app = commands::open(settings)?;
    let account = NewAccount {
        username,
        role,
        org,
        member,
        password,
    };
    let view = app.create_account(&commands::caller(), &account)?;
    out!("Đã tạo tài khoản / Account created: {}", describe(&view));
    Ok(())
}

/// `name (role — label), scope`.
fn describe(view: &AccountView) -> String {
    format!(
        "{} ({} — {}), {}",
        view.username,
        view.role.code(),
        view.role.label_vi(),
        reach(view)
    )
}

fn reach(view: &AccountView) -> String {
    match (&view.org, &view.member) {
        (Some(org), _) => format!("phạm vi / scope {org}"),
        (None, Some(member)) if view.role == Role::DangVien => {
            format!("hồ sơ của / own record {member}")
        }
        _ => "toàn hệ thống / whole installation".into(),
    }
}

fn list(settings: &Settings) -> Result<(), CliError> {
    let app = commands::open(settings)?;
    let accounts = app.accounts(&commands::caller())?;
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "{:<24} {:<16} {:<14} {:<14} {:<22} tạo lúc / created (UTC)",
        "tài khoản / user", "vai trò / role", "tổ chức / org", "đảng viên", "trạng thái / state"
    )?;
    for a in &accounts {
        let state = if a.disabled {
            "đã khóa / disabled"
        } else {
            "hoạt động / active"
        };
        writeln!(
            out,
            "{:<24} {:<16} {:<14} {:<14} {:<22} {}",
            a.username.as_str(),
            a.role.code(),
            a.org.as_ref().map_or("—", |o| o.as_str()),
            a.member.as_ref().map_or("—", |m| m.as_str()),
            state,
            a.created_at.format("%Y-%m-%d %H:%M")
        )?;
    }
    Ok(())
}

fn disable(username: &str, settings: &Settings) -> Result<(), CliError> {
    let username = Username::parse(username)?;
    let app = commands::open(settings)?;
    if app.disable_account(&commands::caller(), &username)? {
        out!("Đã khóa tài khoản / Account disabled: {username}");
    } else {
        out!("Tài khoản đã bị khóa từ trước / The account was already disabled: {username}");
    }
    Ok(())
}

fn set_password(args: &SetPasswordArgs, settings: &Settings) -> Result<(), CliError> {
    let username = Username::parse(&args.username)?;
    let app = commands::open(settings)?;
    let caller = commands::caller();
    let role = app
        .accounts(&caller)?
        .into_iter()
        .find(|a| a.username == username)
        .map(|a| a.role)
        .ok_or_else(|| StoreError::NotFound {
            entity: dangvu_app::Entity::Account,
            code: username.to_string(),
        })?;
    let password = read_password(&username, role)?;
    app.set_password(&caller, &username, &password)?;
    out!("Đã đặt mật khẩu mới / Password set: {username}");
    Ok(())
}

/// On a database without accounts, creates the administrator and prints its one-time
/// password; with `demo`, also creates the demo accounts and prints their passwords.
pub fn ensure_first_accounts(app: &App, demo: bool) -> Result<(), CliError> {
    let Some((username, password)) = app.ensure_admin(&commands::caller())? else {
        return Ok(());
    };
    out!(
        "Đã tạo tài khoản quản trị / Created the administrator: {username}\n\
         Mật khẩu / Password: {}\n\
         (Chỉ hiển thị một lần này. / Shown this once only.)",
        password.expose()
    );
    if demo {
        let created = app.create_demo_accounts(&commands::caller(), crate::clock::today())?;
        out!("Tài khoản mẫu / Demo accounts (không dùng cho dữ liệu thật / never on real data):");
        for account in created {
            let view_scope = match (&account.org, &account.member) {
                (Some(org), _) => org.to_string(),
                (None, Some(member)) => member.to_string(),
                (None, None) => "*".into(),
            };
            out!(
                "  {:<10} {:<20} {:<16} {}",
                account.username.as_str(),
                account.password.expose(),
                account.role.code(),
                view_scope
            );
        }
    }
    Ok(())
}
