//! `dangvu token …`: API bearer tokens. A new token's secret goes alone to standard output
//! (so that a script can capture it) and is never shown again; the rest goes to standard
//! error.

use crate::args::TokenCommand;
use crate::commands;
use crate::config::Settings;
use crate::error::CliError;
use crate::output::out;
use dangvu_domain::actor::Username;
use std::io::Write;

/// Runs a `dangvu token …` command.
pub fn run(command: &TokenCommand, settings: &Settings) -> Result<(), CliError> {
    match command {
        TokenCommand::Create { username, expires } => create(username, *expires, settings),
        TokenCommand::List => list(settings),
        TokenCommand::Revoke { id } => revoke(*id, settings),
    }
}

fn create(username: &str, expires: Option<u32>, settings: &Settings) -> Result<(), CliError> {
    let username = Username::parse(username)?;
    let app = commands::open(settings)?;
    let (id, secret) = app.create_token(&commands::caller(), &username, expires)?;
    let until = expires.map_or_else(
        || "không hết hạn / never expires".to_string(),
        |days| format!("hết hạn sau {days} ngày / expires in {days} days"),
    );
    eprintln!(
        "Mã truy cập số {id} cho {username}, {until}. Hãy lưu lại: mã này không hiển thị lại.\n\
         Token {id} for {username}. Keep it now: it is not shown again."
    );
    out!("{}", secret.expose());
    Ok(())
}

fn list(settings: &Settings) -> Result<(), CliError> {
    let app = commands::open(settings)?;
    let now = crate::clock::now();
    let tokens = app.tokens(&commands::caller())?;
    let mut out = std::io::stdout().lock();
    let time = |t: Option<chrono::NaiveDateTime>| {
        t.map_or_else(
            || "—".to_string(),
            |t| t.format("%Y-%m-%d %H:%M").to_string(),
        )
    };
    writeln!(
        out,
        "{:>6} {:<24} {:<22} {:<17} {:<17} dùng lần cuối / last used (UTC)",
        "số/id", "tài khoản / user", "trạng thái / state", "tạo / created", "hết hạn / expires"
    )?;
    for t in &tokens {
        let state = if t.revoked_at.is_some() {
            "đã thu hồi / revoked"
        } else if t.is_active(now) {
            "hoạt động / active"
        } else {
            "hết hạn / expired"
        };
        writeln!(
            out,
            "{:>6} {:<24} {:<22} {:<17} {:<17} {}",
            t.id,
            t.username.as_str(),
            state,
            time(Some(t.created_at)),
            time(t.expires_at),
            time(t.last_used_at)
        )?;
    }
    Ok(())
}

fn revoke(id: i64, settings: &Settings) -> Result<(), CliError> {
    let app = commands::open(settings)?;
    if app.revoke_token(&commands::caller(), id)? {
        out!("Đã thu hồi mã truy cập số {id} / Token {id} revoked");
    } else {
        out!("Mã truy cập số {id} đã bị thu hồi từ trước / Token {id} was already revoked");
    }
    Ok(())
}
