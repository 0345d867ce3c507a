//! `dangvu round list|open|show|close`: the committee's side of a rating round from the
//! command line, through the same use cases as the pages and the API (`App::*_rating_round*`).
//! The members' and cells' steps are recorded on the pages or through the API.

use crate::args::{CloseRoundArgs, OpenRoundArgs, RoundCommand, ShowRoundArgs};
use crate::config::Settings;
use crate::error::CliError;
use crate::output::out;
use dangvu_app::StoreError;
use dangvu_app::records::{CloseOutcome, Decided, NewRound, RoundSummary, RoundView, Stepped};
use dangvu_domain::dates::parse_date;
use dangvu_domain::enums::Enumeration;
use dangvu_domain::ratings::RoundKind;
use dangvu_domain::{DomainError, OrgCode, Rating};

/// The years a round may be opened for (as the opening form allows).
const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

/// Runs a `dangvu round …` command.
pub fn run(command: &RoundCommand, settings: &Settings) -> Result<(), CliError> {
    match command {
        RoundCommand::List => list(settings),
        RoundCommand::Open(args) => open(args, settings),
        RoundCommand::Show(args) => show(args, settings),
        RoundCommand::Close(args) => close(args, settings),
    }
}

fn list(settings: &Settings) -> Result<(), CliError> {
    let app = crate::commands::open(settings)?;
    let rounds = app.rating_rounds(&crate::commands::caller())?;
    if rounds.is_empty() {
        out!("Chưa có đợt xếp loại nào. / No rating round yet.");
    }
    for round in &rounds {
        out!("{}", summary_line(round));
    }
    Ok(())
}

/// Prints the new round's number alone on its line (for scripts).
fn open(args: &OpenRoundArgs, settings: &Settings) -> Result<(), CliError> {
    // Parse everything before touching the database: bad input fails alone.
    let org = OrgCode::parse(&args.org)?;
    let year = args
        .year
        .trim()
        .parse::<i32>()
        .ok()
        .filter(|y| YEARS.contains(y))
        .ok_or_else(|| DomainError::invalid("year", &args.year, "a year from 2000 to 2100"))?;
    let quarter = match args.quarter.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(raw) => Some(
            raw.parse::<u8>()
                .ok()
                .filter(|q| (1..=4).contains(q))
                .ok_or_else(|| DomainError::invalid("quarter", raw, "a quarter from 1 to 4"))?,
        ),
    };
    let period = args.period.trim().to_uppercase();
    let kind = RoundKind::from_code(&period, quarter).ok_or_else(|| {
        DomainError::invalid(
            "period",
            format!("{period} {}", args.quarter.as_deref().unwrap_or("")).trim(),
            "NAM, NHIEM_KY, or QUY with --quarter 1-4",
        )
    })?;
    let deadline = parse_date("deadline", &args.deadline)?;
    let app = crate::commands::open(settings)?;
    let new = NewRound {
        org,
        year,
        kind,
        deadline,
        opened_on: crate::clock::today(),
    };
    let id = app
        .open_rating_round(&crate::commands::caller(), &new)
        .map_err(|e| taken(e, &new))?;
    out!("{id}");
    Ok(())
}

fn show(args: &ShowRoundArgs, settings: &Settings) -> Result<(), CliError> {
    let id = round_id(&args.id)?;
    let part = args.org.as_deref().map(OrgCode::parse).transpose()?;
    let app = crate::commands::open(settings)?;
    let view = app.rating_round(&crate::commands::caller(), id, part.as_ref())?;
    print_view(&view);
    Ok(())
}

fn close(args: &CloseRoundArgs, settings: &Settings) -> Result<(), CliError> {
    let id = round_id(&args.id)?;
    let app = crate::commands::open(settings)?;
    match app.close_rating_round(&crate::commands::caller(), id)? {
        CloseOutcome::Closed(report) => {
            out!(
                "Đã kết thúc đợt {id}: {} đảng viên được quyết định theo đề xuất; ghi {} kết quả \
                 của đảng viên và {} của tổ chức. / Round {id} closed: {} members decided as \
                 proposed; {} member and {} organization ratings written.",
                report.members_decided,
                report.written.0,
                report.written.1,
                report.members_decided,
                report.written.0,
                report.written.1,
            );
            Ok(())
        }
        CloseOutcome::Refused(violations) => {
            for v in &violations {
                eprintln!("- {} / {}", v.message_vi, v.message_en);
            }
            Err(CliError::RoundRefused(violations.len()))
        }
    }
}

/// A second round of the same committee and period, said as such (storage names only the
/// field taken).
fn taken(err: dangvu_app::Error, new: &NewRound) -> CliError {
    match err {
        dangvu_app::Error::Store(StoreError::Conflict { .. }) => {
            let period = new.kind.label_vi(new.year);
            CliError::Store(StoreError::Invalid(format!(
                "cấp ủy {org} đã có đợt xếp loại {period} (xem `dangvu round list`) / {org} \
                 already has a rating round for {period} (see `dangvu round list`)",
                org = new.org
            )))
        }
        other => other.into(),
    }
}

/// A round's number: a positive whole number.
fn round_id(raw: &str) -> Result<i64, DomainError> {
    raw.trim()
        .parse::<i64>()
        .ok()
        .filter(|id| *id > 0)
        .ok_or_else(|| DomainError::invalid("id", raw, "a round number, see `dangvu round list`"))
}

/// One line: number, committee, period, state, deadline and progress.
fn summary_line(r: &RoundSummary) -> String {
    let state = match &r.closed {
        Some((day, _)) => format!("đã kết thúc/closed {day}"),
        None => "đang mở/open".to_owned(),
    };
    format!(
        "{:>5}  {:<10} {:<26} {:<28} hạn/due {}  đảng viên/members {}/{}  tổ chức/orgs {}/{}",
        r.id,
        r.org.as_str(),
        r.kind.label_vi(r.year),
        state,
        r.deadline,
        r.members.1,
        r.members.0,
        r.orgs.1,
        r.orgs.0,
    )
}

fn print_view(view: &RoundView) {
    out!("{}", summary_line(&view.round));
    out!("Tổ chức / Organizations (tự kiểm điểm/self-review → quyết định/decision):");
    for org in &view.orgs {
        out!(
            "  {:<14} {:<40} {} → {}",
            org.org.as_str(),
            org.name,
            org.self_review.as_ref().map_or("—", |s| s.value.0.code()),
            decided(org.decision.as_ref()),
        );
    }
    if !view.members_listed {
        out!(
            "Đảng viên: {n} (thêm --org MÃ để liệt kê một nhánh) / Members: {n} (add --org CODE \
             to list a part)",
            n = view.round.members.0
        );
        return;
    }
    out!("Đảng viên / Members (tự đánh giá/self → chi bộ đề xuất/proposed → quyết định/decision):");
    for m in &view.members {
        out!(
            "  {:<14} {:<32} {:<14} {} → {} → {}",
            m.member.as_str(),
            m.full_name,
            m.cell.as_str(),
            level(m.self_assessment.as_ref().map(|s| s.value.level)),
            level(m.proposal.as_ref().map(|s| s.value.level)),
            decided(m.decision.as_ref()),
        );
    }
}

fn level(level: Option<Rating>) -> &'static str {
    level.map_or("—", |l| l.code())
}

/// A decision's level as a code (the old scheme's where the year keeps it), with its
/// points where the period scores.
fn decided(decision: Option<&Stepped<Decided>>) -> String {
    let Some(d) = decision else {
        return "—".to_owned();
    };
    let level = d
        .value
        .label
        .clone()
        .unwrap_or_else(|| d.value.decision.level.code().to_owned());
    match d.value.decision.points {
        Some(points) => format!("{level} ({points}/100)"),
        None => level,
    }
}
